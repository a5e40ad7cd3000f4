import { idAfter, pageRequest, toConnection } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import { MiniProgramConnection } from '../mini-program/mini-program.type.js';
import { WorkspaceRef } from './workspace.type.js';

@Resolver(() => WorkspaceRef)
export class WorkspaceMiniProgramsResolver {
  @FieldResolver(() => MiniProgramConnection, {
    description: "The merchant's mini programs, newest first, removed ones included; for its members and the platform (empty for others).",
  })
  async miniPrograms(
    @Root() workspace: WorkspaceRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    ctx.access.requireViewer();
    const page = pageRequest({ first, after });
    // A refusal is checked again once the directory has caught up: the member may have just joined.
    const readable = (await ctx.access.canRead(workspace.id)) || ((await ctx.access.refresh()) && (await ctx.access.canRead(workspace.id)));
    if (!readable) return toConnection([], page, () => []);
    return ctx.loaders.miniProgramsByMerchant.load({ parentId: workspace.id, filter: {}, page, afterId: idAfter(page.after) });
  }
}

export function resolveWorkspaceReference(reference: { id: string }): WorkspaceRef {
  return { id: reference.id };
}

