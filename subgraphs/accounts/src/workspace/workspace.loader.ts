import { loaderById } from '@mpp/kit';
import { inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { workspaces } from '../db/schema.js';

export function workspaceLoader(db: AccountsDb) {
  return loaderById((ids) => db.select().from(workspaces).where(inArray(workspaces.id, ids)));
}
