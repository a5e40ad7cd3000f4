import { randomUUID } from 'node:crypto';
import {
  AddMiniProgramMemberDocument,
  MiniProgramDocument,
  RemoveWorkspaceMemberDocument,
  WorkspaceOrdersDocument,
  type OrderStatus,
  type WorkspaceOrdersQuery,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createOnlineService,
  createVerifiedIsv,
  createVerifiedMerchant,
  eventually,
  prepareDeal,
  signInAdmin,
  signUp,
  TestPlatform,
  type Actor,
  type Deal,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { orderAs, orderIn, refused, steps, succeeded, type OrderView } from './steps.js';

/** Each party's orders, reached through an order (how a party meets the other party's workspace). */
const PartiesOrders = graphql(`
  query VisibilityPartiesOrders($id: ID!) {
    order(id: $id) {
      merchant {
        id
        orders(first: 50) {
          totalCount
          nodes {
            id
          }
        }
      }
      isv {
        id
        orders(first: 50) {
          totalCount
          nodes {
            id
          }
        }
      }
    }
  }
`);

const OrderEventByCursor = graphql(`
  query VisibilityOrderEvent($cursor: String!) {
    orderEvent(cursor: $cursor) {
      cursor
      from
      to
      reason
      at
      actor {
        id
      }
      order {
        id
        status
      }
    }
  }
`);

const WorkspaceOrderEdges = graphql(`
  query VisibilityWorkspaceOrderEdges($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      orders(first: 3) {
        edges {
          cursor
        }
      }
    }
  }
`);

let platform: TestPlatform;
let admin: Actor;
/** The parties: a merchant and an ISV, each with an OWNER, a MASTER and a DEVELOPER. */
let deal: Deal;
const members = {} as Record<'merchantMaster' | 'merchantDeveloper' | 'isvMaster' | 'isvDeveloper', Actor>;
/** A second ISV the merchant also orders from, and a second merchant ordering from the deal's ISV. */
let rivalDeal: Deal;
let otherMerchantDeal: Deal;
/** No party: owners of unrelated workspaces, an account in no workspace. */
let unrelatedMerchant: SeededWorkspace;
let unrelatedIsv: SeededWorkspace;
let stranger: Actor;

/** Every order placed, oldest first: its status, its merchant and its ISV. */
const placed: { id: string; status: OrderStatus; merchant: 'deal' | 'other'; isv: 'deal' | 'rival' }[] = [];
/** Newest first, as `Workspace.orders` lists them: the ids of the orders that match. */
const listed = (match: (order: (typeof placed)[number]) => boolean) =>
  placed
    .filter(match)
    .map((o) => o.id)
    .reverse();
const merchantsList = (status?: OrderStatus) => listed((o) => o.merchant === 'deal' && (!status || o.status === status));
const isvsList = (status?: OrderStatus) => listed((o) => o.isv === 'deal' && (!status || o.status === status));
/** The deal's order IN_DEVELOPMENT, and its first order (NEW). */
const inDevelopment = () => placed.find((o) => o.status === 'IN_DEVELOPMENT' && o.merchant === 'deal')!.id;
const firstOrder = () => placed[0]!.id;

beforeAll(async () => {
  platform = await TestPlatform.start();
  [admin, deal, unrelatedMerchant, unrelatedIsv, stranger] = await Promise.all([
    signInAdmin(platform),
    prepareDeal(platform),
    createVerifiedMerchant(platform),
    createVerifiedIsv(platform),
    signUp(platform),
  ]);
  [members.merchantMaster, members.merchantDeveloper, members.isvMaster, members.isvDeveloper] = await Promise.all([
    addMember(platform, deal.merchant, 'MASTER'),
    addMember(platform, deal.merchant, 'DEVELOPER'),
    addMember(platform, deal.isv, 'MASTER'),
    addMember(platform, deal.isv, 'DEVELOPER'),
  ]);
  const rival = await createVerifiedIsv(platform);
  rivalDeal = { ...deal, isv: rival, serviceId: (await createOnlineService(platform, rival)).id };
  const otherMerchant = await createVerifiedMerchant(platform);
  otherMerchantDeal = { ...deal, merchant: otherMerchant, miniProgramId: (await createMiniProgram(otherMerchant)).id };

  // The merchant's orders with the deal's ISV, placed one after the other; one with the rival ISV
  // in between; then the other merchant's orders with the deal's ISV.
  const secondMiniProgramId = (await createMiniProgram(deal.merchant)).id;
  const plan: [OrderStatus, 'deal' | 'other', 'deal' | 'rival'][] = [
    ['NEW', 'deal', 'deal'],
    ['PENDING_CONFIRMATION', 'deal', 'deal'],
    ['NEW', 'deal', 'deal'],
    ['REJECTED', 'deal', 'deal'],
    ['NEW', 'deal', 'rival'],
    ['IN_DEVELOPMENT', 'deal', 'deal'],
    ['NEW', 'deal', 'deal'],
    ['CANCELLED', 'deal', 'deal'],
    ['PENDING_CONFIRMATION', 'deal', 'deal'],
    ['NEW', 'deal', 'deal'],
    ['NEW', 'other', 'deal'],
    ['PENDING_CONFIRMATION', 'other', 'deal'],
  ];
  for (const [status, merchant, isv] of plan) {
    const parties = merchant === 'other' ? otherMerchantDeal : isv === 'rival' ? rivalDeal : deal;
    const miniProgramId = status === 'IN_DEVELOPMENT' ? secondMiniProgramId : parties.miniProgramId;
    placed.push({ id: (await orderIn(parties, status, miniProgramId)).id, status, merchant, isv });
  }
});
afterAll(() => platform?.stop());

/** Every order of a workspace as `actor` pages through it, `pageSize` at a time; checks totalCount on each page. */
async function pageThrough(actor: Actor, workspaceId: string, pageSize: number, status?: OrderStatus): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let pages = 1; ; pages++) {
    const result: WorkspaceOrdersQuery = await actor.client.execute(WorkspaceOrdersDocument, { workspaceId, status, first: pageSize, after });
    const page = result.workspace!.orders;
    totalCount ??= page.totalCount;
    expect(page.totalCount).toBe(totalCount);
    expect(page.nodes.length).toBeLessThanOrEqual(pageSize);
    if (status) expect(page.nodes.every((o) => o.status === status)).toBe(true);
    ids.push(...page.nodes.map((o) => o.id));
    if (!page.pageInfo.hasNextPage) {
      expect(ids).toHaveLength(totalCount);
      expect(pages).toBe(Math.max(1, Math.ceil(totalCount / pageSize)));
      return ids;
    }
    expect(page.nodes).toHaveLength(pageSize);
    after = page.pageInfo.endCursor!;
  }
}

describe('order(id)', () => {
  const parties: Record<string, () => Actor> = {
    'the merchant OWNER': () => deal.merchant.owner,
    'the merchant MASTER': () => members.merchantMaster,
    'the merchant DEVELOPER': () => members.merchantDeveloper,
    'the ISV OWNER': () => deal.isv.owner,
    'the ISV MASTER': () => members.isvMaster,
    'the ISV DEVELOPER': () => members.isvDeveloper,
    'the platform admin': () => admin,
  };
  const others: Record<string, () => Actor> = {
    'another merchant ordering from the same ISV': () => otherMerchantDeal.merchant.owner,
    'another ISV the merchant orders from': () => rivalDeal.isv.owner,
    'an unrelated merchant': () => unrelatedMerchant.owner,
    'an unrelated ISV': () => unrelatedIsv.owner,
    'an account in no workspace': () => stranger,
  };

  let reference: OrderView;
  beforeAll(async () => {
    reference = (await orderAs(deal.merchant.owner, inDevelopment()))!;
    expect(reference.status).toBe('IN_DEVELOPMENT');
  });

  it.each(Object.keys(parties))('is visible to %s, exactly as to the merchant', async (who) => {
    expect(await orderAs(parties[who]!(), reference.id)).toEqual(reference);
  });

  it.each(Object.keys(others))('is null for %s', async (who) => {
    expect(await orderAs(others[who]!(), reference.id)).toBeNull();
  });

  it('is null for a member of the mini program who is no member of either party', async () => {
    const tester = await signUp(platform);
    const { addMiniProgramMember } = await deal.merchant.owner.client.execute(AddMiniProgramMemberDocument, {
      input: { miniProgramId: deal.miniProgramId, email: tester.email, role: 'TESTER' },
    });
    expect(addMiniProgramMember.userErrors).toEqual([]);
    expect((await tester.client.execute(MiniProgramDocument, { id: deal.miniProgramId })).miniProgram?.id).toBe(deal.miniProgramId);
    expect(await orderAs(tester, firstOrder())).toBeNull();
  });

  it('is null for an order that does not exist; refuses a caller without a token (UNAUTHENTICATED)', async () => {
    expect(await orderAs(deal.merchant.owner, randomUUID())).toBeNull();
    expect(await orderAs(deal.merchant.owner, 'ORD-2026-000001')).toBeNull();
    const anonymous = await platform.client().request(WorkspaceOrdersDocument, { workspaceId: deal.merchant.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const order = await orderAs({ ...stranger, client: platform.client() }, reference.id).catch((error: { code?: string }) => error.code);
    expect(order).toBe('UNAUTHENTICATED');
  });

  it('is visible at once to an account that has just joined a party, and no longer to one that has left', async () => {
    for (let i = 0; i < 3; i++) {
      const newcomer = await addMember(platform, i % 2 ? deal.merchant : deal.isv, 'DEVELOPER');
      expect((await orderAs(newcomer, reference.id))?.id).toBe(reference.id);
    }
    const leaver = await addMember(platform, deal.isv, 'DEVELOPER');
    expect((await orderAs(leaver, reference.id))?.id).toBe(reference.id);
    const { removeWorkspaceMember } = await deal.isv.owner.client.execute(RemoveWorkspaceMemberDocument, {
      input: { workspaceId: deal.isv.id, accountId: leaver.id },
    });
    expect(removeWorkspaceMember.userErrors).toEqual([]);
    await eventually(async () => (await orderAs(leaver, reference.id)) === null, 10_000, 'the order hidden from a former member');
  });
});

describe('Workspace.orders', () => {
  it("lists the merchant's orders, newest first, with either ISV, to each of its members and the platform", async () => {
    const expected = merchantsList();
    expect(expected).toHaveLength(10);
    for (const viewer of [deal.merchant.owner, members.merchantMaster, members.merchantDeveloper, admin]) {
      const { workspace } = await viewer.client.execute(WorkspaceOrdersDocument, { workspaceId: deal.merchant.id, first: 50 });
      expect(workspace?.orders.totalCount).toBe(expected.length);
      expect(workspace?.orders.nodes.map((o) => o.id)).toEqual(expected);
      expect(workspace?.orders.pageInfo.hasNextPage).toBe(false);
    }
  });

  it("lists the ISV's orders from both merchants, newest first, to each of its members and the platform", async () => {
    const expected = isvsList();
    expect(expected).toHaveLength(11);
    for (const viewer of [deal.isv.owner, members.isvMaster, members.isvDeveloper, admin]) {
      const { workspace } = await viewer.client.execute(WorkspaceOrdersDocument, { workspaceId: deal.isv.id, first: 50 });
      expect(workspace?.orders.totalCount).toBe(expected.length);
      expect(workspace?.orders.nodes.map((o) => o.id)).toEqual(expected);
    }
  });

  it("is empty for a party looking at the other party's workspace: each sees only its own orders", async () => {
    const { order: asIsv } = await deal.isv.owner.client.execute(PartiesOrders, { id: firstOrder() });
    expect(asIsv?.merchant.orders).toEqual({ totalCount: 0, nodes: [] });
    expect(asIsv?.isv.orders.nodes.map((o) => o.id)).toEqual(isvsList());

    const { order: asMerchant } = await deal.merchant.owner.client.execute(PartiesOrders, { id: firstOrder() });
    expect(asMerchant?.isv.orders).toEqual({ totalCount: 0, nodes: [] });
    expect(asMerchant?.merchant.orders.nodes.map((o) => o.id)).toEqual(merchantsList());

    const { order: asPlatform } = await admin.client.execute(PartiesOrders, { id: firstOrder() });
    expect(asPlatform?.merchant.orders).toEqual({ totalCount: 10, nodes: merchantsList().map((id) => ({ id })) });
    expect(asPlatform?.isv.orders).toEqual({ totalCount: 11, nodes: isvsList().map((id) => ({ id })) });
  });

  it('is not reachable by outsiders: workspace(id) is null for them', async () => {
    for (const outsider of [stranger, unrelatedMerchant.owner, unrelatedIsv.owner, rivalDeal.isv.owner, otherMerchantDeal.merchant.owner]) {
      for (const workspaceId of [deal.isv.id, deal.merchant.id]) {
        if (outsider === rivalDeal.isv.owner && workspaceId === deal.merchant.id) continue;
        if (outsider === otherMerchantDeal.merchant.owner && workspaceId === deal.isv.id) continue;
        const { workspace } = await outsider.client.execute(WorkspaceOrdersDocument, { workspaceId, first: 50 });
        expect(workspace).toBeNull();
      }
    }
  });

  it.each<OrderStatus>(['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT', 'REJECTED', 'CANCELLED', 'CLOSED', 'CLOSURE_REQUESTED'])(
    'filters by status %s, with its totalCount',
    async (status) => {
      for (const [viewer, workspaceId, expected] of [
        [deal.isv.owner, deal.isv.id, isvsList(status)],
        [deal.merchant.owner, deal.merchant.id, merchantsList(status)],
      ] as const) {
        const { workspace } = await viewer.client.execute(WorkspaceOrdersDocument, { workspaceId, status, first: 50 });
        expect(workspace?.orders.totalCount).toBe(expected.length);
        expect(workspace?.orders.nodes.map((o) => o.id)).toEqual(expected);
      }
    },
  );

  it.each([1, 2, 3, 4, 10, 11, 12])('pages through every order %i at a time, without duplicates or gaps', async (pageSize) => {
    expect(await pageThrough(deal.isv.owner, deal.isv.id, pageSize)).toEqual(isvsList());
    expect(await pageThrough(deal.merchant.owner, deal.merchant.id, pageSize)).toEqual(merchantsList());
  });

  it('pages through a status filter, without duplicates or gaps', async () => {
    expect(isvsList('NEW')).toHaveLength(5);
    expect(await pageThrough(deal.isv.owner, deal.isv.id, 2, 'NEW')).toEqual(isvsList('NEW'));
    expect(merchantsList('NEW')).toHaveLength(5);
    expect(await pageThrough(members.merchantDeveloper, deal.merchant.id, 2, 'NEW')).toEqual(merchantsList('NEW'));
    expect(await pageThrough(admin, deal.isv.id, 3, 'PENDING_CONFIRMATION')).toEqual(isvsList('PENDING_CONFIRMATION'));
  });
});

describe('orderEvent(cursor)', () => {
  it("answers each event of an order's timeline by its cursor, to both parties and the platform", async () => {
    const order = (await orderAs(deal.merchant.owner, inDevelopment()))!;
    expect(order.events.map((e) => e.to)).toEqual(['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT']);
    for (const event of order.events) {
      for (const viewer of [deal.merchant.owner, members.merchantDeveloper, deal.isv.owner, members.isvDeveloper, admin]) {
        const { orderEvent } = await viewer.client.execute(OrderEventByCursor, { cursor: event.cursor });
        expect(orderEvent).toEqual({
          cursor: event.cursor,
          from: event.from,
          to: event.to,
          reason: event.reason,
          at: event.at,
          actor: { id: event.actor!.id },
          order: { id: order.id, status: 'IN_DEVELOPMENT' },
        });
      }
    }
  });

  it('is null for anyone else, and for a cursor that names no order event', async () => {
    const order = (await orderAs(deal.merchant.owner, firstOrder()))!;
    const cursor = order.events[0]!.cursor;
    for (const outsider of [stranger, unrelatedMerchant.owner, rivalDeal.isv.owner, otherMerchantDeal.merchant.owner]) {
      expect((await outsider.client.execute(OrderEventByCursor, { cursor })).orderEvent).toBeNull();
    }
    const { workspace } = await deal.merchant.owner.client.execute(WorkspaceOrderEdges, { workspaceId: deal.merchant.id });
    const pageCursor = workspace!.orders.edges[0]!.cursor;
    for (const bogus of ['', 'not-a-cursor', pageCursor, Buffer.from(JSON.stringify(['v1', 'order-event', 10 ** 12])).toString('base64url')]) {
      expect((await deal.merchant.owner.client.execute(OrderEventByCursor, { cursor: bogus })).orderEvent).toBeNull();
    }
  });
});

describe('Workspace.orders while new orders arrive', () => {
  it('continues the next page after the last order seen: a new order shows on the first page, not the next', async () => {
    const before = merchantsList();
    const { workspace: first } = await deal.merchant.owner.client.execute(WorkspaceOrdersDocument, { workspaceId: deal.merchant.id, first: 3 });
    expect(first!.orders.nodes.map((o) => o.id)).toEqual(before.slice(0, 3));

    const newcomer = await orderIn(deal, 'NEW');
    const { workspace: next } = await deal.merchant.owner.client.execute(WorkspaceOrdersDocument, {
      workspaceId: deal.merchant.id,
      first: 50,
      after: first!.orders.pageInfo.endCursor,
    });
    expect(next!.orders.nodes.map((o) => o.id)).toEqual(before.slice(3));
    expect(next!.orders.totalCount).toBe(before.length + 1);

    const { workspace: again } = await deal.merchant.owner.client.execute(WorkspaceOrdersDocument, { workspaceId: deal.merchant.id, first: 3 });
    expect(again!.orders.nodes.map((o) => o.id)).toEqual([newcomer.id, ...before.slice(0, 2)]);
  });
});

describe('placeOrder repeated by an account that has left the merchant', () => {
  it('answers NOT_FOUND instead of the order it placed as a member', async () => {
    const master = await addMember(platform, deal.merchant, 'MASTER');
    const idempotencyKey = randomUUID();
    const first = succeeded(await steps.place(master, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey }));
    succeeded(await steps.accept(deal.isv.owner, first.id));

    const { removeWorkspaceMember } = await deal.merchant.owner.client.execute(RemoveWorkspaceMemberDocument, {
      input: { workspaceId: deal.merchant.id, accountId: master.id },
    });
    expect(removeWorkspaceMember.userErrors).toEqual([]);
    await eventually(async () => (await orderAs(master, first.id)) === null, 10_000, 'the order hidden from the former member');

    refused(await steps.place(master, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey }), 'NOT_FOUND', 'miniProgramId');
  });
});
