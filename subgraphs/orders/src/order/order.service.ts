import {
  fail,
  forbidden,
  InputChecks,
  isId,
  isUniqueViolation,
  newId,
  rowsOf,
  UserErrorCode,
  WorkspaceRole,
  type Access,
} from '@mpp/kit';
import { and, eq, sql } from 'drizzle-orm';
import type { OrdersDeps, OrdersLoaders } from '../context.js';
import { recordStatusChange } from '../db/events.js';
import { directoryMiniPrograms, directoryServices, orders, type OrderRow, type OrderStatusValue } from '../db/schema.js';

export const REQUIREMENTS_MAX_LENGTH = 5000;
export const REASON_MAX_LENGTH = 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
const MANAGERS = [WorkspaceRole.OWNER, WorkspaceRole.MASTER] as const;

export interface Caller {
  deps: OrdersDeps;
  access: Access;
  loaders: OrdersLoaders;
}

/**
 * Members of either party and the platform see an order. Before refusing, the Accounts directory
 * catches up once: an account added to a party a moment ago already sees the order.
 */
export async function canSee(access: Access, order: OrderRow): Promise<boolean> {
  return access.canReadAny([order.merchantWorkspaceId, order.isvWorkspaceId]);
}

/**
 * Facts committed by ServiceMarket and MiniPrograms. The read models catch up first (one cheap
 * statement each when current): a service archived or a mini program removed a moment ago must
 * not look ONLINE or ACTIVE to the order placed next.
 */
async function facts(caller: Caller, serviceId: string, miniProgramId: string) {
  await caller.deps.directories.catchUp();
  const [service] = isId(serviceId) ? await caller.deps.db.select().from(directoryServices).where(eq(directoryServices.id, serviceId)) : [];
  const [miniProgram] = isId(miniProgramId)
    ? await caller.deps.db.select().from(directoryMiniPrograms).where(eq(directoryMiniPrograms.id, miniProgramId))
    : [];
  return { service, miniProgram };
}

export async function placeOrder(
  caller: Caller,
  input: { serviceId: string; miniProgramId: string; requirements: string; idempotencyKey: string },
): Promise<OrderRow> {
  const { deps, access } = caller;
  const viewer = access.requireViewer();
  const idempotencyKey = input.idempotencyKey.trim();
  new InputChecks()
    .check(
      idempotencyKey.length >= 1 && idempotencyKey.length <= IDEMPOTENCY_KEY_MAX_LENGTH,
      'idempotencyKey',
      `The idempotency key must have 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`,
    )
    .done();
  // A repeat returns the first order, whatever has changed since, to a caller who may still see it
  // (an account that has left the merchant learns nothing more of it).
  const repeat = await findByIdempotencyKey(deps, viewer.accountId, idempotencyKey);
  if (repeat) {
    if (await canSee(access, repeat)) return repeat;
    fail(UserErrorCode.NOT_FOUND, 'No such mini program.', 'miniProgramId');
  }

  const { service, miniProgram } = await facts(caller, input.serviceId, input.miniProgramId);
  if (!miniProgram) fail(UserErrorCode.NOT_FOUND, 'No such mini program.', 'miniProgramId');
  if (!(await access.canRead(miniProgram.merchantWorkspaceId))) fail(UserErrorCode.NOT_FOUND, 'No such mini program.', 'miniProgramId');
  await access.requireRole(miniProgram.merchantWorkspaceId, MANAGERS, { party: 'merchant', action: 'order services for its mini programs' });
  if (!(await access.isVerified(miniProgram.merchantWorkspaceId))) {
    fail(UserErrorCode.NOT_VERIFIED, 'The merchant workspace must pass identity verification before it orders.', 'miniProgramId');
  }
  if (miniProgram.status !== 'ACTIVE') fail(UserErrorCode.INVALID_STATE, 'This mini program was removed.', 'miniProgramId');
  if (!service || !['ONLINE', 'ARCHIVED'].includes(service.status)) fail(UserErrorCode.NOT_FOUND, 'No such service in the market.', 'serviceId');
  if (service.status !== 'ONLINE') fail(UserErrorCode.INVALID_STATE, 'This service has left the market.', 'serviceId');
  const requirements = input.requirements.trim();
  new InputChecks()
    .check(
      requirements.length >= 1 && requirements.length <= REQUIREMENTS_MAX_LENGTH,
      'requirements',
      `Describe the requirements in 1 to ${REQUIREMENTS_MAX_LENGTH} characters.`,
    )
    .done();

  try {
    return await deps.db.transaction(async (tx) => {
      const [{ next }] = rowsOf<{ next: string }>(await tx.execute(sql`select nextval('orders.order_numbers')::text as next`)) as [{ next: string }];
      const [order] = await tx
        .insert(orders)
        .values({
          id: newId(),
          number: `ORD-${new Date().getUTCFullYear()}-${String(next).padStart(6, '0')}`,
          serviceId: service.id,
          merchantWorkspaceId: miniProgram.merchantWorkspaceId,
          isvWorkspaceId: service.isvWorkspaceId,
          miniProgramId: miniProgram.id,
          priceAmount: service.priceAmount,
          priceCurrency: service.priceCurrency,
          requirements,
          status: 'NEW',
          placedBy: viewer.accountId,
          idempotencyKey,
        })
        .returning();
      await recordStatusChange(tx, order!, null, viewer.accountId, null);
      return order!;
    });
  } catch (error) {
    // A concurrent repeat with the same key committed first: answer with its order.
    if (isUniqueViolation(error, 'orders_idempotency_unique')) {
      const first = await findByIdempotencyKey(deps, viewer.accountId, idempotencyKey);
      if (first) return first;
    }
    throw error;
  }
}

async function findByIdempotencyKey(deps: OrdersDeps, accountId: string, key: string): Promise<OrderRow | undefined> {
  const [order] = await deps.db.select().from(orders).where(and(eq(orders.placedBy, accountId), eq(orders.idempotencyKey, key)));
  return order;
}

type Party = 'merchant' | 'isv';

interface Step {
  party: Party;
  /** What the step does, as a refusal says it: "Only the merchant's OWNER or MASTER may confirm this order." */
  action: string;
  from: OrderStatusValue[];
  to: OrderStatusValue;
  needsReason?: boolean;
}

export const STEPS = {
  accept: { party: 'isv', action: 'accept this order', from: ['NEW'], to: 'PENDING_CONFIRMATION' },
  reject: { party: 'isv', action: 'reject this order', from: ['NEW'], to: 'REJECTED', needsReason: true },
  confirm: { party: 'merchant', action: 'confirm this order', from: ['PENDING_CONFIRMATION'], to: 'IN_DEVELOPMENT' },
  cancelByMerchant: { party: 'merchant', action: 'cancel this order', from: ['NEW', 'PENDING_CONFIRMATION'], to: 'CANCELLED', needsReason: true },
  abandonByIsv: { party: 'isv', action: 'abandon this order', from: ['IN_DEVELOPMENT'], to: 'CANCELLED', needsReason: true },
  requestClosure: { party: 'isv', action: 'request the closure of this order', from: ['IN_DEVELOPMENT'], to: 'CLOSURE_REQUESTED' },
  approveClosure: { party: 'merchant', action: 'approve the closure of this order', from: ['CLOSURE_REQUESTED'], to: 'CLOSED' },
  rejectClosure: { party: 'merchant', action: 'reject the closure of this order', from: ['CLOSURE_REQUESTED'], to: 'IN_DEVELOPMENT', needsReason: true },
} satisfies Record<string, Step>;

/** The order a mutation names: NOT_FOUND unless the caller may see it. */
async function visibleOrder(caller: Caller, orderId: string): Promise<OrderRow> {
  caller.access.requireViewer();
  const order = isId(orderId) ? await caller.loaders.order.load(orderId) : null;
  if (!order || !(await canSee(caller.access, order))) fail(UserErrorCode.NOT_FOUND, 'No such order.', 'orderId');
  return order;
}

const partyWorkspace = (order: OrderRow, party: Party) => (party === 'merchant' ? order.merchantWorkspaceId : order.isvWorkspaceId);

/**
 * One step of the order state machine: only the step's party (OWNER or MASTER) may take it, only
 * from its states; the status guard is in the UPDATE, so of racing steps exactly one wins.
 */
export async function transition(caller: Caller, orderId: string, step: Step, reasonInput?: string): Promise<OrderRow> {
  const order = await visibleOrder(caller, orderId);
  await caller.access.requireRole(partyWorkspace(order, step.party), MANAGERS, { party: step.party === 'isv' ? 'ISV' : 'merchant', action: step.action });
  return applyStep(caller, order, step, reasonInput);
}

/** `cancelOrder` serves both parties: the merchant withdraws before development, the ISV abandons during it. */
export async function cancel(caller: Caller, orderId: string, reason: string): Promise<OrderRow> {
  const order = await visibleOrder(caller, orderId);
  // A change is decided on current roles (as `requireRole` does for the other steps).
  await caller.access.refresh();
  const managed = async (party: Party) => {
    const membership = await caller.access.membership(partyWorkspace(order, party));
    return membership !== null && MANAGERS.includes(membership.role as (typeof MANAGERS)[number]);
  };
  const [merchant, isv] = await Promise.all([managed('merchant'), managed('isv')]);
  if (!merchant && !isv) throw forbidden("Only the merchant's or the ISV's OWNER or MASTER may cancel this order.");
  const step = isv && (!merchant || STEPS.abandonByIsv.from.includes(order.status as 'IN_DEVELOPMENT')) ? STEPS.abandonByIsv : STEPS.cancelByMerchant;
  return applyStep(caller, order, step, reason);
}

async function applyStep(caller: Caller, order: OrderRow, step: Step, reasonInput?: string): Promise<OrderRow> {
  const reason = reasonInput?.trim() ?? null;
  if (step.needsReason) {
    new InputChecks()
      .check(reason !== null && reason.length >= 1 && reason.length <= REASON_MAX_LENGTH, 'reason', `Give the reason, in 1 to ${REASON_MAX_LENGTH} characters.`)
      .done();
  }
  const actorId = caller.access.requireViewer().accountId;
  try {
    return await caller.deps.db.transaction(async (tx) => {
      // The row lock makes racing steps on one order take turns; the loser then sees the new status.
      const [current] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)).for('update');
      if (!current || !step.from.includes(current.status)) {
        fail(UserErrorCode.INVALID_STATE, `The order is ${current?.status ?? order.status}; this step needs it ${step.from.join(' or ')}.`, 'orderId');
      }
      const [updated] = await tx
        .update(orders)
        .set({ status: step.to, updatedAt: sql`now()` })
        .where(and(eq(orders.id, order.id), eq(orders.status, current.status)))
        .returning();
      await recordStatusChange(tx, updated!, current.status, actorId, step.needsReason ? reason : null);
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'orders_one_active_per_mini_program')) {
      fail(UserErrorCode.INVALID_STATE, 'Another order of this mini program is already in development.', 'orderId');
    }
    throw error;
  } finally {
    caller.loaders.order.clear(order.id);
  }
}
