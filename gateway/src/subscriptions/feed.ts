import { asc, eq, gt, lte, and, or, sql, type SQL } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { eventChannel, eventLogTable, eventsOfNotification, outsideRequestScope, type Database, type Db, type LoggedEvent, type Logger } from '@mpp/kit';

/** Orders' published event log: the source of every subscription. */
const ordersLog = eventLogTable(pgSchema('orders'));

/** Which events a subscription wants, in memory and in SQL (for replays). */
export interface EventFilter {
  matches(event: LoggedEvent): boolean;
  sql: SQL | undefined;
}

export function partyFilter(workspaceId: string, orderId: string | null, placementsOnly = false): EventFilter {
  const payload = (event: LoggedEvent) => event.payload as { merchantWorkspaceId?: string; isvWorkspaceId?: string; from?: string | null };
  const party = placementsOnly
    ? sql`${ordersLog.payload}->>'isvWorkspaceId' = ${workspaceId}`
    : or(sql`${ordersLog.payload}->>'merchantWorkspaceId' = ${workspaceId}`, sql`${ordersLog.payload}->>'isvWorkspaceId' = ${workspaceId}`);
  return {
    matches: (event) => {
      const p = payload(event);
      if (orderId && event.streamId !== orderId) return false;
      if (placementsOnly) return p.isvWorkspaceId === workspaceId && (p.from ?? null) === null;
      return p.merchantWorkspaceId === workspaceId || p.isvWorkspaceId === workspaceId;
    },
    sql: and(
      party,
      orderId ? eq(ordersLog.streamId, orderId) : undefined,
      placementsOnly ? sql`${ordersLog.payload}->'from' = 'null'::jsonb` : undefined,
    ),
  };
}

/**
 * A subscriber waiting for the feed to advance: woken by the feed, or closed when it leaves.
 * One per subscription, reused for every wait (no listener added per event).
 */
export class FeedWaiter {
  closed = false;
  wake: (() => void) | null = null;

  close(): void {
    this.closed = true;
    this.wake?.();
  }
}

const REPLAY_PAGE = 500;
/** Events kept in memory for live subscribers; older ones are replayed from the database. */
const RECENT_EVENTS = 10_000;
const PULL_PAGE = 1000;

/**
 * This gateway process's view of the Orders event log. It takes each new event from its NOTIFY
 * when that carries it and follows on from the last one held (else it reads the log, as it does on
 * a poll, the safety net), and keeps the recent ones in memory for live subscribers; a
 * subscriber behind that window (resuming from an old cursor) replays from the database. Every
 * subscriber asks for "the events after the last one I delivered", so the switch from replay to
 * live has no gap and no duplicate: positions commit in order, and `head` only covers committed
 * events.
 */
export class OrderEventFeed {
  /** Every event with a position in (floor, head] is in `recent`. */
  private head = 0;
  private floor = 0;
  private recent: LoggedEvent[] = [];
  private waiters = new Set<FeedWaiter>();
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Until the head is known, notifications and polls are let pass: a read follows once it is. */
  private starting = true;
  /** Why the last read of the log failed; null once one succeeds (for `/readyz`). */
  private failure: string | null = null;
  private readonly db: Db;

  constructor(
    private readonly database: Database,
    private readonly options: { pollIntervalMs: number; logger: Logger },
  ) {
    this.db = database.orm({});
  }

  /** null while the feed reads the log; otherwise why it cannot (it retries on every poll and notification). */
  get problem(): string | null {
    return this.stopped ? 'stopped' : this.failure;
  }

  /** The position of the newest event this feed has read. */
  get position(): number {
    return this.head;
  }

  async start(): Promise<void> {
    // Listening first: a commit between reading the head and listening still wakes the feed.
    this.unlisten = await this.database.listen(eventChannel('orders'), (payload) => {
      if (!this.takeNotified(payload)) outsideRequestScope(() => this.pull());
    });
    const [row] = await this.db.select({ max: sql<string | null>`max(${ordersLog.position})::text` }).from(ordersLog);
    this.head = this.floor = Number(row?.max ?? 0);
    this.starting = false;
    // What was notified while the head was being read, if anything, is read now.
    this.pull();
    this.timer = setInterval(() => this.pull(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.pulling;
    for (const waiter of this.waiters) waiter.close();
    this.waiters.clear();
  }

  /**
   * The events after `after` that pass `filter`, and the position up to which the caller has now
   * seen everything; waits until there is something after `after` (or the waiter is closed).
   */
  async next(after: number, filter: EventFilter, waiter: FeedWaiter): Promise<{ events: LoggedEvent[]; until: number }> {
    while (!this.stopped && !waiter.closed) {
      const head = this.head;
      if (after < head) {
        if (after >= this.floor) {
          const events: LoggedEvent[] = [];
          for (let i = this.firstAfter(after); i < this.recent.length && this.recent[i]!.position <= head; i++) {
            if (filter.matches(this.recent[i]!)) events.push(this.recent[i]!);
          }
          return { events, until: head };
        }
        const rows = await this.db
          .select()
          .from(ordersLog)
          .where(and(gt(ordersLog.position, after), lte(ordersLog.position, head), filter.sql))
          .orderBy(asc(ordersLog.position))
          .limit(REPLAY_PAGE);
        return { events: rows, until: rows.length === REPLAY_PAGE ? rows.at(-1)!.position : head };
      }
      // Wake on the next advance, or when the subscriber leaves.
      await new Promise<void>((resolve) => {
        waiter.wake = resolve;
        this.waiters.add(waiter);
      });
      waiter.wake = null;
      this.waiters.delete(waiter); // woken by the feed (already cleared) or closed by its subscriber
    }
    return { events: [], until: after };
  }

  /** Index of the first recent event after `position` (binary search: `recent` is in position order). */
  private firstAfter(position: number): number {
    let low = 0;
    let high = this.recent.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.recent[middle]!.position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The events a notification carries, when they follow on from `head`: they are the next ones
   * committed (positions commit in order, notifications arrive in commit order), so nothing is
   * skipped and a read is saved. Anything else (a gap: a lost notification, a rolled-back
   * position; a notification without events) is left to a read; false then.
   */
  private takeNotified(payload: string): boolean {
    if (this.stopped || this.starting) return false;
    const events = eventsOfNotification(payload);
    if (!events?.length || events[0]!.position !== this.head + 1) return false;
    for (let i = 1; i < events.length; i++) if (events[i]!.position !== events[i - 1]!.position + 1) return false;
    this.hold(events);
    return true;
  }

  /** Reads what was committed after `head`; concurrent wake-ups share one read and run once more. */
  private pull(): void {
    if (this.stopped || this.starting) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    // After a database outage the LISTEN connection calls once more when it listens again, and the
    // poll retries meanwhile: reading resumes from `head`, so nothing is skipped or read twice.
    this.pulling = this.read()
      .then(() => {
        this.failure = null;
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.options.logger.warn({ err: error }, 'reading the order event log failed; will retry');
      })
      .finally(() => {
        this.pulling = null;
        if (this.pullAgain) {
          this.pullAgain = false;
          this.pull();
        }
      });
  }

  private async read(): Promise<void> {
    for (;;) {
      const rows = await this.db
        .select()
        .from(ordersLog)
        .where(gt(ordersLog.position, this.head))
        .orderBy(asc(ordersLog.position))
        .limit(PULL_PAGE);
      // A notification may have brought some of them meanwhile.
      const fresh = rows.filter((row) => row.position > this.head);
      if (fresh.length > 0) this.hold(fresh);
      if (rows.length < PULL_PAGE) return;
    }
  }

  /** Keeps `events` (the next ones after `head`, in order) and wakes the subscribers waiting. */
  private hold(events: LoggedEvent[]): void {
    this.recent.push(...events);
    this.head = events.at(-1)!.position;
    if (this.recent.length > RECENT_EVENTS) {
      const dropped = this.recent.splice(0, this.recent.length - RECENT_EVENTS);
      this.floor = dropped.at(-1)!.position;
    }
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiting) waiter.wake?.();
  }
}
