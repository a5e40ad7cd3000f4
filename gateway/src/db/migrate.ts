import { fileURLToPath } from 'node:url';
import { applyMigrations, type Db } from '@mpp/kit';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * The gateway's own schema (rate-limit buckets), migrated at start-up like a subgraph's. Its tables
 * do not signal changes: buckets are written on every request and read by no query.
 */
export function migrateGateway(db: Db): Promise<number> {
  return applyMigrations(db, { schema: 'gateway', migrationsFolder, signalChanges: false });
}
