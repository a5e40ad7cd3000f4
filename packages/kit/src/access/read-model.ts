import { and, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { index, pgSchema, primaryKey, text, uuid, type PgColumn, type PgSchema, type PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../db/database.js';
import { EventConsumer } from '../events/consumer.js';
import { eventLogTable, type ConsumerOffsetsTable, type LoggedEvent } from '../events/tables.js';
import type { Logger } from '../logger.js';
import {
  AccountsEvent,
  VerificationStatus,
  WorkspaceKind,
  type AccessDirectory,
  type AccountRegisteredPayload,
  type Membership,
  type MemberPayload,
  type VerificationPayload,
  type WorkspaceCreatedPayload,
  type WorkspaceFacts,
  type WorkspaceRole,
} from './model.js';

/**
 * A subgraph's local copy of what Accounts publishes about workspaces, members and accounts:
 * enough to authorize without calling Accounts, fed by Accounts' event log.
 */
export function accessTables(schema: PgSchema) {
  const workspaces = schema.table('directory_workspaces', {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull().$type<WorkspaceKind>(),
    verificationStatus: text('verification_status').notNull().$type<VerificationStatus>(),
  });
  const members = schema.table(
    'directory_members',
    {
      workspaceId: uuid('workspace_id').notNull(),
      accountId: uuid('account_id').notNull(),
      role: text('role').notNull().$type<WorkspaceRole>(),
    },
    (table) => [primaryKey({ columns: [table.workspaceId, table.accountId] }), index().on(table.accountId)],
  );
  const accounts = schema.table('directory_accounts', {
    id: uuid('id').primaryKey(),
    /** Lower-cased, as Accounts stores it. */
    email: text('email').notNull().unique(),
  });
  return { directoryWorkspaces: workspaces, directoryMembers: members, directoryAccounts: accounts };
}

export type AccessTables = ReturnType<typeof accessTables>;

/** Applies one Accounts event to the read model; idempotent (every write sets, none adds). */
export async function projectAccountsEvent(tx: Db, tables: AccessTables, event: LoggedEvent): Promise<void> {
  const { directoryWorkspaces: workspaces, directoryMembers: members, directoryAccounts: accounts } = tables;
  switch (event.type) {
    case AccountsEvent.AccountRegistered: {
      const p = event.payload as unknown as AccountRegisteredPayload;
      await tx.insert(accounts).values({ id: p.accountId, email: p.email }).onConflictDoUpdate({
        target: accounts.id,
        set: { email: p.email },
      });
      return;
    }
    case AccountsEvent.WorkspaceCreated: {
      const p = event.payload as unknown as WorkspaceCreatedPayload;
      await tx
        .insert(workspaces)
        .values({ id: p.workspaceId, kind: p.kind, verificationStatus: VerificationStatus.UNVERIFIED })
        .onConflictDoNothing();
      return;
    }
    case AccountsEvent.MemberAdded:
    case AccountsEvent.MemberRoleChanged: {
      const p = event.payload as unknown as MemberPayload;
      await tx
        .insert(members)
        .values({ workspaceId: p.workspaceId, accountId: p.accountId, role: p.role })
        .onConflictDoUpdate({ target: [members.workspaceId, members.accountId], set: { role: p.role } });
      return;
    }
    case AccountsEvent.MemberRemoved: {
      const p = event.payload as unknown as MemberPayload;
      await tx
        .delete(members)
        .where(and(eq(members.workspaceId, p.workspaceId), eq(members.accountId, p.accountId)));
      return;
    }
    case AccountsEvent.VerificationSubmitted:
    case AccountsEvent.VerificationApproved:
    case AccountsEvent.VerificationRejected: {
      const p = event.payload as unknown as VerificationPayload;
      await tx.update(workspaces).set({ verificationStatus: p.status }).where(eq(workspaces.id, p.workspaceId));
      return;
    }
    default:
      return; // events this model does not need
  }
}

/** The workspace and member tables a directory answers from: Accounts' own, or a read model of them. */
export interface DirectoryTables {
  workspaces: PgTable & { id: PgColumn; kind: PgColumn; verificationStatus: PgColumn };
  members: PgTable & { workspaceId: PgColumn; accountId: PgColumn; role: PgColumn };
}

/** `AccessDirectory` over workspace and member tables; `refresh` is the caller's (a no-op at the source). */
export class TableDirectory implements AccessDirectory {
  constructor(
    protected readonly db: Db,
    private readonly tables: DirectoryTables,
    readonly refresh: () => Promise<boolean>,
  ) {}

  async memberships(accountId: string, workspaceIds: readonly string[]): Promise<Map<string, Membership>> {
    if (workspaceIds.length === 0) return new Map();
    return this.membershipsWhere(accountId, inArray(this.tables.members.workspaceId, [...workspaceIds]));
  }

  membershipsOf(accountId: string): Promise<Map<string, Membership>> {
    return this.membershipsWhere(accountId);
  }

  private async membershipsWhere(accountId: string, where?: SQL): Promise<Map<string, Membership>> {
    const { workspaces: w, members: m } = this.tables;
    const rows = (await this.db
      .select({ id: w.id, kind: w.kind, verificationStatus: w.verificationStatus, role: m.role })
      .from(m)
      .innerJoin(w, eq(w.id, m.workspaceId))
      .where(and(eq(m.accountId, accountId), where))) as (WorkspaceFacts & { role: WorkspaceRole })[];
    return new Map(
      rows.map((r) => [r.id, { role: r.role, workspace: { id: r.id, kind: r.kind, verificationStatus: r.verificationStatus } }]),
    );
  }

  async workspaces(workspaceIds: readonly string[]): Promise<Map<string, WorkspaceFacts>> {
    const w = this.tables.workspaces;
    if (workspaceIds.length === 0) return new Map();
    const rows = (await this.db
      .select({ id: w.id, kind: w.kind, verificationStatus: w.verificationStatus })
      .from(w)
      .where(inArray(w.id, [...workspaceIds]))) as WorkspaceFacts[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  async isPlatformMember(accountId: string): Promise<boolean> {
    const { workspaces: w, members: m } = this.tables;
    const rows = await this.db
      .select({ one: sql<number>`1` })
      .from(m)
      .innerJoin(w, eq(w.id, m.workspaceId))
      .where(and(eq(m.accountId, accountId), eq(w.kind, WorkspaceKind.PLATFORM)))
      .limit(1);
    return rows.length > 0;
  }
}

/** The directory of a subgraph other than Accounts: its read model, caught up on refresh. */
export class ReadModelDirectory extends TableDirectory {
  constructor(
    db: Db,
    private readonly accessTables: AccessTables,
    consumer: Pick<EventConsumer, 'catchUpIfBehind'>,
  ) {
    // Answers read before may be stale even when the catch-up applied nothing (a notification may
    // have been applied meanwhile): they may always have changed.
    super(db, { workspaces: accessTables.directoryWorkspaces, members: accessTables.directoryMembers }, () =>
      consumer.catchUpIfBehind().then(() => true),
    );
  }

  /** Account ids by (lower-cased) email, for "add a member by email" outside Accounts. */
  async accountIdsByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    const a = this.accessTables.directoryAccounts;
    if (emails.length === 0) return new Map();
    const rows = await this.db.select().from(a).where(inArray(a.email, emails.map((e) => e.toLowerCase())));
    return new Map(rows.map((r) => [r.email, r.id]));
  }
}

/** Accounts' published event log, read by every other subgraph. */
export const accountsEventLog = eventLogTable(pgSchema('accounts'));

/**
 * For the processes that keep facts of Accounts' log in memory (ended sessions, changed
 * memberships): the log's newest position and, after `after`, its events of `types` (and `where`)
 * up to it; no events when `after` is null (a first read only learns where the log stands) or when
 * nothing was logged since (then one statement).
 */
export async function accountsEventsSince(
  db: Db,
  after: number | null,
  types: readonly string[],
  where?: SQL,
): Promise<{ newest: number; events: { type: string; payload: unknown }[] }> {
  const log = accountsEventLog;
  const [head] = await db.select({ newest: sql<string | null>`max(${log.position})::text` }).from(log);
  const newest = Number(head?.newest ?? 0);
  if (after === null || newest <= after) return { newest, events: [] };
  const events = await db
    .select({ type: log.type, payload: log.payload })
    .from(log)
    .where(and(gt(log.position, after), lte(log.position, newest), inArray(log.type, [...types]), where));
  return { newest, events };
}

/**
 * Starts the consumer that keeps a subgraph's access read model current with Accounts' events,
 * and returns the directory that answers from it.
 */
export async function startAccessReadModel(options: {
  subgraph: string;
  database: Database;
  db: Db;
  tables: AccessTables;
  offsets: ConsumerOffsetsTable;
  pollIntervalMs: number;
  logger: Logger;
}): Promise<{ directory: ReadModelDirectory; consumer: EventConsumer }> {
  const consumer = new EventConsumer({
    name: `${options.subgraph}<-accounts`,
    database: options.database,
    db: options.db,
    offsets: options.offsets,
    source: { log: accountsEventLog, schema: 'accounts' },
    pollIntervalMs: options.pollIntervalMs,
    logger: options.logger,
    handle: (tx, event) => projectAccountsEvent(tx, options.tables, event),
  });
  await consumer.start();
  return { directory: new ReadModelDirectory(options.db, options.tables, consumer), consumer };
}
