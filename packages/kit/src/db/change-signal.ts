import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './database.js';

/**
 * The channel every subgraph's tables NOTIFY on when a transaction writes them; the payload is the
 * Postgres schema written. Postgres sends one notification per schema and transaction (identical
 * ones are merged), and only on commit: a listener hears of each committed change, never of one
 * rolled back. The gateway's response cache forgets what it read from a schema when it hears it.
 */
export const DATA_CHANGED_CHANNEL = 'data_changed';

/** The trigger (and its function) every table of a signalled schema carries. */
export const CHANGE_SIGNAL_TRIGGER = 'signal_data_changed';

/**
 * Tables whose writes change nothing a query answers: where each event consumer is in a log (it
 * moves past events that concern its subgraph not at all; what it applies is written to the
 * subgraph's own tables, which signal) and the migrations journal.
 */
export const UNSIGNALLED_TABLES = ['consumer_offsets', '__migrations'];

/**
 * Makes every table of `schema` (those added later included: this runs on each start) NOTIFY
 * DATA_CHANGED_CHANNEL when a statement writes it. One read when every table has it already; else
 * one transaction under the schema's migration lock, so replicas starting together agree.
 */
export async function installChangeSignal(db: Db, schema: string): Promise<number> {
  if ((await tablesWithoutSignal(db, schema)).length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`migrations:${schema}`}))`);
    const missing = await tablesWithoutSignal(tx as unknown as Db, schema);
    if (missing.length === 0) return 0;
    const namespace = sql.identifier(schema);
    const signal = sql.identifier(CHANGE_SIGNAL_TRIGGER);
    await tx.execute(sql`
      create or replace function ${namespace}.${signal}() returns trigger language plpgsql as $$
      begin
        -- The channel is our constant, written into the body as is (a function body takes no parameters).
        perform pg_notify('${sql.raw(DATA_CHANGED_CHANNEL)}', tg_table_schema);
        return null;
      end $$`);
    for (const table of missing) {
      // Per statement, not per row: a bulk write signals once.
      await tx.execute(sql`
        create or replace trigger ${signal} after insert or update or delete or truncate on ${namespace}.${sql.identifier(table)}
        for each statement execute function ${namespace}.${signal}()`);
    }
    return missing.length;
  });
}

/** The tables of `schema` (partitioned ones and their partitions included) that do not signal their writes yet. */
export async function tablesWithoutSignal(db: Db, schema: string): Promise<string[]> {
  const result = await db.execute<{ table: string }>(sql`
    select c.relname as "table"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'p')
      and c.relname not in (${sql.join(UNSIGNALLED_TABLES.map((name) => sql`${name}`), sql`, `)})
      and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = ${CHANGE_SIGNAL_TRIGGER})
    order by c.relname`);
  return rowsOf<{ table: string }>(result).map((row) => row.table);
}

/** Whether `schema` is in this database and signals its changes (a gateway trusts nothing else). */
export async function signalsChanges(db: Db, schema: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    select exists (
      select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${schema} and p.proname = ${CHANGE_SIGNAL_TRIGGER}
    ) as found`);
  return rowsOf<{ found: boolean }>(result)[0]?.found === true;
}
