import type { Database, Db } from '@mpp/kit';
import * as tables from './schema.js';

export type WebhooksDb = Db<typeof tables>;

export function webhooksDb(database: Database): WebhooksDb {
  return database.orm(tables);
}
