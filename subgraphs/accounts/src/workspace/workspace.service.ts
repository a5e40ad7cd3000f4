import {
  AccountsEvent,
  fail,
  codePointLength,
  displayNameProblem,
  InputChecks,
  isId,
  newId,
  UserErrorCode,
  VerificationStatus,
  WorkspaceKind,
  WorkspaceRole,
  type NewEvent,
  unauthenticated,
  type Viewer,
} from '@mpp/kit';
import { eq } from 'drizzle-orm';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { accounts, workspaceMembers, workspaces, type WorkspaceRow } from '../db/schema.js';

export const WORKSPACE_NAME_MIN_LENGTH = 2;
export const WORKSPACE_NAME_MAX_LENGTH = 60;

export async function createWorkspace(
  deps: AccountsDeps,
  viewer: Viewer,
  input: { kind: WorkspaceKind; name: string },
): Promise<WorkspaceRow> {
  const name = input.name.trim();
  new InputChecks()
    .check(input.kind !== WorkspaceKind.PLATFORM, 'kind', 'Only ISV and MERCHANT workspaces can be created.')
    .check(
      codePointLength(name) >= WORKSPACE_NAME_MIN_LENGTH && codePointLength(name) <= WORKSPACE_NAME_MAX_LENGTH,
      'name',
      `The name must have ${WORKSPACE_NAME_MIN_LENGTH} to ${WORKSPACE_NAME_MAX_LENGTH} characters.`,
    )
    .check(displayNameProblem(name) === null, 'name', displayNameProblem(name) ?? '')
    .done();
  return deps.db.transaction(async (tx) => {
    // A valid token can outlive its account (a database reset with the keys kept).
    const [owner] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, viewer.accountId));
    if (!owner) throw unauthenticated('The account of this token no longer exists; sign up again.');
    return insertWorkspace(tx, { kind: input.kind, name, ownerId: viewer.accountId, verificationStatus: VerificationStatus.UNVERIFIED });
  });
}

/** A workspace with its creator as OWNER, published as created + member added. */
export async function insertWorkspace(
  tx: AccountsDb,
  values: { kind: WorkspaceKind; name: string; ownerId: string; verificationStatus: VerificationStatus },
): Promise<WorkspaceRow> {
  const [workspace] = await tx
    .insert(workspaces)
    .values({ id: newId(), kind: values.kind, name: values.name, createdBy: values.ownerId, verificationStatus: values.verificationStatus })
    .returning();
  await tx.insert(workspaceMembers).values({ workspaceId: workspace!.id, accountId: values.ownerId, role: WorkspaceRole.OWNER });
  const events: NewEvent[] = [
    {
      type: AccountsEvent.WorkspaceCreated,
      streamId: workspace!.id,
      payload: { workspaceId: workspace!.id, kind: values.kind, name: values.name, ownerId: values.ownerId },
      actorId: values.ownerId,
    },
    {
      type: AccountsEvent.MemberAdded,
      streamId: workspace!.id,
      payload: { workspaceId: workspace!.id, accountId: values.ownerId, role: WorkspaceRole.OWNER },
      actorId: values.ownerId,
    },
  ];
  if (values.verificationStatus !== VerificationStatus.UNVERIFIED) {
    events.push({
      type: AccountsEvent.VerificationApproved,
      streamId: workspace!.id,
      payload: { workspaceId: workspace!.id, status: values.verificationStatus },
      actorId: values.ownerId,
    });
  }
  await recordEvents(tx, events);
  return workspace!;
}

/** The workspace named by a mutation's `workspaceId`, or NOT_FOUND on that field. */
export async function requireWorkspace(db: AccountsDb, workspaceId: string, lock = false): Promise<WorkspaceRow> {
  if (!isId(workspaceId)) fail(UserErrorCode.NOT_FOUND, 'No such workspace.', 'workspaceId');
  const query = db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const [workspace] = lock ? await query.for('update') : await query;
  if (!workspace) fail(UserErrorCode.NOT_FOUND, 'No such workspace.', 'workspaceId');
  return workspace;
}
