import { isId, pagesPerParent, parentPageLoader } from '@mpp/kit';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { MiniProgramsDb } from '../db/client.js';
import { domains, isvAuthorizations, miniProgramMembers, miniPrograms, type MemberRow, type MiniProgramRow } from '../db/schema.js';

function byId<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await load(valid) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function miniProgramLoader(db: MiniProgramsDb) {
  return byId((ids) => db.select().from(miniPrograms).where(inArray(miniPrograms.id, ids)));
}

export function authorizationLoader(db: MiniProgramsDb) {
  return new DataLoader<string, typeof isvAuthorizations.$inferSelect | null>(async (ids) => {
    const rows = await db.select().from(isvAuthorizations).where(inArray(isvAuthorizations.miniProgramId, [...ids]));
    const found = new Map(rows.map((row) => [row.miniProgramId, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function membersByMiniProgramLoader(db: MiniProgramsDb) {
  return new DataLoader<string, MemberRow[]>(async (ids) => {
    const rows = await db
      .select()
      .from(miniProgramMembers)
      .where(inArray(miniProgramMembers.miniProgramId, [...ids]))
      .orderBy(asc(miniProgramMembers.addedAt), asc(miniProgramMembers.accountId));
    return ids.map((id) => rows.filter((row) => row.miniProgramId === id));
  });
}

export function domainsByMiniProgramLoader(db: MiniProgramsDb) {
  return new DataLoader<string, (typeof domains.$inferSelect)[]>(async (ids) => {
    const rows = await db.select().from(domains).where(inArray(domains.miniProgramId, [...ids])).orderBy(asc(domains.domain));
    return ids.map((id) => rows.filter((row) => row.miniProgramId === id));
  });
}

/** `Workspace.miniPrograms` for many merchants at once, newest first. */
export function miniProgramsByMerchantLoader(db: MiniProgramsDb) {
  return parentPageLoader<MiniProgramRow, Record<string, never>>((merchantIds, _filter, page) =>
    pagesPerParent(db, { table: miniPrograms, parent: miniPrograms.merchantWorkspaceId, id: miniPrograms.id }, merchantIds, page),
  );
}
