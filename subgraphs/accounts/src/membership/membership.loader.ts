import { loaderOfLists } from '@mpp/kit';
import { asc, inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { workspaceMembers } from '../db/schema.js';

/** Members of each workspace, oldest first; one query for any number of workspaces. */
export function membersByWorkspaceLoader(db: AccountsDb) {
  return loaderOfLists(
    (workspaceIds) =>
      db
        .select()
        .from(workspaceMembers)
        .where(inArray(workspaceMembers.workspaceId, workspaceIds))
        .orderBy(asc(workspaceMembers.joinedAt), asc(workspaceMembers.accountId)),
    (member) => member.workspaceId,
  );
}

/** Memberships of each account, oldest first. */
export function membershipsByAccountLoader(db: AccountsDb) {
  return loaderOfLists(
    (accountIds) =>
      db
        .select()
        .from(workspaceMembers)
        .where(inArray(workspaceMembers.accountId, accountIds))
        .orderBy(asc(workspaceMembers.joinedAt), asc(workspaceMembers.workspaceId)),
    (member) => member.accountId,
  );
}
