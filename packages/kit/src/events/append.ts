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
  const last = rows.reduce((max, row) => Math.max(max, row.position), 0);
  await tx.execute(sql`select pg_notify(${eventChannel(schema)}, ${String(last)})`);
  return rows;
}
