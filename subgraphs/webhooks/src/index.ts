import { startAccessReadModel, type SubgraphModule } from '@mpp/kit';
import { createLoaders, type WebhooksContext } from './context.js';
import { webhooksDb } from './db/client.js';
import { migrateWebhooks } from './db/migrate.js';
import { consumerOffsets, directoryAccounts, directoryMembers, directoryWorkspaces } from './db/schema.js';
import { DeliveryWorker } from './delivery/worker.js';
import { startFanOut } from './events/fan-out.js';
import { buildWebhooksSchema } from './schema.js';

export { buildWebhooksSchema } from './schema.js';
export { messageId } from './delivery/worker.js';

/**
 * Webhooks: partners' endpoints, and signed, at-least-once delivery (Standard Webhooks) of the
 * events of the other subgraphs' logs. Its delivery workers run in its process.
 */
export const webhooksSubgraph: SubgraphModule<WebhooksContext> = {
  name: 'webhooks',
  databaseSchema: 'webhooks',
  // Its access read model.
  follows: ['accounts'],
  buildSchema: buildWebhooksSchema,
  async start({ config, database, logger }) {
    const db = webhooksDb(database);
    await migrateWebhooks(db);
    const { directory, consumer: accountEvents } = await startAccessReadModel({
      subgraph: 'webhooks',
      database,
      db,
      tables: { directoryWorkspaces, directoryMembers, directoryAccounts },
      offsets: consumerOffsets,
      pollIntervalMs: config.eventPollIntervalMs,
      logger,
    });
    const fanOut = await startFanOut({ database, db, pollIntervalMs: config.eventPollIntervalMs, logger });
    const worker =
      config.webhookWorkerConcurrency > 0
        ? new DeliveryWorker({
            database,
            db,
            logger,
            concurrency: config.webhookWorkerConcurrency,
            timeoutMs: config.webhookTimeoutMs,
            retryDelaysMs: config.webhookRetryDelaysMs,
            disableAfterMs: config.webhookDisableAfterMs,
            allowPrivate: config.webhookAllowPrivateUrls,
            pollIntervalMs: config.eventPollIntervalMs,
          })
        : null;
    await worker?.start();
    const deps = { db, logger, allowPrivateUrls: config.webhookAllowPrivateUrls };
    return {
      directory,
      context: (base) => ({ ...base, deps, loaders: createLoaders(db) }),
      async stop() {
        await worker?.stop();
        await fanOut.stop();
        await accountEvents.stop();
      },
    };
  },
};
