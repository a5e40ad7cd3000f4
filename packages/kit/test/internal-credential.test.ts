import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signInternalRequest, verifyInternalRequest } from '../src/auth/internal.js';

const secret = randomBytes(32);
const request = { method: 'POST', path: '/graphql', authorization: 'Bearer a.b.c' };

describe('the internal credential', () => {
  it('verifies for the request it was made for, within a minute', () => {
    const now = Date.now();
    const credential = signInternalRequest(secret, request, now);
    expect(verifyInternalRequest(secret, credential, request, now)).toBe(true);
    expect(verifyInternalRequest(secret, credential, request, now + 59_000)).toBe(true);
    expect(verifyInternalRequest(secret, credential, request, now + 61_000)).toBe(false);
    expect(verifyInternalRequest(secret, credential, request, now - 61_000)).toBe(false);
  });

  it('is refused for another secret, method, path or caller, and when malformed', () => {
    const credential = signInternalRequest(secret, request);
    expect(verifyInternalRequest(randomBytes(32), credential, request)).toBe(false);
    expect(verifyInternalRequest(secret, credential, { ...request, method: 'GET' })).toBe(false);
    expect(verifyInternalRequest(secret, credential, { ...request, path: '/uploads/x' })).toBe(false);
    expect(verifyInternalRequest(secret, credential, { ...request, authorization: 'Bearer x.y.z' })).toBe(false);
    expect(verifyInternalRequest(secret, credential, { ...request, authorization: null })).toBe(false);
    for (const broken of [undefined, '', 'v1', 'v2.1.x', `${credential}.extra`, credential.slice(0, -2), 'v1.1e3.abc']) {
      expect(verifyInternalRequest(secret, broken, request)).toBe(false);
    }
  });
});
