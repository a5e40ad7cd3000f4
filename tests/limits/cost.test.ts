import { ServiceMarketDocument, SignInDocument, ViewerDocument } from '@mpp/client';
import { createOnlineService, createVerifiedIsv, signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, type CostExtension } from './support.js';

let platform: TestPlatform;
let alice: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '5000', RATE_LIMIT_RESTORE_PER_SECOND: '50' } });
  alice = await signUp(platform);
  const isv = await createVerifiedIsv(platform);
  for (let i = 0; i < 3; i++) await createOnlineService(platform, isv);
}, 300_000);
afterAll(() => platform?.stop());

describe('query cost in every response', () => {
  it('Viewer: objects 1, plain lists at 10 items; the actual cost counts what came back', async () => {
    const result = await alice.client.request(ViewerDocument);
    const cost = result.extensions?.cost as CostExtension;
    expect(cost.requestedQueryCost).toBeGreaterThan(1);
    expect(cost.actualQueryCost).toBe(1); // a viewer without memberships
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 5000, restoreRate: 50 });
    expect(cost.throttleStatus!.currentlyAvailable).toBeLessThanOrEqual(5000 - 1);
  });

  it('a connection: requested by first, actual by the nodes returned', async () => {
    const query = '{ serviceMarket(first: 50) { nodes { id isv { name } } pageInfo { hasNextPage } } }';
    const response = await post(platform, query, { token: alice.token });
    expect(response.status).toBe(200);
    expect((response.body.data!.serviceMarket as { nodes: unknown[] }).nodes).toHaveLength(3);
    // market 1 + 50 × (service 1 + isv 1) + pageInfo 1; back: 1 + 3 × 2 + 1
    expect(response.body.extensions?.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 8 });

    const byDefault = await post(platform, '{ serviceMarket { nodes { id } } }', { token: alice.token });
    expect(byDefault.body.extensions?.cost?.requestedQueryCost).toBe(1 + 20);
    const typed = await alice.client.request(ServiceMarketDocument, { first: 2 });
    expect((typed.extensions?.cost as CostExtension).actualQueryCost).toBeLessThanOrEqual((typed.extensions?.cost as CostExtension).requestedQueryCost);
  });

  it('a mutation costs 10', async () => {
    const result = await platform.client().request(SignInDocument, { input: { email: alice.email, password: alice.password } });
    expect(result.extensions?.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  });

  it('refuses an operation over MAX_QUERY_COST with QUERY_TOO_COSTLY and its cost, before running it', async () => {
    const query = '{ a: serviceMarket(first: 100) { nodes { id isv { name members { role } } } } b: serviceMarket(first: 100) { nodes { id } } }';
    const response = await post(platform, query, { token: alice.token });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: { requestedQueryCost: 1 + 100 * (1 + 1 + 10) + 1 + 100, maxQueryCost: 1000 } });
    expect(response.body.data ?? null).toBeNull();
    // The answer's cost report agrees with the error: nothing ran, nothing was taken from the bucket.
    expect((response.body.extensions as { cost?: unknown } | undefined)?.cost).toMatchObject({ requestedQueryCost: 1 + 100 * (1 + 1 + 10) + 1 + 100, actualQueryCost: null });
  });

  it('takes first from the variables', async () => {
    const query = 'query ($n: Int) { serviceMarket(first: $n) { nodes { id } } }';
    expect((await post(platform, query, { token: alice.token, variables: { n: 7 } })).body.extensions?.cost?.requestedQueryCost).toBe(8);
    const tooMany = await post(platform, 'query ($n: Int) { serviceMarket(first: $n) { nodes { id isv { members { role } } } } }', { token: alice.token, variables: { n: 100 } });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});
