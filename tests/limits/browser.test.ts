import { TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http.js';
import { post } from './support.js';

const PARTNER = 'https://partner.example';
let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start({ env: { CORS_ORIGINS: `${PARTNER}, https://other.example`, PLAYGROUND: 'false' } });
}, 300_000);
afterAll(() => platform?.stop());

const preflight = (origin: string) =>
  rawRequest(platform, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
    },
  });

describe('browser front ends (CORS)', () => {
  it('answers the preflight of a listed origin with 204 and what it may send', async () => {
    const response = await preflight(PARTNER);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.split(',').map((name) => name.trim());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the listed origin read an answer, not any other origin', async () => {
    const allowed = await post(platform, '{ __typename }', { headers: { origin: PARTNER } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER);
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention for requests a browser sends without a preflight', async () => {
    const response = await rawRequest(platform, { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: { origin: PARTNER } });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('headers and error details', () => {
  it('sends the security headers on every response', async () => {
    for (const response of [await post(platform, '{ __typename }'), await rawRequest(platform, { method: 'GET', path: '/healthz' })]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('names no fields in "Did you mean" when introspection is off', async () => {
    const response = await post(platform, '{ viewe { id } }');
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/Did you mean/);
    expect(response.text).not.toContain('viewer');
  });

  it('closes the connections of slow clients', () => {
    const server = platform.platform.gateway.httpServer;
    expect(server.headersTimeout).toBe(20_000);
    expect(server.requestTimeout).toBe(120_000);
  });
});

describe('with the playground on', () => {
  it('still suggests fields to an integrator exploring the schema', async () => {
    const open = await TestPlatform.start();
    try {
      const response = await rawRequest(open, { body: JSON.stringify({ query: '{ viewe { id } }' }), headers: { 'content-type': 'application/json' } });
      expect((response.json as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Did you mean "viewer"/);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.stop();
    }
  }, 300_000);
});
