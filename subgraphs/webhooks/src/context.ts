import type { Logger, SubgraphContext } from '@mpp/kit';
import type { WebhooksDb } from './db/client.js';
import type { WebhooksLoaders } from './endpoint/endpoint.loader.js';

export { createLoaders } from './endpoint/endpoint.loader.js';

export interface WebhooksDeps {
  db: WebhooksDb;
  logger: Logger;
  /** Allow loopback and private targets, and http:// (tests, local development). */
  allowPrivateUrls: boolean;
}

export interface WebhooksContext extends SubgraphContext {
  deps: WebhooksDeps;
  loaders: WebhooksLoaders;
}
