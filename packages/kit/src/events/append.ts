import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { currentRequestScope } from '../request-scope.js';
import { currentTraceParent } from '../tracing/tracing.js';
import type { EventLogTable, LoggedEvent } from './tables.js';

/** The NOTIFY channel of a subgraph's event log. */
export function eventChannel(schema: string): string {
  return `${schema}_events`;
}

/** Postgres refuses a NOTIFY payload of 8,000 bytes or more. */
const NOTIFY_PAYLOAD_MAX_BYTES = 7_999;

/**
 * What the NOTIFY of an append carries: the events themselves (JSON) when they fit, so that a
 * reader holding everything before them need not read them back; else the last position.
 */
export function notificationOf(events: readonly LoggedEvent[]): string {
  const whole = JSON.stringify(events);
  if (Buffer.byteLength(whole) <= NOTIFY_PAYLOAD_MAX_BYTES) return whole;
  return String(events.reduce((max, event) => Math.max(max, event.position), 0));
}

/** The events a notification carries, in position order; null when it carries none (a position, or nothing). */
export function eventsOfNotification(payload: string): LoggedEvent[] | null {
  if (!payload.startsWith('[')) return null;
  try {
    const events = JSON.parse(payload) as (Omit<LoggedEvent, 'occurredAt'> & { occurredAt: string })[];
    return events.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) })).sort((a, b) => a.position - b.position);
  } catch {
    return null;
  }
}

export interface NewEvent {
  type: string;
  streamId: string;
  payload: Record<string, unknown>;
  actorId?: string | null;
}

/**
 * Appends events inside the caller's transaction and wakes listeners at commit.
 *
 * The transaction-scoped advisory lock makes positions commit in order: a position taken from the
 * sequence by one transaction is never committed after a higher one, so "everything after N" is
 * a safe question for readers. The lock is held from here to commit; append last.
 */
export async function appendEvents(tx: Db, log: EventLogTable, schema: string, events: NewEvent[]): Promise<LoggedEvent[]> {
  if (events.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`event_log:${schema}`}))`);
  const requestId = currentRequestScope()?.requestId ?? null;
  const traceParent = currentTraceParent();
  const rows = await tx
    .insert(log)
    .values(
      events.map((event) => ({
        id: newId(),
        type: event.type,
        streamId: event.streamId,
        payload: event.payload,
        actorId: event.actorId ?? null,
        requestId,
        traceParent,
      })),
    )
    .returning();
  await tx.execute(sql`select pg_notify(${eventChannel(schema)}, ${notificationOf(rows)})`);
  return rows;
}
