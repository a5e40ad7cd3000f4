import { randomUUID } from 'node:crypto';
import {
  AcceptOrderDocument,
  ApproveOrderClosureDocument,
  CancelOrderDocument,
  ConfirmOrderDocument,
  GraphQLRequestError,
  OrderDocument,
  PlaceOrderDocument,
  RejectOrderClosureDocument,
  RejectOrderDocument,
  RequestOrderClosureDocument,
  type OrderFieldsFragment,
  type OrderQuery,
  type OrderStatus,
  type PlaceOrderInput,
  type UserErrorFieldsFragment,
} from '@mpp/client';
import type { Actor, Deal } from '@mpp/testkit';
import { expect } from 'vitest';

/** What every Orders mutation answers. */
export interface OrderPayload {
  order: OrderFieldsFragment | null;
  userErrors: UserErrorFieldsFragment[];
}

export const REASONS = {
  reject: 'We are fully booked until next quarter.',
  cancel: 'Our plans changed; we will not need the mini program.',
  rejectClosure: 'The released version still crashes on start-up.',
};

/** The steps of an order's life, each sent by `actor` and answering the mutation's payload. */
export const steps = {
  async place(actor: Actor, input: Omit<PlaceOrderInput, 'requirements' | 'idempotencyKey'> & Partial<PlaceOrderInput>): Promise<OrderPayload> {
    const { placeOrder } = await actor.client.execute(PlaceOrderDocument, {
      input: { requirements: 'A loyalty mini program with a points shop.', idempotencyKey: randomUUID(), ...input },
    });
    return placeOrder;
  },
  async accept(actor: Actor, orderId: string): Promise<OrderPayload> {
    return (await actor.client.execute(AcceptOrderDocument, { input: { orderId } })).acceptOrder;
  },
  async reject(actor: Actor, orderId: string, reason = REASONS.reject): Promise<OrderPayload> {
    return (await actor.client.execute(RejectOrderDocument, { input: { orderId, reason } })).rejectOrder;
  },
  async confirm(actor: Actor, orderId: string): Promise<OrderPayload> {
    return (await actor.client.execute(ConfirmOrderDocument, { input: { orderId } })).confirmOrder;
  },
  async cancel(actor: Actor, orderId: string, reason = REASONS.cancel): Promise<OrderPayload> {
    return (await actor.client.execute(CancelOrderDocument, { input: { orderId, reason } })).cancelOrder;
  },
  async requestClosure(actor: Actor, orderId: string): Promise<OrderPayload> {
    return (await actor.client.execute(RequestOrderClosureDocument, { input: { orderId } })).requestOrderClosure;
  },
  async approveClosure(actor: Actor, orderId: string): Promise<OrderPayload> {
    return (await actor.client.execute(ApproveOrderClosureDocument, { input: { orderId } })).approveOrderClosure;
  },
  async rejectClosure(actor: Actor, orderId: string, reason = REASONS.rejectClosure): Promise<OrderPayload> {
    return (await actor.client.execute(RejectOrderClosureDocument, { input: { orderId, reason } })).rejectOrderClosure;
  },
};

export type StepName = Exclude<keyof typeof steps, 'place'>;

/** A successful step: no user errors, and the order it answers. */
export function succeeded(payload: OrderPayload): OrderFieldsFragment {
  expect(payload.userErrors).toEqual([]);
  expect(payload.order).not.toBeNull();
  return payload.order!;
}

/** A refused step: exactly one user error with `code` (on `input.<field>` when given), and no order. */
export function refused(payload: OrderPayload, code: UserErrorFieldsFragment['code'], field?: string): UserErrorFieldsFragment {
  expect(payload.order).toBeNull();
  expect(payload.userErrors).toHaveLength(1);
  expect(payload.userErrors[0]).toMatchObject({ code, ...(field ? { field: ['input', field] } : {}) });
  return payload.userErrors[0]!;
}

/** How a request ended: the order it answered, its single user error's code and field, or its GraphQL error code. */
export type Outcome = { ok: OrderStatus } | { userError: string; field: string | null } | { graphQLError: string | undefined };

export async function outcomeOf(request: Promise<OrderPayload>): Promise<Outcome> {
  try {
    const payload = await request;
    if (payload.userErrors.length === 0 && payload.order) return { ok: payload.order.status };
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.order).toBeNull();
    const [error] = payload.userErrors;
    return { userError: error!.code, field: error!.field?.join('.') ?? null };
  } catch (error) {
    if (error instanceof GraphQLRequestError) return { graphQLError: error.code };
    throw error;
  }
}

export const INVALID_STATE: Outcome = { userError: 'INVALID_STATE', field: 'input.orderId' };
export const NOT_FOUND: Outcome = { userError: 'NOT_FOUND', field: 'input.orderId' };
export const FORBIDDEN: Outcome = { graphQLError: 'FORBIDDEN' };

export type OrderView = NonNullable<OrderQuery['order']>;

/** The order as `actor` sees it through `order(id)`, or null. */
export async function orderAs(actor: Actor, id: string): Promise<OrderView | null> {
  return (await actor.client.execute(OrderDocument, { id })).order;
}

/** The order's timeline as `actor` sees it: `from → to` of each event, oldest first. */
export async function timelineOf(actor: Actor, id: string): Promise<string[]> {
  const order = await orderAs(actor, id);
  if (!order) throw new Error(`${actor.email} cannot see order ${id}`);
  return order.events.map((e) => `${e.from ?? '∅'} → ${e.to}`);
}

/** How the owners of a deal take an order from NEW to `status`. */
const pathTo: Record<OrderStatus, ((deal: Deal, orderId: string) => Promise<OrderPayload>)[]> = {
  NEW: [],
  PENDING_CONFIRMATION: [(d, id) => steps.accept(d.isv.owner, id)],
  IN_DEVELOPMENT: [(d, id) => steps.accept(d.isv.owner, id), (d, id) => steps.confirm(d.merchant.owner, id)],
  CLOSURE_REQUESTED: [
    (d, id) => steps.accept(d.isv.owner, id),
    (d, id) => steps.confirm(d.merchant.owner, id),
    (d, id) => steps.requestClosure(d.isv.owner, id),
  ],
  CLOSED: [
    (d, id) => steps.accept(d.isv.owner, id),
    (d, id) => steps.confirm(d.merchant.owner, id),
    (d, id) => steps.requestClosure(d.isv.owner, id),
    (d, id) => steps.approveClosure(d.merchant.owner, id),
  ],
  REJECTED: [(d, id) => steps.reject(d.isv.owner, id)],
  CANCELLED: [(d, id) => steps.cancel(d.merchant.owner, id)],
};

/** An order of the deal's service for `miniProgramId` (the deal's by default), placed and brought to `status` by the owners. */
export async function orderIn(deal: Deal, status: OrderStatus, miniProgramId = deal.miniProgramId): Promise<OrderFieldsFragment> {
  let order = succeeded(await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId }));
  for (const step of pathTo[status]) order = succeeded(await step(deal, order.id));
  expect(order.status).toBe(status);
  return order;
}
