import { isId } from '@mpp/kit';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { accounts, type AccountRow } from '../db/schema.js';

/** Accounts by id, one query per batch: entity references and member lists resolve through it. */
export function accountLoader(db: AccountsDb) {
  return new DataLoader<string, AccountRow | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await db.select().from(accounts).where(inArray(accounts.id, valid)) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
