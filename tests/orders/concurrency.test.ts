import { randomUUID } from 'node:crypto';
import { WorkspaceOrdersDocument, type OrderStatus } from '@mpp/client';
import { addMember, createMiniProgram, prepareDeal, TestPlatform, type Actor, type Deal } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_STATE, orderAs, orderIn, outcomeOf, steps, succeeded, type OrderPayload, type Outcome } from './steps.js';

let platform: TestPlatform;
let deal: Deal;
let merchantMaster: Actor;
let isvMaster: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
  [merchantMaster, isvMaster] = await Promise.all([addMember(platform, deal.merchant, 'MASTER'), addMember(platform, deal.isv, 'MASTER')]);
});
afterAll(() => platform?.stop());

async function orderCount(actor: Actor, workspaceId: string): Promise<number> {
  const { workspace } = await actor.client.execute(WorkspaceOrdersDocument, { workspaceId, first: 1 });
  return workspace!.orders.totalCount;
}

/** Sends every request at once; their outcomes, in the order sent. */
function race(requests: (() => Promise<OrderPayload>)[]): Promise<Outcome[]> {
  return Promise.all(requests.map((request) => outcomeOf(request())));
}

/** `n` copies of `request`. */
const times = (n: number, request: () => Promise<OrderPayload>) => Array.from({ length: n }, () => request);

/**
 * Exactly one winner, every other request INVALID_STATE on input.orderId, the order in the
 * winner's status, and exactly one new event in its timeline: the winner's.
 */
async function expectOneWinner(orderId: string, from: OrderStatus, outcomes: Outcome[], eventsBefore: number): Promise<OrderStatus> {
  const winners = outcomes.filter((o): o is { ok: OrderStatus } => 'ok' in o);
  expect(winners, JSON.stringify(outcomes)).toHaveLength(1);
  const losers = outcomes.filter((o) => !('ok' in o));
  expect(losers).toEqual(Array.from({ length: outcomes.length - 1 }, () => INVALID_STATE));

  const won = winners[0]!.ok;
  const order = await orderAs(deal.merchant.owner, orderId);
  expect(order?.status).toBe(won);
  expect(order?.events).toHaveLength(eventsBefore + 1);
  expect(order?.events.at(-1)).toMatchObject({ from, to: won });
  return won;
}

describe('placeOrder under concurrent repeats', () => {
  it('places one order for 20 concurrent requests with the same idempotency key, and all 20 answers name it', async () => {
    const [merchantBefore, isvBefore] = await Promise.all([orderCount(deal.merchant.owner, deal.merchant.id), orderCount(deal.isv.owner, deal.isv.id)]);
    const idempotencyKey = `checkout-${randomUUID()}`;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey })),
    );

    const orders = answers.map(succeeded);
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    expect(new Set(orders.map((o) => o.number)).size).toBe(1);
    expect(await orderCount(deal.merchant.owner, deal.merchant.id)).toBe(merchantBefore + 1);
    expect(await orderCount(deal.isv.owner, deal.isv.id)).toBe(isvBefore + 1);
    const order = await orderAs(deal.merchant.owner, orders[0]!.id);
    expect(order?.events.map((e) => `${e.from} → ${e.to}`)).toEqual(['null → NEW']);
  });

  it('places 20 orders, numbered each its own, for 20 concurrent requests with different keys', async () => {
    const before = await orderCount(deal.merchant.owner, deal.merchant.id);
    const answers = await Promise.all(Array.from({ length: 20 }, () => steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId })));
    const orders = answers.map(succeeded);
    expect(new Set(orders.map((o) => o.id)).size).toBe(20);
    expect(new Set(orders.map((o) => o.number)).size).toBe(20);
    expect(await orderCount(deal.merchant.owner, deal.merchant.id)).toBe(before + 20);
  });
});

describe('racing transitions on one order: exactly one wins, the rest get INVALID_STATE', () => {
  it('25 accepts and 25 rejections of a NEW order', async () => {
    const { id } = await orderIn(deal, 'NEW');
    const outcomes = await race([
      ...times(13, () => steps.accept(deal.isv.owner, id)),
      ...times(12, () => steps.accept(isvMaster, id)),
      ...times(12, () => steps.reject(deal.isv.owner, id)),
      ...times(13, () => steps.reject(isvMaster, id)),
    ]);
    expect(['PENDING_CONFIRMATION', 'REJECTED']).toContain(await expectOneWinner(id, 'NEW', outcomes, 1));
  });

  it('50 confirmations of a PENDING_CONFIRMATION order', async () => {
    const miniProgramId = (await createMiniProgram(deal.merchant)).id;
    const { id } = await orderIn(deal, 'PENDING_CONFIRMATION', miniProgramId);
    const outcomes = await race([...times(25, () => steps.confirm(deal.merchant.owner, id)), ...times(25, () => steps.confirm(merchantMaster, id))]);
    expect(await expectOneWinner(id, 'PENDING_CONFIRMATION', outcomes, 2)).toBe('IN_DEVELOPMENT');
  });

  it('25 closure requests and 25 ISV cancellations of an IN_DEVELOPMENT order', async () => {
    const miniProgramId = (await createMiniProgram(deal.merchant)).id;
    const { id } = await orderIn(deal, 'IN_DEVELOPMENT', miniProgramId);
    const outcomes = await race([...times(25, () => steps.requestClosure(isvMaster, id)), ...times(25, () => steps.cancel(deal.isv.owner, id))]);
    expect(['CLOSURE_REQUESTED', 'CANCELLED']).toContain(await expectOneWinner(id, 'IN_DEVELOPMENT', outcomes, 3));
  });

  it('25 approvals and 25 rejections of a closure request', async () => {
    const miniProgramId = (await createMiniProgram(deal.merchant)).id;
    const { id } = await orderIn(deal, 'CLOSURE_REQUESTED', miniProgramId);
    const outcomes = await race([...times(25, () => steps.approveClosure(merchantMaster, id)), ...times(25, () => steps.rejectClosure(deal.merchant.owner, id))]);
    expect(['CLOSED', 'IN_DEVELOPMENT']).toContain(await expectOneWinner(id, 'CLOSURE_REQUESTED', outcomes, 4));
  });

  it('25 confirmations and 25 cancellations by the merchant of a PENDING_CONFIRMATION order', async () => {
    const miniProgramId = (await createMiniProgram(deal.merchant)).id;
    const { id } = await orderIn(deal, 'PENDING_CONFIRMATION', miniProgramId);
    const outcomes = await race([...times(25, () => steps.cancel(merchantMaster, id)), ...times(25, () => steps.confirm(deal.merchant.owner, id))]);
    expect(['CANCELLED', 'IN_DEVELOPMENT']).toContain(await expectOneWinner(id, 'PENDING_CONFIRMATION', outcomes, 2));
  });
});

describe('racing confirmations of two orders of one mini program', () => {
  it('puts exactly one of them IN_DEVELOPMENT', async () => {
    const miniProgramId = (await createMiniProgram(deal.merchant)).id;
    const [a, b] = await Promise.all([orderIn(deal, 'PENDING_CONFIRMATION', miniProgramId), orderIn(deal, 'PENDING_CONFIRMATION', miniProgramId)]);

    const outcomes = await race([
      ...times(25, () => steps.confirm(deal.merchant.owner, a.id)),
      ...times(25, () => steps.confirm(merchantMaster, b.id)),
    ]);

    expect(outcomes.filter((o) => 'ok' in o)).toEqual([{ ok: 'IN_DEVELOPMENT' }]);
    expect(outcomes.filter((o) => !('ok' in o))).toEqual(Array.from({ length: 49 }, () => INVALID_STATE));
    const [orderA, orderB] = await Promise.all([orderAs(deal.merchant.owner, a.id), orderAs(deal.merchant.owner, b.id)]);
    expect([orderA?.status, orderB?.status].sort()).toEqual(['IN_DEVELOPMENT', 'PENDING_CONFIRMATION']);
    expect(orderA!.events.length + orderB!.events.length).toBe(2 + 2 + 1);
    expect(orderA?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);
  });
});
