import { isId, loaderById, pagesPerParent, parentPageLoader, type Access } from '@mpp/kit';
import { inArray } from 'drizzle-orm';
import type { MarketDb } from '../db/client.js';
import { services, type ServiceRow, type ServiceStatusValue } from '../db/schema.js';
import { canSee } from './service.service.js';

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

/**
 * Federation entry point: `Service` references from other subgraphs (Orders), batched. As
 * `service(id)`, except that an ARCHIVED service stays visible to anyone signed in: it was in the
 * market and its orders go on. Drafts and services under review only for their ISV and the platform.
 */
export async function resolveServiceReference(
  reference: { id: string },
  ctx: { access: Access; loaders: { service: ReturnType<typeof serviceLoader> } },
): Promise<ServiceRow | null> {
  if (!ctx.access.viewer || !isId(reference.id)) return null;
  const service = await ctx.loaders.service.load(reference.id);
  return service && (service.status === 'ARCHIVED' || (await canSee(ctx.access, service))) ? service : null;
}
