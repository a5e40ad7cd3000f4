import { InputChecks } from '@mpp/kit';
import validator from 'validator';

export const MAX_DOMAINS_PER_KIND = 200;

/**
 * A whitelist entry as the platform stores it: `https://<hostname>`. Accepted as a bare hostname
 * or an https URL without port, path, query or credentials; never an IP address or localhost.
 */
export function normalizeDomain(raw: string): string | null {
  const value = raw.trim().toLowerCase().replace(/\/$/, '');
  const host = value.startsWith('https://') ? value.slice('https://'.length) : value;
  if (/[:/?#@\s]/.test(host)) return null; // another scheme, a port, a path, a query or credentials
  if (validator.isIP(host) || host === 'localhost' || host.endsWith('.localhost')) return null;
  if (!validator.isFQDN(host, { require_tld: true, allow_underscores: false, allow_trailing_dot: false, allow_numeric_tld: false })) return null;
  return `https://${host}`;
}

export function normalizeDomains(checks: InputChecks, domains: string[]): string[] {
  const normalized: string[] = [];
  domains.forEach((domain, i) => {
    const entry = normalizeDomain(domain);
    checks.check(entry !== null, `domains.${i}`, `"${domain}" is not an https hostname (no IP, localhost, port or path).`);
    if (entry) normalized.push(entry);
  });
  const unique = [...new Set(normalized)];
  checks.check(unique.length <= MAX_DOMAINS_PER_KIND, 'domains', `At most ${MAX_DOMAINS_PER_KIND} domains of each kind.`);
  return unique;
}
