import {
  afterTimeAndId,
  fail,
  InputChecks,
  isId,
  newId,
  pageRequest,
  timeAndIdAfter,
  toConnection,
  UserErrorCode,
  type Access,
} from '@mpp/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { MarketDeps } from '../context.js';
import type { MarketDb } from '../db/client.js';
import { ServiceEvent } from '../db/events.js';
import { serviceReviews, services, type ServiceRow } from '../db/schema.js';
import { transition } from '../service/service.service.js';

export const REASON_MAX_LENGTH = 1000;

/** A platform member approves (ONLINE) or rejects (REJECTED, with a reason) a PENDING_REVIEW service. */
export async function reviewService(
  deps: MarketDeps,
  access: Access,
  input: { serviceId: string; approve: boolean; reason?: string },
): Promise<ServiceRow> {
  await access.requirePlatformMember('review services');
  const [service] = isId(input.serviceId) ? await deps.db.select().from(services).where(eq(services.id, input.serviceId)) : [];
  if (!service) fail(UserErrorCode.NOT_FOUND, 'No such service.', 'serviceId');
  const reason = input.reason?.trim() ?? '';
  if (!input.approve) {
    new InputChecks()
      .check(reason.length >= 1 && reason.length <= REASON_MAX_LENGTH, 'reason', `Give the reason, in 1 to ${REASON_MAX_LENGTH} characters.`)
      .done();
  }
  const reviewerId = access.requireViewer().accountId;
  return transition(
    deps.db,
    access,
    service,
    ['PENDING_REVIEW'],
    input.approve
      ? { status: 'ONLINE', rejectionReason: null, publishedAt: sql`coalesce(${services.publishedAt}, now())` }
      : { status: 'REJECTED', rejectionReason: reason },
    input.approve ? ServiceEvent.Approved : ServiceEvent.Rejected,
    {
      ...(input.approve ? {} : { reason }),
      onChange: async (tx) => {
        await tx.insert(serviceReviews).values({
          id: newId(),
          serviceId: service.id,
          decision: input.approve ? 'APPROVED' : 'REJECTED',
          reason: input.approve ? null : reason,
          reviewerId,
        });
      },
    },
  );
}

/** The review queue, oldest submission first. */
export async function servicesPendingReview(db: MarketDb, access: Access, args: { first?: number | null; after?: string | null }) {
  await access.requirePlatformMember('see the services waiting for review');
  const page = pageRequest(args, 2);
  const after = timeAndIdAfter(page.after);
  const where = and(
    eq(services.status, 'PENDING_REVIEW'),
    afterTimeAndId(services.submittedAt, services.id, after, 'asc'),
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(services).where(where).orderBy(asc(services.submittedAt), asc(services.id)).limit(page.first + 1),
    db.select({ count: sql<number>`count(*)::int` }).from(services).where(eq(services.status, 'PENDING_REVIEW')),
  ]);
  return { ...toConnection(rows, page, (row) => [row.submittedAt!.toISOString(), row.id]), totalCount: total?.count ?? 0 };
}
