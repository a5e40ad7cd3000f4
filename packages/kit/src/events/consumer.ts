import { asc, eq, gt, sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../db/database.js';
import { isUnavailable, isUndefinedTable } from '../db/errors.js';
import type { Logger } from '../logger.js';
import { trackConsumerLag } from '../metrics/registry.js';
import { LogFollower, type ReadReason } from './log-follower.js';
import type { ConsumerOffsetsTable, EventLogTable, LoggedEvent } from './tables.js';

export interface EventConsumerOptions {
  /** Unique per consumer, e.g. `orders<-accounts`; names its row in `consumer_offsets`. */
  name: string;
  database: Database;
  /** The consumer's drizzle instance; its handler's writes and its offset share one transaction. */
  db: Db;
  offsets: ConsumerOffsetsTable;
  /** The producer's log and schema. */
  source: { log: EventLogTable; schema: string };
  /** Applies one event. Must be idempotent: delivery is at-least-once across crashes of other stores. */
  handle: (tx: Db, event: LoggedEvent) => Promise<void>;
  pollIntervalMs: number;
  logger: Logger;
  batchSize?: number;
}

/**
 * Reads a producer's event log by position and applies it, remembering where it is. Woken by
 * NOTIFY, and by a poll in case a notification is lost (a dropped connection). The handler runs in
 * the same transaction as the offset update, and the offset row is locked, so replicas of one
 * consumer never apply an event twice.
 */
export class EventConsumer {
  /** Consumers started in this process and not stopped, for readiness checks. */
  static readonly started = new Set<EventConsumer>();
  private readonly follower: LogFollower;
  /** The last position this process knows to be applied (by it or by a replica). */
  private applied = 0;
  /** Why the last attempt to read the source failed; null once one succeeds. */
  private failure: string | null = null;
  private untrackLag: (() => void) | null = null;

  constructor(private readonly options: EventConsumerOptions) {
    this.follower = new LogFollower(options.database, {
      schema: options.source.schema,
      pollIntervalMs: options.pollIntervalMs,
      read: (reason) => this.drain(reason),
    });
  }

  private get stopped(): boolean {
    return this.follower.stopped;
  }

  get name(): string {
    return this.options.name;
  }

  /** The database it reads from and writes to. */
  get database(): Database {
    return this.options.database;
  }

  /** null while it keeps up; otherwise why it cannot (it retries on every poll and notification). */
  get problem(): string | null {
    return this.stopped ? 'stopped' : this.failure;
  }

  /**
   * Catches up only when the producer has logged something not applied yet: one cheap statement
   * (the log's highest position) when everything is current.
   */
  async catchUpIfBehind(): Promise<void> {
    if (await this.behind()) await this.catchUp();
  }

  /** Whether the producer has logged past what this process knows to be applied (false while its log does not exist). */
  private async behind(): Promise<boolean> {
    const { db, source } = this.options;
    try {
      const [row] = await db.select({ newest: sql<string | null>`max(${source.log.position})::text` }).from(source.log);
      return Number(row?.newest ?? 0) > this.applied;
    } catch (error) {
      if (isUndefinedTable(error)) return false;
      throw error;
    }
  }

  /**
   * Events logged by the source and not applied yet: its highest position minus this consumer's
   * offset, read in one statement (for the lag metric). null while the source log does not exist.
   */
  async lag(): Promise<number | null> {
    const { db, offsets, source, name } = this.options;
    try {
      const [row] = rowsOf<{ newest: string | null; applied: string | null }>(
        await db.execute(
          sql`select (select max(${source.log.position}) from ${source.log})::text as newest, (select ${offsets.position} from ${offsets} where ${offsets.consumer} = ${name})::text as applied`,
        ),
      );
      return Math.max(0, Number(row?.newest ?? 0) - Number(row?.applied ?? 0));
    } catch (error) {
      if (isUndefinedTable(error)) return null;
      throw error;
    }
  }

  async start(): Promise<void> {
    EventConsumer.started.add(this);
    this.untrackLag ??= trackConsumerLag(this);
    await this.follower.start();
  }

  /** Resolves once every event committed before the call has been applied. */
  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  async stop(): Promise<void> {
    EventConsumer.started.delete(this);
    this.untrackLag?.();
    this.untrackLag = null;
    await this.follower.stop();
  }

  private async drain(reason: ReadReason): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    try {
      // A poll usually finds nothing: one statement says so, instead of a transaction locking the offset.
      if (reason === 'polled' && !(await this.behind())) {
        this.failure = null;
        return;
      }
      while (!this.stopped && (await this.applyBatch(batchSize)) === batchSize) {
        // a full batch: there may be more
      }
      this.failure = null;
    } catch (error) {
      if (isUndefinedTable(error)) {
        this.failure = null;
        this.options.logger.debug({ consumer: this.options.name }, 'the source log does not exist yet; will retry');
        return;
      }
      this.failure = error instanceof Error ? error.message : String(error);
      if (isUnavailable(error)) {
        this.options.logger.warn({ err: error, consumer: this.options.name }, 'database unavailable; the event consumer will retry');
        throw error;
      }
      this.options.logger.error({ err: error, consumer: this.options.name }, 'event consumer failed; will retry');
      throw error;
    }
  }

  private async applyBatch(limit: number): Promise<number> {
    const { db, offsets, source, name, handle } = this.options;
    return db.transaction(async (tx) => {
      const lockOffset = () => tx.select().from(offsets).where(eq(offsets.consumer, name)).for('update');
      let [offset] = await lockOffset();
      if (!offset) {
        // The consumer's first batch: its row is made once (a replica may be making it too).
        await tx.insert(offsets).values({ consumer: name, position: 0 }).onConflictDoNothing();
        [offset] = await lockOffset();
      }
      this.applied = Math.max(this.applied, offset?.position ?? 0);
      const events: LoggedEvent[] = await tx
        .select()
        .from(source.log)
        .where(gt(source.log.position, offset?.position ?? 0))
        .orderBy(asc(source.log.position))
        .limit(limit);
      for (const event of events) await handle(tx, event);
      const last = events.at(-1);
      if (last) {
        await tx
          .update(offsets)
          .set({ position: last.position, updatedAt: sql`now()` })
          .where(eq(offsets.consumer, name));
      }
      return { count: events.length, last: last?.position };
    }).then(({ count, last }) => {
      // Only once committed does the position count as applied.
      if (last !== undefined) this.applied = Math.max(this.applied, last);
      return count;
    });
  }
}
