import { AcceptOrderDocument, ConfirmOrderDocument, OrderStatusChangedDocument } from '@mpp/client';
import { placeOrder, prepareDeal, subscribe, TestPlatform, type Deal } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';

/** A query whose answer is an error (no release yet: INVALID_STATE), sent over the socket. */
const ReleaseQrCodeOverSocket = graphql(`
  query SocketReleaseQrCode($id: ID!) {
    miniProgram(id: $id) {
      qrCode(kind: RELEASE, page: "pages/index") {
        url
      }
    }
  }
`);

/** A mutation sent over the socket whose answer is a GraphQL error (not signed in as a party: NOT_FOUND or FORBIDDEN). */
const AcceptOverSocket = graphql(`
  mutation SocketAcceptOrder($input: OrderRefInput!) {
    acceptOrder(input: $input) {
      order {
        id
      }
      userErrors {
        code
      }
    }
  }
`);

/** Fields of Orders only, and a field of MiniPrograms: the second fails while MiniPrograms is down. */
const OrdersOnlyEvents = graphql(`
  subscription SocketOrdersOnlyEvents($workspaceId: ID!) {
    orderStatusChanged(workspaceId: $workspaceId) {
      cursor
      to
      order {
        id
        status
      }
    }
  }
`);
const MiniProgramNameEvents = graphql(`
  subscription SocketMiniProgramNameEvents($workspaceId: ID!) {
    orderStatusChanged(workspaceId: $workspaceId) {
      cursor
      to
      order {
        id
        miniProgram {
          name
        }
      }
    }
  }
`);

let platform: TestPlatform;
let deal: Deal;
beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
});
afterAll(() => platform?.stop());

describe('errors over WebSocket', () => {
  it('answers a query or mutation with errors in its result and leaves the socket and its subscriptions alone', async () => {
    const client = platform.client(deal.merchant.owner.token);
    const live = await subscribe(platform, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });

    const query = await subscribe(platform, client, ReleaseQrCodeOverSocket, { id: deal.miniProgramId });
    const [queried] = await query.take(1);
    expect(queried!.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(queried!.errors?.[0]?.message).not.toMatch(/internal/i);

    const order = await placeOrder(deal);
    // The merchant may not accept its own order: an error, on the same socket.
    const mutation = await subscribe(platform, client, AcceptOverSocket, { input: { orderId: order.id } });
    const [mutated] = await mutation.take(1);
    expect(mutated!.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);

    // The subscription on that socket still delivers.
    const [placed] = await live.take(1);
    expect(placed!.errors).toBeUndefined();
    expect(placed!.data?.orderStatusChanged).toMatchObject({ to: 'NEW', order: { id: order.id } });
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
    const [accepted] = await live.take(1);
    expect(accepted!.data?.orderStatusChanged).toMatchObject({ to: 'PENDING_CONFIRMATION' });
    await live.close();
    await client.close();
  });
});

describe('while MiniPrograms is down', () => {
  it('delivers each event with an error for the fields of MiniPrograms, keeps the subscription, and serves the others in full', async () => {
    const local = await prepareDeal(platform);
    const order = await placeOrder(local);
    const client = platform.client(local.merchant.owner.token);
    const ordersOnly = await subscribe(platform, client, OrdersOnlyEvents, { workspaceId: local.merchant.id });
    const withName = await subscribe(platform, client, MiniProgramNameEvents, { workspaceId: local.merchant.id });

    await platform.platform.subgraphs.find((s) => s.name === 'mini-programs')!.stop();
    try {
      // Over HTTP too, the fields of MiniPrograms fail: the mutation's own answer is not what is tested.
      await local.isv.owner.client.request(AcceptOrderDocument, { input: { orderId: order.id } });
      const [partial] = await withName.take(1);
      expect(partial!.errors?.length).toBeGreaterThan(0);
      for (const error of partial!.errors!) expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const [full] = await ordersOnly.take(1);
      expect(full!.errors).toBeUndefined();
      expect(full!.data?.orderStatusChanged).toMatchObject({ to: 'PENDING_CONFIRMATION', order: { id: order.id, status: 'PENDING_CONFIRMATION' } });

      // The subscription lives on: the next event arrives too.
      await local.merchant.owner.client.request(ConfirmOrderDocument, { input: { orderId: order.id } });
      const [next] = await withName.take(1);
      expect(next!.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await ordersOnly.take(1))[0]!.data?.orderStatusChanged.to).toBe('IN_DEVELOPMENT');
    } finally {
      await platform.restart();
    }
    await withName.close();
    await ordersOnly.close();
    await client.close();
  });
});
