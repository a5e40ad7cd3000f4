import { AcceptOrderDocument, ServiceDocument, SignOutDocument, UpdateServiceDocument } from '@mpp/client';
import { rowsOf, tablesWithoutSignal } from '@mpp/kit';
import { addMember, createService, createVerifiedIsv, createVerifiedMerchant, eventually, measureSql, placeOrder, prepareDeal, TestPlatform } from '@mpp/testkit';
import { sql } from 'drizzle-orm';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { expectGraphQLError } from '../support/expectations.js';
import { postJson } from '../support/http.js';

// The gateway keeps a caller's query answers until what they were read from changes (README
// "Response cache"). These tests show it answers a repeat without the subgraphs, and that no
// change, through the gateway or behind its back, and no limit is ever hidden by it.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

/** The statements of the subgraphs alone (the gateway's own, rate-limit buckets on a server, aside). */
function subgraphStatements(statements: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(statements).filter(([service]) => service !== 'gateway'));
}

describe('the response cache', () => {
  it('answers a repeated query without asking a subgraph, with the same data', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Kept between two reads' });
    const read = (client: ReturnType<TestPlatform['client']>) => client.execute(ServiceDocument, { id: service.id });

    const first = await measureSql(platform, isv.owner.token, read);
    expect(first.statements['service-market'] ?? 0).toBeGreaterThan(0);
    const second = await measureSql(platform, isv.owner.token, read);
    expect(subgraphStatements(second.statements)).toEqual({});
    expect(second.data).toEqual(first.data);
    expect(second.data.service?.name).toBe('Kept between two reads');
  });

  it('shows a change made through the gateway to the very next query, whoever made it', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Before the edit' });
    const colleague = await addMember(platform, isv, 'MASTER');
    const nameSeenByOwner = async () => (await isv.owner.client.execute(ServiceDocument, { id: service.id })).service?.name;
    expect(await nameSeenByOwner()).toBe('Before the edit');
    expect(await nameSeenByOwner()).toBe('Before the edit');

    const { updateService } = await colleague.client.execute(UpdateServiceDocument, { input: { serviceId: service.id, name: 'After the edit' } });
    expect(updateService.userErrors).toEqual([]);
    expect(await nameSeenByOwner()).toBe('After the edit');
  });

  it('asks again only the subgraphs that changed: after an order moves, Orders afresh, the service as kept', async () => {
    const deal = await prepareDeal(platform);
    const order = await placeOrder(deal);
    const orderWithService = graphql(`
      query OrderWithService($id: ID!) {
        order(id: $id) {
          status
          service {
            name
          }
        }
      }
    `);
    const read = (client: ReturnType<TestPlatform['client']>) => client.execute(orderWithService, { id: order.id });
    const first = await measureSql(platform, deal.merchant.owner.token, read);
    expect(first.data.order?.status).toBe('NEW');
    expect(first.statements['orders'] ?? 0).toBeGreaterThan(0);
    expect(first.statements['service-market'] ?? 0).toBeGreaterThan(0);

    // The ISV's answer reads the service too; only Orders (and MiniPrograms, which follows it) changed.
    const { acceptOrder } = await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
    expect(acceptOrder.userErrors).toEqual([]);
    const second = await measureSql(platform, deal.merchant.owner.token, read);
    expect(second.data.order?.status).toBe(acceptOrder.order?.status);
    expect(second.data.order?.service.name).toBe(first.data.order?.service.name);
    expect(second.statements['orders'] ?? 0).toBeGreaterThan(0);
    expect(second.statements['service-market'] ?? 0).toBe(0);
  });

  it('shows a change written behind the gateway (a job, a consumer, another replica) within moments', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Written by the API' });
    const nameSeen = async () => (await isv.owner.client.execute(ServiceDocument, { id: service.id })).service?.name;
    expect(await nameSeen()).toBe('Written by the API');
    expect(await nameSeen()).toBe('Written by the API');

    await platform.platform.database.orm({}).execute(sql`update market.services set name = 'Written in the database' where id = ${service.id}`);
    // The commit's notification reaches the gateway in milliseconds; answers are kept for 30 s otherwise.
    await eventually(async () => (await nameSeen()) === 'Written in the database', 2_000, 'the direct write to be seen');
  });

  it("never gives one credential's answer to another", async () => {
    const isv = await createVerifiedIsv(platform);
    const draft = await createService(isv, { name: 'A draft only its ISV sees' });
    const outsider = await createVerifiedMerchant(platform);
    expect((await isv.owner.client.execute(ServiceDocument, { id: draft.id })).service?.name).toBe('A draft only its ISV sees');
    expect((await isv.owner.client.execute(ServiceDocument, { id: draft.id })).service?.name).toBe('A draft only its ISV sees');
    expect((await outsider.owner.client.execute(ServiceDocument, { id: draft.id })).service).toBeNull();
    await expectGraphQLError(platform.client().execute(ServiceDocument, { id: draft.id }), 'UNAUTHENTICATED');
  });

  it('charges a kept answer to the caller like any other, and refuses it once the session ended', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv);
    const body = JSON.stringify({ query: print(ServiceDocument), variables: { id: service.id } });
    const ask = () => postJson(platform, body, { authorization: `Bearer ${isv.owner.token}` });
    const available = (response: Awaited<ReturnType<typeof ask>>) =>
      (response.json as { extensions: { cost: { throttleStatus: { currentlyAvailable: number } } } }).extensions.cost.throttleStatus.currentlyAvailable;

    const startedAt = Date.now();
    const first = await ask();
    const second = await ask();
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    expect(first.status).toBe(200);
    expect((second.json as { data: unknown }).data).toEqual((first.json as { data: unknown }).data);
    const cost = (first.json as { extensions: { cost: { actualQueryCost: number } } }).extensions.cost.actualQueryCost;
    expect(cost).toBeGreaterThan(1);
    // The second took its points too (less what the bucket restored meanwhile; the count is floored).
    expect(available(second)).toBeLessThanOrEqual(available(first) - cost + platform.config.rateLimitRestorePerSecond * elapsedSeconds + 1);

    await isv.owner.client.execute(SignOutDocument, {});
    await expectGraphQLError(isv.owner.client.execute(ServiceDocument, { id: service.id }), 'UNAUTHENTICATED');
  });

  it('hears the writes of every table of every subgraph, and of no gateway table', async () => {
    const db = platform.platform.database.orm({});
    for (const schema of ['accounts', 'market', 'mini_programs', 'orders', 'webhooks']) {
      expect(await tablesWithoutSignal(db, schema), schema).toEqual([]);
    }
    // The gateway's rate-limit buckets (on a server) are written on every request and read by no query.
    const gatewaySignals = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'gateway' and t.tgname = 'signal_data_changed'`,
    );
    expect(rowsOf<{ count: number }>(gatewaySignals)[0]?.count).toBe(0);
  });
});
