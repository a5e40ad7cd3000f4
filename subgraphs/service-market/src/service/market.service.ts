import {
  afterTimeAndId,
  badUserInput,
  pageRequest,
  timeAndIdAfter,
  toConnection,
  type Access,
} from '@mpp/kit';
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { MarketDb } from '../db/client.js';
import { services } from '../db/schema.js';
import { likePattern } from './service.rules.js';

export const SEARCH_MAX_LENGTH = 100;

export interface MarketFilter {
  industry?: string | null;
  applicableApp?: string | null;
  search?: string | null;
}

/**
 * The Service Market: ONLINE services, newest first, filtered by industry and app (exact,
 * case-insensitive) and a case-insensitive search of name and description. Keyset pagination on
 * (published at, id): services added while a client pages through never cause a duplicate or a gap.
 */
export async function serviceMarket(
  db: MarketDb,
  access: Access,
  args: { filter?: MarketFilter | null; first?: number | null; after?: string | null },
) {
  access.requireViewer();
  const page = pageRequest(args, 2);
  const after = timeAndIdAfter(page.after);
  const industry = args.filter?.industry?.trim();
  const app = args.filter?.applicableApp?.trim();
  const search = args.filter?.search?.trim();
  if (search && search.length > SEARCH_MAX_LENGTH) throw badUserInput(`\`search\` may have at most ${SEARCH_MAX_LENGTH} characters.`, 'filter');
  const filters = and(
    eq(services.status, 'ONLINE'),
    industry ? sql`lower(${services.industry}) = lower(${industry})` : undefined,
    app ? sql`exists (select 1 from unnest(${services.applicableApps}) as app where lower(app) = lower(${app}))` : undefined,
    search ? or(ilike(services.name, likePattern(search)), ilike(services.description, likePattern(search))) : undefined,
  );
  const position = afterTimeAndId(services.publishedAt, services.id, after, 'desc');
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(services)
      .where(and(filters, position))
      .orderBy(desc(services.publishedAt), desc(services.id))
      .limit(page.first + 1),
    db.select({ count: sql<number>`count(*)::int` }).from(services).where(filters),
  ]);
  return { ...toConnection(rows, page, (row) => [row.publishedAt!.toISOString(), row.id]), totalCount: total?.count ?? 0 };
}
