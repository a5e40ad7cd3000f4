import { loaderById } from '@mpp/kit';
import { inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { accounts } from '../db/schema.js';

/** Accounts by id, one query per batch: entity references and member lists resolve through it. */
export function accountLoader(db: AccountsDb) {
  return loaderById((ids) => db.select().from(accounts).where(inArray(accounts.id, ids)));
}
