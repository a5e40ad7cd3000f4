import { decodeCursor, encodeCursor, loaderOfLists, type LoggedEvent } from '@mpp/kit';
import DataLoader from 'dataloader';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { OrdersDb } from '../db/client.js';
import { eventLog, orders, type OrderRow } from '../db/schema.js';

/** The opaque cursor of an order event: its position in the Orders event log. */
export function eventCursor(position: number): string {
  return encodeCursor(['order-event', position]);
}

/** The position in a cursor; null when the string is not an order event cursor. */
export function positionOf(cursor: string): number | null {
  try {
    const [kind, position] = decodeCursor(cursor, 2);
    return kind === 'order-event' && Number.isSafeInteger(position) && (position as number) >= 0 ? (position as number) : null;
  } catch {
    return null;
  }
}

/** Each order's timeline, oldest first; one query for any number of orders. */
export function eventsByOrderLoader(db: OrdersDb) {
  return loaderOfLists(
    (orderIds) => db.select().from(eventLog).where(inArray(eventLog.streamId, orderIds)).orderBy(asc(eventLog.position)),
    (event) => event.streamId,
  );
}

/**
 * Events by position, each read with its order in the same statement: the order loader is primed
 * with it, so that `orderEvent` and the fields of its order cost one statement, not two in turn.
 * Every event of this log is an order's (its stream id is the order's id, a uuid).
 */
export function eventByPositionLoader(db: OrdersDb, orderLoader: DataLoader<string, OrderRow | null>) {
  return new DataLoader<number, LoggedEvent | null>(async (positions) => {
    const rows = await db.select({ event: eventLog, order: orders }).from(eventLog).leftJoin(orders, eq(orders.id, sql`${eventLog.streamId}::uuid`)).where(inArray(eventLog.position, [...positions]));
    const found = new Map<number, LoggedEvent>();
    for (const { event, order } of rows) {
      found.set(event.position, event);
      if (order) orderLoader.prime(order.id, order);
    }
    return positions.map((p) => found.get(p) ?? null);
  });
}
