import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@mpp/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateGateway } from '../../src/db/migrate.js';
import { CoalescedBucketStore, InsuredBucketStore, MemoryBucketStore, SqlBucketStore, type Bucket, type BucketStore } from '../../src/limits/buckets.js';

let database: Database;
let dataDir: string;
const stores: BucketStore[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mpp-buckets-'));
  database = await openDatabase({ url: null, dataDir });
  await migrateGateway(database.orm({}));
}, 60_000);
afterAll(async () => {
  for (const store of stores) store.close();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const kinds: [string, () => BucketStore][] = [
  ['memory', () => new MemoryBucketStore()],
  ['sql', () => new SqlBucketStore(database.orm({}))],
  ['coalesced sql', () => new CoalescedBucketStore(new SqlBucketStore(database.orm({})))],
];

describe.each(kinds)('%s leaky bucket', (_kind, make) => {
  const bucket = { capacity: 100, restorePerSecond: 1 };

  it('spends until empty, then refuses with the seconds to wait', async () => {
    const store = make();
    stores.push(store);
    const key = `k:${Math.random()}`;
    expect(await store.take(key, 60, bucket)).toMatchObject({ taken: true, available: 40 });
    const refused = await store.take(key, 60, bucket);
    expect(refused.taken).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(19);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(21);
    expect((await store.take(key, 40, bucket)).taken).toBe(true);
  });

  it('gives points back, never above capacity, and refuses more than capacity', async () => {
    const store = make();
    stores.push(store);
    const key = `k:${Math.random()}`;
    await store.take(key, 90, bucket);
    await store.give(key, 50, bucket);
    expect((await store.take(key, 60, bucket)).taken).toBe(true);
    await store.give(key, 1000, bucket);
    expect((await store.take(key, 100, bucket)).taken).toBe(true);
    expect((await store.take(`k:${Math.random()}`, 101, bucket)).taken).toBe(false);
  });

  it('never spends the same points twice under concurrent takes', async () => {
    const store = make();
    stores.push(store);
    const key = `k:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => store.take(key, 10, bucket)));
    expect(results.filter((result) => result.taken)).toHaveLength(10);
  });
});

describe('takes of one key at once', () => {
  const bucket = { capacity: 100, restorePerSecond: 1 };

  /** A memory store that counts the takes it is asked for, as the shared store counts statements. */
  function countingStore() {
    const memory = new MemoryBucketStore();
    stores.push(memory);
    const counted = { takes: 0 };
    const store: BucketStore = {
      take: (key: string, amount: number, shape: Bucket) => {
        counted.takes += 1;
        return memory.take(key, amount, shape);
      },
      give: (key, amount, shape) => memory.give(key, amount, shape),
      close: () => memory.close(),
    };
    return { store, counted };
  }

  it('go to the shared store as one take of their sum while one is under way', async () => {
    const { store, counted } = countingStore();
    const coalesced = new CoalescedBucketStore(store);
    const results = await Promise.all(Array.from({ length: 50 }, () => coalesced.take('account:a', 1, bucket)));
    expect(results.every((result) => result.taken)).toBe(true);
    expect(counted.takes).toBe(2);
    expect((await store.take('account:a', 51, bucket)).taken).toBe(false);
    expect((await store.take('account:a', 50, bucket)).taken).toBe(true);
  });

  it('are decided one by one when their sum is refused: those that fit are taken', async () => {
    const { store } = countingStore();
    const coalesced = new CoalescedBucketStore(store);
    const results = await Promise.all([coalesced.take('account:b', 70, bucket), coalesced.take('account:b', 20, bucket), coalesced.take('account:b', 20, bucket), coalesced.take('account:b', 10, bucket)]);
    expect(results.map((result) => result.taken)).toEqual([true, true, false, true]);
  });

  it('fail together when the shared store fails, and later takes are asked again', async () => {
    let failing = true;
    const memory = new MemoryBucketStore();
    stores.push(memory);
    const coalesced = new CoalescedBucketStore({
      take: async (key, amount, shape) => {
        if (failing) throw new Error('connection refused');
        return memory.take(key, amount, shape);
      },
      give: async () => {},
      close: () => {},
    });
    const outcomes = await Promise.allSettled([coalesced.take('account:c', 1, bucket), coalesced.take('account:c', 1, bucket)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    failing = false;
    expect((await coalesced.take('account:c', 1, bucket)).taken).toBe(true);
  });
});

describe('buckets while the shared store cannot answer', () => {
  it('count in this process instead of failing the request, and say so', async () => {
    const down: BucketStore = {
      take: () => Promise.reject(new Error('connect ECONNREFUSED')),
      give: () => Promise.reject(new Error('connect ECONNREFUSED')),
      close: () => {},
    };
    const fallbacks: unknown[] = [];
    const store = new InsuredBucketStore(down, { warn: (...args: unknown[]) => void fallbacks.push(args), info: () => {} });
    const bucket = { capacity: 10, restorePerSecond: 1 };
    expect(await store.take('account:a', 6, bucket)).toMatchObject({ taken: true, available: 4 });
    expect(await store.take('account:a', 6, bucket)).toMatchObject({ taken: false });
    // Said once when it falls back, not on every request of the outage.
    expect(fallbacks).toHaveLength(1);
    store.close();
  });
});
