import { type Actor, createMiniProgram, createOnlineService, createVerifiedIsv, createVerifiedMerchant, type Deal, measureSql, type SeededWorkspace, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { orderIn } from './steps.js';

/** A page of a workspace's orders with a field of every other subgraph on each. */
const OrdersPage = graphql(`
  query BatchingOrdersPage($id: ID!) {
    workspace(id: $id) {
      orders(first: 50) {
        totalCount
        nodes {
          id
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

let platform: TestPlatform;

beforeAll(async () => {
  platform = await TestPlatform.start();
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
