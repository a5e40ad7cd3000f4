import { accessTables, consumerOffsetsTable, eventLogTable } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const miniProgramsSchema = pgSchema('mini_programs');

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export type UploadPurposeValue = 'LOGO' | 'PACKAGE';
export type UploadStatusValue = 'PENDING' | 'UPLOADED' | 'CONSUMED';

/** A staged upload: declared by `createUpload`, filled by an HTTP PUT, used once by a mutation. */
export const uploads = miniProgramsSchema.table(
  'uploads',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    purpose: text('purpose').notNull().$type<UploadPurposeValue>(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    /** SHA-256 of the secret in the upload URL; the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    status: text('status').notNull().$type<UploadStatusValue>(),
    /** For a logo: the image type read from its bytes. */
    detectedType: text('detected_type'),
    expiresAt: time('expires_at').notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    uploadedAt: time('uploaded_at'),
    consumedAt: time('consumed_at'),
  },
  (table) => [
    // The quota sums an account's unused uploads; the collector finds expired ones by status and age.
    index('uploads_account_status_idx').on(table.accountId, table.status),
    index('uploads_status_created_idx').on(table.status, table.createdAt),
  ],
);

export type MiniProgramStatusValue = 'ACTIVE' | 'REMOVED';

export const miniPrograms = miniProgramsSchema.table(
  'mini_programs',
  {
    id: uuid('id').primaryKey(),
    merchantWorkspaceId: uuid('merchant_workspace_id').notNull(),
    targetApp: text('target_app').notNull(),
    name: text('name').notNull(),
    tagline: text('tagline').notNull(),
    description: text('description').notNull(),
    logoUploadId: uuid('logo_upload_id')
      .notNull()
      .references(() => uploads.id),
    industry: text('industry').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    status: text('status').notNull().$type<MiniProgramStatusValue>(),
    trialVersionId: uuid('trial_version_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
    removedAt: time('removed_at'),
  },
  (table) => [index('mini_programs_merchant_idx').on(table.merchantWorkspaceId, table.id)],
);

export type MemberRoleValue = 'DEVELOPER' | 'TESTER';

export const miniProgramMembers = miniProgramsSchema.table(
  'mini_program_members',
  {
    miniProgramId: uuid('mini_program_id')
      .notNull()
      .references(() => miniPrograms.id),
    accountId: uuid('account_id').notNull(),
    role: text('role').notNull().$type<MemberRoleValue>(),
    /** The authorized ISV that added this member (its power ends with the authorization); null: the merchant. */
    grantedByIsvWorkspaceId: uuid('granted_by_isv_workspace_id'),
    addedBy: uuid('added_by').notNull(),
    addedAt: time('added_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.miniProgramId, table.accountId] }), index().on(table.accountId)],
);

export const VERSION_STATUSES = [
  'UPLOADED',
  'UNDER_REVIEW',
  'REJECTED',
  'APPROVED',
  'GRAY',
  'RELEASED',
  'SUPERSEDED',
  'ROLLED_BACK',
  'OFFLINE',
] as const;
export type VersionStatusValue = (typeof VERSION_STATUSES)[number];

export const versions = miniProgramsSchema.table(
  'versions',
  {
    id: uuid('id').primaryKey(),
    miniProgramId: uuid('mini_program_id')
      .notNull()
      .references(() => miniPrograms.id),
    version: text('version').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().$type<VersionStatusValue>(),
    packageUploadId: uuid('package_upload_id')
      .notNull()
      .references(() => uploads.id),
    packageSize: integer('package_size').notNull(),
    packageSha256: text('package_sha256').notNull(),
    grayPercentage: integer('gray_percentage'),
    rejectionReason: text('rejection_reason'),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: time('uploaded_at').notNull().defaultNow(),
    submittedAt: time('submitted_at'),
    reviewedAt: time('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    releasedAt: time('released_at'),
  },
  (table) => [
    unique('versions_number_unique').on(table.miniProgramId, table.version),
    index('versions_mini_program_idx').on(table.miniProgramId, table.id),
    index('versions_review_idx').on(table.status, table.submittedAt, table.id),
    // The state machine's "at most one" rules, held by the database even under races.
    uniqueIndex('versions_one_under_review').on(table.miniProgramId).where(sql`status = 'UNDER_REVIEW'`),
    uniqueIndex('versions_one_gray').on(table.miniProgramId).where(sql`status = 'GRAY'`),
    uniqueIndex('versions_one_released').on(table.miniProgramId).where(sql`status = 'RELEASED'`),
  ],
);

/** Every status change of every version: who, when, from what to what, why. */
export const versionTransitions = miniProgramsSchema.table(
  'version_transitions',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id),
    fromStatus: text('from_status').$type<VersionStatusValue>(),
    toStatus: text('to_status').notNull().$type<VersionStatusValue>(),
    grayPercentage: integer('gray_percentage'),
    actorId: uuid('actor_id').notNull(),
    reason: text('reason'),
    at: time('at').notNull().defaultNow(),
  },
  (table) => [index().on(table.versionId, table.at)],
);

export type DomainKindValue = 'SERVER' | 'H5';

export const domains = miniProgramsSchema.table(
  'domains',
  {
    miniProgramId: uuid('mini_program_id')
      .notNull()
      .references(() => miniPrograms.id),
    kind: text('kind').notNull().$type<DomainKindValue>(),
    domain: text('domain').notNull(),
  },
  (table) => [primaryKey({ columns: [table.miniProgramId, table.kind, table.domain] })],
);

/** The super app's visit feed; one row per visitor, page and instant (replays are ignored). */
export const visits = miniProgramsSchema.table(
  'visits',
  {
    miniProgramId: uuid('mini_program_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    page: text('page').notNull(),
    occurredAt: time('occurred_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.miniProgramId, table.visitorId, table.page, table.occurredAt] }),
    index('visits_time_idx').on(table.miniProgramId, table.occurredAt),
  ],
);

/** Which ISV may develop which mini program, fed by Orders' events (an order in development). */
export const isvAuthorizations = miniProgramsSchema.table('isv_authorizations', {
  miniProgramId: uuid('mini_program_id').primaryKey(),
  isvWorkspaceId: uuid('isv_workspace_id').notNull(),
  orderId: uuid('order_id').notNull(),
  since: time('since').notNull(),
});

/**
 * Every ISV that ever had an order on a mini program, fed by Orders' events: those parties see the
 * mini program's public profile through the order, whatever the order's status.
 */
export const orderParties = miniProgramsSchema.table(
  'order_parties',
  {
    miniProgramId: uuid('mini_program_id').notNull(),
    isvWorkspaceId: uuid('isv_workspace_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.miniProgramId, table.isvWorkspaceId] })],
);

export const eventLog = eventLogTable(miniProgramsSchema);
export const consumerOffsets = consumerOffsetsTable(miniProgramsSchema);
export const { directoryWorkspaces, directoryMembers, directoryAccounts } = accessTables(miniProgramsSchema);

export type UploadRow = typeof uploads.$inferSelect;
export type MiniProgramRow = typeof miniPrograms.$inferSelect;
export type MemberRow = typeof miniProgramMembers.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;
