import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { OrderStatusChangedDocument, PlaceOrderDocument } from '@mpp/client';
import { addMember, eventually, placeOrder, prepareDeal, subscribe, TestPlatform, type Deal } from '@mpp/testkit';
import { parse } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PER_ACCOUNT = 12;
let platform: TestPlatform;
let deal: Deal;
beforeAll(async () => {
  platform = await TestPlatform.start({
    env: { SUBSCRIPTIONS_PER_ACCOUNT: String(PER_ACCOUNT), WS_MAX_BUFFERED_BYTES: '1024', LOG_LEVEL: 'warn' },
    captureLogs: true,
  });
  deal = await prepareDeal(platform);
});
afterAll(() => platform?.stop());

/** A subscription document of its own: `variant` changes the selection (an alias), not what it asks. */
function selection(variant: number): TypedDocumentNode<{ orderStatusChanged: { cursor: string } }, { workspaceId: string }> {
  return parse(`subscription Variant${variant}($workspaceId: ID!) { orderStatusChanged(workspaceId: $workspaceId) { cursor v${variant}: to } }`);
}

describe('subscriptions per account', () => {
  it('counts every connection of the account, refuses one more with QUOTA_EXCEEDED, and leaves the socket serving', async () => {
    const member = await addMember(platform, deal.merchant, 'DEVELOPER');
    const first = platform.client(member.token);
    const second = platform.client(member.token);
    const held = [];
    for (let i = 0; i < PER_ACCOUNT; i++) {
      held.push(await subscribe(platform, i % 2 ? second : first, OrderStatusChangedDocument, { workspaceId: deal.merchant.id }));
    }
    const refused = await subscribe(platform, second, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const [refusal] = await refused.take(1);
    expect(refusal!.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
    expect(refusal!.errors?.[0]?.message).toMatch(new RegExp(`At most ${PER_ACCOUNT} subscriptions per account`));

    // Another account is not affected; the refused socket still delivers.
    const owner = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const order = await placeOrder(deal);
    for (const subscriber of [held[1]!, owner]) {
      const [event] = await subscriber.take(1);
      expect(event!.data?.orderStatusChanged.order.id).toBe(order.id);
    }
    const before = platform.platform.gateway.activeSubscriptions();

    // A slot freed on one connection may be taken on the other.
    await held[0]!.close();
    await eventually(() => platform.platform.gateway.activeSubscriptions() === before - 1, 15_000, 'the slot freed');
    const again = await subscribe(platform, second, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    expect(again.pending).toBe(0);
    await Promise.all([...held.slice(1), owner, again].map((s) => s.close()));
    await Promise.all([first.close(), second.close()]);
  });

  it('caps the distinct selections of one account: one more is refused, a selection in use is not', async () => {
    const member = await addMember(platform, deal.isv, 'DEVELOPER');
    const client = platform.client(member.token);
    const held = [];
    for (let variant = 0; variant < 10; variant++) held.push(await subscribe(platform, client, selection(variant), { workspaceId: deal.isv.id }));
    const eleventh = await subscribe(platform, client, selection(10), { workspaceId: deal.isv.id });
    const [refusal] = await eleventh.take(1);
    expect(refusal!.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
    expect(refusal!.errors?.[0]?.message).toMatch(/different subscription selections/);
    const reused = await subscribe(platform, client, selection(3), { workspaceId: deal.isv.id });
    const order = await placeOrder(deal);
    const [event] = await reused.take(1);
    expect(event!.errors).toBeUndefined();
    expect(event!.data?.orderStatusChanged.cursor).toEqual(expect.any(String));
    expect((await held[9]!.take(1))[0]!.data).toMatchObject({ orderStatusChanged: { v9: 'NEW' } });
    expect(order.id).toEqual(expect.any(String));
    await Promise.all([...held, reused].map((s) => s.close()));
    await client.close();
  });
});

describe('a subscriber that does not read', () => {
  it('is dropped with close code 4008 once its unsent bytes pass WS_MAX_BUFFERED_BYTES', async () => {
    const member = await addMember(platform, deal.merchant, 'DEVELOPER');
    const socket = new WebSocket(platform.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const acknowledged = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${member.token}` } }));
    await acknowledged;
    // 10 subscriptions of about 125 kB per event each (25 aliases, within MAX_QUERY_ALIASES): the
    // kernel's buffers fill within a few events.
    const big = `subscription Big($workspaceId: ID!) { orderStatusChanged(workspaceId: $workspaceId) { cursor order { ${Array.from({ length: 25 }, (_, i) => `r${i}: requirements`).join(' ')} } } }`;
    const active = platform.platform.gateway.activeSubscriptions();
    for (let id = 1; id <= 10; id++) socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: big, variables: { workspaceId: deal.merchant.id } } }));
    await eventually(() => platform.platform.gateway.activeSubscriptions() === active + 10, 15_000, 'the 10 subscriptions served');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.pause();

    const dropped = () => platform.logs.some((line) => line.msg === 'slow subscriber dropped' && line.accountId === member.id);
    for (let i = 0; i < 60 && !dropped(); i++) {
      await deal.merchant.owner.client.request(PlaceOrderDocument, {
        input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'x'.repeat(5000), idempotencyKey: randomUUID() },
      });
    }
    await eventually(dropped, 30_000, 'the slow subscriber dropped');
    socket.resume();
    expect(await closed).toBe(4008);
    await eventually(() => platform.platform.gateway.activeSubscriptions() === active, 15_000, 'its subscriptions released');
  });
});
