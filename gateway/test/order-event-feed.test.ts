import { appendEvents, createLogger, eventLogTable, notificationOf, type Database, type Db, type LoggedEvent } from '@mpp/kit';
import { testDatabase } from '@mpp/kit/testing';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedWaiter, OrderEventFeed, type EventFilter } from '../src/subscriptions/feed.js';

// The gateway's view of Orders' event log, on a real database (PGlite, or TEST_DATABASE_URL's
// server): what it takes from notifications, and what it reads.
const ordersLog = eventLogTable(pgSchema('orders'));
const everything: EventFilter = { matches: () => true, sql: undefined };

let database: Database;
let drop: () => Promise<void>;
let db: Db;
let feed: OrderEventFeed;

beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  db = database.orm({});
  await db.execute(sql`create schema orders`);
  await db.execute(sql`create table orders.event_log (
    position bigserial primary key, id uuid not null unique, type text not null, stream_id text not null, payload jsonb not null,
    actor_id text, request_id text, trace_parent text, occurred_at timestamp(3) with time zone not null default now())`);
});

afterAll(() => drop());

beforeEach(async () => {
  // A long poll: every read here is one the feed chose to make.
  feed = new OrderEventFeed(database, { pollIntervalMs: 60_000, logger: createLogger({ level: 'silent' }) });
  await feed.start();
});

afterEach(() => feed.stop());

const append = (orderId: string, payload: Record<string, unknown> = {}) =>
  db.transaction((tx) => appendEvents(tx as unknown as Db, ordersLog, 'orders', [{ type: 'OrderStatusChanged', streamId: orderId, payload }]));

/** The events the feed holds after `after`, once it holds at least `count` of them. */
async function eventsAfter(after: number, count: number): Promise<LoggedEvent[]> {
  const waiter = new FeedWaiter();
  const seen: LoggedEvent[] = [];
  let position = after;
  const timeout = setTimeout(() => waiter.close(), 5_000);
  while (seen.length < count && !waiter.closed) {
    const { events, until } = await feed.next(position, everything, waiter);
    seen.push(...events);
    position = until;
  }
  clearTimeout(timeout);
  return seen;
}

describe("the gateway's feed of order events", () => {
  it('takes an event from its notification, without reading the log', async () => {
    const read = vi.spyOn(feed as unknown as { read(): Promise<void> }, 'read');
    const start = feed.position;
    const [appended] = await append('order-1', { to: 'NEW' });
    const [event] = await eventsAfter(start, 1);
    expect(event).toEqual(appended);
    expect(event!.occurredAt).toBeInstanceOf(Date);
    expect(read).not.toHaveBeenCalled();
  });

  it('reads the log when a notification does not follow on from the last event it holds', async () => {
    const start = feed.position;
    // Logged without a notification (as if it had been lost): the next one leaves a gap.
    await db.insert(ordersLog).values({ id: crypto.randomUUID(), type: 'OrderStatusChanged', streamId: 'order-2', payload: { to: 'NEW' } });
    await append('order-2', { to: 'ACCEPTED' });
    const events = await eventsAfter(start, 2);
    expect(events.map((event) => [event.streamId, (event.payload as { to: string }).to])).toEqual([
      ['order-2', 'NEW'],
      ['order-2', 'ACCEPTED'],
    ]);
    expect(events[1]!.position).toBe(events[0]!.position + 1);
  });

  it('reads an event too large for its notification', async () => {
    const start = feed.position;
    const requirements = 'r'.repeat(9_000);
    const [appended] = await append('order-3', { requirements });
    expect(notificationOf([appended!])).toBe(String(appended!.position));
    const [event] = await eventsAfter(start, 1);
    expect(event).toEqual(appended);
  });

  it('holds each event once when a notification brings it while a read is under way', async () => {
    const start = feed.position;
    // Logged without a notification, so that the feed's read finds it…
    const [row] = await db.insert(ordersLog).values({ id: crypto.randomUUID(), type: 'OrderStatusChanged', streamId: 'order-4', payload: {} }).returning();
    const internals = feed as unknown as { pull(): void; takeNotified(payload: string): boolean };
    internals.pull();
    // …and its notification arriving before that read answers.
    expect(internals.takeNotified(notificationOf([row!]))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await append('order-4');
    expect((await eventsAfter(start, 2)).map((event) => event.position)).toEqual([row!.position, row!.position + 1]);
  });
});
