import type { SubgraphModule } from '@mpp/kit';
import { SourceDirectory } from './access/source-directory.js';
import { ensurePlatformAdmin } from './bootstrap/platform-admin.js';
import { createLoaders, type AccountsContext } from './context.js';
import { accountsDb } from './db/client.js';
import { migrateAccounts } from './db/migrate.js';
import { buildAccountsSchema } from './schema.js';

export { buildAccountsSchema } from './schema.js';
export * as accountsTables from './db/schema.js';

/** Accounts: sign-up and sign-in, workspaces, members, identity verification. */
export const accountsSubgraph: SubgraphModule<AccountsContext> = {
  name: 'accounts',
  buildSchema: buildAccountsSchema,
  async start({ config, database, logger, keys }) {
    const db = accountsDb(database);
    await migrateAccounts(db);
    const deps = { db, keys, config, logger };
    await ensurePlatformAdmin(deps);
    return {
      directory: new SourceDirectory(db),
      context: (base) => ({ ...base, deps, loaders: createLoaders(db) }),
      stop: async () => {},
    };
  },
};
