import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestPlatform } from '@mpp/testkit';

/** The claims Accounts puts in its tokens. */
export const TOKEN_ISSUER = 'mini-program-platform/accounts';
export const TOKEN_AUDIENCE = 'mini-program-platform';

export type TokenClaims = Record<string, unknown>;

/** The platform's own signing key, as Accounts keeps it under DATA_DIR. */
export function platformSigningKey(platform: TestPlatform): KeyObject {
  return createPrivateKey(readFileSync(join(platform.config.dataDir, 'keys', 'token-signing-key.pem'), 'utf8'));
}

/** A key the platform has never seen. */
export function strangerSigningKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

/** Valid claims for `accountId` in a session of its own, good for ten minutes, with `overrides` applied. */
export function claimsFor(accountId: string, overrides: TokenClaims = {}): TokenClaims {
  const now = Math.floor(Date.now() / 1000);
  return { sub: accountId, sid: randomUUID(), iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600, ...overrides };
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A compact JWS signed with Ed25519, written by hand so a test controls every byte. */
export function signToken(claims: TokenClaims, key: KeyObject, header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT' }): string {
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), key).toString('base64url')}`;
}

/** The claims of a token (no verification: tests read what the platform issued). */
export function decodeClaims(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
}

/** The token with its payload replaced and its original signature kept. */
export function withTamperedClaims(token: string, claims: TokenClaims): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64UrlJson(claims)}.${signature}`;
}
