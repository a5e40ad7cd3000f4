import { idAfter, PAGE_ARGUMENT_DESCRIPTIONS, pageRequest, toConnection } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context.js';
import type { OrderStatusValue } from '../db/schema.js';
import { OrderConnection, OrderStatus } from '../order/order.type.js';
import { MiniProgramRef, WorkspaceRef } from './refs.js';

@Resolver(() => WorkspaceRef)
export class WorkspaceOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    description: 'Orders where this workspace is the merchant or the ISV, newest first; for its members and the platform (empty for others).',
  })
  async orders(
    @Root() workspace: WorkspaceRef,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Only the orders in this status; omitted: all.' }) status: OrderStatus | null,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: OrdersContext,
  ) {
    ctx.access.requireViewer();
    const page = pageRequest({ first, after });
    if (!(await ctx.access.canRead(workspace.id))) return { ...toConnection([], page, () => []), totalCount: 0 };
    return ctx.loaders.ordersByWorkspace.load({
      parentId: workspace.id,
      filter: { statuses: status ? [status as OrderStatusValue] : null },
      page,
      afterId: idAfter(page.after),
    });
  }
}

@Resolver(() => MiniProgramRef)
export class MiniProgramAuthorizationResolver {
  @FieldResolver(() => WorkspaceRef, {
    nullable: true,
    description: 'The ISV currently authorized on it, through its order IN_DEVELOPMENT or CLOSURE_REQUESTED; null when none.',
  })
  async authorizedIsv(@Root() miniProgram: MiniProgramRef, @Ctx() ctx: OrdersContext): Promise<WorkspaceRef | null> {
    const order = await ctx.loaders.activeOrderByMiniProgram.load(miniProgram.id);
    return order ? { id: order.isvWorkspaceId } : null;
  }
}

export const resolveWorkspaceReference = (reference: { id: string }): WorkspaceRef => ({ id: reference.id });
export const resolveMiniProgramReference = (reference: { id: string }): MiniProgramRef => ({ id: reference.id });
