import { fail, InputChecks, isId, newId, UserErrorCode, WorkspaceKind, WorkspaceRole } from '@mpp/kit';
import { and, eq, ne, sql } from 'drizzle-orm';
import { requireAny, rightsFor, type Right, type Rights } from '../authorization/rights.js';
import type { MiniProgramsContext } from '../context.js';
import { MiniProgramEvent, recordMiniProgramEvent } from '../db/events.js';
import { miniPrograms, type MiniProgramRow } from '../db/schema.js';
import { markUploadUsed, usableUpload } from '../upload/upload.service.js';
import { MINI_PROGRAM_LIMITS, normalizeMiniProgramFields, type MiniProgramFields } from './mini-program.rules.js';

/** The request-scoped things a mini program step needs. */
export type Caller = Pick<MiniProgramsContext, 'deps' | 'access' | 'loaders' | 'catchUpOrders'>;

/**
 * The mini program a mutation names, with the caller's rights, requiring one of `needed`:
 * NOT_FOUND when it does not exist or the caller may not see it, FORBIDDEN (naming who may take
 * `action`) when they may see it but not do this, INVALID_STATE when it was removed.
 */
export async function miniProgramFor(
  caller: Caller,
  miniProgramId: string,
  needed: readonly Right[],
  action: string,
  field = 'miniProgramId',
): Promise<{ miniProgram: MiniProgramRow; rights: Rights }> {
  caller.access.requireViewer();
  const miniProgram = isId(miniProgramId) ? await caller.loaders.miniProgram.load(miniProgramId) : null;
  if (!miniProgram) fail(UserErrorCode.NOT_FOUND, 'No such mini program.', field);
  const rights = await rightsFor(caller.access, caller.loaders, caller.catchUpOrders, miniProgram, needed);
  if (!rights.read) fail(UserErrorCode.NOT_FOUND, 'No such mini program.', field);
  requireAny(rights, needed, action);
  if (miniProgram.status === 'REMOVED') fail(UserErrorCode.INVALID_STATE, 'This mini program was removed.', field);
  return { miniProgram, rights };
}

export async function createMiniProgram(
  caller: Caller,
  input: MiniProgramFields & { merchantWorkspaceId: string; logoUploadId: string },
): Promise<MiniProgramRow> {
  const { deps, access } = caller;
  const viewer = access.requireViewer();
  const merchant = await access.findWorkspace(input.merchantWorkspaceId);
  if (!merchant) fail(UserErrorCode.NOT_FOUND, 'No such workspace.', 'merchantWorkspaceId');
  await access.requireRole(merchant.id, [WorkspaceRole.OWNER, WorkspaceRole.MASTER], { party: 'merchant', action: 'create its mini programs' });
  if (merchant.kind !== WorkspaceKind.MERCHANT) fail(UserErrorCode.INVALID, 'Only merchant workspaces own mini programs.', 'merchantWorkspaceId');
  if (!(await access.isVerified(merchant.id))) {
    fail(UserErrorCode.NOT_VERIFIED, 'The merchant workspace must pass identity verification first.', 'merchantWorkspaceId');
  }
  const checks = new InputChecks();
  const fields = normalizeMiniProgramFields(checks, input) as MiniProgramFields;
  checks.done();
  const logo = await usableUpload(deps, viewer, input.logoUploadId, 'LOGO', 'logoUploadId');
  return deps.db.transaction(async (tx) => {
    // Serialises creations per merchant, so two racing at 9 cannot both pass the quota check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mini-program-quota:${merchant.id}`}))`);
    const [count] = await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(miniPrograms)
      .where(and(eq(miniPrograms.merchantWorkspaceId, merchant.id), ne(miniPrograms.status, 'REMOVED')));
    if ((count?.active ?? 0) >= MINI_PROGRAM_LIMITS.quota) {
      fail(UserErrorCode.QUOTA_EXCEEDED, `A merchant has at most ${MINI_PROGRAM_LIMITS.quota} mini programs; remove one first.`, 'merchantWorkspaceId');
    }
    await markUploadUsed(tx, logo, 'logoUploadId');
    const [created] = await tx
      .insert(miniPrograms)
      .values({ id: newId(), merchantWorkspaceId: merchant.id, ...fields, logoUploadId: logo.id, status: 'ACTIVE', createdBy: viewer.accountId })
      .returning();
    await recordMiniProgramEvent(tx, MiniProgramEvent.Created, created!, viewer.accountId);
    return created!;
  });
}

export async function updateMiniProgram(
  caller: Caller,
  input: { [K in keyof MiniProgramFields]?: string | null } & { miniProgramId: string; logoUploadId?: string | null },
): Promise<MiniProgramRow> {
  const { deps, access } = caller;
  const { miniProgram } = await miniProgramFor(caller, input.miniProgramId, ['manage'], 'edit this mini program');
  const checks = new InputChecks();
  const fields = normalizeMiniProgramFields(checks, { ...input, targetApp: undefined });
  checks.done();
  const logo = input.logoUploadId ? await usableUpload(deps, access.requireViewer(), input.logoUploadId, 'LOGO', 'logoUploadId') : null;
  return deps.db.transaction(async (tx) => {
    if (logo) await markUploadUsed(tx, logo, 'logoUploadId');
    const [updated] = await tx
      .update(miniPrograms)
      .set({ ...fields, ...(logo ? { logoUploadId: logo.id } : {}), updatedAt: sql`now()` })
      .where(and(eq(miniPrograms.id, miniProgram.id), eq(miniPrograms.status, 'ACTIVE')))
      .returning();
    if (!updated) fail(UserErrorCode.INVALID_STATE, 'This mini program was removed.', 'miniProgramId');
    await recordMiniProgramEvent(tx, MiniProgramEvent.Updated, updated, access.accountId);
    return updated;
  });
}

/** REMOVED frees a place in the quota; the mini program stays visible to its merchant. */
export async function removeMiniProgram(caller: Caller, miniProgramId: string): Promise<MiniProgramRow> {
  const { miniProgram } = await miniProgramFor(caller, miniProgramId, ['manage'], 'remove this mini program');
  return caller.deps.db.transaction(async (tx) => {
    const [removed] = await tx
      .update(miniPrograms)
      .set({ status: 'REMOVED', removedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(miniPrograms.id, miniProgram.id), eq(miniPrograms.status, 'ACTIVE')))
      .returning();
    if (!removed) fail(UserErrorCode.INVALID_STATE, 'This mini program was already removed.', 'miniProgramId');
    await recordMiniProgramEvent(tx, MiniProgramEvent.Removed, removed, caller.access.accountId);
    return removed;
  });
}
