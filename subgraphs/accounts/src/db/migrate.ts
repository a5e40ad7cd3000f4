import { fileURLToPath } from 'node:url';
import { applyMigrations, type Db } from '@mpp/kit';

/** The committed drizzle-kit migrations, shipped beside `dist/`. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function migrateAccounts(db: Db): Promise<number> {
  return applyMigrations(db, { schema: 'accounts', migrationsFolder });
}
