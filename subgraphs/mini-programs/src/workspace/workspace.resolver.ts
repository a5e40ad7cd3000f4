import { idAfter, PAGE_ARGUMENT_DESCRIPTIONS, pageRequest, toConnection } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MiniProgramsContext } from '../context.js';
import { MiniProgramConnection } from '../mini-program/mini-program.type.js';
import { WorkspaceRef } from './workspace.type.js';

@Resolver(() => WorkspaceRef)
export class WorkspaceMiniProgramsResolver {
  @FieldResolver(() => MiniProgramConnection, {
    description:
      "A merchant workspace's mini programs, newest first, REMOVED ones included; for its members and the platform " +
      '(an empty page for anyone else, and for other kinds of workspace).',
  })
  async miniPrograms(
    @Root() workspace: WorkspaceRef,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: MiniProgramsContext,
  ) {
    ctx.access.requireViewer();
    const page = pageRequest({ first, after });
    if (!(await ctx.access.canRead(workspace.id))) return toConnection([], page, () => []);
    return ctx.loaders.miniProgramsByMerchant.load({ parentId: workspace.id, filter: {}, page, afterId: idAfter(page.after) });
  }
}

export function resolveWorkspaceReference(reference: { id: string }): WorkspaceRef {
  return { id: reference.id };
}

