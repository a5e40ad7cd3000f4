import { forbidden, isId, mutationPayload } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AccountsContext } from '../context.js';
import type { MemberRow, WorkspaceRow } from '../db/schema.js';
import { WorkspaceMember } from '../membership/membership.type.js';
import { Verification } from '../verification/verification.type.js';
import { createWorkspace } from './workspace.service.js';
import { CreateWorkspaceInput, Workspace, WorkspacePayload } from './workspace.type.js';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Query(() => Workspace, { nullable: true, description: 'Visible to its members and the platform; null otherwise.' })
  async workspace(@Arg('id', () => ID) id: string, @Ctx() ctx: AccountsContext): Promise<WorkspaceRow | null> {
    ctx.access.requireViewer();
    if (!isId(id)) return null;
    const workspace = await ctx.loaders.workspace.load(id);
    return workspace && (await ctx.access.canRead(id)) ? workspace : null;
  }

  @FieldResolver(() => Verification)
  async verification(@Root() workspace: WorkspaceRow, @Ctx() ctx: AccountsContext): Promise<Verification> {
    const full = await ctx.access.canRead(workspace.id);
    return {
      status: workspace.verificationStatus,
      companyName: full ? workspace.companyName : null,
      registrationNumber: full ? workspace.registrationNumber : null,
      country: full ? workspace.country : null,
      submittedAt: full ? workspace.submittedAt : null,
      reviewedAt: full ? workspace.reviewedAt : null,
      rejectionReason: full ? workspace.rejectionReason : null,
    };
  }

  @FieldResolver(() => [WorkspaceMember], { description: 'Visible to its members and the platform.' })
  async members(@Root() workspace: WorkspaceRow, @Ctx() ctx: AccountsContext): Promise<MemberRow[]> {
    ctx.access.requireViewer();
    if (!(await ctx.access.canRead(workspace.id))) throw forbidden("Only the workspace's members and platform members may see who is in it.");
    return ctx.loaders.membersByWorkspace.load(workspace.id);
  }

  @Mutation(() => WorkspacePayload, { description: 'Creates an ISV or MERCHANT workspace; the caller becomes its OWNER.' })
  createWorkspace(@Arg('input', () => CreateWorkspaceInput) input: CreateWorkspaceInput, @Ctx() ctx: AccountsContext) {
    const viewer = ctx.access.requireViewer();
    return mutationPayload('workspace', () => createWorkspace(ctx.deps, viewer, input));
  }
}

/**
 * Federation entry point: other subgraphs' `Workspace` references, batched; only for a signed-in
 * viewer. Its public facts (kind, name, verification status) are for anyone who reaches it through
 * a service or an order; members and verification details stay with its members and the platform.
 */
export function resolveWorkspaceReference(reference: { id: string }, ctx: AccountsContext) {
  return ctx.viewer && isId(reference.id) ? ctx.loaders.workspace.load(reference.id) : null;
}

