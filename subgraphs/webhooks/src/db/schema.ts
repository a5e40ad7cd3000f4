import { accessTables, consumerOffsetsTable } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const webhooksSchema = pgSchema('webhooks');

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatusValue = (typeof DELIVERY_STATUSES)[number];

/** A partner's URL that receives the events of some topics of one workspace. */
export const endpoints = webhooksSchema.table(
  'endpoints',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull(),
    topics: jsonb('topics').notNull().$type<string[]>(),
    /** `whsec_…`: what deliveries are signed with. */
    secret: text('secret').notNull(),
    /** The secret before the last rotation, still signing until `previousSecretExpiresAt`. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: time('previous_secret_expires_at'),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    disabledAt: time('disabled_at'),
    /** First failed attempt since the last success; an endpoint failing long enough is disabled. */
    failingSince: time('failing_since'),
    createdBy: uuid('created_by').notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (table) => [index('endpoints_workspace_idx').on(table.workspaceId, table.id)],
);

/**
 * One event for one endpoint. `seq` orders an endpoint's deliveries; `leasedUntil` is the claim of
 * the worker sending it (expired: another worker takes it over).
 */
export const deliveries = webhooksSchema.table(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    /** The source event's id (null for a test delivery): an event makes one delivery per endpoint and topic. */
    eventId: uuid('event_id'),
    topic: text('topic'),
    type: text('type').notNull(),
    /** The source event's W3C `traceparent`: its attempts' spans join the trace of the change that caused it. */
    traceParent: text('trace_parent'),
    /** The exact JSON body sent (and signed). */
    body: text('body').notNull(),
    status: text('status').notNull().$type<DeliveryStatusValue>(),
    /** Attempts since it was created or last redelivered (the retry schedule's step). */
    roundAttempts: integer('round_attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at'),
    leasedUntil: time('leased_until'),
    leaseToken: uuid('lease_token'),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('deliveries_event_endpoint_unique').on(table.endpointId, table.eventId, table.topic),
    index('deliveries_endpoint_seq_idx').on(table.endpointId, table.seq),
    index('deliveries_due_idx').on(table.nextAttemptAt).where(sql`status = 'PENDING'`),
  ],
);

/** One HTTP request of a delivery and its outcome. */
export const attempts = webhooksSchema.table(
  'attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    at: time('at').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    /** The response body, cut at 64 KB. */
    responseBody: text('response_body'),
  },
  (table) => [index('attempts_delivery_idx').on(table.deliveryId, table.at)],
);

/** Which ISV an order currently authorizes on a mini program (from Orders' events): a party to its versions. */
export const authorizations = webhooksSchema.table('authorizations', {
  miniProgramId: uuid('mini_program_id').primaryKey(),
  isvWorkspaceId: uuid('isv_workspace_id').notNull(),
  orderId: uuid('order_id').notNull(),
});

export const consumerOffsets = consumerOffsetsTable(webhooksSchema);
export const { directoryWorkspaces, directoryMembers, directoryAccounts } = accessTables(webhooksSchema);

export type EndpointRow = typeof endpoints.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
