import { startAccessReadModel, type SubgraphModule } from '@mpp/kit';
import { createLoaders, type MarketContext } from './context.js';
import { marketDb } from './db/client.js';
import { migrateMarket } from './db/migrate.js';
import { consumerOffsets, directoryAccounts, directoryMembers, directoryWorkspaces } from './db/schema.js';
import { buildMarketSchema } from './schema.js';

export { buildMarketSchema } from './schema.js';

/** ServiceMarket: ISVs' services, their platform review, and the market merchants browse. */
export const serviceMarketSubgraph: SubgraphModule<MarketContext> = {
  name: 'service-market',
  databaseSchema: 'market',
  // Its access read model.
  follows: ['accounts'],
  buildSchema: buildMarketSchema,
  async start({ config, database, logger }) {
    const db = marketDb(database);
    await migrateMarket(db);
    const { directory, consumer } = await startAccessReadModel({
      subgraph: 'service-market',
      database,
      db,
      tables: { directoryWorkspaces, directoryMembers, directoryAccounts },
      offsets: consumerOffsets,
      pollIntervalMs: config.eventPollIntervalMs,
      logger,
    });
    const deps = { db, logger };
    return {
      directory,
      context: (base) => ({ ...base, deps, loaders: createLoaders(db) }),
      stop: () => consumer.stop(),
    };
  },
};
