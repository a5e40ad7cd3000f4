import { createPlatformClient } from '@mpp/client';
import { startGateway, type RunningGateway } from '@mpp/gateway';
import { createLogger, openDatabase, type Database } from '@mpp/kit';
import { freePort, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll } from 'vitest';
import { doorsOf } from '../support/sessions.js';
import { sessionCases } from './session-cases.js';

// Two gateways on one Postgres server, each following Accounts' log on its own connection: a
// session begun or ended through one is seen by the other and by every subgraph within a second.
let platform: TestPlatform;
let second: RunningGateway;
let secondDatabase: Database;

beforeAll(async () => {
  platform = await TestPlatform.start();
  secondDatabase = await openDatabase({ url: platform.config.databaseUrl, dataDir: platform.config.dataDir, poolSize: 2 });
  second = await startGateway({
    config: { ...platform.config, port: await freePort() },
    logger: createLogger({ level: 'silent' }),
    database: secondDatabase,
    subgraphUrls: new Map(platform.platform.subgraphs.map((s) => [s.name, `${s.url}/graphql`])),
  });
});
afterAll(async () => {
  await second?.stop();
  await secondDatabase?.close();
  await platform?.stop();
});

sessionCases(() => ({
  platform,
  doors: doorsOf(platform, [`${second.url}/graphql`]),
  clients: [(token) => platform.client(token ?? null), (token) => createPlatformClient({ url: `${second.url}/graphql`, token: token ?? null })],
}));
