import { accessTables, consumerOffsetsTable, eventLogTable } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgSchema, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ordersSchema = pgSchema('orders');

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const ORDER_STATUSES = ['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT', 'CLOSURE_REQUESTED', 'CLOSED', 'REJECTED', 'CANCELLED'] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

/** Gives each order its human-readable number. */
export const orderNumbers = ordersSchema.sequence('order_numbers', { startWith: 1 });

export const orders = ordersSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    serviceId: uuid('service_id').notNull(),
    merchantWorkspaceId: uuid('merchant_workspace_id').notNull(),
    isvWorkspaceId: uuid('isv_workspace_id').notNull(),
    miniProgramId: uuid('mini_program_id').notNull(),
    /** Copied from the service when placed: later edits of the service do not change the order. */
    priceAmount: integer('price_amount').notNull(),
    priceCurrency: text('price_currency').notNull(),
    requirements: text('requirements').notNull(),
    status: text('status').notNull().$type<OrderStatusValue>(),
    placedBy: uuid('placed_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (table) => [
    unique('orders_idempotency_unique').on(table.placedBy, table.idempotencyKey),
    index('orders_merchant_idx').on(table.merchantWorkspaceId, table.id),
    index('orders_isv_idx').on(table.isvWorkspaceId, table.id),
    // At most one order authorizing an ISV on a mini program at a time, held by the database.
    uniqueIndex('orders_one_active_per_mini_program')
      .on(table.miniProgramId)
      .where(sql`status in ('IN_DEVELOPMENT', 'CLOSURE_REQUESTED')`),
  ],
);

/** What Orders knows of services, from ServiceMarket's events. */
export const directoryServices = ordersSchema.table('directory_services', {
  id: uuid('id').primaryKey(),
  isvWorkspaceId: uuid('isv_workspace_id').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull(),
  priceAmount: integer('price_amount').notNull(),
  priceCurrency: text('price_currency').notNull(),
  /** Position of the event that last changed this row (events apply in order; kept for audits). */
  position: bigint('position', { mode: 'number' }).notNull(),
});

/** What Orders knows of mini programs, from MiniPrograms' events. */
export const directoryMiniPrograms = ordersSchema.table('directory_mini_programs', {
  id: uuid('id').primaryKey(),
  merchantWorkspaceId: uuid('merchant_workspace_id').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
});

export const eventLog = eventLogTable(ordersSchema);
export const consumerOffsets = consumerOffsetsTable(ordersSchema);
export const { directoryWorkspaces, directoryMembers, directoryAccounts } = accessTables(ordersSchema);

export type OrderRow = typeof orders.$inferSelect;
