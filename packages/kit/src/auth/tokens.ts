import type { KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../graphql/errors.js';
import { isId } from '../ids.js';

const ISSUER = 'mini-program-platform/accounts';
const AUDIENCE = 'mini-program-platform';

/** Who is calling: an account proven by a token Accounts signed. */
export interface Viewer {
  accountId: string;
  /** The session the token belongs to: ending it refuses every token it issued. */
  sessionId: string;
  /** When the token proving it expires (ms since the epoch). */
  expiresAt?: number;
}

export async function signAccessToken(key: KeyObject, accountId: string, sessionId: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/**
 * Tokens already verified, until they expire: a client sends the same token with every request,
 * and the gateway and each subgraph check it. Bounded, oldest entries dropped first.
 */
const verifiedByKey = new WeakMap<KeyObject, Map<string, Viewer>>();
const VERIFIED_MAX = 10_000;

/**
 * The viewer of an `Authorization` header value: null without one; UNAUTHENTICATED (HTTP 401)
 * for a malformed, forged or expired token, since a client sending one expects to be signed in.
 */
export async function viewerFromAuthorization(header: string | undefined | null, key: KeyObject): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".', { badToken: true });
  const token = match[1];
  let verified = verifiedByKey.get(key);
  if (!verified) verifiedByKey.set(key, (verified = new Map()));
  const known = verified.get(token);
  if (known && (known.expiresAt ?? 0) > Date.now()) return known;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
    if (typeof payload.sub !== 'string' || !isId(payload.sub)) throw unauthenticated('The token names no account.', { badToken: true });
    if (typeof payload.sid !== 'string' || !isId(payload.sid)) throw unauthenticated('The token names no session.', { badToken: true });
    const viewer = { accountId: payload.sub, sessionId: payload.sid, expiresAt: (payload.exp ?? 0) * 1000 };
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, viewer);
    return viewer;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired; sign in again.', { badToken: true });
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('The token is not valid.', { badToken: true });
    throw error;
  }
}
