import { lookup } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import { addressLiteral, isPublicAddress } from '../delivery/addresses.js';

export const URL_MAX_LENGTH = 2048;
export const DESCRIPTION_MAX_LENGTH = 200;
export const ENDPOINTS_PER_WORKSPACE = 10;
/** How long the secret before a rotation still signs deliveries. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;

/** A new signing secret: `whsec_` and a base64 key of 32 random bytes (the Standard Webhooks format). */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Why a URL may not receive webhooks, or null when it may: https only, no credentials, and a host
 * that resolves to public addresses only, unless private targets are allowed (then http too).
 * Checked again at every delivery, after DNS resolution.
 */
export async function urlProblem(raw: string, allowPrivate: boolean, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<string | null> {
  if (raw.length > URL_MAX_LENGTH) return `Use at most ${URL_MAX_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Give an absolute URL, e.g. https://example.com/webhooks.';
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return allowPrivate ? 'Use an https:// or http:// URL.' : 'Use an https:// URL.';
  if (url.username || url.password) return 'Leave credentials out of the URL.';
  if (allowPrivate) return null;
  const literal = addressLiteral(url.hostname);
  const addresses = literal ? [literal] : await resolve(url.hostname).catch(() => null);
  if (!addresses || addresses.length === 0) return `${url.hostname} does not resolve.`;
  const refused = addresses.find((address) => !isPublicAddress(address));
  return refused ? `${url.hostname} is a loopback or private address (${refused}); use a public one.` : null;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((entry) => entry.address);
}

export function descriptionProblem(description: string): string | null {
  return description.length > DESCRIPTION_MAX_LENGTH ? `Use at most ${DESCRIPTION_MAX_LENGTH} characters.` : null;
}
