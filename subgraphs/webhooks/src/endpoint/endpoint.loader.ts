import { loaderById, loaderOfLists, pagesPerParent, parentPageLoader } from '@mpp/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import type { WebhooksDb } from '../db/client.js';
import { attempts, deliveries, endpoints, type DeliveryRow, type DeliveryStatusValue } from '../db/schema.js';

export function createLoaders(db: WebhooksDb) {
  return {
    endpoint: loaderById((ids) => db.select().from(endpoints).where(inArray(endpoints.id, ids))),
    endpointsByWorkspace: loaderOfLists(
      (workspaceIds) => db.select().from(endpoints).where(inArray(endpoints.workspaceId, workspaceIds)).orderBy(asc(endpoints.id)),
      (row) => row.workspaceId,
    ),
    delivery: loaderById((ids) => db.select().from(deliveries).where(inArray(deliveries.id, ids))),
    /** `WebhookEndpoint.deliveries`, newest first, for many endpoints in three statements. */
    deliveriesByEndpoint: parentPageLoader<DeliveryRow, { status: DeliveryStatusValue | null }>((endpointIds, filter, page) =>
      pagesPerParent(
        db,
        { table: deliveries, parent: deliveries.endpointId, id: deliveries.id, where: filter.status ? eq(deliveries.status, filter.status) : undefined },
        endpointIds,
        page,
      ),
    ),
    attemptsByDelivery: loaderOfLists(
      (deliveryIds) => db.select().from(attempts).where(inArray(attempts.deliveryId, deliveryIds)).orderBy(asc(attempts.at), asc(attempts.id)),
      (row) => row.deliveryId,
    ),
  };
}

export type WebhooksLoaders = ReturnType<typeof createLoaders>;
