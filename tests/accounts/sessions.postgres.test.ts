import { createPlatformClient } from '@mpp/client';
import { TestPlatform, type ReplicaGateway } from '@mpp/testkit';
import { afterAll, beforeAll } from 'vitest';
import { doorsOf } from '../support/sessions.js';
import { sessionCases } from './session-cases.js';

// Two gateways on one Postgres server, each following Accounts' log on its own connection: a
// session begun or ended through one is seen by the other and by every subgraph within a second.
let platform: TestPlatform;
let second: ReplicaGateway;

beforeAll(async () => {
  platform = await TestPlatform.start();
  second = await platform.startReplicaGateway();
});
afterAll(async () => {
  await platform?.stop();
});

sessionCases(() => ({
  platform,
  doors: doorsOf(platform, [second.url]),
  clients: [(token) => platform.client(token ?? null), (token) => createPlatformClient({ url: second.url, token: token ?? null })],
}));
