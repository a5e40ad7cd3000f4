import { doublePrecision, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** The gateway's own tables, shared by every gateway replica on one database. */
export const gatewaySchema = pgSchema('gateway');

/**
 * Leaky buckets of the rate limits: `available` points at `updated_at`; they refill with time, so
 * a row whose bucket is full again is the same as no row (and is swept).
 */
export const rateLimitBuckets = gatewaySchema.table('rate_limit_buckets', {
  key: text('key').primaryKey(),
  available: doublePrecision('available').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});
