import { WorkspaceKind, type AccessDirectory, type Membership, type WorkspaceFacts } from '@mpp/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { workspaceMembers, workspaces } from '../db/schema.js';

/** Accounts answers access questions from its own tables: always current, nothing to refresh. */
export class SourceDirectory implements AccessDirectory {
  constructor(private readonly db: AccountsDb) {}

  async memberships(accountId: string, workspaceIds: readonly string[]): Promise<Map<string, Membership>> {
    if (workspaceIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: workspaces.id, kind: workspaces.kind, verificationStatus: workspaces.verificationStatus, role: workspaceMembers.role })
      .from(workspaceMembers)
      .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
      .where(and(eq(workspaceMembers.accountId, accountId), inArray(workspaceMembers.workspaceId, [...workspaceIds])));
    return new Map(
      rows.map((r) => [r.id, { role: r.role, workspace: { id: r.id, kind: r.kind, verificationStatus: r.verificationStatus } }]),
    );
  }

  async workspaces(workspaceIds: readonly string[]): Promise<Map<string, WorkspaceFacts>> {
    if (workspaceIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: workspaces.id, kind: workspaces.kind, verificationStatus: workspaces.verificationStatus })
      .from(workspaces)
      .where(inArray(workspaces.id, [...workspaceIds]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async isPlatformMember(accountId: string): Promise<boolean> {
    const rows = await this.db
      .select({ one: sql<number>`1` })
      .from(workspaceMembers)
      .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
      .where(and(eq(workspaceMembers.accountId, accountId), eq(workspaces.kind, WorkspaceKind.PLATFORM)))
      .limit(1);
    return rows.length > 0;
  }

  async refresh(): Promise<boolean> {
    return false;
  }
}
