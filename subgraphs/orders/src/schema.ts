import { buildSubgraph, type SubgraphSchemaOptions } from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { OrderEventResolver } from './order-event/order-event.resolver.js';
import { gatewayServedPubSub, OrderSubscriptionResolver } from './order-event/subscription.resolver.js';
import { OrderResolver, resolveOrderReference } from './order/order.resolver.js';
import {
  MiniProgramAuthorizationResolver,
  resolveMiniProgramReference,
  resolveWorkspaceReference,
  WorkspaceOrdersResolver,
} from './workspace/workspace.resolver.js';

const options: SubgraphSchemaOptions = {
  resolvers: [OrderResolver, OrderEventResolver, WorkspaceOrdersResolver, MiniProgramAuthorizationResolver, OrderSubscriptionResolver],
  referenceResolvers: {
    Order: { __resolveReference: resolveOrderReference },
    Workspace: { __resolveReference: resolveWorkspaceReference },
    MiniProgram: { __resolveReference: resolveMiniProgramReference },
  },
  pubSub: gatewayServedPubSub,
};

let schema: GraphQLSchema | null = null;

export function buildOrdersSchema(): GraphQLSchema {
  schema ??= buildSubgraph(options);
  return schema;
}
