import { accountsEventLog, eventLogTable, EventConsumer, newId, type Database, type Db, type LoggedEvent, type Logger, AUTHORIZING_ORDER_STATUSES, OrderEventType, type OrderStatusChangedPayload } from '@mpp/kit';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { authorizations, consumerOffsets, deliveries, endpoints } from '../db/schema.js';
import { messagesOf, TOPIC_TYPES, webhookBody, type SourceSchema } from './topics.js';

/** Workers LISTEN here: a NOTIFY at commit says new deliveries are due. */
export const DELIVERIES_CHANNEL = 'webhooks_deliveries';

/** Keeps "which ISV an order authorizes on a mini program" from Orders' events (a party to its versions). */
async function trackAuthorization(tx: Db, event: LoggedEvent): Promise<void> {
  if (event.type !== OrderEventType.StatusChanged) return;
  const p = event.payload as unknown as OrderStatusChangedPayload;
  if (AUTHORIZING_ORDER_STATUSES.includes(p.to)) {
    const row = { isvWorkspaceId: p.isvWorkspaceId, orderId: p.orderId };
    await tx.insert(authorizations).values({ miniProgramId: p.miniProgramId, ...row }).onConflictDoUpdate({ target: authorizations.miniProgramId, set: row });
  } else {
    await tx.delete(authorizations).where(and(eq(authorizations.miniProgramId, p.miniProgramId), eq(authorizations.orderId, p.orderId)));
  }
}

/**
 * Turns one event into deliveries for the enabled endpoints of its parties that subscribe to its
 * topic, in the consumer's transaction: an event is fanned out exactly once, and a delivery exists
 * only for an event that committed.
 */
export async function fanOut(tx: Db, source: SourceSchema, event: LoggedEvent): Promise<number> {
  if (source === 'orders') await trackAuthorization(tx, event);
  const messages = await messagesOf(source, event, {
    async authorizedIsv(miniProgramId) {
      const [row] = await tx.select().from(authorizations).where(eq(authorizations.miniProgramId, miniProgramId));
      return row?.isvWorkspaceId ?? null;
    },
  });
  let count = 0;
  for (const message of messages) {
    const targets = await tx
      .select({ id: endpoints.id })
      .from(endpoints)
      .where(
        and(
          inArray(endpoints.workspaceId, message.parties),
          eq(endpoints.enabled, true),
          sql`${endpoints.topics} @> ${JSON.stringify([message.topic])}::jsonb`,
          // An endpoint receives the events from its creation on, also when this consumer trails.
          lte(endpoints.createdAt, event.occurredAt),
        ),
      );
    if (targets.length === 0) continue;
    const body = webhookBody(TOPIC_TYPES[message.topic], event.occurredAt, message.data);
    const inserted = await tx
      .insert(deliveries)
      .values(
        targets.map((target) => ({
          id: newId(),
          endpointId: target.id,
          eventId: event.id,
          traceParent: event.traceParent,
          topic: message.topic,
          type: TOPIC_TYPES[message.topic],
          body,
          status: 'PENDING' as const,
          nextAttemptAt: sql`now()`,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: deliveries.id });
    count += inserted.length;
  }
  if (count > 0) await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
  return count;
}

const SOURCES: { source: SourceSchema; name: string }[] = [
  { source: 'accounts', name: 'accounts' },
  { source: 'market', name: 'service-market' },
  { source: 'mini_programs', name: 'mini-programs' },
  { source: 'orders', name: 'orders' },
];

/** Follows the four event logs and fans their events out into deliveries. */
export async function startFanOut(options: { database: Database; db: Db; pollIntervalMs: number; logger: Logger }) {
  const consumers = SOURCES.map(
    ({ source, name }) =>
      new EventConsumer({
        name: `webhooks-fan-out<-${name}`,
        database: options.database,
        db: options.db,
        offsets: consumerOffsets,
        source: { log: source === 'accounts' ? accountsEventLog : eventLogTable(pgSchema(source)), schema: source },
        pollIntervalMs: options.pollIntervalMs,
        logger: options.logger,
        handle: async (tx, event) => {
          await fanOut(tx, source, event);
        },
      }),
  );
  await Promise.all(consumers.map((consumer) => consumer.start()));
  return {
    stop: () => Promise.all(consumers.map((consumer) => consumer.stop())).then(() => undefined),
  };
}
