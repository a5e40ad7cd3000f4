import type { Database, Db } from '@mpp/kit';
import * as tables from './schema.js';

export type MiniProgramsDb = Db<typeof tables>;

export function miniProgramsDb(database: Database): MiniProgramsDb {
  return database.orm(tables);
}
