import { buildSubgraph, type SubgraphSchemaOptions } from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { ReviewResolver } from './review/review.resolver.js';
import { resolveServiceReference } from './service/service.loader.js';
import { ServiceResolver } from './service/service.resolver.js';
import { resolveWorkspaceReference, WorkspaceServicesResolver } from './workspace/workspace.resolver.js';

const options: SubgraphSchemaOptions = {
  resolvers: [ServiceResolver, ReviewResolver, WorkspaceServicesResolver],
  referenceResolvers: {
    Service: { __resolveReference: resolveServiceReference },
    Workspace: { __resolveReference: resolveWorkspaceReference },
  },
};

let schema: GraphQLSchema | null = null;

export function buildMarketSchema(): GraphQLSchema {
  schema ??= buildSubgraph(options);
  return schema;
}
