import { appendEvents, type Db } from '@mpp/kit';
import { eventLog, type ServiceRow } from './schema.js';

/** The events ServiceMarket publishes; each carries the service's snapshot for consumers. */
export const ServiceEvent = {
  Created: 'service.created',
  Updated: 'service.updated',
  Submitted: 'service.submitted',
  Withdrawn: 'service.withdrawn',
  Approved: 'service.approved',
  Rejected: 'service.rejected',
  Archived: 'service.archived',
} as const;

export type ServiceEventType = (typeof ServiceEvent)[keyof typeof ServiceEvent];

/** What consumers (Orders) learn of a service with each event. */
export interface ServiceSnapshot {
  serviceId: string;
  isvWorkspaceId: string;
  name: string;
  status: string;
  price: { amount: number; currency: string };
}

export function snapshot(service: ServiceRow): ServiceSnapshot {
  return {
    serviceId: service.id,
    isvWorkspaceId: service.isvWorkspaceId,
    name: service.name,
    status: service.status,
    price: { amount: service.priceAmount, currency: service.priceCurrency },
  };
}

export function recordServiceEvent(
  tx: Db,
  type: ServiceEventType,
  service: ServiceRow,
  actorId: string | null,
  extra: Record<string, unknown> = {},
) {
  return appendEvents(tx, eventLog, 'market', [
    { type, streamId: service.id, payload: { ...snapshot(service), ...extra }, actorId },
  ]);
}
