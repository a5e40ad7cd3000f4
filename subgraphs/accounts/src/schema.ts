import { buildSubgraph, type SubgraphSchemaOptions } from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { AccountResolver, resolveAccountReference } from './account/account.resolver.js';
import { WorkspaceMemberResolver, WorkspaceMembershipResolver } from './membership/membership.resolver.js';
import { VerificationResolver } from './verification/verification.resolver.js';
import { resolveWorkspaceReference, WorkspaceResolver } from './workspace/workspace.resolver.js';

const options: SubgraphSchemaOptions = {
  resolvers: [AccountResolver, WorkspaceResolver, WorkspaceMembershipResolver, WorkspaceMemberResolver, VerificationResolver],
  referenceResolvers: {
    Account: { __resolveReference: resolveAccountReference },
    Workspace: { __resolveReference: resolveWorkspaceReference },
  },
};

let schema: GraphQLSchema | null = null;

export function buildAccountsSchema(): GraphQLSchema {
  schema ??= buildSubgraph(options);
  return schema;
}
