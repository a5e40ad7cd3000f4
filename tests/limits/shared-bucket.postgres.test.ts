import { signUp, TestPlatform, type Actor, type ReplicaGateway } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { post } from './support.js';

// Two gateways on one Postgres server, as replicas behind one port: a caller's bucket is the same
// whichever gateway answers.
let platform: TestPlatform;
let second: ReplicaGateway;
let alice: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '25', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
  second = await platform.startReplicaGateway();
  alice = await signUp(platform);
}, 300_000);
afterAll(async () => {
  await platform?.stop();
});

// A mutation costs 10 and is refused by Accounts (an empty name): points spent, nothing changed.
const SPEND = 'mutation { createWorkspace(input: { kind: MERCHANT, name: "" }) { userErrors { code } } }';

it('shares each account’s bucket between gateways', async () => {
  expect(platform.driver).toBe('postgres');
  const viaSecond = { origin: second.origin } as TestPlatform;
  expect((await post(platform, SPEND, { token: alice.token })).status).toBe(200);
  const secondAnswer = await post(viaSecond, SPEND, { token: alice.token });
  expect(secondAnswer.status).toBe(200);
  expect(secondAnswer.body.extensions?.cost?.throttleStatus?.currentlyAvailable).toBeLessThan(25 - 10);
  // 25 − 2 × 10 left (and 1 a second back): the third, on either gateway, is throttled.
  const third = await post(viaSecond, SPEND, { token: alice.token });
  expect(third.status).toBe(429);
  expect(third.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  expect((await post(platform, SPEND, { token: alice.token })).status).toBe(429);
});
