import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { PlatformConfig } from '../config.js';
import { loadOrCreateSecretFile, readOptional } from './keys.js';

/** The header the gateway proves itself with to subgraphs. */
export const INTERNAL_CREDENTIAL_HEADER = 'x-internal-credential';

/** How old (or, with clock skew, how far ahead) a signed request may be. */
const MAX_AGE_MS = 60_000;
const VERSION = 'v1';

type SecretSources = Pick<PlatformConfig, 'internalSecret' | 'internalSecretFile' | 'dataDir'>;

/**
 * The secret shared by the gateway and the subgraphs: `INTERNAL_SECRET`, the file of
 * `INTERNAL_SECRET_FILE`, or `DATA_DIR/keys/internal-secret`, made on first start.
 */
export function loadInternalSecret(config: SecretSources): Buffer {
  const given = config.internalSecret ?? readOptional(config.internalSecretFile)?.trim() ?? null;
  const secret = given ?? loadOrCreateSecretFile(join(config.dataDir, 'keys', 'internal-secret'), () => randomBytes(32).toString('base64url'));
  if (Buffer.byteLength(secret.trim()) < 32) throw new Error('INTERNAL_SECRET must have at least 32 characters.');
  return Buffer.from(secret.trim());
}

/** What a signature covers: when, which route, and as whom (the caller's Authorization header). */
export interface InternalRequest {
  method: string;
  /** Path and query string, e.g. `/graphql` or `/uploads/…`. */
  path: string;
  authorization?: string | null;
}

function mac(secret: Buffer, timestamp: string, request: InternalRequest): string {
  return createHmac('sha256', secret)
    .update(`${VERSION}\n${timestamp}\n${request.method.toUpperCase()}\n${request.path}\n${request.authorization ?? ''}`)
    .digest('base64url');
}

/**
 * The gateway's credential for one request to a subgraph: `v1.<ms>.<HMAC-SHA256>`. It binds the
 * time, method, path and the caller's token, so a captured value is good only for that caller's
 * route for a minute; bodies are not covered (uploads are streamed, and checked by their SHA-256).
 */
export function signInternalRequest(secret: Buffer, request: InternalRequest, now = Date.now()): string {
  const timestamp = String(now);
  return `${VERSION}.${timestamp}.${mac(secret, timestamp, request)}`;
}

/** Whether `credential` is the gateway's, fresh, for this very request. */
export function verifyInternalRequest(secret: Buffer, credential: string | undefined, request: InternalRequest, now = Date.now()): boolean {
  if (!credential) return false;
  const [version, timestamp, signature, extra] = credential.split('.');
  if (version !== VERSION || !timestamp || !signature || extra !== undefined || !/^\d{1,16}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > MAX_AGE_MS) return false;
  const expected = Buffer.from(mac(secret, timestamp, request));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
