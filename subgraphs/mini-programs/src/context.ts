import DataLoader from 'dataloader';
import { readRightsOfMany, seesNotAll, seesNothing, type Rights } from './authorization/rights.js';
import type { MiniProgramRow } from './db/schema.js';
import type { EventConsumer, Logger, PlatformConfig, ReadModelDirectory, SubgraphContext } from '@mpp/kit';
import type { MiniProgramsDb } from './db/client.js';
import {
  authorizationLoader,
  domainsByMiniProgramLoader,
  membersByMiniProgramLoader,
  miniProgramLoader,
  miniProgramsByMerchantLoader,
  orderPartiesByMiniProgramLoader,
} from './mini-program/mini-program.loader.js';
import { statisticsLoader } from './statistics/statistics.loader.js';
import type { BlobStore } from './storage/blob-store.js';
import { currentReleaseLoader, versionLoader, versionsByMiniProgramLoader } from './version/version.loader.js';

export interface MiniProgramsDeps {
  db: MiniProgramsDb;
  config: PlatformConfig;
  logger: Logger;
  blobs: BlobStore;
  /** Applies Orders' events committed so far (authorizations granted or ended). */
  orderEvents: Pick<EventConsumer, 'catchUpIfBehind'>;
  /** Accounts' read model: account ids by email, anyone's memberships. */
  directory: ReadModelDirectory;
}

export function createLoaders(db: MiniProgramsDb) {
  const authorization = authorizationLoader(db);
  return {
    miniProgram: miniProgramLoader(db, authorization),
    authorization,
    membersByMiniProgram: membersByMiniProgramLoader(db),
    orderPartiesByMiniProgram: orderPartiesByMiniProgramLoader(db),
    domainsByMiniProgram: domainsByMiniProgramLoader(db),
    miniProgramsByMerchant: miniProgramsByMerchantLoader(db),
    version: versionLoader(db),
    currentRelease: currentReleaseLoader(db),
    versionsByMiniProgram: versionsByMiniProgramLoader(db),
    statistics: statisticsLoader(db),
  };
}

export type MiniProgramsLoaders = ReturnType<typeof createLoaders>;

export interface MiniProgramsContext extends SubgraphContext {
  deps: MiniProgramsDeps;
  loaders: MiniProgramsLoaders;
  /**
   * Orders' events caught up once per request. Always true: what was read before may be stale even
   * when this call applied nothing (a notification may have been applied meanwhile).
   */
  catchUpOrders: () => Promise<boolean>;
  /**
   * The viewer's read rights per mini program, computed once per request, batched per fetch; from
   * fresh facts when they would hide the mini program altogether.
   */
  readRights: DataLoader<MiniProgramRow, Rights, string>;
  /** The same, from fresh facts whenever they fall short of reading it all: asked before refusing more than the profile. */
  fullReadRights: DataLoader<MiniProgramRow, Rights, string>;
}

/** The request context of MiniPrograms on top of the common one. */
export function miniProgramsContext(base: SubgraphContext, deps: MiniProgramsDeps): MiniProgramsContext {
  let caughtUp: Promise<boolean> | null = null;
  const loaders = createLoaders(deps.db);
  const catchUpOrders = () => (caughtUp ??= deps.orderEvents.catchUpIfBehind().then(() => true));
  return {
    ...base,
    deps,
    loaders,
    catchUpOrders,
    readRights: new DataLoader((miniPrograms) => readRightsOfMany(base.access, loaders, catchUpOrders, miniPrograms, seesNothing), {
      cacheKeyFn: (miniProgram) => miniProgram.id,
    }),
    fullReadRights: new DataLoader((miniPrograms) => readRightsOfMany(base.access, loaders, catchUpOrders, miniPrograms, seesNotAll), {
      cacheKeyFn: (miniProgram) => miniProgram.id,
    }),
  };
}
