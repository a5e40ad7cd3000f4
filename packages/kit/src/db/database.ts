import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { countSqlStatement } from '../request-scope.js';

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
  close(): Promise<void>;
}

const statementCounter: DrizzleLogger = { logQuery: () => countSqlStatement() };

export interface OpenDatabaseOptions {
  /** postgres://… of a server; null: embedded PGlite under `dataDir`. */
  url: string | null;
  dataDir: string;
  poolSize?: number;
  applicationName?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.url ? openServer(options.url, options) : openEmbedded(options.dataDir);
}

function openServer(url: string, options: OpenDatabaseOptions): Database {
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    // Schema migrations say "already exists, skipping": not worth a log line.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'mini-program-platform' },
    idle_timeout: 60,
  });
  return {
    driver: 'postgres',
    orm: (schema) => drizzlePostgres({ client, schema, logger: statementCounter }) as unknown as Db<typeof schema>,
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite keeps its files under `dataDir/pglite`. It is single-process: a lock file stops a second
 * process from opening the same files (which would corrupt them).
 */
async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  } catch (error) {
    releaseLock();
    throw error;
  }
  return {
    driver: 'pglite',
    orm: (schema) => drizzlePglite({ client, schema, logger: statementCounter }) as unknown as Db<typeof schema>,
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, onNotify);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    async close() {
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
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
