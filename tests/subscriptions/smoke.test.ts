import { AcceptOrderDocument, ConfirmOrderDocument, OrderPlacedDocument, OrderStatusChangedDocument } from '@mpp/client';
import { eventually, placeOrder, prepareDeal, subscribe, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

it('pushes order changes to both parties with fields from three subgraphs', async () => {
  const deal = await prepareDeal(platform);
  const merchant = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
  const placements = await subscribe(platform, deal.isv.owner.client, OrderPlacedDocument, { isvWorkspaceId: deal.isv.id });
  const order = await placeOrder(deal);
  await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
  await deal.merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } });
  const [placed] = await placements.take(1);
  expect(placed!.data?.orderPlaced.id).toBe(order.id);
  const events = await merchant.take(3);
  expect(events[0]!.data?.orderStatusChanged).toMatchObject({
    from: null,
    to: 'NEW',
    order: { service: { isv: { name: deal.isv.name } }, merchant: { name: deal.merchant.name } },
  });
  expect(events.map((e) => e.data?.orderStatusChanged.to)).toEqual(['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT']);
  await merchant.close();
  await placements.close();
  await eventually(() => platform.platform.gateway.activeSubscriptions() === 0, 5000, 'subscriptions released');
});
