import type { Database, Db } from '@mpp/kit';
import * as tables from './schema.js';

export type OrdersDb = Db<typeof tables>;

export function ordersDb(database: Database): OrdersDb {
  return database.orm(tables);
}
