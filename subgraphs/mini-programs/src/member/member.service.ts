import { fail, forbidden, isId, UserErrorCode } from '@mpp/kit';
import { and, eq } from 'drizzle-orm';
import validator from 'validator';
import type { Caller } from '../mini-program/mini-program.service.js';
import { miniProgramFor } from '../mini-program/mini-program.service.js';
import { MiniProgramEvent, recordMiniProgramEvent } from '../db/events.js';
import { isvAuthorizations, miniProgramMembers, type MemberRoleValue, type MiniProgramRow } from '../db/schema.js';

async function accountIdByEmail(caller: Caller, email: string): Promise<string | null> {
  const lookup = async () => (await caller.deps.directory.accountIdsByEmail([email])).get(email) ?? null;
  const found = await lookup();
  if (found || !(await caller.access.refresh())) return found;
  return lookup();
}

/**
 * The merchant's OWNER/MASTER add any account; the authorized ISV's OWNER/MASTER add members of
 * their own ISV workspace, whose membership then lasts only as long as the authorization.
 */
export async function addMember(
  caller: Caller,
  input: { miniProgramId: string; email: string; role: MemberRoleValue },
): Promise<MiniProgramRow> {
  const { miniProgram, rights } = await miniProgramFor(caller, input.miniProgramId, ['manage', 'manageAsIsv'], 'add members to this mini program');
  const email = input.email.trim().toLowerCase();
  if (!validator.isEmail(email)) fail(UserErrorCode.INVALID, 'Enter a valid email address.', 'email');
  const accountId = await accountIdByEmail(caller, email);
  if (!accountId) fail(UserErrorCode.NOT_FOUND, 'No account has this email.', 'email');
  const grantedBy = rights.manage ? null : rights.authorizedIsvWorkspaceId;
  if (grantedBy) {
    const memberships = await caller.deps.directory.memberships(accountId, [grantedBy]);
    if (!memberships.has(grantedBy)) fail(UserErrorCode.INVALID, 'An ISV adds only members of its own workspace.', 'email');
  }
  const viewer = caller.access.requireViewer();
  await caller.deps.db.transaction(async (tx) => {
    if (grantedBy) {
      // Held until commit: an order closing meanwhile ends the authorization (and removes the
      // members it granted, this one included) only after this insert.
      const [authorization] = await tx
        .select({ isv: isvAuthorizations.isvWorkspaceId })
        .from(isvAuthorizations)
        .where(and(eq(isvAuthorizations.miniProgramId, miniProgram.id), eq(isvAuthorizations.isvWorkspaceId, grantedBy)))
        .for('share');
      if (!authorization) throw forbidden('The order that authorized your ISV on this mini program has ended.');
    }
    const [added] = await tx
      .insert(miniProgramMembers)
      .values({ miniProgramId: miniProgram.id, accountId, role: input.role, grantedByIsvWorkspaceId: grantedBy, addedBy: viewer.accountId })
      .onConflictDoNothing()
      .returning();
    if (!added) fail(UserErrorCode.TAKEN, 'This account is already a member of the mini program.', 'email');
    await recordMiniProgramEvent(tx, MiniProgramEvent.MemberAdded, miniProgram, viewer.accountId, { accountId, role: input.role });
  });
  // The rights check loaded the members before the insert: the payload must list the new one.
  caller.loaders.membersByMiniProgram.clear(miniProgram.id);
  return miniProgram;
}

/** The merchant removes any member; the authorized ISV removes the members it added. */
export async function removeMember(caller: Caller, input: { miniProgramId: string; accountId: string }): Promise<MiniProgramRow> {
  const { miniProgram, rights } = await miniProgramFor(caller, input.miniProgramId, ['manage', 'manageAsIsv'], 'remove members of this mini program');
  const members = await caller.loaders.membersByMiniProgram.load(miniProgram.id);
  const member = isId(input.accountId) ? members.find((m) => m.accountId === input.accountId) : undefined;
  if (!member) fail(UserErrorCode.NOT_FOUND, 'This account is not a member of the mini program.', 'accountId');
  if (!rights.manage && member.grantedByIsvWorkspaceId !== rights.authorizedIsvWorkspaceId) {
    fail(UserErrorCode.INVALID, 'An ISV removes only the members it added.', 'accountId');
  }
  return caller.deps.db.transaction(async (tx) => {
    await tx
      .delete(miniProgramMembers)
      .where(and(eq(miniProgramMembers.miniProgramId, miniProgram.id), eq(miniProgramMembers.accountId, member.accountId)));
    await recordMiniProgramEvent(tx, MiniProgramEvent.MemberRemoved, miniProgram, caller.access.accountId, { accountId: member.accountId });
    caller.loaders.membersByMiniProgram.clear(miniProgram.id);
    return miniProgram;
  });
}
