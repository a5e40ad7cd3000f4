import { AUTHORIZING_ORDER_STATUSES, eventLogTable, OrderEventType, type Db, type LoggedEvent, type OrderStatusChangedPayload } from '@mpp/kit';
import { and, eq } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { isvAuthorizations, miniProgramMembers, orderParties } from '../db/schema.js';

/** Orders' published event log. */
export const ordersEventLog = eventLogTable(pgSchema('orders'));

/**
 * Keeps `isv_authorizations` in step with Orders: an order entering development authorizes its ISV
 * on the mini program; closing or cancelling it ends the authorization, and with it the mini
 * program memberships that ISV granted. A placed order makes its ISV a party (`order_parties`).
 */
export async function projectOrderEvent(tx: Db, event: LoggedEvent): Promise<void> {
  if (event.type !== OrderEventType.StatusChanged) return;
  const p = event.payload as unknown as OrderStatusChangedPayload;
  if (p.from === null) {
    await tx.insert(orderParties).values({ miniProgramId: p.miniProgramId, isvWorkspaceId: p.isvWorkspaceId }).onConflictDoNothing();
  }
  const authorizing = AUTHORIZING_ORDER_STATUSES.includes(p.to);
  const wasAuthorizing = p.from !== null && AUTHORIZING_ORDER_STATUSES.includes(p.from);
  if (authorizing && !wasAuthorizing) {
    await tx
      .insert(isvAuthorizations)
      .values({ miniProgramId: p.miniProgramId, isvWorkspaceId: p.isvWorkspaceId, orderId: p.orderId, since: event.occurredAt })
      .onConflictDoUpdate({
        target: isvAuthorizations.miniProgramId,
        set: { isvWorkspaceId: p.isvWorkspaceId, orderId: p.orderId, since: event.occurredAt },
      });
  } else if (wasAuthorizing && !authorizing) {
    const ended = await tx
      .delete(isvAuthorizations)
      .where(and(eq(isvAuthorizations.miniProgramId, p.miniProgramId), eq(isvAuthorizations.orderId, p.orderId)))
      .returning();
    if (ended.length > 0) {
      await tx
        .delete(miniProgramMembers)
        .where(and(eq(miniProgramMembers.miniProgramId, p.miniProgramId), eq(miniProgramMembers.grantedByIsvWorkspaceId, p.isvWorkspaceId)));
    }
  }
}
