import {
  eventLogTable,
  EventConsumer,
  MiniProgramEvent,
  ServiceEvent,
  type Database,
  type Db,
  type LoggedEvent,
  type Logger,
  type MiniProgramSnapshot,
  type ServiceSnapshot,
} from '@mpp/kit';
import { pgSchema } from 'drizzle-orm/pg-core';
import { consumerOffsets, directoryMiniPrograms, directoryServices } from '../db/schema.js';

const serviceEvents: readonly string[] = Object.values(ServiceEvent);
const miniProgramEvents: readonly string[] = [MiniProgramEvent.Created, MiniProgramEvent.Updated, MiniProgramEvent.Removed];

/** Upserts the service snapshot every ServiceMarket event carries. */
export async function projectServiceEvent(tx: Db, event: LoggedEvent): Promise<void> {
  if (!serviceEvents.includes(event.type)) return;
  const s = event.payload as unknown as ServiceSnapshot;
  const row = {
    isvWorkspaceId: s.isvWorkspaceId,
    name: s.name,
    status: s.status,
    priceAmount: s.price.amount,
    priceCurrency: s.price.currency,
    position: event.position,
  };
  await tx.insert(directoryServices).values({ id: s.serviceId, ...row }).onConflictDoUpdate({ target: directoryServices.id, set: row });
}

/** Upserts the mini program snapshot of MiniPrograms' lifecycle events. */
export async function projectMiniProgramEvent(tx: Db, event: LoggedEvent): Promise<void> {
  if (!miniProgramEvents.includes(event.type)) return;
  const m = event.payload as unknown as MiniProgramSnapshot;
  const row = { merchantWorkspaceId: m.merchantWorkspaceId, name: m.name, status: m.status, position: event.position };
  await tx.insert(directoryMiniPrograms).values({ id: m.miniProgramId, ...row }).onConflictDoUpdate({ target: directoryMiniPrograms.id, set: row });
}

/**
 * Orders learns what it needs of services and mini programs from their event logs, not by calling
 * them: placing an order works when ServiceMarket or MiniPrograms is down, and the facts it checks
 * are the ones committed by their owners.
 */
export async function startDirectories(options: { database: Database; db: Db; pollIntervalMs: number; logger: Logger }) {
  const consumer = (name: string, schema: string, handle: (tx: Db, event: LoggedEvent) => Promise<void>) =>
    new EventConsumer({
      name: `orders<-${name}`,
      database: options.database,
      db: options.db,
      offsets: consumerOffsets,
      source: { log: eventLogTable(pgSchema(schema)), schema },
      pollIntervalMs: options.pollIntervalMs,
      logger: options.logger,
      handle,
    });
  const services = consumer('service-market', 'market', projectServiceEvent);
  const miniPrograms = consumer('mini-programs', 'mini_programs', projectMiniProgramEvent);
  await Promise.all([services.start(), miniPrograms.start()]);
  return {
    catchUp: () => Promise.all([services.catchUpIfBehind(), miniPrograms.catchUpIfBehind()]).then(() => undefined),
    stop: () => Promise.all([services.stop(), miniPrograms.stop()]).then(() => undefined),
  };
}
