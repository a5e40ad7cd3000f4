import { AccountsEvent, fail, isId, UserErrorCode, WorkspaceRole, type Access } from '@mpp/kit';
import { and, eq, ne, sql } from 'drizzle-orm';
import { isValidEmail, normalizeEmail } from '../account/account.service.js';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { accounts, workspaceMembers, type MemberRow, type WorkspaceRow } from '../db/schema.js';
import { requireWorkspace } from '../workspace/workspace.service.js';

const OWNERS_ONLY = [WorkspaceRole.OWNER] as const;

export async function addMember(
  deps: AccountsDeps,
  access: Access,
  input: { workspaceId: string; email: string; role: WorkspaceRole },
): Promise<WorkspaceRow> {
  const workspace = await requireWorkspace(deps.db, input.workspaceId);
  await access.requireRole(workspace.id, OWNERS_ONLY, { party: 'workspace', action: 'add members' });
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) fail(UserErrorCode.INVALID, 'Enter a valid email address.', 'email');
  const [account] = await deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (!account) fail(UserErrorCode.NOT_FOUND, 'No account has this email; ask them to sign up first.', 'email');
  return deps.db.transaction(async (tx) => {
    const [added] = await tx
      .insert(workspaceMembers)
      .values({ workspaceId: workspace.id, accountId: account.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (!added) fail(UserErrorCode.TAKEN, 'This account is already a member of the workspace.', 'email');
    await recordEvents(tx, [
      {
        type: AccountsEvent.MemberAdded,
        streamId: workspace.id,
        payload: { workspaceId: workspace.id, accountId: account.id, role: input.role },
        actorId: access.accountId,
      },
    ]);
    return workspace;
  });
}

/**
 * Removes a member: an OWNER may remove anyone, any member may leave. The workspace row is locked
 * so two owners removing each other at once cannot leave the workspace without one.
 */
export async function removeMember(
  deps: AccountsDeps,
  access: Access,
  input: { workspaceId: string; accountId: string },
): Promise<WorkspaceRow> {
  const workspace = await requireWorkspace(deps.db, input.workspaceId);
  const viewer = access.requireViewer();
  const leaving = viewer.accountId === input.accountId && (await access.membership(workspace.id)) !== null;
  if (!leaving) await access.requireRole(workspace.id, OWNERS_ONLY, { party: 'workspace', action: 'remove other members' });
  return deps.db.transaction(async (tx) => {
    await requireWorkspace(tx, workspace.id, true);
    const member = await requireMember(tx, workspace.id, input.accountId);
    if (member.role === WorkspaceRole.OWNER) await requireAnotherOwner(tx, workspace.id, member.accountId, 'removed');
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.accountId, member.accountId)));
    await recordEvents(tx, [
      {
        type: AccountsEvent.MemberRemoved,
        streamId: workspace.id,
        payload: { workspaceId: workspace.id, accountId: member.accountId, role: member.role },
        actorId: viewer.accountId,
      },
    ]);
    return workspace;
  });
}

export async function changeMemberRole(
  deps: AccountsDeps,
  access: Access,
  input: { workspaceId: string; accountId: string; role: WorkspaceRole },
): Promise<WorkspaceRow> {
  const workspace = await requireWorkspace(deps.db, input.workspaceId);
  await access.requireRole(workspace.id, OWNERS_ONLY, { party: 'workspace', action: "change members' roles" });
  return deps.db.transaction(async (tx) => {
    await requireWorkspace(tx, workspace.id, true);
    const member = await requireMember(tx, workspace.id, input.accountId);
    if (member.role === input.role) return workspace;
    if (member.role === WorkspaceRole.OWNER) await requireAnotherOwner(tx, workspace.id, member.accountId, 'demoted');
    await tx
      .update(workspaceMembers)
      .set({ role: input.role })
      .where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.accountId, member.accountId)));
    await recordEvents(tx, [
      {
        type: AccountsEvent.MemberRoleChanged,
        streamId: workspace.id,
        payload: { workspaceId: workspace.id, accountId: member.accountId, role: input.role },
        actorId: access.accountId,
      },
    ]);
    return workspace;
  });
}

async function requireMember(tx: AccountsDb, workspaceId: string, accountId: string): Promise<MemberRow> {
  if (!isId(accountId)) fail(UserErrorCode.NOT_FOUND, 'This account is not a member of the workspace.', 'accountId');
  const [member] = await tx
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, accountId)));
  if (!member) fail(UserErrorCode.NOT_FOUND, 'This account is not a member of the workspace.', 'accountId');
  return member;
}

async function requireAnotherOwner(tx: AccountsDb, workspaceId: string, accountId: string, change: string): Promise<void> {
  const [row] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        eq(workspaceMembers.role, WorkspaceRole.OWNER),
        ne(workspaceMembers.accountId, accountId),
      ),
    );
  if ((row?.owners ?? 0) === 0) {
    fail(UserErrorCode.INVALID_STATE, `The last OWNER of a workspace cannot be ${change}; make another member OWNER first.`, 'accountId');
  }
}
