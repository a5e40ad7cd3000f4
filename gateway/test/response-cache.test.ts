import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, installChangeSignal, openDatabase, type Database, type Db } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataChanges } from '../src/response-cache/data-changes.js';
import { ResponseCache } from '../src/response-cache/response-cache.js';
import { SubgraphAnswers } from '../src/response-cache/subgraph-answers.js';

// Subgraphs over one embedded database: `market` signals its changes, `elsewhere` has no schema here
// (as when a subgraph keeps its own database), so nothing read from it may be kept. `mini-programs`
// signals its own and follows `market`'s log (it catches up with it while answering); `follower`
// follows `elsewhere`, which it cannot hear.
let database: Database;
let db: Db;
let dataDir: string;
let changes: DataChanges;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mpp-response-cache-'));
  database = await openDatabase({ url: null, dataDir });
  db = database.orm({});
  await db.execute(sql`create schema market`);
  await db.execute(sql`create table market.services (id text primary key, name text not null)`);
  await db.execute(sql`create table market.consumer_offsets (consumer text primary key, position bigint not null)`);
  expect(await installChangeSignal(db, 'market')).toBe(1);
  await db.execute(sql`create schema mini_programs`);
  await db.execute(sql`create table mini_programs.authorizations (id text primary key)`);
  expect(await installChangeSignal(db, 'mini_programs')).toBe(1);
  changes = new DataChanges(
    database,
    new Map([
      ['service-market', { schema: 'market' }],
      ['elsewhere', { schema: 'elsewhere' }],
      ['mini-programs', { schema: 'mini_programs', follows: ['market'] }],
      ['follower', { schema: 'mini_programs', follows: ['elsewhere'] }],
    ]),
    createLogger({ level: 'silent' }),
  );
  await changes.start();
}, 60_000);
afterAll(async () => {
  await changes?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const data = (name: string) => ({ service: { name } });
let cache: ResponseCache;
beforeEach(() => {
  cache = new ResponseCache(changes, { maxBytes: 160_000, maxAgeMs: 30_000 });
});

/** Resolves once the counter of `subgraph` has moved from `before` (the notification is asynchronous). */
async function movedFrom(subgraph: string, before: number): Promise<void> {
  for (let waited = 0; changes.counter(subgraph) === before; waited += 5) {
    if (waited > 2_000) throw new Error(`no change of ${subgraph} heard`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the response cache', () => {
  it('keeps an answer read from a subgraph whose changes it hears, and none read from one it does not', () => {
    expect(changes.trusts('service-market')).toBe(true);
    expect(changes.trusts('elsewhere')).toBe(false);
    const startedWith = changes.countersNow();
    expect(cache.keep('a', data('A'), ['service-market'], startedWith)).toBe(true);
    expect(cache.keep('b', data('B'), ['service-market', 'elsewhere'], startedWith)).toBe(false);
    expect(cache.keep('c', data('C'), [], startedWith)).toBe(false);
    expect(cache.lookUp('a')).toEqual(data('A'));
    expect(cache.lookUp('b')).toBeNull();
  });

  it('forgets an answer once a write to its subgraph commits, not when one is rolled back', async () => {
    expect(cache.keep('a', data('A'), ['service-market'], changes.countersNow())).toBe(true);
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into market.services values ('rolled back', 'x')`);
        throw new Error('roll back');
      })
      .catch(() => {});
    // A committed write elsewhere in the schema that changes no answer: the offsets table is quiet.
    await db.execute(sql`insert into market.consumer_offsets values ('consumer', 1)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.lookUp('a')).toEqual(data('A'));

    const before = changes.counter('service-market');
    await db.execute(sql`insert into market.services values ('s1', 'committed')`);
    await movedFrom('service-market', before);
    expect(cache.lookUp('a')).toBeNull();
  });

  it('forgets an answer of a subgraph when a log it follows changes, before its own tables do', async () => {
    expect(changes.trusts('mini-programs')).toBe(true);
    expect(changes.trusts('follower')).toBe(false);
    expect(cache.keep('a', data('A'), ['mini-programs'], changes.countersNow())).toBe(true);
    const before = changes.counter('mini-programs');
    await db.execute(sql`insert into market.services values ('s2', 'followed')`);
    await movedFrom('mini-programs', before);
    expect(cache.lookUp('a')).toBeNull();

    // A mutation answered by the followed subgraph: its followers' answers go at once, too.
    expect(cache.keep('b', data('B'), ['mini-programs'], changes.countersNow())).toBe(true);
    changes.changed('service-market');
    expect(cache.lookUp('b')).toBeNull();
    // Not the other way round: the followed subgraph reads nothing of its follower.
    expect(cache.keep('c', data('C'), ['service-market'], changes.countersNow())).toBe(true);
    const marketBefore = changes.counter('service-market');
    const followerBefore = changes.counter('mini-programs');
    await db.execute(sql`insert into mini_programs.authorizations values ('z1')`);
    await movedFrom('mini-programs', followerBefore);
    expect(changes.counter('service-market')).toBe(marketBefore);
    expect(cache.lookUp('c')).toEqual(data('C'));
  });

  it('does not keep an answer whose subgraph changed while it was read', async () => {
    const startedWith = changes.countersNow();
    const before = changes.counter('service-market');
    await db.execute(sql`update market.services set name = 'changed meanwhile'`);
    await movedFrom('service-market', before);
    expect(cache.keep('a', data('A'), ['service-market'], startedWith)).toBe(false);
    expect(cache.lookUp('a')).toBeNull();
  });

  it('forgets what was read from a subgraph once a mutation sent to it is answered, and everything when notifications were lost', () => {
    expect(cache.keep('a', data('A'), ['service-market'], changes.countersNow())).toBe(true);
    changes.changed('service-market');
    expect(cache.lookUp('a')).toBeNull();
    expect(cache.keep('a', data('A'), ['service-market'], changes.countersNow())).toBe(true);
    changes.changedAll();
    expect(cache.lookUp('a')).toBeNull();
  });

  it('gives an answer back for at most its age', () => {
    const now = Date.now();
    expect(cache.keep('a', data('A'), ['service-market'], changes.countersNow(), now)).toBe(true);
    expect(cache.lookUp('a', now + 30_000)).toEqual(data('A'));
    expect(cache.lookUp('a', now + 30_001)).toBeNull();
  });

  it('holds its bytes, dropping the least recently used first, and keeps no answer too large for it', () => {
    const startedWith = changes.countersNow();
    const sized = (name: string) => data(name.padEnd(300, '.'));
    for (const key of ['k1', 'k2', 'k3']) expect(cache.keep(key, sized(key), ['service-market'], startedWith)).toBe(true);
    expect(cache.lookUp('k1')).not.toBeNull(); // k2 is now the least recently used
    for (let index = 4; index <= 100; index += 1) cache.keep(`k${index}`, sized(`k${index}`), ['service-market'], startedWith);
    expect(cache.lookUp('k2')).toBeNull();
    expect(cache.lookUp('k100')).not.toBeNull();
    expect(cache.bytesKept).toBeLessThanOrEqual(160_000);
    expect(cache.keep('huge', data('x'.repeat(2_000)), ['service-market'], startedWith)).toBe(false);
  });

  it("writes a kept answer's body as the JSON Apollo Server would, its data as written when kept", () => {
    const kept = data('Written once');
    expect(cache.keep('a', kept, ['service-market'], changes.countersNow())).toBe(true);
    const extensions = { cost: { requestedQueryCost: 3, actualQueryCost: 2 } };
    for (const body of [{ data: kept }, { data: kept, extensions }, { data: data('Not kept'), extensions }, { errors: [{ message: 'no' }], data: kept }]) {
      expect(cache.stringify(body)).toBe(`${JSON.stringify(body)}\n`);
    }
    // Written from the text made when it was kept, not serialized again (answers never change once made).
    kept.service.name = 'Changed in place';
    expect(cache.stringify({ data: kept })).toBe(`{"data":${JSON.stringify(data('Written once'))}}\n`);
  });
});

describe("the subgraphs' answers kept", () => {
  let answers: SubgraphAnswers;
  beforeEach(() => {
    answers = new SubgraphAnswers(changes, { maxBytes: 64_000, maxAgeMs: 30_000 });
  });
  const text = (name: string) => JSON.stringify({ data: { _entities: [{ name }] } });

  it('gives back what a subgraph answered until it, or a log it follows, changes, and for at most its age', async () => {
    expect(answers.keeps('service-market')).toBe(true);
    expect(answers.keeps('elsewhere')).toBe(false);
    expect(answers.keeps('follower')).toBe(false);
    const now = Date.now();
    expect(answers.keep('mini-programs', 'k', text('A'), changes.counter('mini-programs'), now)).toBe(true);
    expect(answers.lookUp('mini-programs', 'k', now + 30_000)).toBe(text('A'));
    expect(answers.lookUp('mini-programs', 'k', now + 30_001)).toBeNull();

    expect(answers.keep('mini-programs', 'k', text('B'), changes.counter('mini-programs'))).toBe(true);
    const before = changes.counter('mini-programs');
    await db.execute(sql`insert into market.services values ('s3', 'followed by mini-programs')`);
    await movedFrom('mini-programs', before);
    expect(answers.lookUp('mini-programs', 'k')).toBeNull();
  });

  it('keeps nothing asked while its subgraph changed, and holds its bytes', () => {
    const counter = changes.counter('service-market');
    changes.changed('service-market');
    expect(answers.keep('service-market', 'k', text('A'), counter)).toBe(false);
    expect(answers.lookUp('service-market', 'k')).toBeNull();

    const now = changes.counter('service-market');
    for (let index = 0; index < 200; index += 1) answers.keep('service-market', `k${index}`, text(`${index}`.padEnd(300, '.')), now);
    expect(answers.bytesKept).toBeLessThanOrEqual(64_000);
    expect(answers.lookUp('service-market', 'k0')).toBeNull();
    expect(answers.lookUp('service-market', 'k199')).not.toBeNull();
    expect(answers.keep('service-market', 'huge', text('x'.repeat(4_000)), now)).toBe(false);
  });
});
