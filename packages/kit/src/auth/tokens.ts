import type { KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../graphql/errors.js';
import { isId } from '../ids.js';

const ISSUER = 'mini-program-platform/accounts';
const AUDIENCE = 'mini-program-platform';

/** Who is calling: an account proven by a token Accounts signed. */
export interface Viewer {
  accountId: string;
}

export async function signAccessToken(key: KeyObject, accountId: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/**
 * The viewer of an `Authorization` header value: null without one; UNAUTHENTICATED (HTTP 401)
 * for a malformed, forged or expired token, since a client sending one expects to be signed in.
 */
export async function viewerFromAuthorization(header: string | undefined | null, key: KeyObject): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".', { badToken: true });
  try {
    const { payload } = await jwtVerify(match[1], key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
    if (typeof payload.sub !== 'string' || !isId(payload.sub)) throw unauthenticated('The token names no account.', { badToken: true });
    return { accountId: payload.sub };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired; sign in again.', { badToken: true });
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('The token is not valid.', { badToken: true });
    throw error;
  }
}
