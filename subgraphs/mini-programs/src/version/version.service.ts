import {
  afterTimeAndId,
  fail,
  InputChecks,
  isId,
  isUniqueViolation,
  newId,
  pageRequest,
  timeAndIdAfter,
  toConnection,
  UserErrorCode,
  type Access,
} from '@mpp/kit';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import semver from 'semver';
import { MiniProgramEvent, recordMiniProgramEvent, versionEventPayload } from '../db/events.js';
import type { MiniProgramsDb } from '../db/client.js';
import { miniPrograms, versions, versionTransitions, type MiniProgramRow, type VersionRow, type VersionStatusValue } from '../db/schema.js';
import { miniProgramFor, type Caller } from '../mini-program/mini-program.service.js';
import type { Right } from '../authorization/rights.js';
import { markUploadUsed, usableUpload } from '../upload/upload.service.js';

export const DESCRIPTION_MAX_LENGTH = 500;
export const REASON_MAX_LENGTH = 1000;
/** Statuses a version can be tried in (the trial QR code) before it goes live. */
const TRIAL_STATUSES: VersionStatusValue[] = ['UPLOADED', 'UNDER_REVIEW', 'APPROVED'];

/** The "at most one" rules of the state machine, held by unique indexes (see db/schema.ts). */
const ONE_AT_A_TIME: Record<string, string> = {
  versions_one_under_review: 'Another version of this mini program is under review.',
  versions_one_gray: 'Another version of this mini program is in a gray release.',
  versions_one_released: 'Another release of this mini program happened at the same time; try again.',
};

/** The version a mutation names, with its mini program, requiring one of `needed` on it. */
async function versionFor(caller: Caller, versionId: string, needed: readonly Right[], action: string) {
  caller.access.requireViewer();
  const version = isId(versionId) ? await caller.loaders.version.load(versionId) : null;
  if (!version) fail(UserErrorCode.NOT_FOUND, 'No such version.', 'versionId');
  const { miniProgram } = await miniProgramFor(caller, version.miniProgramId, needed, action, 'versionId');
  return { version, miniProgram };
}

interface Move {
  version: VersionRow;
  from: VersionStatusValue[];
  to: VersionStatusValue;
  set?: Partial<Record<keyof VersionRow, unknown>>;
  /** A further guard of the UPDATE (a gray percentage that only grows, even when two requests race). */
  where?: SQL;
  reason?: string | null;
}

/**
 * Applies version moves in one transaction: each guarded in SQL by its expected statuses (of two
 * racing steps one wins, the other gets INVALID_STATE), recorded in `version_transitions`, and
 * published.
 */
async function applyMoves(caller: Caller, miniProgram: MiniProgramRow, moves: (tx: MiniProgramsDb) => Promise<Move[]>): Promise<VersionRow[]> {
  const actorId = caller.access.requireViewer().accountId;
  try {
    return await caller.deps.db.transaction(async (tx) => {
      const moved: VersionRow[] = [];
      for (const move of await moves(tx)) {
        const [updated] = await tx
          .update(versions)
          .set({ ...move.set, status: move.to } as Record<string, unknown>)
          .where(and(eq(versions.id, move.version.id), inArray(versions.status, move.from), move.where))
          .returning();
        if (!updated) {
          const [current] = await tx
            .select({ status: versions.status, grayPercentage: versions.grayPercentage })
            .from(versions)
            .where(eq(versions.id, move.version.id));
          if (current && move.from.includes(current.status)) {
            // The status fits: the further guard refused (another request grew the gray release first).
            fail(UserErrorCode.INVALID, `A gray release only grows: it is at ${current.grayPercentage} %.`, 'grayPercentage');
          }
          fail(
            UserErrorCode.INVALID_STATE,
            `Version ${move.version.version} is ${current?.status ?? move.version.status}; this step needs it ${move.from.join(' or ')}.`,
            'versionId',
          );
        }
        await tx.insert(versionTransitions).values({
          id: newId(),
          versionId: updated.id,
          fromStatus: move.version.status,
          toStatus: move.to,
          grayPercentage: updated.grayPercentage,
          actorId,
          reason: move.reason ?? null,
        });
        await recordMiniProgramEvent(tx, MiniProgramEvent.VersionChanged, miniProgram, actorId, {
          ...versionEventPayload(updated, move.version.status),
          reason: move.reason ?? null,
        });
        moved.push(updated);
      }
      return moved;
    });
  } catch (error) {
    const rule = Object.keys(ONE_AT_A_TIME).find((name) => isUniqueViolation(error, name));
    if (rule) fail(UserErrorCode.INVALID_STATE, ONE_AT_A_TIME[rule]!, 'versionId');
    throw error;
  } finally {
    caller.loaders.version.clearAll();
    caller.loaders.currentRelease.clear(miniProgram.id);
  }
}

export async function uploadVersion(
  caller: Caller,
  input: { miniProgramId: string; version: string; description: string; packageUploadId: string },
): Promise<VersionRow> {
  const { deps, access } = caller;
  const { miniProgram } = await miniProgramFor(caller, input.miniProgramId, ['develop'], 'upload versions of this mini program');
  const number = input.version.trim();
  const description = input.description.trim();
  new InputChecks()
    .check(semver.valid(number) === number, 'version', 'The version must be a semantic version such as 1.2.0.')
    .check(
      description.length >= 1 && description.length <= DESCRIPTION_MAX_LENGTH,
      'description',
      `Describe the version in 1 to ${DESCRIPTION_MAX_LENGTH} characters.`,
    )
    .done();
  const viewer = access.requireViewer();
  const pkg = await usableUpload(deps, viewer, input.packageUploadId, 'PACKAGE', 'packageUploadId');
  return deps.db.transaction(async (tx) => {
    // One upload at a time per mini program, so "greater than every earlier version" holds.
    await tx.select({ id: miniPrograms.id }).from(miniPrograms).where(eq(miniPrograms.id, miniProgram.id)).for('update');
    const earlier = await tx.select({ version: versions.version }).from(versions).where(eq(versions.miniProgramId, miniProgram.id));
    if (earlier.some((v) => semver.eq(v.version, number))) fail(UserErrorCode.TAKEN, `Version ${number} already exists.`, 'version');
    const highest = earlier.map((v) => v.version).sort(semver.rcompare)[0];
    if (highest && !semver.gt(number, highest)) fail(UserErrorCode.INVALID, `The version must be greater than ${highest}.`, 'version');
    await markUploadUsed(tx, pkg, 'packageUploadId');
    const [created] = await tx
      .insert(versions)
      .values({
        id: newId(),
        miniProgramId: miniProgram.id,
        version: number,
        description,
        status: 'UPLOADED',
        packageUploadId: pkg.id,
        packageSize: pkg.byteSize,
        packageSha256: pkg.sha256,
        uploadedBy: viewer.accountId,
      })
      .returning();
    await tx.insert(versionTransitions).values({ id: newId(), versionId: created!.id, fromStatus: null, toStatus: 'UPLOADED', actorId: viewer.accountId });
    await recordMiniProgramEvent(tx, MiniProgramEvent.VersionChanged, miniProgram, viewer.accountId, versionEventPayload(created!, null));
    return created!;
  });
}

export async function setTrialVersion(caller: Caller, versionId: string): Promise<VersionRow> {
  const { version, miniProgram } = await versionFor(caller, versionId, ['develop'], 'set the trial version');
  if (!TRIAL_STATUSES.includes(version.status)) {
    fail(UserErrorCode.INVALID_STATE, `A ${version.status} version cannot be the trial version.`, 'versionId');
  }
  await caller.deps.db.update(miniPrograms).set({ trialVersionId: version.id, updatedAt: sql`now()` }).where(eq(miniPrograms.id, miniProgram.id));
  caller.loaders.miniProgram.clear(miniProgram.id);
  return version;
}

export async function submitForReview(caller: Caller, versionId: string): Promise<VersionRow> {
  const { version, miniProgram } = await versionFor(caller, versionId, ['develop'], 'submit this version for review');
  const [moved] = await applyMoves(caller, miniProgram, async () => [
    { version, from: ['UPLOADED'], to: 'UNDER_REVIEW', set: { submittedAt: sql`now()`, rejectionReason: null } },
  ]);
  return moved!;
}

export async function withdrawReview(caller: Caller, versionId: string): Promise<VersionRow> {
  const { version, miniProgram } = await versionFor(caller, versionId, ['develop'], 'withdraw this version from review');
  const [moved] = await applyMoves(caller, miniProgram, async () => [{ version, from: ['UNDER_REVIEW'], to: 'UPLOADED' }]);
  return moved!;
}

/** Platform members decide a version under review. */
export async function reviewVersion(caller: Caller, input: { versionId: string; approve: boolean; reason?: string }): Promise<VersionRow> {
  await caller.access.requirePlatformMember('review versions');
  const version = isId(input.versionId) ? await caller.loaders.version.load(input.versionId) : null;
  if (!version) fail(UserErrorCode.NOT_FOUND, 'No such version.', 'versionId');
  const reason = input.reason?.trim() ?? '';
  if (!input.approve) {
    new InputChecks()
      .check(reason.length >= 1 && reason.length <= REASON_MAX_LENGTH, 'reason', `Give the reason, in 1 to ${REASON_MAX_LENGTH} characters.`)
      .done();
  }
  const miniProgram = (await caller.loaders.miniProgram.load(version.miniProgramId))!;
  const reviewer = caller.access.requireViewer().accountId;
  const [moved] = await applyMoves(caller, miniProgram, async () => [
    {
      version,
      from: ['UNDER_REVIEW'],
      to: input.approve ? 'APPROVED' : 'REJECTED',
      set: { reviewedAt: sql`now()`, reviewedBy: reviewer, rejectionReason: input.approve ? null : reason },
      reason: input.approve ? null : reason,
    },
  ]);
  return moved!;
}

/**
 * Releases an APPROVED version fully (grayPercentage absent or 100) or to 1–99 % of users (GRAY);
 * a GRAY version's percentage only grows, and 100 releases it. A full release supersedes the
 * live version.
 */
export async function releaseVersion(caller: Caller, input: { versionId: string; grayPercentage?: number | null }): Promise<VersionRow> {
  const { version, miniProgram } = await versionFor(caller, input.versionId, ['develop'], 'release this version');
  const percentage = input.grayPercentage ?? 100;
  if (!Number.isInteger(percentage) || percentage < 1 || percentage > 100) {
    fail(UserErrorCode.INVALID, 'The gray percentage must be 1 to 100.', 'grayPercentage');
  }
  if (version.status === 'GRAY' && percentage <= (version.grayPercentage ?? 0)) {
    fail(UserErrorCode.INVALID, `A gray release only grows: it is at ${version.grayPercentage} %.`, 'grayPercentage');
  }
  const moved = await applyMoves(caller, miniProgram, async (tx) => {
    if (percentage < 100) {
      return [
        {
          version,
          from: version.status === 'GRAY' ? ['GRAY'] : ['APPROVED'],
          to: 'GRAY',
          set: { grayPercentage: percentage, releasedAt: sql`coalesce(${versions.releasedAt}, now())` },
          where: or(isNull(versions.grayPercentage), lt(versions.grayPercentage, percentage)),
        },
      ];
    }
    const [live] = await tx
      .select()
      .from(versions)
      .where(and(eq(versions.miniProgramId, miniProgram.id), eq(versions.status, 'RELEASED')));
    const [gray] = await tx
      .select()
      .from(versions)
      .where(and(eq(versions.miniProgramId, miniProgram.id), eq(versions.status, 'GRAY')));
    if (gray && gray.id !== version.id) {
      fail(UserErrorCode.INVALID_STATE, `Version ${gray.version} is in a gray release; finish it first.`, 'versionId');
    }
    return [
      ...(live ? [{ version: live, from: ['RELEASED'], to: 'SUPERSEDED' } satisfies Move] : []),
      { version, from: ['APPROVED', 'GRAY'], to: 'RELEASED', set: { grayPercentage: null, releasedAt: sql`now()` } } satisfies Move,
    ];
  });
  return moved.at(-1)!;
}

/** The live version becomes ROLLED_BACK and the newest superseded one is live again; not during a gray release. */
export async function rollbackRelease(caller: Caller, miniProgramId: string): Promise<VersionRow> {
  const { miniProgram } = await miniProgramFor(caller, miniProgramId, ['develop'], 'roll back the release of this mini program');
  const moved = await applyMoves(caller, miniProgram, async (tx) => {
    const rows = await tx
      .select()
      .from(versions)
      .where(and(eq(versions.miniProgramId, miniProgram.id), inArray(versions.status, ['RELEASED', 'SUPERSEDED', 'GRAY'])))
      .orderBy(desc(versions.releasedAt), desc(versions.id));
    if (rows.some((v) => v.status === 'GRAY')) fail(UserErrorCode.INVALID_STATE, 'Finish the gray release before rolling back.', 'miniProgramId');
    const live = rows.find((v) => v.status === 'RELEASED');
    const previous = rows.find((v) => v.status === 'SUPERSEDED');
    if (!live) fail(UserErrorCode.INVALID_STATE, 'Nothing is released: there is nothing to roll back.', 'miniProgramId');
    if (!previous) fail(UserErrorCode.INVALID_STATE, 'There is no earlier release to roll back to.', 'miniProgramId');
    return [
      { version: live, from: ['RELEASED'], to: 'ROLLED_BACK' },
      { version: previous, from: ['SUPERSEDED'], to: 'RELEASED', set: { releasedAt: sql`now()` } },
    ];
  });
  return moved.at(-1)!;
}

export async function takeOffline(caller: Caller, versionId: string): Promise<VersionRow> {
  const { version, miniProgram } = await versionFor(caller, versionId, ['develop'], 'take this version offline');
  const [moved] = await applyMoves(caller, miniProgram, async () => [{ version, from: ['RELEASED'], to: 'OFFLINE' }]);
  return moved!;
}

/** The platform's review queue across mini programs, oldest submission first. */
export async function versionsPendingReview(db: MiniProgramsDb, access: Access, args: { first?: number | null; after?: string | null }) {
  await access.requirePlatformMember('see the versions waiting for review');
  const page = pageRequest(args, 2);
  const after = timeAndIdAfter(page.after);
  const rows = await db
    .select()
    .from(versions)
    .where(
      and(
        eq(versions.status, 'UNDER_REVIEW'),
        afterTimeAndId(versions.submittedAt, versions.id, after, 'asc'),
      ),
    )
    .orderBy(asc(versions.submittedAt), asc(versions.id))
    .limit(page.first + 1);
  return toConnection(rows, page, (row) => [row.submittedAt!.toISOString(), row.id]);
}
