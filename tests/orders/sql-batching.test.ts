import { type Actor, createMiniProgram, createOnlineService, createVerifiedIsv, createVerifiedMerchant, type Deal, measureSql, type SeededWorkspace, TestPlatform } from '@mpp/testkit';
import { OrderDocument } from '@mpp/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { orderIn } from './steps.js';

/** A field of every other subgraph on an order. */
graphql(`
  fragment BatchingOrderParties on Order {
    service {
      name
    }
    merchant {
      name
    }
    miniProgram {
      name
    }
  }
`);

/** A page of a workspace's orders with a field of every other subgraph on each. */
const OrdersPage = graphql(`
  query BatchingOrdersPage($id: ID!) {
    workspace(id: $id) {
      orders(first: 50) {
        totalCount
        nodes {
          id
          ...BatchingOrderParties
        }
      }
    }
  }
`);

/** The same page with what Orders adds per order: its timeline with each actor, and the authorized ISV of its mini program. */
const OrdersPageWithTimelines = graphql(`
  query BatchingOrdersPageWithTimelines($id: ID!) {
    workspace(id: $id) {
      orders(first: 50) {
        nodes {
          id
          status
          isv {
            name
          }
          events {
            to
            actor {
              email
            }
          }
          miniProgram {
            authorizedIsv {
              name
            }
          }
        }
      }
    }
  }
`);

/** Every workspace of the caller with its orders: one batch of Workspace entities for Orders. */
const OrdersOfMyWorkspaces = graphql(`
  query BatchingOrdersOfMyWorkspaces {
    viewer {
      memberships {
        workspace {
          id
          orders(first: 2) {
            totalCount
            nodes {
              id
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;

beforeAll(async () => {
  // Large pages on purpose (statements must not grow with them): above the default query cost.
  // What a subgraph does for each fetch is measured: the gateway keeps none of their answers here.
  platform = await TestPlatform.start({ env: { MAX_QUERY_COST: '5000', SUBGRAPH_CACHE_BYTES: '0' } });
});
afterAll(() => platform?.stop());

const measured = <T>(actor: Actor, query: (client: Actor['client']) => Promise<T>) => measureSql(platform, actor.token, query);

describe("a page of an ISV's orders from several merchants and mini programs", () => {
  let isv: SeededWorkspace;
  const merchants: SeededWorkspace[] = [];
  /** Deals of the ISV: each of its services with each merchant's mini programs. */
  const deals: Deal[] = [];

  beforeAll(async () => {
    isv = await createVerifiedIsv(platform);
    const services = await Promise.all([0, 1, 2].map((i) => createOnlineService(platform, isv, { name: `Batching service ${i}` })));
    merchants.push(...(await Promise.all([0, 1, 2, 3].map(() => createVerifiedMerchant(platform)))));
    for (const [m, merchant] of merchants.entries()) {
      for (let p = 0; p < 2; p++) {
        const miniProgram = await createMiniProgram(merchant, { name: `Shop ${m}-${p}` });
        deals.push({ merchant, isv, miniProgramId: miniProgram.id, serviceId: services[(m + p) % services.length]!.id });
      }
    }
  });

  /** Places orders round the deals until the ISV has `count`, bringing one in each ten into development. */
  async function ordersUpTo(count: number, placed: number): Promise<void> {
    for (let i = placed; i < count; i++) {
      const deal = deals[i % deals.length]!;
      await orderIn(deal, i % 10 === 1 && i < deals.length ? 'IN_DEVELOPMENT' : i % 3 === 2 ? 'PENDING_CONFIRMATION' : 'NEW');
    }
  }

  it('costs the same SQL statements per service for 2 orders as for 20, with their services, merchants and mini programs, timelines and authorized ISVs', async () => {
    await ordersUpTo(2, 0);
    const small = await measured(isv.owner, (client) => client.execute(OrdersPage, { id: isv.id }));
    const smallTimelines = await measured(isv.owner, (client) => client.execute(OrdersPageWithTimelines, { id: isv.id }));
    expect(small.data.workspace?.orders.totalCount).toBe(2);
    expect(smallTimelines.data.workspace?.orders.nodes.map((o) => o.miniProgram.authorizedIsv?.name ?? null)).toEqual([isv.name, null]);

    await ordersUpTo(20, 2);
    const large = await measured(isv.owner, (client) => client.execute(OrdersPage, { id: isv.id }));
    const largeTimelines = await measured(isv.owner, (client) => client.execute(OrdersPageWithTimelines, { id: isv.id }));

    const nodes = large.data.workspace!.orders.nodes;
    expect(large.data.workspace?.orders.totalCount).toBe(20);
    expect(nodes).toHaveLength(20);
    expect(new Set(nodes.map((o) => o.merchant.name))).toEqual(new Set(merchants.map((m) => m.name)));
    expect(new Set(nodes.map((o) => o.service.name))).toEqual(new Set(['Batching service 0', 'Batching service 1', 'Batching service 2']));
    expect(new Set(nodes.map((o) => o.miniProgram.name)).size).toBe(8);
    const timelines = largeTimelines.data.workspace!.orders.nodes;
    expect(timelines.every((o) => o.events[0]!.to === 'NEW' && o.events.at(-1)!.to === o.status && o.isv.name === isv.name)).toBe(true);
    expect(new Set(timelines.flatMap((o) => o.events.map((e) => e.actor?.email)))).toEqual(new Set([...merchants.map((m) => m.owner.email), isv.owner.email]));
    expect(timelines.filter((o) => o.miniProgram.authorizedIsv?.name === isv.name)).toHaveLength(3);

    for (const service of ['orders', 'service-market', 'accounts', 'mini-programs']) expect(small.statements[service], service).toBeGreaterThan(0);
    expect(large.statements).toEqual(small.statements);
    expect(smallTimelines.statements['orders']).toBeGreaterThan(0);
    expect(largeTimelines.statements).toEqual(smallTimelines.statements);
  });
});

describe("a page of a merchant's many NEW orders for one mini program", () => {
  it('costs the same SQL statements per service for 2 orders as for 20', async () => {
    const merchant = await createVerifiedMerchant(platform);
    const isvs = await Promise.all([0, 1].map(() => createVerifiedIsv(platform)));
    const services = await Promise.all(isvs.map((isv) => createOnlineService(platform, isv)));
    const miniProgram = await createMiniProgram(merchant);
    const dealWith = (i: number): Deal => ({ merchant, isv: isvs[i % 2]!, serviceId: services[i % 2]!.id, miniProgramId: miniProgram.id });

    for (let i = 0; i < 2; i++) await orderIn(dealWith(i), 'NEW');
    const small = await measured(merchant.owner, (client) => client.execute(OrdersPage, { id: merchant.id }));
    expect(small.data.workspace?.orders.totalCount).toBe(2);

    for (let i = 2; i < 20; i++) await orderIn(dealWith(i), 'NEW');
    const large = await measured(merchant.owner, (client) => client.execute(OrdersPage, { id: merchant.id }));
    expect(large.data.workspace?.orders.totalCount).toBe(20);
    expect(new Set(large.data.workspace?.orders.nodes.map((o) => o.service.name))).toEqual(new Set(services.map((s) => s.name)));
    expect(large.data.workspace?.orders.nodes.every((o) => o.miniProgram.name === miniProgram.name && o.merchant.name === merchant.name)).toBe(true);

    expect(large.statements).toEqual(small.statements);
  });
});

describe('the orders of a merchant and of its ISV asked in one request', () => {
  it('shows an order on both sides, each page and total its own, in a constant number of statements', async () => {
    const merchant = await createVerifiedMerchant(platform);
    const isv = await createVerifiedIsv(platform, merchant.owner);
    const otherMerchant = await createVerifiedMerchant(platform);
    const service = await createOnlineService(platform, isv);
    const own = await createMiniProgram(merchant);
    const other = await createMiniProgram(otherMerchant);
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) mine.push((await orderIn({ merchant, isv, serviceId: service.id, miniProgramId: own.id }, 'NEW')).id);
    const theirs = (await orderIn({ merchant: otherMerchant, isv, serviceId: service.id, miniProgramId: other.id }, 'NEW')).id;

    const { data, statements } = await measured(merchant.owner, (client) => client.execute(OrdersOfMyWorkspaces, {}));
    const byWorkspace = new Map(data.viewer!.memberships.map((m) => [m.workspace.id, m.workspace.orders]));
    expect(byWorkspace.get(merchant.id)).toEqual({ totalCount: 3, nodes: [{ id: mine[2] }, { id: mine[1] }], pageInfo: { hasNextPage: true } });
    expect(byWorkspace.get(isv.id)).toEqual({ totalCount: 4, nodes: [{ id: theirs }, { id: mine[2] }], pageInfo: { hasNextPage: true } });
    // Access, the pages with their rows, the totals of both sides.
    expect(statements['orders']).toBeLessThanOrEqual(3);
  });
});

/** What a live subscription completes for each event: the event with its order's service, merchant and mini program. */
const EventWithItsOrder = graphql(`
  query BatchingEventWithItsOrder($cursor: String!) {
    orderEvent(cursor: $cursor) {
      to
      order {
        number
        status
        ...BatchingOrderParties
      }
    }
  }
`);

describe('an order event by its cursor, as a live subscription completes it', () => {
  /** A new deal's order brought to `status`, and the cursor of its last event (read by the ISV, a party). */
  async function orderAt(status: 'NEW' | 'IN_DEVELOPMENT') {
    const isv = await createVerifiedIsv(platform);
    const service = await createOnlineService(platform, isv);
    const merchant = await createVerifiedMerchant(platform);
    const miniProgram = await createMiniProgram(merchant);
    const order = await orderIn({ merchant, isv, serviceId: service.id, miniProgramId: miniProgram.id }, status);
    const { order: timeline } = await isv.owner.client.execute(OrderDocument, { id: order.id });
    return { isv, service, merchant, miniProgram, order, cursor: timeline!.events.at(-1)!.cursor };
  }

  it('costs Orders the event with its order and the access check, and MiniPrograms the mini program with its rights in two rounds', async () => {
    const { isv, service, merchant, miniProgram, order, cursor } = await orderAt('IN_DEVELOPMENT');
    for (const party of [merchant.owner, isv.owner]) {
      const { data, statements } = await measured(party, (client) => client.execute(EventWithItsOrder, { cursor }));
      expect(data.orderEvent).toEqual({
        to: 'IN_DEVELOPMENT',
        order: { number: order.number, status: 'IN_DEVELOPMENT', service: { name: service.name }, merchant: { name: merchant.name }, miniProgram: { name: miniProgram.name } },
      });
      // The event with its order in one statement, then the caller's memberships.
      expect(statements['orders'], 'orders').toBeLessThanOrEqual(2);
      // The mini program with its authorization; then the caller's memberships of both workspaces, its members, platform membership.
      expect(statements['mini-programs'], 'mini-programs').toBeLessThanOrEqual(4);
    }
  });

  it('costs MiniPrograms two rounds more for the ISV of a NEW order, which sees the public profile from the facts at hand', async () => {
    const { isv, miniProgram, cursor } = await orderAt('NEW');
    const { data, statements } = await measured(isv.owner, (client) => client.execute(EventWithItsOrder, { cursor }));
    expect(data.orderEvent?.order.miniProgram).toEqual({ name: miniProgram.name });
    // As above, then the mini program's order parties, then the caller's memberships of their ISVs;
    // no catching up with Accounts and Orders and asking again, as before hiding the mini program
    // or refusing a field beyond the profile (14 statements then).
    expect(statements['mini-programs'], 'mini-programs').toBeLessThanOrEqual(6);
  });
});
