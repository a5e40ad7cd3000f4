import { createPlatformClient, OrderStatusChangedDocument } from '@mpp/client';
import { addMember, placeOrder, prepareDeal, subscribe, TestPlatform, type Actor, type Deal } from '@mpp/testkit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { post } from './support.js';

// Seeded with the suite's large bucket, then restarted with a small, slowly restoring one: what the
// gateway runs for itself over WebSocket (completing events, checking memberships) must take
// nothing from anyone's bucket, and what a client runs over the socket is charged to its account.
let platform: TestPlatform;
let deal: Deal;
let subscriber: Actor;
let placers: Actor[];
beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
  subscriber = await addMember(platform, deal.merchant, 'DEVELOPER');
  placers = [deal.merchant.owner, await addMember(platform, deal.merchant, 'MASTER'), await addMember(platform, deal.merchant, 'MASTER')];
  await platform.restart({ env: { RATE_LIMIT_POINTS: '40', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
}, 300_000);
afterAll(() => platform?.stop());

it('delivers every event to a subscriber however much the gateway works to complete them', async () => {
  const client = createPlatformClient({ url: platform.url, token: subscriber.token, webSocketImpl: WebSocket, retryAttempts: 0 });
  const subscription = await subscribe(platform, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
  // Six orders from three accounts (20 points each of 40): six events, each completed by the gateway.
  for (const placer of placers) {
    for (let i = 0; i < 2; i++) await placeOrder({ ...deal, merchant: { ...deal.merchant, owner: placer } });
  }
  const events = await subscription.take(6, 60_000);
  expect(events.map((event) => event.errors ?? [])).toEqual([[], [], [], [], [], []]);
  expect(events.every((event) => event.data?.orderStatusChanged.to === 'NEW')).toBe(true);
  await subscription.close();
  await client.close();
});

it('charges a query sent over the socket to its account, once, as over HTTP', async () => {
  const socket: Client = createClient({
    url: platform.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${subscriber.token}` },
    retryAttempts: 0,
  });
  const ask = () =>
    new Promise<{ extensions?: { cost?: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } | null } } }>((resolve, reject) => {
      socket.subscribe({ query: '{ viewer { id } }' }, { next: (result) => resolve(result as never), error: reject, complete: () => {} });
    });
  const first = await ask();
  const second = await ask();
  const overHttp = await post(platform, '{ viewer { id } }', { token: subscriber.token });
  await socket.dispose();

  expect(first.extensions?.cost?.requestedQueryCost).toBe(1);
  const [a, b, c] = [first, second, overHttp.body].map((result) => (result.extensions?.cost as { throttleStatus: { currentlyAvailable: number } }).throttleStatus.currentlyAvailable);
  // One bucket (the account's), one point per query; at most a point or two restored meanwhile.
  expect(b).toBeLessThanOrEqual(a!);
  expect(b).toBeGreaterThanOrEqual(a! - 1);
  expect(c).toBeLessThanOrEqual(b! + 2);
  expect(c).toBeGreaterThanOrEqual(b! - 1);
});
