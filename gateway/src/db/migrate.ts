import { fileURLToPath } from 'node:url';
import { applyMigrations, type Db } from '@mpp/kit';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The gateway's own schema (rate-limit buckets), migrated at start-up like a subgraph's. */
export function migrateGateway(db: Db): Promise<number> {
  return applyMigrations(db, { schema: 'gateway', migrationsFolder });
}
