import { fileURLToPath } from 'node:url';
import { applyMigrations, type Db } from '@mpp/kit';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function migrateWebhooks(db: Db): Promise<number> {
  return applyMigrations(db, { schema: 'webhooks', migrationsFolder });
}
