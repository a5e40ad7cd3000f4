import { randomUUID } from 'node:crypto';
import { signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nest, post, whileHealthy } from './support.js';

// The real defaults (README "Limits"), except a bucket large enough for every attack of this file.
let platform: TestPlatform;
let alice: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '100000', RATE_LIMIT_RESTORE_PER_SECOND: '10000' } });
  alice = await signUp(platform);
}, 300_000);
afterAll(() => platform?.stop());

/** Refused before anything is planned: 4xx, a clear code, no data, and quickly. */
function expectRefused(response: Awaited<ReturnType<typeof post>>, status: number, code: string, message?: RegExp) {
  expect(response.status, response.text).toBe(status);
  expect(response.body.errors?.[0]?.extensions?.code, response.text).toBe(code);
  if (message) expect(response.body.errors?.[0]?.message).toMatch(message);
  expect(response.body.data ?? null).toBeNull();
  // Over HTTP on a loaded machine; the same attacks ran for 10 s to minutes without the limits.
  expect(response.ms).toBeLessThan(1_000);
}

const membershipsCycle = ['memberships', 'workspace', 'members', 'account'];

describe('operation limits, before planning', () => {
  it('refuses memberships → workspace → members → account nested 20 deep, while /healthz answers', async () => {
    const query = `{ ${nest(20, (level) => (level === 0 ? 'viewer' : membershipsCycle[(level - 1) % 4]!), '__typename')} }`;
    const responses = await whileHealthy(platform, () => Promise.all(Array.from({ length: 10 }, () => post(platform, query, { token: alice.token }))));
    for (const response of responses) expectRefused(response, 400, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 12 exceeded/);
  });

  it('refuses the same nesting within the depth limit by its cost, reporting the cost', async () => {
    const query = `{ ${nest(10, (level) => (level === 0 ? 'viewer' : membershipsCycle[(level - 1) % 4]!), '__typename')} }`;
    const response = await post(platform, query, { token: alice.token });
    expectRefused(response, 400, 'QUERY_TOO_COSTLY', /at most 1000/);
    const cost = response.body.errors![0]!.extensions!.cost as { requestedQueryCost: number; maxQueryCost: number };
    expect(cost.requestedQueryCost).toBeGreaterThan(10_000);
    expect(cost.maxQueryCost).toBe(1000);
  });

  it('refuses order → events → order … 10 deep (257 bytes) by its cost', async () => {
    const query = `{ order(id: "${randomUUID()}") { ${nest(9, (level) => (level % 2 ? 'order' : 'events'), '__typename')} } }`;
    const response = await whileHealthy(platform, () => post(platform, query, { token: alice.token }));
    expectRefused(response, 400, 'QUERY_TOO_COSTLY');
  });

  it('refuses 10,000 aliases of viewer { id } while parsing, and /healthz answers', async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    const responses = await whileHealthy(platform, () => Promise.all(Array.from({ length: 5 }, () => post(platform, query, { token: alice.token }))));
    for (const response of responses) expectRefused(response, 400, 'GRAPHQL_PARSE_FAILED', /more than 2000 tokens/);
  });

  it('refuses 2,000 aliases of order → miniProgram → versions', async () => {
    const id = randomUUID();
    const query = `{ ${Array.from({ length: 2_000 }, (_, i) => `o${i}: order(id: "${id}") { miniProgram { versions { nodes { id } } } }`).join(' ')} }`;
    expectRefused(await whileHealthy(platform, () => post(platform, query, { token: alice.token })), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses 40 aliases, and aliased lists that stay under the alias limit but cost too much', async () => {
    const many = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    expectRefused(await post(platform, many, { token: alice.token }), 400, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 30/);
    const costly = `{ ${Array.from({ length: 10 }, (_, i) => `m${i}: serviceMarket(first: 100) { nodes { id isv { name } } }`).join(' ')} }`;
    expectRefused(await post(platform, costly, { token: alice.token }), 400, 'QUERY_TOO_COSTLY');
  });

  it('tries no password of 50 signIn aliases in one request', async () => {
    const query = `mutation { ${Array.from(
      { length: 50 },
      (_, i) => `s${i}: signIn(input: { email: "${alice.email}", password: "${i === 49 ? alice.password : `guess ${i} guess`}" }) { token }`,
    ).join(' ')} }`;
    const response = await post(platform, query);
    expectRefused(response, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.text).not.toContain('"token":"');
    // Even two are refused: one signIn, signUp or changePassword per request.
    const two = `mutation { a: signIn(input: { email: "${alice.email}", password: "x" }) { token } b: signUp(input: { email: "b@example.com", password: "a fine passphrase", displayName: "B" }) { token } }`;
    expectRefused(await post(platform, two), 400, 'GRAPHQL_VALIDATION_FAILED', /One signIn, signUp or changePassword per request/);
  });

  it('refuses too many root fields and too many directives', async () => {
    const roots = `{ ${Array.from({ length: 21 }, (_, i) => `r${i}: service(id: "${randomUUID()}") { id }`).join(' ')} }`;
    const response = await post(platform, roots, { token: alice.token });
    expect(response.status).toBe(400);
    expect(response.body.errors!.map((error) => error.message).join(' ')).toMatch(/at most 20 root fields|Aliases limit/);
    const directives = `{ viewer { id ${Array.from({ length: 31 }, () => '@include(if: true)').join(' ')} } }`;
    expectRefused(await post(platform, directives, { token: alice.token }), 400, 'GRAPHQL_VALIDATION_FAILED', /Directives limit of 30/);
  });

  it('refuses a 1 MB document at the token limit, not after parsing it', async () => {
    const query = `{ viewer { ${'id '.repeat(330_000)} } }`;
    expectRefused(await whileHealthy(platform, () => post(platform, query, { token: alice.token })), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('still answers ordinary operations, with their cost', async () => {
    const response = await post(platform, '{ viewer { id memberships { role } } }', { token: alice.token });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ viewer: { id: alice.id, memberships: [] } });
    expect(response.body.extensions?.cost).toMatchObject({ requestedQueryCost: 11, actualQueryCost: 1 });
  });
});
