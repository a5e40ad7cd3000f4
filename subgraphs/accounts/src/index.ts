import { TableDirectory, type SubgraphModule } from '@mpp/kit';
import { ensurePlatformAdmin } from './bootstrap/platform-admin.js';
import { createLoaders, type AccountsContext } from './context.js';
import { accountsDb } from './db/client.js';
import { migrateAccounts } from './db/migrate.js';
import { workspaceMembers, workspaces } from './db/schema.js';
import { buildAccountsSchema } from './schema.js';

export { buildAccountsSchema } from './schema.js';

/** Accounts: sign-up and sign-in, workspaces, members, identity verification. */
export const accountsSubgraph: SubgraphModule<AccountsContext> = {
  name: 'accounts',
  databaseSchema: 'accounts',
  follows: [],
  buildSchema: buildAccountsSchema,
  async start({ config, database, logger, keys }) {
    const db = accountsDb(database);
    await migrateAccounts(db);
    const deps = { db, keys, config, logger };
    await ensurePlatformAdmin(deps);
    return {
      // Accounts' own tables are the source: always current, nothing to refresh.
      directory: new TableDirectory(db, { workspaces, members: workspaceMembers }, async () => false),
      context: (base) => ({ ...base, deps, loaders: createLoaders(db) }),
      stop: async () => {},
    };
  },
};
