import { appendEvents, OrderEventType, type Db, type OrderStatusChangedPayload } from '@mpp/kit';
import { eventLog, type OrderRow } from './schema.js';

/** Appends the order's status change (its placement: `from` null) in the caller's transaction. */
export function recordStatusChange(tx: Db, order: OrderRow, from: string | null, actorId: string, reason: string | null) {
  const payload: OrderStatusChangedPayload = {
    orderId: order.id,
    serviceId: order.serviceId,
    miniProgramId: order.miniProgramId,
    merchantWorkspaceId: order.merchantWorkspaceId,
    isvWorkspaceId: order.isvWorkspaceId,
    from,
    to: order.status,
    reason,
  };
  return appendEvents(tx, eventLog, 'orders', [
    { type: OrderEventType.StatusChanged, streamId: order.id, payload: payload as unknown as Record<string, unknown>, actorId },
  ]);
}
