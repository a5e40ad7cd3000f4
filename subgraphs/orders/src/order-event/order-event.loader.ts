import { decodeCursor, encodeCursor, loaderOfLists, type LoggedEvent } from '@mpp/kit';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { OrdersDb } from '../db/client.js';
import { eventLog } from '../db/schema.js';

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

export function eventByPositionLoader(db: OrdersDb) {
  return new DataLoader<number, LoggedEvent | null>(async (positions) => {
    const rows = await db.select().from(eventLog).where(inArray(eventLog.position, [...positions]));
    const found = new Map(rows.map((row) => [row.position, row]));
    return positions.map((p) => found.get(p) ?? null);
  });
}
