import type { Logger, PlatformConfig, SubgraphContext, TokenKeys } from '@mpp/kit';
import { accountLoader } from './account/account.loader.js';
import type { AccountsDb } from './db/client.js';
import { membersByWorkspaceLoader, membershipsByAccountLoader } from './membership/membership.loader.js';
import { workspaceLoader } from './workspace/workspace.loader.js';

/** What Accounts' services need, independent of any request. */
export interface AccountsDeps {
  db: AccountsDb;
  keys: TokenKeys;
  config: PlatformConfig;
  logger: Logger;
}

export function createLoaders(db: AccountsDb) {
  return {
    account: accountLoader(db),
    workspace: workspaceLoader(db),
    membersByWorkspace: membersByWorkspaceLoader(db),
    membershipsByAccount: membershipsByAccountLoader(db),
  };
}

export interface AccountsContext extends SubgraphContext {
  deps: AccountsDeps;
  loaders: ReturnType<typeof createLoaders>;
}
