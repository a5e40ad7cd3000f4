import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations, rowsOf, type Database } from '../src/index.js';
import { testDatabase } from '../src/testing.js';

const migrationsFolder = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await testDatabase());
});
afterAll(() => drop());

it('applies pending migrations once, in order, and records them in the schema', async () => {
  const db = database.orm({});
  expect(await applyMigrations(db, { schema: 'kit_fixture', migrationsFolder })).toBe(2);
  expect(await applyMigrations(db, { schema: 'kit_fixture', migrationsFolder })).toBe(0);

  await db.execute(sql`insert into kit_fixture.things (id, name) values (1, 'one')`);
  const rows = rowsOf<{ size: number }>(await db.execute(sql`select size from kit_fixture.things`));
  expect(rows).toEqual([{ size: 0 }]);
  const journal = rowsOf(await db.execute(sql`select hash from kit_fixture.__migrations`));
  expect(journal).toHaveLength(2);
});

it('lets replicas starting together apply each migration once', async () => {
  const db = database.orm({});
  await db.execute(sql`drop schema kit_fixture cascade`);
  const applied = await Promise.all([1, 2, 3].map(() => applyMigrations(db, { schema: 'kit_fixture', migrationsFolder })));
  expect(applied.reduce((a, b) => a + b, 0)).toBe(2);
});
