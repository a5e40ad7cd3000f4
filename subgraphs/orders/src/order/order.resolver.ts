import { isId, Money, mutationPayload, type LoggedEvent } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context.js';
import type { OrderRow } from '../db/schema.js';
import { MiniProgramRef, ServiceRef, WorkspaceRef } from '../workspace/refs.js';
import { cancel, canSee, placeOrder, STEPS, transition } from './order.service.js';
import { Order, OrderEvent, OrderPayload, OrderReasonInput, OrderRefInput, PlaceOrderInput } from './order.type.js';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, {
    nullable: true,
    description: "An order by id, for the members of its merchant and ISV workspaces and the platform; null for anyone else.",
  })
  async order(
    @Arg('id', () => ID, { description: 'The order; an unknown or malformed id gives null.' }) id: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderRow | null> {
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

  @FieldResolver(() => [OrderEvent], { description: 'The timeline, oldest first: every status change, its placement (`from: null`) included.' })
  events(@Root() order: OrderRow, @Ctx() ctx: OrdersContext): Promise<LoggedEvent[]> {
    return ctx.loaders.eventsByOrder.load(order.id);
  }

  @Mutation(() => OrderPayload, {
    description:
      "Places a NEW order at the service's current price, for OWNER or MASTER of a VERIFIED merchant workspace (else " +
      "FORBIDDEN); the ISV's members hear of it through `orderPlaced`. userErrors: INVALID, NOT_FOUND, NOT_VERIFIED, " +
      'INVALID_STATE.',
  })
  placeOrder(
    @Arg('input', () => PlaceOrderInput, { description: 'The service, the mini program and the requirements.' }) input: PlaceOrderInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return mutationPayload('order', () => placeOrder(ctx, input));
  }

  @Mutation(() => OrderPayload, {
    description:
      'ISV OWNER or MASTER (else FORBIDDEN): NEW to PENDING_CONFIRMATION. userErrors: NOT_FOUND, INVALID_STATE.',
  })
  acceptOrder(@Arg('input', () => OrderRefInput, { description: 'The order to accept.' }) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.accept));
  }

  @Mutation(() => OrderPayload, {
    description:
      'ISV OWNER or MASTER (else FORBIDDEN): NEW to REJECTED, with the reason. userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  rejectOrder(
    @Arg('input', () => OrderReasonInput, { description: 'The order and the reason.' }) input: OrderReasonInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.reject, input.reason));
  }

  @Mutation(() => OrderPayload, {
    description:
      'Merchant OWNER or MASTER (else FORBIDDEN): PENDING_CONFIRMATION to IN_DEVELOPMENT; the ISV is now authorized on the mini ' +
      'program. INVALID_STATE also when another order of that mini program is IN_DEVELOPMENT or CLOSURE_REQUESTED. userErrors: ' +
      'NOT_FOUND, INVALID_STATE.',
  })
  confirmOrder(@Arg('input', () => OrderRefInput, { description: 'The order to confirm.' }) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.confirm));
  }

  @Mutation(() => OrderPayload, {
    description:
      'With the reason. Merchant OWNER or MASTER: NEW or PENDING_CONFIRMATION to CANCELLED; ISV OWNER or MASTER: IN_DEVELOPMENT ' +
      'to CANCELLED (abandons; the authorization ends). Anyone else: FORBIDDEN. userErrors: INVALID, NOT_FOUND, INVALID_STATE.',
  })
  cancelOrder(
    @Arg('input', () => OrderReasonInput, { description: 'The order and the reason.' }) input: OrderReasonInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return mutationPayload('order', () => cancel(ctx, input.orderId, input.reason));
  }

  @Mutation(() => OrderPayload, {
    description:
      'ISV OWNER or MASTER (else FORBIDDEN): IN_DEVELOPMENT to CLOSURE_REQUESTED; the authorization holds until the merchant ' +
      'decides. userErrors: NOT_FOUND, INVALID_STATE.',
  })
  requestOrderClosure(@Arg('input', () => OrderRefInput, { description: 'The order to close.' }) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.requestClosure));
  }

  @Mutation(() => OrderPayload, {
    description:
      'Merchant OWNER or MASTER (else FORBIDDEN): CLOSURE_REQUESTED to CLOSED; the authorization ends, and with it the roles ' +
      'the ISV gave on the mini program. userErrors: NOT_FOUND, INVALID_STATE.',
  })
  approveOrderClosure(@Arg('input', () => OrderRefInput, { description: 'The order to close.' }) input: OrderRefInput, @Ctx() ctx: OrdersContext) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.approveClosure));
  }

  @Mutation(() => OrderPayload, {
    description:
      'Merchant OWNER or MASTER (else FORBIDDEN): CLOSURE_REQUESTED back to IN_DEVELOPMENT, with the reason. userErrors: ' +
      'INVALID, NOT_FOUND, INVALID_STATE.',
  })
  rejectOrderClosure(
    @Arg('input', () => OrderReasonInput, { description: 'The order and the reason.' }) input: OrderReasonInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return mutationPayload('order', () => transition(ctx, input.orderId, STEPS.rejectClosure, input.reason));
  }
}

/** Federation entry point: `Order` references, batched; as `order(id)`: for its parties and the platform, null otherwise. */
export async function resolveOrderReference(reference: { id: string }, ctx: OrdersContext): Promise<OrderRow | null> {
  if (!ctx.viewer || !isId(reference.id)) return null;
  const order = await ctx.loaders.order.load(reference.id);
  return order && (await canSee(ctx.access, order)) ? order : null;
}
