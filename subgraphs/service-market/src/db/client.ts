import type { Database, Db } from '@mpp/kit';
import * as tables from './schema.js';

export type MarketDb = Db<typeof tables>;

export function marketDb(database: Database): MarketDb {
  return database.orm(tables);
}
