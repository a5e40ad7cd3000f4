import { fileURLToPath } from 'node:url';
import { applyMigrations, type Db } from '@mpp/kit';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function migrateOrders(db: Db): Promise<number> {
  return applyMigrations(db, { schema: 'orders', migrationsFolder });
}
