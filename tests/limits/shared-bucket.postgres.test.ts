import { startGateway, type RunningGateway } from '@mpp/gateway';
import { createLogger, openDatabase, type Database } from '@mpp/kit';
import { freePort, signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { post } from './support.js';

// Two gateways on one Postgres server, as replicas behind one port: a caller's bucket is the same
// whichever gateway answers.
let platform: TestPlatform;
let second: RunningGateway;
let secondDatabase: Database;
let alice: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '25', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
  secondDatabase = await openDatabase({ url: platform.config.databaseUrl, dataDir: platform.config.dataDir, poolSize: 2 });
  second = await startGateway({
    config: { ...platform.config, port: await freePort() },
    logger: createLogger({ level: 'silent' }),
    database: secondDatabase,
    subgraphUrls: new Map(platform.platform.subgraphs.map((s) => [s.name, `${s.url}/graphql`])),
  });
  alice = await signUp(platform);
}, 300_000);
afterAll(async () => {
  await second?.stop();
  await secondDatabase?.close();
  await platform?.stop();
});

// A mutation costs 10 and is refused by Accounts (an empty name): points spent, nothing changed.
const SPEND = 'mutation { createWorkspace(input: { kind: MERCHANT, name: "" }) { userErrors { code } } }';

it('shares each account’s bucket between gateways', async () => {
  expect(platform.driver).toBe('postgres');
  const viaSecond = { origin: second.url } as TestPlatform;
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
