import { buildSubgraph, type SubgraphSchemaOptions } from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveWorkspaceReference, WebhookDeliveryResolver, WebhookEndpointResolver, WorkspaceWebhooksResolver } from './endpoint/endpoint.resolver.js';

const options: SubgraphSchemaOptions = {
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver, WorkspaceWebhooksResolver],
  referenceResolvers: {
    Workspace: { __resolveReference: resolveWorkspaceReference },
  },
};

let schema: GraphQLSchema | null = null;

export function buildWebhooksSchema(): GraphQLSchema {
  schema ??= buildSubgraph(options);
  return schema;
}
