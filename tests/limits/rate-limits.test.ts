import { SignInDocument, ViewerDocument } from '@mpp/client';
import { signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from './support.js';

// A small bucket that restores slowly, so a test can empty it; sign-in limits at their defaults.
let platform: TestPlatform;
let alice: Actor;
let bob: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '100', RATE_LIMIT_RESTORE_PER_SECOND: '2', SIGN_IN_FAILURES_PER_IP: '100' } });
  alice = await signUp(platform, { email: 'alice.limits@example.com' });
  bob = await signUp(platform, { email: 'bob.limits@example.com' });
}, 300_000);
afterAll(() => platform?.stop());

const MARKET = '{ serviceMarket(first: 50) { nodes { id } } }'; // requested 51, actual 1 (an empty market)
// A mutation costs 10 and is refused by Accounts (an empty name): points spent, nothing changed.
const SPEND = 'mutation { createWorkspace(input: { kind: MERCHANT, name: "" }) { userErrors { code } } }';

/** Sends SPEND until the gateway throttles; the statuses seen and the throttled answer. */
async function spendUntilThrottled(options: Parameters<typeof post>[2]) {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) {
    const response = await post(platform, SPEND, options);
    statuses.push(response.status);
    if (response.status === 429) return { statuses, throttled: response };
  }
  return { statuses, throttled: null };
}

describe('leaky bucket of cost points', () => {
  it('throttles an account that spends faster than it restores: 429, Retry-After, RATE_LIMITED', async () => {
    const { statuses, throttled } = await spendUntilThrottled({ token: alice.token });
    expect(throttled, `statuses ${statuses.join(',')}`).not.toBeNull();
    // 100 points at 10 a request, plus what was restored meanwhile.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(9);
    expect(throttled!.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(throttled!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5); // 10 points at 2 per second
    expect(throttled!.body.errors![0]!.extensions!.retryAfterSeconds).toBe(retryAfter);
    expect(throttled!.body.data ?? null).toBeNull();

    // Another account has its own bucket.
    expect((await post(platform, SPEND, { token: bob.token })).status).toBe(200);
  });

  it('gives back what an answer cost less than asked: a connection pays for the nodes it returned', async () => {
    const carol = await signUp(platform);
    const first = await post(platform, MARKET, { token: carol.token });
    expect(first.body.extensions?.cost).toMatchObject({ requestedQueryCost: 51, actualQueryCost: 1 });
    expect(first.body.extensions!.cost!.throttleStatus!.currentlyAvailable).toBeGreaterThanOrEqual(99);
    // Ten of them would be 510 points at the requested cost; refunded, they all pass.
    for (let i = 0; i < 9; i++) expect((await post(platform, MARKET, { token: carol.token })).status).toBe(200);
  });

  it('counts anonymous calls per client address', async () => {
    const { throttled } = await spendUntilThrottled({ headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(throttled?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await post(platform, MARKET, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200);
  });
});

describe('sign-in attempts', () => {
  it('refuses an email after 10 failed sign-ins, also with the right password, without locking out others', async () => {
    const dave = await signUp(platform);
    // From a new address each time: the email's allowance holds whatever the address.
    const anonymous = platform.client(null, { 'x-forwarded-for': '198.51.100.200' });
    for (let i = 0; i < 10; i++) {
      const result = await platform.client(null, { 'x-forwarded-for': `198.51.100.${i + 1}` }).request(SignInDocument, { input: { email: dave.email, password: `wrong password ${i}` } });
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
    for (let i = 0; i < 15; i++) {
      const result = await platform.client(null, { 'x-forwarded-for': `198.51.100.${i + 100}` }).request(SignInDocument, { input: { email: erin.email, password: erin.password } });
      expect(result.data!.signIn.token, JSON.stringify(result.errors)).toEqual(expect.any(String));
    }
  });
});
