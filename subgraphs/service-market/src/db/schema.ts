import { accessTables, consumerOffsetsTable, eventLogTable } from '@mpp/kit';
import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const marketSchema = pgSchema('market');

export const SERVICE_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'WITHDRAWN', 'REJECTED', 'ONLINE', 'ARCHIVED'] as const;
export type ServiceStatusValue = (typeof SERVICE_STATUSES)[number];

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const services = marketSchema.table(
  'services',
  {
    id: uuid('id').primaryKey(),
    isvWorkspaceId: uuid('isv_workspace_id').notNull(),
    name: text('name').notNull(),
    industry: text('industry').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull(),
    images: text('images').array().notNull(),
    applicableApps: text('applicable_apps').array().notNull(),
    priceAmount: integer('price_amount').notNull(),
    priceCurrency: text('price_currency').notNull(),
    companyName: text('company_name').notNull(),
    companyContactEmail: text('company_contact_email').notNull(),
    companyContactPhone: text('company_contact_phone'),
    companyWebsite: text('company_website'),
    status: text('status').notNull().$type<ServiceStatusValue>(),
    rejectionReason: text('rejection_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
    submittedAt: time('submitted_at'),
    /** When it first went ONLINE: the market lists newest first by it. */
    publishedAt: time('published_at'),
  },
  (table) => [
    index('services_isv_idx').on(table.isvWorkspaceId, table.id),
    index('services_market_idx').on(table.status, table.publishedAt, table.id),
    index('services_review_idx').on(table.status, table.submittedAt, table.id),
  ],
);

/** Every review decision, kept: who decided what, when and why. */
export const serviceReviews = marketSchema.table('service_reviews', {
  id: uuid('id').primaryKey(),
  serviceId: uuid('service_id')
    .notNull()
    .references(() => services.id),
  decision: text('decision').notNull().$type<'APPROVED' | 'REJECTED'>(),
  reason: text('reason'),
  reviewerId: uuid('reviewer_id').notNull(),
  reviewedAt: time('reviewed_at').notNull().defaultNow(),
});

export const eventLog = eventLogTable(marketSchema);
export const consumerOffsets = consumerOffsetsTable(marketSchema);
export const { directoryWorkspaces, directoryMembers, directoryAccounts } = accessTables(marketSchema);

export type ServiceRow = typeof services.$inferSelect;
