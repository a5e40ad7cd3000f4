import { isId, Money, mutationPayload, type LoggedEvent } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context.js';
import type { OrderRow } from '../db/schema.js';
import { MiniProgramRef, ServiceRef, WorkspaceRef } from '../workspace/refs.js';
import { cancel, canSee, placeOrder, STEPS, transition } from './order.service.js';
import { Order, OrderEvent, OrderPayload, OrderReasonInput, OrderRefInput, PlaceOrderInput } from './order.type.js';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: "For the members of the order's merchant and ISV, and the platform." })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderRow | null> {
    ctx.access.requireViewer();
    const order = isId(id) ? await ctx.loaders.order.load(id) : null;
    return order && (await canSee(ctx.access, order)) ? order : null;
  }

  @FieldResolver(() => ServiceRef)
  service(@Root() order: OrderRow): ServiceRef {
    return { id: order.serviceId };
  }

  @FieldResolver(() => WorkspaceRef)
  merchant(@Root() order: OrderRow): WorkspaceRef {
    return { id: order.merchantWorkspaceId };
  }

  @FieldResolver(() => WorkspaceRef)
  isv(@Root() order: OrderRow): WorkspaceRef {
    return { id: order.isvWorkspaceId };
  }

  @FieldResolver(() => MiniProgramRef)
  miniProgram(@Root() order: OrderRow): MiniProgramRef {
    return { id: order.miniProgramId };
  }

  @FieldResolver(() => Money)
  price(@Root() order: OrderRow): Money {
    return { amount: order.priceAmount, currency: order.priceCurrency };
  }

  @FieldResolver(() => [OrderEvent], { description: 'The timeline, oldest first.' })
  events(@Root() order: OrderRow, @Ctx() ctx: OrdersContext): Promise<LoggedEvent[]> {
    return ctx.loaders.eventsByOrder.load(order.id);
  }

  @Mutation(() => OrderPayload, { description: 'Merchant OWNER or MASTER, for an ONLINE service and one of its own mini programs.' })
  placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => placeOrder(ctx, input));
  }

  @Mutation(() => OrderPayload, { description: 'ISV: NEW to PENDING_CONFIRMATION.' })
  acceptOrder(@Arg('input', () => OrderRefInput) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.accept));
  }

  @Mutation(() => OrderPayload, { description: 'ISV: NEW to REJECTED, with the reason.' })
  rejectOrder(@Arg('input', () => OrderReasonInput) input: OrderReasonInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.reject, input.reason));
  }

  @Mutation(() => OrderPayload, { description: 'Merchant: PENDING_CONFIRMATION to IN_DEVELOPMENT; the ISV is now authorized on the mini program.' })
  confirmOrder(@Arg('input', () => OrderRefInput) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.confirm));
  }

  @Mutation(() => OrderPayload, {
    description: 'Merchant: NEW or PENDING_CONFIRMATION to CANCELLED; ISV: IN_DEVELOPMENT to CANCELLED (abandons; authorization ends).',
  })
  cancelOrder(@Arg('input', () => OrderReasonInput) input: OrderReasonInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => cancel(ctx, input.orderId, input.reason));
  }

  @Mutation(() => OrderPayload, { description: 'ISV: IN_DEVELOPMENT to CLOSURE_REQUESTED.' })
  requestOrderClosure(@Arg('input', () => OrderRefInput) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.requestClosure));
  }

  @Mutation(() => OrderPayload, { description: 'Merchant: CLOSURE_REQUESTED to CLOSED; authorization ends.' })
  approveOrderClosure(@Arg('input', () => OrderRefInput) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.approveClosure));
  }

  @Mutation(() => OrderPayload, { description: 'Merchant: CLOSURE_REQUESTED back to IN_DEVELOPMENT, with the reason.' })
  rejectOrderClosure(@Arg('input', () => OrderReasonInput) input: OrderReasonInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.rejectClosure, input.reason));
  }
}

/** Federation entry point: `Order` references, batched; as `order(id)`: for its parties and the platform, null otherwise. */
export async function resolveOrderReference(reference: { id: string }, ctx: OrdersContext): Promise<OrderRow | null> {
  if (!ctx.viewer || !isId(reference.id)) return null;
  const order = await ctx.loaders.order.load(reference.id);
  return order && (await canSee(ctx.access, order)) ? order : null;
}
