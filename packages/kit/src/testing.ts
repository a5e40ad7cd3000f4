import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from './db/database.js';

/**
 * A throwaway database for tests (`@mpp/kit/testing`; never loaded by the product): PGlite in a temp
 * folder, or a fresh database on TEST_DATABASE_URL's server.
 */
export async function testDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kit-test-'));
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await openDatabase({ url: null, dataDir });
    return {
      database,
      drop: async () => {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `kit_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir, poolSize: 4 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
