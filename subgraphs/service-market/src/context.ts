import type { Logger, SubgraphContext } from '@mpp/kit';
import type { MarketDb } from './db/client.js';
import { serviceLoader, servicesByWorkspaceLoader } from './service/service.loader.js';

export interface MarketDeps {
  db: MarketDb;
  logger: Logger;
}

export function createLoaders(db: MarketDb) {
  return { service: serviceLoader(db), servicesByWorkspace: servicesByWorkspaceLoader(db) };
}

export interface MarketContext extends SubgraphContext {
  deps: MarketDeps;
  loaders: ReturnType<typeof createLoaders>;
}
