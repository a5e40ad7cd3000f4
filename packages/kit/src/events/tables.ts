import { bigint, bigserial, index, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The event log of a subgraph (its transactional outbox): append-only, one row per state change,
 * written in the transaction of that change. `position` strictly increases in commit order (see
 * `appendEvent`), so a reader that remembers the last position it saw misses nothing. The log is
 * the one table of a subgraph that others may read: it is its published stream.
 */
export function eventLogTable(schema: PgSchema) {
  return schema.table(
    'event_log',
    {
      position: bigserial('position', { mode: 'number' }).primaryKey(),
      id: uuid('id').notNull().unique(),
      type: text('type').notNull(),
      /** The entity the event is about (an order id, a workspace id…). */
      streamId: text('stream_id').notNull(),
      payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
      actorId: text('actor_id'),
      requestId: text('request_id'),
      /** W3C `traceparent` of the work that appended it (tracing on): what it sets off joins that trace. */
      traceParent: text('trace_parent'),
      occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    },
    (table) => [index('event_log_stream_idx').on(table.streamId, table.position)],
  );
}

/** Where each consumer of an event log is: the last position it has applied. */
export function consumerOffsetsTable(schema: PgSchema) {
  return schema.table('consumer_offsets', {
    consumer: text('consumer').primaryKey(),
    position: bigint('position', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  });
}

export type EventLogTable = ReturnType<typeof eventLogTable>;
export type ConsumerOffsetsTable = ReturnType<typeof consumerOffsetsTable>;
export type LoggedEvent = EventLogTable['$inferSelect'];
