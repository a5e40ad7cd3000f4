import { createPlatformClient, OrderStatusChangedDocument } from '@mpp/client';
import { placeOrder, prepareDeal, subscribe, TestPlatform, type ReplicaGateway } from '@mpp/testkit';
import { AcceptOrderDocument } from '@mpp/client';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Two gateways on one Postgres server, each with its own database connection: both follow the
// Orders event log and deliver every event to their own subscribers.
let platform: TestPlatform;
let second: ReplicaGateway;

beforeAll(async () => {
  platform = await TestPlatform.start();
  second = await platform.startReplicaGateway();
});
afterAll(async () => {
  await platform?.stop();
});

it('delivers every event through both gateways', async () => {
  const deal = await prepareDeal(platform);
  const onFirst = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
  const secondClient = createPlatformClient({ url: second.url, token: deal.isv.owner.token, webSocketImpl: WebSocket, retryAttempts: 0 });
  const onSecond = await subscribe(second.gateway, secondClient, OrderStatusChangedDocument, { workspaceId: deal.isv.id });

  const orders = [await placeOrder(deal), await placeOrder(deal)];
  for (const order of orders) await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });

  for (const subscriber of [onFirst, onSecond]) {
    const received = (await subscriber.take(4)).map((r) => r.data!.orderStatusChanged);
    expect(received.map((e) => [e.order.id, e.to])).toEqual([
      [orders[0]!.id, 'NEW'],
      [orders[1]!.id, 'NEW'],
      [orders[0]!.id, 'PENDING_CONFIRMATION'],
      [orders[1]!.id, 'PENDING_CONFIRMATION'],
    ]);
    await subscriber.close();
  }
  await secondClient.close();
});
