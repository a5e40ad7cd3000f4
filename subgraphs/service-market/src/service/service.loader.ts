import { loaderById, pagesPerParent, parentPageLoader } from '@mpp/kit';
import { inArray } from 'drizzle-orm';
import type { MarketDb } from '../db/client.js';
import { services, type ServiceRow, type ServiceStatusValue } from '../db/schema.js';

export function serviceLoader(db: MarketDb) {
  return loaderById((ids) => db.select().from(services).where(inArray(services.id, ids)));
}

/** `Workspace.services` for many workspaces at once: newest first, filtered by status. */
export function servicesByWorkspaceLoader(db: MarketDb) {
  return parentPageLoader<ServiceRow, { statuses: ServiceStatusValue[] }>((workspaceIds, filter, page) =>
    pagesPerParent(
      db,
      { table: services, parent: services.isvWorkspaceId, id: services.id, where: inArray(services.status, filter.statuses) },
      workspaceIds,
      page,
    ),
  );
}

/** Federation entry point: `Service` references from other subgraphs (Orders), batched. */
export function resolveServiceReference(reference: { id: string }, ctx: { loaders: { service: ReturnType<typeof serviceLoader> } }) {
  return ctx.loaders.service.load(reference.id);
}
