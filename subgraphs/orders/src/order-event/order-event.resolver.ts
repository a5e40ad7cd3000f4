import { DateTimeScalar, type LoggedEvent, type OrderStatusChangedPayload } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context.js';
import type { OrderRow } from '../db/schema.js';
import { canSee } from '../order/order.service.js';
import { Order, OrderEvent, OrderStatus } from '../order/order.type.js';
import { AccountRef } from '../workspace/refs.js';
import { eventCursor, positionOf } from './order-event.loader.js';

const payload = (event: LoggedEvent) => event.payload as unknown as OrderStatusChangedPayload;

@Resolver(() => OrderEvent)
export class OrderEventResolver {
  @Query(() => OrderEvent, {
    nullable: true,
    description:
      "One event of an order's timeline by its cursor, for the members of the order's merchant and ISV workspaces and the platform; " +
      'null for anyone else.',
  })
  async orderEvent(
    @Arg('cursor', () => String, { description: "An OrderEvent's `cursor`; an unknown or malformed one gives null." }) cursor: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<LoggedEvent | null> {
    ctx.access.requireViewer();
    // Read with the event and its order, not after them: the visibility check then waits for nothing.
    ctx.access.prefetchMemberships();
    const position = positionOf(cursor);
    const event = position === null ? null : await ctx.loaders.eventByPosition.load(position);
    if (!event) return null;
    const order = await ctx.loaders.order.load(event.streamId);
    return order && (await canSee(ctx.access, order)) ? event : null;
  }

  @FieldResolver(() => String)
  cursor(@Root() event: LoggedEvent): string {
    return eventCursor(event.position);
  }

  @FieldResolver(() => Order)
  order(@Root() event: LoggedEvent, @Ctx() ctx: OrdersContext): Promise<OrderRow | null> {
    return ctx.loaders.order.load(event.streamId);
  }

  @FieldResolver(() => OrderStatus, { nullable: true })
  from(@Root() event: LoggedEvent): string | null {
    return payload(event).from;
  }

  @FieldResolver(() => OrderStatus)
  to(@Root() event: LoggedEvent): string {
    return payload(event).to;
  }

  @FieldResolver(() => AccountRef, { nullable: true })
  actor(@Root() event: LoggedEvent): AccountRef | null {
    return event.actorId ? { id: event.actorId } : null;
  }

  @FieldResolver(() => String, { nullable: true })
  reason(@Root() event: LoggedEvent): string | null {
    return payload(event).reason;
  }

  @FieldResolver(() => DateTimeScalar)
  at(@Root() event: LoggedEvent): Date {
    return event.occurredAt;
  }
}
