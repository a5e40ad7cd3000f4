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
  platform = await TestPlatform.start({ env: { RATE_LIMIT_POINTS: '300', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
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

const COSTLY_LIST = '{ viewer { memberships { workspace { members { role } } } } }'; // 121 points

it('shares each account’s bucket between gateways', async () => {
  expect(platform.driver).toBe('postgres');
  const viaSecond = { origin: second.url } as TestPlatform;
  expect((await post(platform, COSTLY_LIST, { token: alice.token })).status).toBe(200);
  const secondAnswer = await post(viaSecond, COSTLY_LIST, { token: alice.token });
  expect(secondAnswer.status).toBe(200);
  expect(secondAnswer.body.extensions?.cost?.throttleStatus?.currentlyAvailable).toBeLessThan(300 - 121);
  // 300 − 2 × 121 left: the third, on either gateway, is throttled.
  const third = await post(viaSecond, COSTLY_LIST, { token: alice.token });
  expect(third.status).toBe(429);
  expect(third.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  expect((await post(platform, COSTLY_LIST, { token: alice.token })).status).toBe(429);
});
