import { isId } from '@mpp/kit';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { AccountsDb } from '../db/client.js';
import { workspaces, type WorkspaceRow } from '../db/schema.js';

export function workspaceLoader(db: AccountsDb) {
  return new DataLoader<string, WorkspaceRow | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await db.select().from(workspaces).where(inArray(workspaces.id, valid)) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
