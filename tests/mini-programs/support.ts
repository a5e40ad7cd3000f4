import {
  ApproveVersionDocument,
  GraphQLRequestError,
  ReleaseVersionDocument,
  SubmitVersionForReviewDocument,
  type UserErrorCode,
  type VersionFieldsFragment,
} from '@mpp/client';
import { unwrap, uploadVersion, type Actor } from '@mpp/testkit';
import { expect } from 'vitest';

/** Matches one `UserError` with this code on `["input", ...path]` (no path: any field). */
export function userError(code: UserErrorCode, ...path: string[]) {
  return expect.objectContaining(path.length ? { code, field: ['input', ...path] } : { code });
}

/** The `extensions.code` of the GraphQL error the request ends with; fails when it succeeds. */
export async function errorCode(request: Promise<unknown>): Promise<string | undefined> {
  try {
    await request;
  } catch (error) {
    if (error instanceof GraphQLRequestError) return error.code;
    throw error;
  }
  throw new Error('the request succeeded; an error was expected');
}

/** Upload → submit → platform approval: an APPROVED version. */
export async function approvedVersion(developer: Actor, reviewer: Actor, miniProgramId: string, number: string): Promise<VersionFieldsFragment> {
  const uploaded = await uploadVersion(developer, miniProgramId, number);
  const { submitVersionForReview } = await developer.client.execute(SubmitVersionForReviewDocument, { input: { versionId: uploaded.id } });
  unwrap(submitVersionForReview, submitVersionForReview.version, 'submitVersionForReview');
  const { approveVersion } = await reviewer.client.execute(ApproveVersionDocument, { input: { versionId: uploaded.id } });
  return unwrap(approveVersion, approveVersion.version, 'approveVersion');
}

/** Upload → submit → approval → full release: the RELEASED version. */
export async function releasedVersion(developer: Actor, reviewer: Actor, miniProgramId: string, number: string): Promise<VersionFieldsFragment> {
  const approved = await approvedVersion(developer, reviewer, miniProgramId, number);
  const { releaseVersion } = await developer.client.execute(ReleaseVersionDocument, { input: { versionId: approved.id } });
  return unwrap(releaseVersion, releaseVersion.version, 'releaseVersion');
}

/** Midnight UTC `daysAgo` days before today, plus `hours`. */
export function utcDay(daysAgo: number, hours = 0): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hours));
}
