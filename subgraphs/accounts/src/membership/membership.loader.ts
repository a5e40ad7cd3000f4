import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { workspaceMembers, type MemberRow } from '../db/schema.js';

function groupBy<K extends keyof MemberRow>(rows: MemberRow[], key: K): Map<MemberRow[K], MemberRow[]> {
  const groups = new Map<MemberRow[K], MemberRow[]>();
  for (const row of rows) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
  return groups;
}

/** Members of each workspace, oldest first; one query for any number of workspaces. */
export function membersByWorkspaceLoader(db: AccountsDb) {
  return new DataLoader<string, MemberRow[]>(async (workspaceIds) => {
    const rows = await db
      .select()
      .from(workspaceMembers)
      .where(inArray(workspaceMembers.workspaceId, [...workspaceIds]))
      .orderBy(asc(workspaceMembers.joinedAt), asc(workspaceMembers.accountId));
    const groups = groupBy(rows, 'workspaceId');
    return workspaceIds.map((id) => groups.get(id) ?? []);
  });
}

/** Memberships of each account, oldest first. */
export function membershipsByAccountLoader(db: AccountsDb) {
  return new DataLoader<string, MemberRow[]>(async (accountIds) => {
    const rows = await db
      .select()
      .from(workspaceMembers)
      .where(inArray(workspaceMembers.accountId, [...accountIds]))
      .orderBy(asc(workspaceMembers.joinedAt), asc(workspaceMembers.workspaceId));
    const groups = groupBy(rows, 'accountId');
    return accountIds.map((id) => groups.get(id) ?? []);
  });
}
