import { join } from 'node:path';
import { EventConsumer, startAccessReadModel, type SubgraphModule } from '@mpp/kit';
import { ordersEventLog, projectOrderEvent } from './authorization/order-events.js';
import { miniProgramsContext, type MiniProgramsContext } from './context.js';
import { miniProgramsDb } from './db/client.js';
import { migrateMiniPrograms } from './db/migrate.js';
import { consumerOffsets, directoryAccounts, directoryMembers, directoryWorkspaces } from './db/schema.js';
import { buildMiniProgramsSchema } from './schema.js';
import { FileBlobStore } from './storage/blob-store.js';
import { uploadRoutes } from './upload/upload.routes.js';
import { UPLOAD_COLLECT_FIRST_DELAY_MS, UPLOAD_COLLECT_INTERVAL_MS } from './upload/upload.rules.js';
import { startUploadCollector } from './upload/upload.service.js';

export { buildMiniProgramsSchema } from './schema.js';

/** MiniPrograms: mini programs, members, staged uploads, versions and release, QR codes, statistics. */
export const miniProgramsSubgraph: SubgraphModule<MiniProgramsContext> = {
  name: 'mini-programs',
  databaseSchema: 'mini_programs',
  // Its access read model, and the ISV authorizations it projects from orders when a request needs them.
  follows: ['accounts', 'orders'],
  buildSchema: buildMiniProgramsSchema,
  async start({ config, database, logger }) {
    const db = miniProgramsDb(database);
    await migrateMiniPrograms(db);
    const { directory, consumer: accountEvents } = await startAccessReadModel({
      subgraph: 'mini-programs',
      database,
      db,
      tables: { directoryWorkspaces, directoryMembers, directoryAccounts },
      offsets: consumerOffsets,
      pollIntervalMs: config.eventPollIntervalMs,
      logger,
    });
    const orderEvents = new EventConsumer({
      name: 'mini-programs<-orders',
      database,
      db,
      offsets: consumerOffsets,
      source: { log: ordersEventLog, schema: 'orders' },
      pollIntervalMs: config.eventPollIntervalMs,
      logger,
      handle: projectOrderEvent,
    });
    await orderEvents.start();
    const deps = { db, config, logger, directory, orderEvents, blobs: new FileBlobStore(join(config.dataDir, 'uploads')) };
    const stopCollector = startUploadCollector(deps, UPLOAD_COLLECT_INTERVAL_MS, UPLOAD_COLLECT_FIRST_DELAY_MS);
    return {
      directory,
      context: (base) => miniProgramsContext(base, deps),
      routes: (app) => uploadRoutes(app, deps),
      async stop() {
        await stopCollector();
        await orderEvents.stop();
        await accountEvents.stop();
      },
    };
  },
};
