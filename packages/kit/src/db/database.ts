import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { trackDatabasePool } from '../metrics/registry.js';
import { withTimeout } from '../timeouts.js';
import { countSqlStatement } from '../request-scope.js';
import { isTracingEnabled } from '../tracing/tracing.js';
import { traceStatement } from '../tracing/spans.js';
import { isUnavailable } from './errors.js';

/**
 * A drizzle database over either driver; transactions (`PgTransaction`) are assignable to it.
 * Without a schema argument it accepts any subgraph's database (for shared code).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db<S extends Record<string, unknown> = any> = PgDatabase<PgQueryResultHKT, S>;

/**
 * One Postgres database, embedded (PGlite) or a server (postgres-js). Subgraphs in one process
 * share it; each works in its own Postgres schema.
 */
export interface Database {
  readonly driver: 'pglite' | 'postgres';
  /** A drizzle instance with the given table definitions; every statement is counted per request. */
  orm<S extends Record<string, unknown>>(schema: S): Db<S>;
  /** LISTEN on `channel`; resolves once listening. The returned function stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Whether every channel is listened to now. While it is false, notifications are lost: each
   * listener is called with an empty payload once its channel is listened to again.
   */
  listening(): boolean;
  /**
   * Whether the database answers a trivial query within `timeoutMs` and every LISTEN is in place:
   * `null` when it can serve, else what is wrong (for `/readyz`).
   */
  check(timeoutMs?: number): Promise<string | null>;
  close(): Promise<void>;
}

const statementCounter: DrizzleLogger = { logQuery: () => countSqlStatement() };

export interface OpenDatabaseOptions {
  /** postgres://… of a server; null: embedded PGlite under `dataDir`. */
  url: string | null;
  dataDir: string;
  poolSize?: number;
  applicationName?: string;
  /** PGlite's WebAssembly (`pglite.wasm`), when its compiling was begun earlier (npm start); else PGlite compiles it. */
  embeddedWasm?: Promise<PGliteOptions['pgliteWasmModule']>;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.url ? openServer(options.url, options) : openEmbedded(options.dataDir, await options.embeddedWasm);
}

/** The pool label of a database's metrics: the service it belongs to, or the whole platform (`npm start`). */
const poolName = (options: OpenDatabaseOptions) => options.applicationName ?? 'platform';

/** How long `check()` waits for `select 1` by default. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * postgres.js options shared by the pool and the LISTEN connection. Reconnection attempts back off
 * to at most one second (the driver's default grows to 20 s), and a connection attempt gives up
 * after 3 s: during an outage a request fails fast and the service is back within a second or
 * two of the server.
 */
function driverOptions(options: OpenDatabaseOptions) {
  return {
    // Schema migrations say "already exists, skipping": not worth a log line.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'mini-program-platform' },
    connect_timeout: 3,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  };
}

function openServer(url: string, options: OpenDatabaseOptions): Database {
  // Without a logger-backed guard installed by the caller, report on stderr.
  guardAgainstDriverFaults((error) => {
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'survived a database driver fault; connections replaced', err: String(error) })}\n`);
  });
  const newPool = () => {
    const pool = postgres(url, { ...driverOptions(options), max: options.poolSize ?? 10, idle_timeout: 60 });
    // drizzle sets its type parsers on the client it is given: every pool gets them.
    drizzlePostgres({ client: pool });
    return pool;
  };
  let pool = newPool();
  const breaker = new Breaker(() => pool);
  const untrackPool = trackDatabasePool(poolName(options), options.poolSize ?? 10, () => breaker.inFlight);
  // drizzle instances keep this stand-in: a pool replaced after a driver fault is used at once,
  // and while the server is known to be unreachable statements fail at once instead of queueing.
  const client = new Proxy(pool, {
    get: (_target, property) => {
      if (property === 'unsafe') return breaker.unsafe;
      if (property === 'begin') return breaker.begin;
      return Reflect.get(pool, property) as unknown;
    },
    apply: (_target, thisArg, args: unknown[]) => Reflect.apply(pool as unknown as (...a: unknown[]) => unknown, thisArg, args),
  });
  const listener = new Listener(url, options);
  const replace = () => {
    const old = pool;
    pool = newPool();
    void old.end({ timeout: 1 }).catch(() => {});
    listener.restart();
  };
  driverFaultHandlers.add(replace);
  return {
    driver: 'postgres',
    orm: (schema) => drizzlePostgres({ client, schema, logger: statementCounter }) as unknown as Db<typeof schema>,
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    listening: () => listener.listening(),
    async check(timeoutMs = CHECK_TIMEOUT_MS) {
      const query = pool`select 1`;
      const answered = await withTimeout(query.then(() => null), timeoutMs).catch((error: unknown) => {
        // Still queued for a connection: withdrawn, so probes do not pile up during an outage.
        void Promise.resolve(query.cancel() as unknown).catch(() => {});
        return describe(error);
      });
      return answered ?? (listener.listening() ? null : 'LISTEN is being re-established');
    },
    async close() {
      untrackPool();
      driverFaultHandlers.delete(replace);
      breaker.close();
      await Promise.all([pool.end({ timeout: 5 }), listener.close()]);
    },
  };
}

/** Thrown instead of queueing a statement while the database server cannot be reached. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(cause: unknown) {
    super('The database cannot be reached right now.', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * A circuit breaker in front of the pool. postgres.js keeps a statement waiting as long as no
 * connection can be opened (only the statement that triggered a connection attempt fails), so
 * during an outage requests would hang until the server is back. Once a statement fails for want
 * of a connection, new statements fail at once, and a probe every 200 ms closes the circuit as
 * soon as the server answers again.
 */
class Breaker {
  private failure: unknown = null;
  private probing = false;
  private closed = false;
  /** Statements outside transactions and transactions under way: each holds (or waits for) a connection. */
  inFlight = 0;

  constructor(private readonly pool: () => postgres.Sql) {}

  readonly unsafe = (...args: Parameters<postgres.Sql['unsafe']>) => {
    if (this.failure) throw new DatabaseUnavailableError(this.failure);
    return traceStatement(args[0], () => {
      const query = this.pool().unsafe(...args);
      this.inFlight += 1;
      // Observing the outcome starts the query one microtask later, as awaiting it would: drizzle's
      // synchronous `.values()` still applies.
      query.then(
        () => void (this.inFlight -= 1),
        (error: unknown) => {
          this.inFlight -= 1;
          this.observe(error);
        },
      );
      return query;
    });
  };

  readonly begin = (...args: unknown[]): Promise<unknown> => {
    if (this.failure) return Promise.reject(new DatabaseUnavailableError(this.failure));
    this.inFlight += 1;
    return (this.pool().begin as (...a: unknown[]) => Promise<unknown>)(...withTracedTransaction(args))
      .catch((error: unknown) => {
        this.observe(error);
        throw error;
      })
      .finally(() => void (this.inFlight -= 1));
  };

  /** The database is being closed: a probe running stops (a closed pool never answers it). */
  close(): void {
    this.closed = true;
  }

  private observe(error: unknown): void {
    if (this.closed || this.failure || !isUnavailable(error)) return;
    this.failure = error;
    void this.probe();
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    while (this.failure && !this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 200).unref());
      if (this.closed) break;
      const query = this.pool()`select 1`;
      try {
        await withTimeout(query, 2_000);
        this.failure = null;
      } catch {
        // Not sent yet (no connection): withdrawn from the queue; its rejection is handled by the race.
        void Promise.resolve(query.cancel() as unknown).catch(() => {});
      }
    }
    this.probing = false;
  }
}

/**
 * `begin`'s or `savepoint`'s arguments with the transaction callback given a transaction whose
 * statements are traced (drizzle sends them through its `unsafe`), when tracing is on.
 */
function withTracedTransaction(args: unknown[]): unknown[] {
  const callback = args.at(-1);
  if (!isTracingEnabled() || typeof callback !== 'function') return args;
  return [...args.slice(0, -1), (sql: postgres.TransactionSql) => (callback as (sql: postgres.TransactionSql) => unknown)(tracedTransaction(sql))];
}

function tracedTransaction(sql: postgres.TransactionSql): postgres.TransactionSql {
  return new Proxy(sql, {
    get: (target, property) => {
      if (property === 'unsafe') return (...args: Parameters<postgres.Sql['unsafe']>) => traceStatement(args[0], () => target.unsafe(...args));
      if (property === 'savepoint') return (...args: unknown[]) => (target.savepoint as (...a: unknown[]) => unknown)(...withTracedTransaction(args));
      return Reflect.get(target, property) as unknown;
    },
  });
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string').join(': ') || String(error);
}

/**
 * LISTEN on a connection of its own, kept in place: when that connection closes (the server
 * restarted, the network dropped) every channel is listened to again, retried until the server
 * answers. postgres.js's own `listen()` tries once after a close and silently gives up when the
 * server is still down. Notifications sent while no connection listened are lost, so each
 * listener is called once (with an empty payload) when its channel is listened to again: it
 * catches up by reading, as it does on any notification.
 */
class Listener {
  private sql: postgres.Sql | null = null;
  private readonly channels = new Map<string, Set<(payload: string) => void>>();
  /** Channels listened to on the current connection. */
  private readonly active = new Set<string>();
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  private generation = 0;

  constructor(
    private readonly url: string,
    private readonly options: OpenDatabaseOptions,
  ) {}

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    let callbacks = this.channels.get(channel);
    if (!callbacks) this.channels.set(channel, (callbacks = new Set()));
    callbacks.add(onNotify);
    // The first LISTEN must succeed (as before): a service does not start without its database.
    if (!this.active.has(channel)) await this.connection().unsafe(`listen ${escapeIdentifier(channel)}`);
    this.active.add(channel);
    return async () => {
      callbacks.delete(onNotify);
      if (callbacks.size > 0 || this.closed) return;
      this.channels.delete(channel);
      this.active.delete(channel);
      await this.sql?.unsafe(`unlisten ${escapeIdentifier(channel)}`).catch(() => {});
    };
  }

  listening(): boolean {
    return [...this.channels.keys()].every((channel) => this.active.has(channel));
  }

  /** A new connection, e.g. after a driver fault left the old one unusable. */
  restart(): void {
    const old = this.sql;
    this.sql = null;
    this.active.clear();
    void old?.end({ timeout: 1 }).catch(() => {});
    this.schedule(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.sql?.end({ timeout: 5 });
  }

  private connection(): postgres.Sql {
    if (this.sql) return this.sql;
    const generation = ++this.generation;
    const options: postgres.Options<Record<string, never>> & { onnotify: (channel: string, payload: string) => void } = {
      ...driverOptions(this.options),
      max: 1,
      max_lifetime: null,
      // The option postgres.js's own listen() uses (parsed by the driver, not in its typings).
      onnotify: (channel, payload) => {
        for (const callback of this.channels.get(channel) ?? []) callback(payload);
      },
      onclose: () => {
        if (generation !== this.generation) return;
        this.active.clear();
        this.schedule(100);
      },
    };
    this.sql = postgres(this.url, options);
    return this.sql;
  }

  private schedule(ms: number): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.relisten();
    }, ms);
    this.retry.unref();
  }

  private async relisten(): Promise<void> {
    for (const channel of this.channels.keys()) {
      if (this.closed || this.active.has(channel)) continue;
      try {
        await this.connection().unsafe(`listen ${escapeIdentifier(channel)}`);
      } catch {
        this.schedule(250);
        return;
      }
      this.active.add(channel);
      for (const callback of this.channels.get(channel) ?? []) callback('');
    }
  }
}

function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * postgres.js 3.4.9 can write to a connection's socket after it was closed, from a `setImmediate`
 * callback (porsager/postgres#1066, #1154; unfixed in any release): an uncaught TypeError no caller
 * can catch, which ends the process. We recognize exactly that error, keep the process running and
 * replace the pools of this process (the faulty connection keeps a stale write buffer and would
 * never connect again). Any other uncaught exception stays fatal.
 */
const driverFaultHandlers = new Set<() => void>();

export function isDriverSocketFault(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'|evaluating 'socket\.write'/.test(error.message) &&
    /nextWrite[^\n]*postgres[\\/](src|cjs)[\\/]connection\.js/.test(error.stack ?? '')
  );
}

let guardInstalled = false;

/** Installs the guard above; `report` logs each fault that was survived. */
export function guardAgainstDriverFaults(report: (error: unknown) => void): void {
  if (guardInstalled) return;
  guardInstalled = true;
  process.on('uncaughtException', (error) => {
    if (isDriverSocketFault(error)) {
      report(error);
      for (const replace of driverFaultHandlers) replace();
      return;
    }
    // Another handler (a test runner) takes care of it; otherwise fail as Node would.
    if (process.listenerCount('uncaughtException') > 1) return;
    process.stderr.write(`Uncaught exception: ${error.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

/**
 * PGlite keeps its files under `dataDir/pglite`. It is single-process: a lock file stops a second
 * process from opening the same files (which would corrupt them).
 */
async function openEmbedded(dataDir: string, pgliteWasmModule?: PGliteOptions['pgliteWasmModule']): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    // Postgres sets up its shared buffers inside WebAssembly at every start: ~1.1 s for the default
    // 128 MB, 0.9 s for 64 MB, 0.7 s for 32 MB on a 2-core machine. 32 MB still holds an embedded
    // platform's working set: with caches off, Q1/Q2 at 16 connections as fast as with 64 MB.
    client = await PGlite.create({ dataDir: join(dataDir, 'pglite'), startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'], pgliteWasmModule });
  } catch (error) {
    releaseLock();
    throw error;
  }
  // One connection, in process: its use is what drizzle has under way on it (statements outside
  // transactions, transactions), counted by a stand-in for the client.
  let inFlight = 0;
  const counted = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    inFlight += 1;
    return run(...args).finally(() => void (inFlight -= 1));
  };
  const query = counted(client.query.bind(client));
  const transaction = counted(client.transaction.bind(client));
  const countedClient = new Proxy(client, {
    get: (target, property) => (property === 'query' ? query : property === 'transaction' ? transaction : (Reflect.get(target, property) as unknown)),
  });
  const untrackPool = trackDatabasePool(poolName({ url: null, dataDir }), 1, () => inFlight);
  return {
    driver: 'pglite',
    orm: (schema) => drizzlePglite({ client: tracedPglite(countedClient), schema, logger: statementCounter }) as unknown as Db<typeof schema>,
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, onNotify);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    // In process: nothing is lost while it is open.
    listening: () => !client.closed,
    async check() {
      // In-process: it answers as long as it is open.
      return client.closed ? 'the embedded database is closed' : null;
    },
    async close() {
      untrackPool();
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}

/** PGlite (or one of its transactions) whose statements are traced: drizzle sends them through `query`. */
function tracedPglite<C extends PGlite | Transaction>(client: C): C {
  return new Proxy(client, {
    get: (target, property) => {
      if (property === 'query') {
        return (...args: unknown[]) => traceStatement(String(args[0]), () => Reflect.apply(target.query, target, args) as Promise<unknown>);
      }
      if (property === 'transaction' && 'transaction' in target) {
        return <T>(callback: (tx: Transaction) => Promise<T>) => target.transaction((tx) => callback(tracedPglite(tx)));
      }
      // PGlite's methods use private fields: they run on the client itself.
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'embedded-database.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(`DATA_DIR ${dataDir} is in use by process ${holder}; stop it or choose another DATA_DIR.`);
      }
      rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock DATA_DIR ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows of `db.execute()`, whose shape differs between the PGlite and postgres-js drivers. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
