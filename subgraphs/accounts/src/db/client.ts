import type { Database, Db } from '@mpp/kit';
import * as tables from './schema.js';

export type AccountsDb = Db<typeof tables>;

/** The Accounts subgraph's drizzle instance over the shared database. */
export function accountsDb(database: Database): AccountsDb {
  return database.orm(tables);
}
