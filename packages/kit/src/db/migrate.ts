import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { installChangeSignal } from './change-signal.js';
import { rowsOf, type Db } from './database.js';
import { isUniqueViolation } from './errors.js';

/**
 * Applies the drizzle-kit migrations of one subgraph that its Postgres schema has not seen yet.
 * The same files serve PGlite and a server. One transaction, under an advisory lock, so replicas
 * starting together apply each migration once; the journal lives in the subgraph's own schema.
 * Then every table signals its writes (`installChangeSignal`), unless `signalChanges` is false (the
 * gateway's own tables: rate-limit buckets written on every request, read by no query).
 */
export async function applyMigrations(db: Db, options: { schema: string; migrationsFolder: string; signalChanges?: boolean }): Promise<number> {
  let applied: number;
  for (let attempt = 1; ; attempt += 1) {
    try {
      applied = await applyMigrationFiles(db, options);
      break;
    } catch (error) {
      // A replica whose transaction began before another's created the schema can still hold the
      // schema as missing in its catalog cache (an advisory lock does not refresh it): `create
      // schema if not exists` then collides. A new transaction sees it.
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
  if (options.signalChanges !== false) await installChangeSignal(db, options.schema);
  return applied;
}

async function applyMigrationFiles(db: Db, options: { schema: string; migrationsFolder: string }): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  const journal = sql.identifier(options.schema);
  if (await allApplied(db, journal, migrations)) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`migrations:${options.schema}`}))`);
    await tx.execute(sql`create schema if not exists ${journal}`);
    await tx.execute(
      sql`create table if not exists ${journal}."__migrations" (hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`,
    );
    const applied = await tx.execute<{ hash: string }>(sql`select hash from ${journal}."__migrations"`);
    const seen = new Set(rowsOf<{ hash: string }>(applied).map((row) => row.hash));
    let count = 0;
    for (const migration of migrations) {
      if (seen.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        // The journal above already created the schema that drizzle-kit's first migration creates.
        const idempotent = statement.replace(/^\s*CREATE SCHEMA "/i, 'CREATE SCHEMA IF NOT EXISTS "');
        if (idempotent.trim()) await tx.execute(sql.raw(idempotent));
      }
      await tx.execute(
        sql`insert into ${journal}."__migrations" (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      count += 1;
    }
    return count;
  });
}

/**
 * Whether the journal already lists every migration: one read, no lock and no DDL, so a start on an
 * up-to-date database costs one statement per subgraph. Any failure (no journal yet) means "not
 * known": the locked path above decides.
 */
async function allApplied(db: Db, journal: ReturnType<typeof sql.identifier>, migrations: { hash: string }[]): Promise<boolean> {
  try {
    const applied = rowsOf<{ hash: string }>(await db.execute<{ hash: string }>(sql`select hash from ${journal}."__migrations"`));
    const seen = new Set(applied.map((row) => row.hash));
    return migrations.every((migration) => seen.has(migration.hash));
  } catch {
    return false;
  }
}
