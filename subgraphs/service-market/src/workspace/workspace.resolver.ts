import { idAfter, PAGE_ARGUMENT_DESCRIPTIONS, pageRequest } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MarketContext } from '../context.js';
import { SERVICE_STATUSES, type ServiceStatusValue } from '../db/schema.js';
import { ServiceConnection, ServiceStatus } from '../service/service.type.js';
import { WorkspaceRef } from './workspace.type.js';

@Resolver(() => WorkspaceRef)
export class WorkspaceServicesResolver {
  @FieldResolver(() => ServiceConnection, {
    description: "The ISV's services, newest first: all of them for its members and the platform, ONLINE ones for others.",
  })
  async services(
    @Root() workspace: WorkspaceRef,
    @Arg('status', () => ServiceStatus, { nullable: true, description: 'Only services in this status; null: every status the caller may see.' })
    status: ServiceStatus | null,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: MarketContext,
  ) {
    ctx.access.requireViewer();
    const page = pageRequest({ first, after });
    const visible: readonly ServiceStatusValue[] = (await ctx.access.canRead(workspace.id)) ? SERVICE_STATUSES : ['ONLINE'];
    const statuses = status ? visible.filter((s) => s === status) : [...visible];
    return ctx.loaders.servicesByWorkspace.load({ parentId: workspace.id, filter: { statuses }, page, afterId: idAfter(page.after) });
  }
}

/** `Workspace` references need nothing more than the id. */
export function resolveWorkspaceReference(reference: { id: string }): WorkspaceRef {
  return { id: reference.id };
}
