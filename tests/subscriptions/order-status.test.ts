import {
  AcceptOrderDocument,
  AddWorkspaceMemberDocument,
  ApproveOrderClosureDocument,
  ConfirmOrderDocument,
  OrderPlacedDocument,
  OrderStatusChangedDocument,
  RejectOrderClosureDocument,
  RemoveWorkspaceMemberDocument,
  RequestOrderClosureDocument,
  SignOutDocument,
  type OrderStatusChangedSubscription,
} from '@mpp/client';
import { addMember, createVerifiedMerchant, createMiniProgram, eventually, placeOrder, prepareDeal, signIn, subscribe, TestPlatform, type Deal } from '@mpp/testkit';
import type { ExecutionResult } from 'graphql';
import { graphql } from '../generated/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

type Event = NonNullable<OrderStatusChangedSubscription['orderStatusChanged']>;
const events = (results: ExecutionResult<OrderStatusChangedSubscription>[]): Event[] =>
  results.map((result) => {
    expect(result.errors).toBeUndefined();
    return result.data!.orderStatusChanged;
  });

/** Every transition of a full order lifecycle, by the party that may take it. */
async function walkThrough(deal: Deal) {
  const order = await placeOrder(deal);
  const input = { orderId: order.id };
  await deal.isv.owner.client.execute(AcceptOrderDocument, { input });
  await deal.merchant.owner.client.execute(ConfirmOrderDocument, { input });
  await deal.isv.owner.client.execute(RequestOrderClosureDocument, { input });
  await deal.merchant.owner.client.execute(RejectOrderClosureDocument, { input: { ...input, reason: 'The release is missing the points shop.' } });
  await deal.isv.owner.client.execute(RequestOrderClosureDocument, { input });
  await deal.merchant.owner.client.execute(ApproveOrderClosureDocument, { input });
  return order;
}

const LIFECYCLE = [
  [null, 'NEW'],
  ['NEW', 'PENDING_CONFIRMATION'],
  ['PENDING_CONFIRMATION', 'IN_DEVELOPMENT'],
  ['IN_DEVELOPMENT', 'CLOSURE_REQUESTED'],
  ['CLOSURE_REQUESTED', 'IN_DEVELOPMENT'],
  ['IN_DEVELOPMENT', 'CLOSURE_REQUESTED'],
  ['CLOSURE_REQUESTED', 'CLOSED'],
];

describe('orderStatusChanged', () => {
  it('delivers every transition to both parties, with fields of Orders, ServiceMarket, Accounts and MiniPrograms', async () => {
    const deal = await prepareDeal(platform);
    const merchantDeveloper = await addMember(platform, deal.merchant, 'DEVELOPER');
    const merchant = await subscribe(platform, merchantDeveloper.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const isv = await subscribe(platform, deal.isv.owner.client, OrderStatusChangedDocument, { workspaceId: deal.isv.id });
    const order = await walkThrough(deal);

    for (const subscriber of [merchant, isv]) {
      const received = events(await subscriber.take(LIFECYCLE.length));
      expect(received.map((e) => [e.from, e.to])).toEqual(LIFECYCLE);
      for (const event of received) {
        expect(event.order).toMatchObject({
          id: order.id,
          number: order.number,
          service: { name: order.service.name, isv: { name: deal.isv.name } },
          merchant: { name: deal.merchant.name },
          miniProgram: { name: order.miniProgram.name },
        });
      }
      expect(received[4]!.reason).toBe('The release is missing the points shop.');
      expect(received[1]!.actor?.id).toBe(deal.isv.owner.id);
      // Cursors are opaque and strictly increasing in the log's order.
      expect(new Set(received.map((e) => e.cursor)).size).toBe(received.length);
      await subscriber.close();
    }
  });

  it("filters by orderId and delivers nothing of other parties' orders", async () => {
    const deal = await prepareDeal(platform);
    const first = await placeOrder(deal);
    const onlyFirst = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, {
      workspaceId: deal.merchant.id,
      orderId: first.id,
    });
    const outsider = await createVerifiedMerchant(platform);
    const outsiders = await subscribe(platform, outsider.owner.client, OrderStatusChangedDocument, { workspaceId: outsider.id });

    const second = await placeOrder(deal);
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: second.id } });
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: first.id } });
    const [accepted] = events(await onlyFirst.take(1));
    expect(accepted).toMatchObject({ from: 'NEW', to: 'PENDING_CONFIRMATION', order: { id: first.id } });

    // The outsider's first event is its own order: nothing of the deal's orders came before it.
    const ownProgram = await createMiniProgram(outsider);
    const own = await placeOrder({ ...deal, merchant: outsider, miniProgramId: ownProgram.id });
    const [ownEvent] = events(await outsiders.take(1));
    expect(ownEvent).toMatchObject({ to: 'NEW', order: { id: own.id } });
    expect(onlyFirst.pending).toBe(0);
    await onlyFirst.close();
    await outsiders.close();
  });

  it('refuses a subscriber who is not a member of the workspace, and sends it nothing', async () => {
    const deal = await prepareDeal(platform);
    const stranger = await createVerifiedMerchant(platform);
    const refused = await subscribe(platform, stranger.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const [result] = await refused.take(1);
    expect(result!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await placeOrder(deal);
    await refused.close();
    expect(refused.pending).toBe(0);
  });

  it('lets an account subscribe to a workspace it has just been added to, right after it subscribed to another', async () => {
    const deal = await prepareDeal(platform);
    const developer = await addMember(platform, deal.merchant, 'DEVELOPER');
    // The gateway now knows the developer's memberships: the merchant only.
    const merchantSide = await subscribe(platform, developer.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const { addWorkspaceMember } = await deal.isv.owner.client.execute(AddWorkspaceMemberDocument, {
      input: { workspaceId: deal.isv.id, email: developer.email, role: 'DEVELOPER' },
    });
    expect(addWorkspaceMember.userErrors).toEqual([]);
    const isvSide = await subscribe(platform, developer.client, OrderStatusChangedDocument, { workspaceId: deal.isv.id });
    const order = await placeOrder(deal);
    expect(events(await isvSide.take(1))[0]!.order.id).toBe(order.id);
    expect(events(await merchantSide.take(1))[0]!.order.id).toBe(order.id);
    await isvSide.close();
    await merchantSide.close();
  });

  it('refuses a connection without a valid token', async () => {
    const deal = await prepareDeal(platform);
    for (const client of [platform.client(null), platform.client('not-a-token'), platform.client(`${deal.merchant.owner.token}x`)]) {
      const iterator = client.subscribe(OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
      // graphql-ws closes the socket with 4403 Forbidden at connection time.
      await expect(iterator.next()).rejects.toMatchObject({ code: 4403 });
      await client.close();
    }
    expect(platform.platform.gateway.activeSubscriptions()).toBe(0);
  });
});

describe('resuming with a cursor', () => {
  it('delivers events 3..n exactly once to a client that left after event 2, including those logged while it was away', async () => {
    const deal = await prepareDeal(platform);
    const client = platform.client(deal.merchant.owner.token);
    const live = await subscribe(platform, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const order = await placeOrder(deal);
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
    const firstTwo = events(await live.take(2));
    await live.close();
    await client.close();

    // While away: three more transitions.
    await deal.merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } });
    await deal.isv.owner.client.execute(RequestOrderClosureDocument, { input: { orderId: order.id } });
    await deal.merchant.owner.client.execute(ApproveOrderClosureDocument, { input: { orderId: order.id } });

    const back = platform.client(deal.merchant.owner.token);
    const resumed = await subscribe(platform, back, OrderStatusChangedDocument, { workspaceId: deal.merchant.id, after: firstTwo[1]!.cursor });
    const replayed = events(await resumed.take(3));
    expect(replayed.map((e) => e.to)).toEqual(['IN_DEVELOPMENT', 'CLOSURE_REQUESTED', 'CLOSED']);

    // Then live, with no duplicate at the switch.
    const next = await placeOrder(deal);
    const [live2] = events(await resumed.take(1));
    expect(live2).toMatchObject({ to: 'NEW', order: { id: next.id } });
    expect(resumed.pending).toBe(0);
    await resumed.close();
    await back.close();
  });

  it('loses nothing and repeats nothing when events are committed while the replay runs', async () => {
    const deal = await prepareDeal(platform);
    // One after another: the first order's placement is then the earliest of the five in the log.
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrder(deal));
    // Resume from the first placement while the ISV keeps accepting orders.
    const { order } = (await deal.merchant.owner.client.execute(OrderDocumentForCursor, { id: orders[0]!.id })) as {
      order: { events: { cursor: string }[] };
    };
    const accepting = Promise.all(orders.map((o) => deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: o.id } })));
    const resumed = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, {
      workspaceId: deal.merchant.id,
      after: order.events[0]!.cursor,
    });
    await accepting;
    const received = events(await resumed.take(9)); // 4 other placements + 5 acceptances
    expect(received.filter((e) => e.to === 'NEW')).toHaveLength(4);
    expect(new Set(received.filter((e) => e.to === 'PENDING_CONFIRMATION').map((e) => e.order.id))).toEqual(new Set(orders.map((o) => o.id)));
    expect(new Set(received.map((e) => e.cursor)).size).toBe(9);
    // The next event is a new one: nothing was delivered twice at the switch to live.
    const later = await placeOrder(deal);
    const [next] = events(await resumed.take(1));
    expect(next).toMatchObject({ to: 'NEW', order: { id: later.id } });
    await resumed.close();
  });

  it('refuses a cursor it did not produce', async () => {
    const deal = await prepareDeal(platform);
    const refused = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id, after: 'nonsense' });
    const [result] = await refused.take(1);
    expect(result!.errors?.[0]?.message).toMatch(/cursor/);
    await refused.close();
  });
});

describe('orderPlaced', () => {
  it("pushes each order placed for the ISV's services to its members, and nothing else", async () => {
    const deal = await prepareDeal(platform);
    const developer = await addMember(platform, deal.isv, 'DEVELOPER');
    const placements = await subscribe(platform, developer.client, OrderPlacedDocument, { isvWorkspaceId: deal.isv.id });
    const first = await placeOrder(deal);
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: first.id } });
    const second = await placeOrder(deal);
    const received = await placements.take(2);
    expect(received.map((r) => r.data?.orderPlaced.id)).toEqual([first.id, second.id]);
    expect(received[0]!.data?.orderPlaced).toMatchObject({ status: expect.any(String), service: { id: deal.serviceId }, merchant: { name: deal.merchant.name } });
    await placements.close();
  });
});

describe('membership ending during a subscription', () => {
  it('stops delivering to a member removed from the workspace, even when payloads are shared', async () => {
    const deal = await prepareDeal(platform);
    const developer = await addMember(platform, deal.merchant, 'DEVELOPER');
    // The owner subscribes first: with the same (shared) selection, the developer's payloads come from the owner's execution.
    const owner = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const removed = await subscribe(platform, developer.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const first = await placeOrder(deal);
    expect(events(await removed.take(1))[0]!.order.id).toBe(first.id);

    await deal.merchant.owner.client.execute(RemoveWorkspaceMemberDocument, { input: { workspaceId: deal.merchant.id, accountId: developer.id } });
    // The gateway reads the memberships Accounts changed before it settles an event: the very next
    // event ends the subscription with FORBIDDEN instead of a payload.
    await placeOrder(deal);
    const [refusal] = await removed.take(1);
    expect(refusal!.data ?? null).toBeNull();
    expect(refusal!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await owner.take(1))[0]!.errors).toBeUndefined();
    await owner.close();
    await removed.close();
  });
});

describe('a session ending during a subscription', () => {
  it('ends the subscriptions of that session with UNAUTHENTICATED at the next event, and only those', async () => {
    const deal = await prepareDeal(platform);
    const developer = await addMember(platform, deal.merchant, 'DEVELOPER');
    const otherSession = await signIn(platform, developer.email, developer.password);
    // Same account and selection: both are served together, yet each session ends on its own.
    const signedOut = await subscribe(platform, developer.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const stillIn = await subscribe(platform, otherSession.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const first = await placeOrder(deal);
    expect(events(await signedOut.take(1))[0]!.order.id).toBe(first.id);
    expect(events(await stillIn.take(1))[0]!.order.id).toBe(first.id);

    await developer.client.execute(SignOutDocument, {});
    await eventually(
      async () => {
        await placeOrder(deal);
        const [result] = await signedOut.take(1);
        if (!result!.errors) return false;
        expect(result!.errors[0]!.extensions?.code).toBe('UNAUTHENTICATED');
        expect(result!.errors[0]!.message).toMatch(/session has ended/);
        return true;
      },
      15_000,
      'the signed-out session to be refused',
    );
    const second = await placeOrder(deal);
    await eventually(async () => events(await stillIn.take(1))[0]!.order.id === second.id, 15_000, 'the other session to receive the next order');
    // The ended subscription completed after its error: nothing more reached it.
    expect(signedOut.pending).toBe(0);
    await signedOut.close();
    await stillIn.close();
  });
});

describe('connections', () => {
  it('holds the per-connection limit when many subscriptions arrive at once', async () => {
    const limited = await TestPlatform.start({ env: { SUBSCRIPTIONS_PER_CONNECTION: '2' } });
    try {
      const deal = await prepareDeal(limited);
      const client = limited.client(deal.merchant.owner.token);
      const iterators = Array.from({ length: 10 }, () => client.subscribe(OrderStatusChangedDocument, { workspaceId: deal.merchant.id }));
      let refused = 0;
      for (const iterator of iterators) iterator.next().catch(() => (refused += 1));
      await eventually(() => refused === 8, 10_000, 'eight of ten racing subscriptions refused');
      expect(limited.platform.gateway.activeSubscriptions()).toBe(2);
      await Promise.all(iterators.map((iterator) => iterator.return?.(undefined)));
      await client.close();
      await eventually(() => limited.platform.gateway.activeSubscriptions() === 0, 5000, 'subscriptions released');
    } finally {
      await limited.stop();
    }
  });

  it('limits the subscriptions of one connection and releases them when the client leaves', async () => {
    const limited = await TestPlatform.start({ env: { SUBSCRIPTIONS_PER_CONNECTION: '2' } });
    try {
      const deal = await prepareDeal(limited);
      const client = limited.client(deal.merchant.owner.token);
      const one = await subscribe(limited, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
      const two = await subscribe(limited, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
      const three = await subscribe(limited, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
      const [refusal] = await three.take(1);
      expect(refusal!.errors?.[0]?.message).toMatch(/At most 2 subscriptions/);
      expect(limited.platform.gateway.activeSubscriptions()).toBe(2);
      await one.close();
      await two.close();
      await client.close();
      await eventually(() => limited.platform.gateway.activeSubscriptions() === 0, 5000, 'subscriptions released');
    } finally {
      await limited.stop();
    }
  });
});

const OrderDocumentForCursor = graphql(`
  query SubscriptionTestOrderCursor($id: ID!) {
    order(id: $id) {
      events {
        cursor
      }
    }
  }
`);

describe('gateway restarts', () => {
  it('loses nothing for a client that resumes with its cursor', async () => {
    const restarting = await TestPlatform.start();
    try {
      const deal = await prepareDeal(restarting);
      const order = await placeOrder(deal);
      const client = restarting.client(deal.merchant.owner.token);
      const before = await subscribe(restarting, client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id, orderId: order.id, after: null });
      await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
      const [seen] = events(await before.take(1));
      await restarting.restart(); // the gateway closes the socket (1001 going away)
      await before.close();
      await client.close();

      await deal.merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } });
      const resumed = await subscribe(restarting, restarting.client(deal.merchant.owner.token), OrderStatusChangedDocument, {
        workspaceId: deal.merchant.id,
        after: seen!.cursor,
      });
      const [after] = events(await resumed.take(1));
      expect(after).toMatchObject({ from: 'PENDING_CONFIRMATION', to: 'IN_DEVELOPMENT', order: { id: order.id } });
      await resumed.close();
    } finally {
      await restarting.stop();
    }
  });
});
