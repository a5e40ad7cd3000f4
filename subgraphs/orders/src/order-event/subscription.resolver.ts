import { GraphQLError } from 'graphql';
import { Arg, ID, Resolver, Subscription, type PubSub } from 'type-graphql';
import { Order, OrderEvent } from '../order/order.type.js';

/**
 * The subscriptions of the graph are defined here, with the types they return, and served by
 * the gateway: it follows the Orders event log and completes each event through the query planner,
 * so payloads may select fields of every subgraph.
 */
function servedByTheGateway(): never {
  throw new GraphQLError('Subscribe through the gateway: WebSocket (graphql-ws) on its /graphql.');
}

/** type-graphql wants a pub/sub for subscriptions; this one only says where they are served. */
export const gatewayServedPubSub: PubSub = {
  publish: () => undefined,
  subscribe: servedByTheGateway,
};

@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => OrderEvent, {
    subscribe: servedByTheGateway,
    description:
      "Every status change of every order in which `workspaceId` is the merchant or the ISV (only `orderId`'s, when given), " +
      'its placement included (`from: null, to: NEW`), pushed live to members of that workspace. With `after`, the events ' +
      'logged after that cursor are delivered first, in order, then live ones: none lost, none twice. Each subscription counts ' +
      'toward the limits per connection and per account (QUOTA_EXCEEDED).',
  })
  orderStatusChanged(
    @Arg('workspaceId', () => ID, { description: 'A workspace the subscriber is a member of (FORBIDDEN otherwise).' }) _workspaceId: string,
    @Arg('orderId', () => ID, { nullable: true, description: "Only this order's events; omitted: every order of the workspace." })
    _orderId: string | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'The `cursor` of the last event received: the events after it are replayed first. Omitted: live events only. ' +
        'A string that is not an order event cursor is a BAD_USER_INPUT error.',
    })
    _after: string | null,
  ): OrderEvent {
    return servedByTheGateway();
  }

  @Subscription(() => Order, {
    subscribe: servedByTheGateway,
    description:
      "Each new order placed for one of this ISV workspace's services, pushed live to its members (no replay). Each subscription " +
      'counts toward the limits per connection and per account (QUOTA_EXCEEDED).',
  })
  orderPlaced(
    @Arg('isvWorkspaceId', () => ID, { description: 'An ISV workspace the subscriber is a member of (FORBIDDEN otherwise).' })
    _isvWorkspaceId: string,
  ): Order {
    return servedByTheGateway();
  }
}
