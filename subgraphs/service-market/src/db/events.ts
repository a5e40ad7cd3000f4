import { appendEvents, ServiceEvent, type Db, type ServiceEventType, type ServiceSnapshot } from '@mpp/kit';
import { eventLog, type ServiceRow } from './schema.js';

export { ServiceEvent, type ServiceEventType };

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
