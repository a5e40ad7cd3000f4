import { SignInDocument, ViewerDocument } from '@mpp/client';
import { signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from './support.js';

// A small bucket that restores slowly, so a test can empty it; sign-in limits at their defaults.
let platform: TestPlatform;
let alice: Actor;
let bob: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '300', RATE_LIMIT_RESTORE_PER_SECOND: '5', SIGN_IN_FAILURES_PER_IP: '100' } });
  alice = await signUp(platform, { email: 'alice.limits@example.com' });
  bob = await signUp(platform, { email: 'bob.limits@example.com' });
}, 120_000);
afterAll(() => platform?.stop());

const MARKET = '{ serviceMarket(first: 100) { nodes { id } } }'; // requested 101, actual 1 (an empty market)
const COSTLY_LIST = '{ viewer { memberships { workspace { members { role } } } } }'; // requested 1 + 10 × (2 + 10) = 121

describe('leaky bucket of cost points', () => {
  it('throttles an account that spends faster than it restores: 429, Retry-After, RATE_LIMITED', async () => {
    const statuses: number[] = [];
    let throttled: Awaited<ReturnType<typeof post>> | null = null;
    for (let i = 0; i < 5 && !throttled; i++) {
      const response = await post(platform, COSTLY_LIST, { token: alice.token });
      statuses.push(response.status);
      if (response.status === 429) throttled = response;
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(throttled, `statuses ${statuses.join(',')}`).not.toBeNull();
    expect(throttled!.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(throttled!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(25);
    expect(throttled!.body.data ?? null).toBeNull();

    // Another account has its own bucket.
    expect((await post(platform, COSTLY_LIST, { token: bob.token })).status).toBe(200);
  });

  it('gives back what an answer cost less than asked: a connection pays for the nodes it returned', async () => {
    const carol = await signUp(platform);
    const first = await post(platform, MARKET, { token: carol.token });
    expect(first.body.extensions?.cost).toMatchObject({ requestedQueryCost: 101, actualQueryCost: 1 });
    expect(first.body.extensions!.cost!.throttleStatus!.currentlyAvailable).toBeGreaterThanOrEqual(299);
    // Ten of them would be 1,010 points at the requested cost; refunded, they all pass.
    for (let i = 0; i < 9; i++) expect((await post(platform, MARKET, { token: carol.token })).status).toBe(200);
  });

  it('counts anonymous calls per client address', async () => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(platform, COSTLY_LIST, from('203.0.113.7'))).status);
    // viewer is null for anonymous callers; the requested cost is what is charged up front.
    expect(statuses).toContain(429);
    expect((await post(platform, MARKET, from('203.0.113.8'))).status).toBe(200);
  });
});

describe('sign-in attempts', () => {
  it('refuses an email after 10 failed sign-ins, also with the right password, without locking out others', async () => {
    const dave = await signUp(platform);
    const anonymous = platform.client(null, { 'x-forwarded-for': '198.51.100.1' });
    for (let i = 0; i < 10; i++) {
      const result = await anonymous.request(SignInDocument, { input: { email: dave.email, password: `wrong password ${i}` } });
      expect(result.status).toBe(200);
      expect(result.data!.signIn.token).toBeNull();
    }
    const locked = await anonymous.request(SignInDocument, { input: { email: dave.email, password: dave.password } });
    expect(locked.status).toBe(429);
    expect(locked.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors![0]!.message).toMatch(/failed sign-ins for this email/);
    expect(Number(locked.errors![0]!.extensions!.retryAfterSeconds)).toBeGreaterThan(0);
    // Dave's open session and other accounts are not affected.
    expect((await dave.client.execute(ViewerDocument)).viewer?.id).toBe(dave.id);
    const other = await anonymous.request(SignInDocument, { input: { email: bob.email, password: bob.password } });
    expect(other.data!.signIn.token).toEqual(expect.any(String));
  });

  it('does not count successful sign-ins', async () => {
    const erin = await signUp(platform);
    const anonymous = platform.client(null, { 'x-forwarded-for': '198.51.100.2' });
    for (let i = 0; i < 15; i++) {
      const result = await anonymous.request(SignInDocument, { input: { email: erin.email, password: erin.password } });
      expect(result.data!.signIn.token, JSON.stringify(result.errors)).toEqual(expect.any(String));
    }
  });
});
