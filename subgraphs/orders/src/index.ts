import { startAccessReadModel, type SubgraphModule } from '@mpp/kit';
import { createLoaders, type OrdersContext } from './context.js';
import { ordersDb } from './db/client.js';
import { migrateOrders } from './db/migrate.js';
import { consumerOffsets, directoryAccounts, directoryMembers, directoryWorkspaces } from './db/schema.js';
import { startDirectories } from './directory/directory.js';
import { buildOrdersSchema } from './schema.js';

export { buildOrdersSchema } from './schema.js';
export { eventCursor, positionOf } from './order-event/order-event.loader.js';

/** Orders: the order workflow that authorizes an ISV on a merchant's mini program. */
export const ordersSubgraph: SubgraphModule<OrdersContext> = {
  name: 'orders',
  databaseSchema: 'orders',
  // Its access read model (its directories of services and mini programs are caught up only to place an order).
  follows: ['accounts'],
  buildSchema: buildOrdersSchema,
  async start({ config, database, logger }) {
    const db = ordersDb(database);
    await migrateOrders(db);
    const { directory, consumer: accountEvents } = await startAccessReadModel({
      subgraph: 'orders',
      database,
      db,
      tables: { directoryWorkspaces, directoryMembers, directoryAccounts },
      offsets: consumerOffsets,
      pollIntervalMs: config.eventPollIntervalMs,
      logger,
    });
    const directories = await startDirectories({ database, db, pollIntervalMs: config.eventPollIntervalMs, logger });
    const deps = { db, logger, directories };
    return {
      directory,
      context: (base) => ({ ...base, deps, loaders: createLoaders(db) }),
      async stop() {
        await directories.stop();
        await accountEvents.stop();
      },
    };
  },
};
