import { fail, InputChecks, isId, UserErrorCode, type Access } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import type { MiniProgramsDb } from '../db/client.js';
import { miniPrograms, visits } from '../db/schema.js';
import { eq } from 'drizzle-orm';

export const MAX_VISITS_PER_BATCH = 1000;
/** Visits more than this far in the future are refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface VisitInput {
  visitorId: string;
  page: string;
  occurredAt: Date;
}

/**
 * The super app's feed of visits (platform members only). Replaying a visit (same visitor, page
 * and instant) is ignored, so a retried batch never counts twice; `accepted` counts the new ones.
 */
export async function recordVisits(db: MiniProgramsDb, access: Access, input: { miniProgramId: string; visits: VisitInput[] }): Promise<number> {
  await access.requirePlatformMember('record visits');
  const [miniProgram] = isId(input.miniProgramId) ? await db.select({ id: miniPrograms.id }).from(miniPrograms).where(eq(miniPrograms.id, input.miniProgramId)) : [];
  if (!miniProgram) fail(UserErrorCode.NOT_FOUND, 'No such mini program.', 'miniProgramId');
  const checks = new InputChecks().check(
    input.visits.length >= 1 && input.visits.length <= MAX_VISITS_PER_BATCH,
    'visits',
    `Send 1 to ${MAX_VISITS_PER_BATCH} visits per batch.`,
  );
  const latest = Date.now() + FUTURE_TOLERANCE_MS;
  input.visits.forEach((visit, i) => {
    checks
      .check(visit.visitorId.length >= 1 && visit.visitorId.length <= 128, `visits.${i}.visitorId`, 'A visitor id has 1 to 128 characters.')
      .check(visit.page.length >= 1 && visit.page.length <= 512, `visits.${i}.page`, 'A page has 1 to 512 characters.')
      .check(visit.occurredAt.getTime() <= latest, `visits.${i}.occurredAt`, 'A visit cannot happen in the future.');
  });
  checks.done();
  const inserted = await db
    .insert(visits)
    .values(input.visits.map((visit) => ({ miniProgramId: miniProgram.id, ...visit })))
    .onConflictDoNothing()
    .returning({ one: sql<number>`1` });
  return inserted.length;
}
