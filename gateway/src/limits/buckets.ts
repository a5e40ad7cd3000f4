import { rowsOf, type Database, type Db, type Logger } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { migrateGateway } from '../db/migrate.js';

/** A leaky bucket's shape: it holds `capacity` points and gets `restorePerSecond` back. */
export interface Bucket {
  capacity: number;
  restorePerSecond: number;
}

export interface TakeResult {
  taken: boolean;
  /** Points left after this take (or now, when refused). */
  available: number;
  /** When refused: seconds until `amount` points are available again. */
  retryAfterSeconds: number;
}

/**
 * Where buckets live: in memory for one process (`npm start`), in the gateway's table when several
 * gateways share a Postgres server. Each operation is atomic: concurrent requests never spend the
 * same points twice.
 */
export interface BucketStore {
  /** Takes `amount` points if the bucket has them; otherwise takes nothing. */
  take(key: string, amount: number, bucket: Bucket): Promise<TakeResult>;
  /** Gives points back (a refund: what an answer cost less than asked, a successful sign-in). */
  give(key: string, amount: number, bucket: Bucket): Promise<void>;
  close(): void;
}

export function retryAfter(available: number, amount: number, bucket: Bucket): number {
  if (amount > bucket.capacity) return Math.ceil(bucket.capacity / bucket.restorePerSecond);
  return Math.max(1, Math.ceil((amount - available) / bucket.restorePerSecond));
}

/** How long until any bucket is full again, i.e. forgettable. */
const SWEEP_INTERVAL_MS = 60_000;

export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, { available: number; at: number; fullAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();

  async take(key: string, amount: number, bucket: Bucket): Promise<TakeResult> {
    const now = Date.now();
    const available = this.level(key, bucket, now);
    if (available < amount) return { taken: false, available, retryAfterSeconds: retryAfter(available, amount, bucket) };
    this.set(key, available - amount, bucket, now);
    return { taken: true, available: available - amount, retryAfterSeconds: 0 };
  }

  async give(key: string, amount: number, bucket: Bucket): Promise<void> {
    const now = Date.now();
    if (!this.buckets.has(key)) return;
    this.set(key, Math.min(bucket.capacity, this.level(key, bucket, now) + amount), bucket, now);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private level(key: string, bucket: Bucket, now: number): number {
    const state = this.buckets.get(key);
    if (!state) return bucket.capacity;
    return Math.min(bucket.capacity, state.available + ((now - state.at) / 1000) * bucket.restorePerSecond);
  }

  private set(key: string, available: number, bucket: Bucket, now: number): void {
    const fullAt = now + ((bucket.capacity - available) / bucket.restorePerSecond) * 1000;
    this.buckets.set(key, { available, at: now, fullAt });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, state] of this.buckets) if (state.fullAt <= now) this.buckets.delete(key);
  }
}

/** Rows not touched for this long are full again under any configuration we ship. */
const FORGET_AFTER = '1 hour';

/**
 * Buckets in `gateway.rate_limit_buckets`: one statement per take (an upsert that refills by the
 * time elapsed and spends only if enough is there), shared by every gateway on the database.
 */
export class SqlBucketStore implements BucketStore {
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly db: Db) {
    this.sweeper = setInterval(() => {
      db.execute(sql`delete from gateway.rate_limit_buckets where updated_at < now() - ${FORGET_AFTER}::interval`).catch(() => {});
    }, SWEEP_INTERVAL_MS * 5).unref();
  }

  async take(key: string, amount: number, bucket: Bucket): Promise<TakeResult> {
    const { capacity, restorePerSecond: rate } = bucket;
    const refilled = sql`least(${capacity}::float8, b.available + extract(epoch from (now() - b.updated_at))::float8 * ${rate}::float8)`;
    const result = await this.db.execute(sql`
      insert into gateway.rate_limit_buckets as b (key, available, updated_at)
      select ${key}, ${capacity}::float8 - ${amount}::float8, now() where ${amount}::float8 <= ${capacity}::float8
      on conflict (key) do update set available = ${refilled} - ${amount}::float8, updated_at = now()
        where ${refilled} >= ${amount}::float8
      returning available`);
    const row = rowsOf<{ available: number | string }>(result)[0];
    if (row) return { taken: true, available: Number(row.available), retryAfterSeconds: 0 };
    const current = rowsOf<{ available: number | string }>(
      await this.db.execute(sql`select ${refilled} as available from gateway.rate_limit_buckets b where key = ${key}`),
    )[0];
    const available = current ? Number(current.available) : capacity;
    return { taken: false, available, retryAfterSeconds: retryAfter(available, amount, bucket) };
  }

  async give(key: string, amount: number, bucket: Bucket): Promise<void> {
    const { capacity, restorePerSecond: rate } = bucket;
    await this.db.execute(sql`
      update gateway.rate_limit_buckets b
      set available = least(${capacity}::float8, b.available + extract(epoch from (now() - b.updated_at))::float8 * ${rate}::float8 + ${amount}::float8),
          updated_at = now()
      where key = ${key}`);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}

/** A take waiting for its key's statement. */
interface PendingTake {
  amount: number;
  bucket: Bucket;
  resolve: (result: TakeResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Takes of one key that arrive while a statement for that key is under way wait for it, then go
 * together as one take of their sum. Each take of a shared bucket is a statement on the pool the
 * subgraphs use, and the takes of one key also wait for each other on the row's lock: a reconnect
 * storm of one account's subscriptions would otherwise queue thousands of statements ahead of every
 * other request (its own membership check included) until they time out. When the sum is refused,
 * the waiting takes are decided one by one, so a take that fits is not refused for another's sake.
 */
export class CoalescedBucketStore implements BucketStore {
  private readonly waiting = new Map<string, PendingTake[]>();
  private readonly busy = new Set<string>();

  constructor(private readonly store: BucketStore) {}

  take(key: string, amount: number, bucket: Bucket): Promise<TakeResult> {
    return new Promise<TakeResult>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push({ amount, bucket, resolve, reject });
      this.waiting.set(key, queue);
      if (!this.busy.has(key)) void this.drain(key);
    });
  }

  give(key: string, amount: number, bucket: Bucket): Promise<void> {
    return this.store.give(key, amount, bucket);
  }

  close(): void {
    this.store.close();
  }

  private async drain(key: string): Promise<void> {
    this.busy.add(key);
    try {
      for (let queue = this.waiting.get(key); queue?.length; queue = this.waiting.get(key)) {
        // Takes of the same bucket shape go together; another shape waits for the next round.
        const [first] = queue;
        const batch = queue.filter((take) => sameBucket(take.bucket, first!.bucket));
        const rest = queue.filter((take) => !sameBucket(take.bucket, first!.bucket));
        if (rest.length) this.waiting.set(key, rest);
        else this.waiting.delete(key);
        await this.decide(key, batch);
      }
    } finally {
      this.busy.delete(key);
    }
  }

  private async decide(key: string, batch: PendingTake[]): Promise<void> {
    const bucket = batch[0]!.bucket;
    try {
      const sum = batch.reduce((total, take) => total + take.amount, 0);
      const together = await this.store.take(key, sum, bucket);
      if (together.taken || batch.length === 1) {
        for (const take of batch) take.resolve(together);
        return;
      }
    } catch (error) {
      for (const take of batch) take.reject(error);
      return;
    }
    for (const take of batch) {
      await this.store.take(key, take.amount, bucket).then(take.resolve, take.reject);
    }
  }
}

function sameBucket(a: Bucket, b: Bucket): boolean {
  return a.capacity === b.capacity && a.restorePerSecond === b.restorePerSecond;
}

/**
 * The shared store, with this process's memory as insurance: while the database cannot answer,
 * buckets are kept per process instead of refusing every request (the subgraphs answer
 * SERVICE_UNAVAILABLE for what needs the database; a limiter must not turn that into a 500).
 * It says so once when it falls back and once when the shared store answers again.
 */
export class InsuredBucketStore implements BucketStore {
  private readonly insurance = new MemoryBucketStore();
  private degraded = false;

  constructor(
    private readonly shared: BucketStore,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {}

  take(key: string, amount: number, bucket: Bucket): Promise<TakeResult> {
    return this.insured(
      () => this.shared.take(key, amount, bucket),
      () => this.insurance.take(key, amount, bucket),
    );
  }

  give(key: string, amount: number, bucket: Bucket): Promise<void> {
    return this.insured(
      () => this.shared.give(key, amount, bucket),
      () => this.insurance.give(key, amount, bucket),
    );
  }

  close(): void {
    this.shared.close();
    this.insurance.close();
  }

  private async insured<T>(shared: () => Promise<T>, insurance: () => Promise<T>): Promise<T> {
    try {
      const result = await shared();
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('rate-limit buckets shared again');
      }
      return result;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, 'rate-limit buckets unavailable: counting in this process meanwhile');
      }
      return insurance();
    }
  }
}

/**
 * Shared buckets when the gateway runs on a Postgres server (replicas; their table is migrated
 * here), memory otherwise.
 */
export async function openBucketStore(database: Database, logger: Pick<Logger, 'warn' | 'info'>): Promise<BucketStore> {
  if (database.driver !== 'postgres') return new MemoryBucketStore();
  const db = database.orm({});
  await migrateGateway(db);
  return new InsuredBucketStore(new CoalescedBucketStore(new SqlBucketStore(db)), logger);
}
