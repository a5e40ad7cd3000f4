import { eq, sql } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  appendEvents,
  consumerOffsetsTable,
  createLogger,
  EventConsumer,
  eventLogTable,
  type Database,
  type Db,
  type LoggedEvent,
} from '../src/index.js';
import { testDatabase } from '../src/testing.js';

const producer = pgSchema('kit_producer');
const consumerSchema = pgSchema('kit_consumer');
const log = eventLogTable(producer);
const offsets = consumerOffsetsTable(consumerSchema);
/** Counts deliveries per event, deliberately not idempotent: a double delivery shows as 2. */
const applied = consumerSchema.table('applied', { eventId: text('event_id').primaryKey(), times: integer('times').notNull() });

let database: Database;
let drop: () => Promise<void>;
let db: Db;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  db = database.orm({});
  for (const statement of [
    'create schema kit_producer',
    'create schema kit_consumer',
    `create table kit_producer.event_log (position bigserial primary key, id uuid not null unique, type text not null,
      stream_id text not null, payload jsonb not null, actor_id text, request_id text, trace_parent text, occurred_at timestamp(3) with time zone not null default now())`,
    'create table kit_consumer.consumer_offsets (consumer text primary key, position bigint not null, updated_at timestamp(3) with time zone not null default now())',
    'create table kit_consumer.applied (event_id text primary key, times integer not null)',
  ]) {
    await db.execute(sql.raw(statement));
  }
});
afterAll(() => drop());
beforeEach(async () => {
  await db.execute(sql`truncate kit_producer.event_log, kit_consumer.consumer_offsets, kit_consumer.applied`);
});

function consumer(name = 'test-consumer', pollIntervalMs = 60_000) {
  return new EventConsumer({
    name,
    database,
    db,
    offsets,
    source: { log, schema: 'kit_producer' },
    pollIntervalMs,
    logger,
    batchSize: 7,
    handle: async (tx: Db, event: LoggedEvent) => {
      await tx
        .insert(applied)
        .values({ eventId: event.id, times: 1 })
        .onConflictDoUpdate({ target: applied.eventId, set: { times: sql`${applied.times} + 1` } });
    },
  });
}

async function publish(count: number, stream = 's1') {
  await db.transaction((tx) =>
    appendEvents(tx, log, 'kit_producer', Array.from({ length: count }, (_, i) => ({ type: 'thing.happened', streamId: stream, payload: { i } }))),
  );
}

async function deliveries() {
  return db.select().from(applied);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('gives strictly increasing positions and keeps nothing of a rolled-back transaction', async () => {
  await publish(3);
  await expect(
    db.transaction(async (tx) => {
      await appendEvents(tx, log, 'kit_producer', [{ type: 'lost', streamId: 's', payload: {} }]);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  await publish(2);
  const rows = await db.select().from(log).orderBy(log.position);
  expect(rows.map((r) => r.type)).not.toContain('lost');
  expect(rows).toHaveLength(5);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.position).toBeGreaterThan(rows[i - 1]!.position);
});

it('applies every event once across batches, is woken by NOTIFY, and resumes from its offset after a restart', async () => {
  await publish(20);
  const first = consumer();
  await first.start(); // catches up in batches of 7
  expect((await deliveries()).map((d) => d.times)).toEqual(Array(20).fill(1));

  await publish(3); // no poll for a minute: only the notification can wake it
  await eventually(async () => (await deliveries()).length === 23);
  await first.stop();

  await publish(2); // while stopped
  const second = consumer();
  await second.start();
  const all = await deliveries();
  expect(all).toHaveLength(25);
  expect(all.every((d) => d.times === 1)).toBe(true);
  const [offset] = await db.select().from(offsets).where(eq(offsets.consumer, 'test-consumer'));
  const [last] = await db.select({ max: sql<number>`max(position)::int` }).from(log);
  expect(offset!.position).toBe(last!.max);
  await second.stop();
});

it('catchUp() returns only after events committed before the call are applied', async () => {
  const c = consumer();
  await c.start();
  for (let round = 0; round < 5; round++) {
    await publish(1, `round-${round}`);
    await c.catchUp();
    expect(await deliveries()).toHaveLength(round + 1);
  }
  await c.stop();
});

it('lets replicas of one consumer share the work without applying an event twice', async () => {
  await publish(30);
  const replicas = [consumer('shared'), consumer('shared'), consumer('shared')];
  await Promise.all(replicas.map((r) => r.start()));
  await publish(10);
  await Promise.all(replicas.map((r) => r.catchUp()));
  const all = await deliveries();
  expect(all).toHaveLength(40);
  expect(all.every((d) => d.times === 1)).toBe(true);
  await Promise.all(replicas.map((r) => r.stop()));
});

it('applies on its next poll what was logged without a notification, the poll checking first whether there is anything new', async () => {
  const c = consumer('polling-consumer', 100);
  await c.start();
  await publish(2);
  await eventually(async () => (await deliveries()).length === 2);
  // Logged as if its NOTIFY were lost (a dropped listening connection): only the poll finds it.
  await db.insert(log).values({ id: crypto.randomUUID(), type: 'thing.happened', streamId: 'quiet', payload: { i: 3 } });
  await eventually(async () => (await deliveries()).length === 3);
  // Polls that find nothing new apply nothing twice.
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect((await deliveries()).every((d) => d.times === 1)).toBe(true);
  await c.stop();
});
