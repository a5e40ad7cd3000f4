import { eventLogTable, type VerificationStatus, type WorkspaceKind, type WorkspaceRole } from '@mpp/kit';
import { index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const accountsSchema = pgSchema('accounts');

export const accounts = accountsSchema.table('accounts', {
  id: uuid('id').primaryKey(),
  /** Stored lower-cased: one account per mailbox whatever the capitalisation. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id PHC string. */
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
});

export const workspaces = accountsSchema.table(
  'workspaces',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull().$type<WorkspaceKind>(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    verificationStatus: text('verification_status').notNull().$type<VerificationStatus>(),
    companyName: text('company_name'),
    registrationNumber: text('registration_number'),
    country: text('country'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date', precision: 3 }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    rejectionReason: text('rejection_reason'),
  },
  (table) => [index('workspaces_pending_idx').on(table.verificationStatus, table.submittedAt, table.id)],
);

export const workspaceMembers = accountsSchema.table(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    role: text('role').notNull().$type<WorkspaceRole>(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.accountId] }), index().on(table.accountId)],
);

/** Every verification decision, kept: who decided what, when, and why. */
export const verificationReviews = accountsSchema.table('verification_reviews', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  decision: text('decision').notNull().$type<'APPROVED' | 'REJECTED'>(),
  reason: text('reason'),
  companyName: text('company_name').notNull(),
  registrationNumber: text('registration_number').notNull(),
  country: text('country').notNull(),
  reviewerId: uuid('reviewer_id')
    .notNull()
    .references(() => accounts.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
});

/** A sign-in: its access tokens name it, and ending it refuses them all everywhere. */
export const sessions = accountsSchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date', precision: 3 }),
    endReason: text('end_reason'),
  },
  (table) => [index('sessions_account_idx').on(table.accountId)],
);

/** Every refresh token a session was given; only the newest is not retired. */
export const refreshTokens = accountsSchema.table(
  'refresh_tokens',
  {
    /** SHA-256 (hex) of the token: the token itself is never stored. */
    hash: text('hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (table) => [index('refresh_tokens_session_idx').on(table.sessionId)],
);

/**
 * What the configured platform admin password was last checked against: an HMAC (keyed with a
 * key derived from the token signing key, which is not in the database) of the account, its
 * password hash and the configured password. A start whose configuration still matches skips
 * re-verifying the password with argon2; the password itself is never stored.
 */
export const platformAdminChecks = accountsSchema.table('platform_admin_checks', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  fingerprint: text('fingerprint').notNull(),
});

export const eventLog = eventLogTable(accountsSchema);

export type AccountRow = typeof accounts.$inferSelect;
export type WorkspaceRow = typeof workspaces.$inferSelect;
export type MemberRow = typeof workspaceMembers.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
