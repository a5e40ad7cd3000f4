import type { EventConsumer, Logger, PlatformConfig, ReadModelDirectory, SubgraphContext } from '@mpp/kit';
import type { MiniProgramsDb } from './db/client.js';
import {
  authorizationLoader,
  domainsByMiniProgramLoader,
  membersByMiniProgramLoader,
  miniProgramLoader,
  miniProgramsByMerchantLoader,
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
  return {
    miniProgram: miniProgramLoader(db),
    authorization: authorizationLoader(db),
    membersByMiniProgram: membersByMiniProgramLoader(db),
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
}
