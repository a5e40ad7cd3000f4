import { loaderById, loaderOfLists, pagesPerParent, parentPageLoader } from '@mpp/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import type { MiniProgramsDb } from '../db/client.js';
import { domains, isvAuthorizations, miniProgramMembers, miniPrograms, orderParties, type MiniProgramRow } from '../db/schema.js';

/**
 * Mini programs by id, each read with its ISV authorization in the same statement: the
 * authorization loader is primed with it (or with none), as every access check needs it next.
 */
export function miniProgramLoader(db: MiniProgramsDb, authorizationLoader: AuthorizationLoader) {
  return loaderById(async (ids) => {
    const rows = await db
      .select({ miniProgram: miniPrograms, authorization: isvAuthorizations })
      .from(miniPrograms)
      .leftJoin(isvAuthorizations, eq(isvAuthorizations.miniProgramId, miniPrograms.id))
      .where(inArray(miniPrograms.id, ids));
    for (const { miniProgram, authorization } of rows) authorizationLoader.prime(miniProgram.id, authorization);
    return rows.map((row) => row.miniProgram);
  });
}

export type AuthorizationLoader = ReturnType<typeof authorizationLoader>;

export function authorizationLoader(db: MiniProgramsDb) {
  return loaderById(
    (ids) => db.select().from(isvAuthorizations).where(inArray(isvAuthorizations.miniProgramId, ids)),
    (authorization) => authorization.miniProgramId,
  );
}

export function membersByMiniProgramLoader(db: MiniProgramsDb) {
  return loaderOfLists(
    (ids) =>
      db
        .select()
        .from(miniProgramMembers)
        .where(inArray(miniProgramMembers.miniProgramId, ids))
        .orderBy(asc(miniProgramMembers.addedAt), asc(miniProgramMembers.accountId)),
    (member) => member.miniProgramId,
  );
}

/** The ISVs that have or had an order on each mini program. */
export function orderPartiesByMiniProgramLoader(db: MiniProgramsDb) {
  return loaderOfLists(
    (ids) => db.select().from(orderParties).where(inArray(orderParties.miniProgramId, ids)),
    (party) => party.miniProgramId,
  );
}

export function domainsByMiniProgramLoader(db: MiniProgramsDb) {
  return loaderOfLists(
    (ids) => db.select().from(domains).where(inArray(domains.miniProgramId, ids)).orderBy(asc(domains.domain)),
    (domain) => domain.miniProgramId,
  );
}

/** `Workspace.miniPrograms` for many merchants at once, newest first. */
export function miniProgramsByMerchantLoader(db: MiniProgramsDb) {
  return parentPageLoader<MiniProgramRow, Record<string, never>>((merchantIds, _filter, page) =>
    pagesPerParent(db, { table: miniPrograms, parent: miniPrograms.merchantWorkspaceId, id: miniPrograms.id }, merchantIds, page),
  );
}
