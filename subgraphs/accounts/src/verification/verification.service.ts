import {
  AccountsEvent,
  afterTimeAndId,
  fail,
  InputChecks,
  newId,
  pageRequest,
  timeAndIdAfter,
  toConnection,
  UserErrorCode,
  VerificationStatus,
  WorkspaceKind,
  WorkspaceRole,
  type Access,
} from '@mpp/kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import countries from 'i18n-iso-countries';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { verificationReviews, workspaces, type WorkspaceRow } from '../db/schema.js';
import { requireWorkspace } from '../workspace/workspace.service.js';

export const COMPANY_NAME_MAX_LENGTH = 200;
export const REGISTRATION_NUMBER_MAX_LENGTH = 64;
export const REASON_MAX_LENGTH = 1000;

/** ISO 3166-1 alpha-2, upper-case: the library keeps the list current. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** OWNER/MASTER submit (or resubmit after a rejection) their company's details for review. */
export async function submitVerification(
  deps: AccountsDeps,
  access: Access,
  input: { workspaceId: string; companyName: string; registrationNumber: string; country: string },
): Promise<WorkspaceRow> {
  const workspace = await requireWorkspace(deps.db, input.workspaceId);
  await access.requireRole(workspace.id, [WorkspaceRole.OWNER, WorkspaceRole.MASTER], {
    party: 'workspace',
    action: 'submit its company details for verification',
  });
  const companyName = input.companyName.trim();
  const registrationNumber = input.registrationNumber.trim();
  const country = input.country.trim().toUpperCase();
  new InputChecks()
    .check(
      companyName.length >= 2 && companyName.length <= COMPANY_NAME_MAX_LENGTH,
      'companyName',
      `The company name must have 2 to ${COMPANY_NAME_MAX_LENGTH} characters.`,
    )
    .check(
      /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/.test(registrationNumber) && registrationNumber.length <= REGISTRATION_NUMBER_MAX_LENGTH,
      'registrationNumber',
      `The registration number must be 1 to ${REGISTRATION_NUMBER_MAX_LENGTH} letters, digits, spaces, dots, slashes or dashes.`,
    )
    .check(isCountryCode(country), 'country', 'The country must be an ISO 3166-1 alpha-2 code, such as SG or CN.')
    .done();
  if (workspace.kind === WorkspaceKind.PLATFORM) {
    fail(UserErrorCode.INVALID_STATE, 'The platform workspace needs no verification.', 'workspaceId');
  }
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(workspaces)
      .set({
        verificationStatus: VerificationStatus.PENDING,
        companyName,
        registrationNumber,
        country,
        submittedAt: sql`now()`,
        reviewedAt: null,
        reviewedBy: null,
        rejectionReason: null,
      })
      .where(
        and(
          eq(workspaces.id, workspace.id),
          inArray(workspaces.verificationStatus, [VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED]),
        ),
      )
      .returning();
    if (!updated) {
      fail(
        UserErrorCode.INVALID_STATE,
        `Verification is ${workspace.verificationStatus}; only an unverified or rejected workspace can submit.`,
        'workspaceId',
      );
    }
    await recordEvents(tx, [
      {
        type: AccountsEvent.VerificationSubmitted,
        streamId: workspace.id,
        payload: { workspaceId: workspace.id, status: VerificationStatus.PENDING },
        actorId: access.accountId,
      },
    ]);
    return updated;
  });
}

/** A platform member decides a PENDING verification; the decision is recorded and published. */
export async function decideVerification(
  deps: AccountsDeps,
  access: Access,
  input: { workspaceId: string; approve: boolean; reason?: string },
): Promise<WorkspaceRow> {
  await access.requirePlatformMember('decide identity verifications');
  const workspace = await requireWorkspace(deps.db, input.workspaceId);
  const reason = input.reason?.trim() ?? null;
  if (!input.approve) {
    new InputChecks()
      .check(
        reason !== null && reason.length >= 1 && reason.length <= REASON_MAX_LENGTH,
        'reason',
        `Give the reason for rejecting, in 1 to ${REASON_MAX_LENGTH} characters.`,
      )
      .done();
  }
  const status = input.approve ? VerificationStatus.VERIFIED : VerificationStatus.REJECTED;
  const reviewerId = access.requireViewer().accountId;
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(workspaces)
      .set({
        verificationStatus: status,
        reviewedAt: sql`now()`,
        reviewedBy: reviewerId,
        rejectionReason: input.approve ? null : reason,
      })
      .where(and(eq(workspaces.id, workspace.id), eq(workspaces.verificationStatus, VerificationStatus.PENDING)))
      .returning();
    if (!updated) {
      fail(
        UserErrorCode.INVALID_STATE,
        `Verification is ${workspace.verificationStatus}; only a pending one can be decided.`,
        'workspaceId',
      );
    }
    await tx.insert(verificationReviews).values({
      id: newId(),
      workspaceId: workspace.id,
      decision: input.approve ? 'APPROVED' : 'REJECTED',
      reason: input.approve ? null : reason,
      companyName: updated.companyName!,
      registrationNumber: updated.registrationNumber!,
      country: updated.country!,
      reviewerId,
    });
    await recordEvents(tx, [
      {
        type: input.approve ? AccountsEvent.VerificationApproved : AccountsEvent.VerificationRejected,
        streamId: workspace.id,
        payload: { workspaceId: workspace.id, status, ...(reason && !input.approve ? { reason } : {}) },
        actorId: reviewerId,
      },
    ]);
    return updated;
  });
}

/** The review queue, oldest submission first. */
export async function pendingVerifications(db: AccountsDb, access: Access, args: { first?: number | null; after?: string | null }) {
  await access.requirePlatformMember('see the verifications waiting for review');
  const page = pageRequest(args, 2);
  const after = timeAndIdAfter(page.after);
  const rows = await db
    .select()
    .from(workspaces)
    .where(
      and(
        eq(workspaces.verificationStatus, VerificationStatus.PENDING),
        afterTimeAndId(workspaces.submittedAt, workspaces.id, after, 'asc'),
      ),
    )
    .orderBy(asc(workspaces.submittedAt), asc(workspaces.id))
    .limit(page.first + 1);
  return toConnection(rows, page, (row) => [row.submittedAt!.toISOString(), row.id]);
}
