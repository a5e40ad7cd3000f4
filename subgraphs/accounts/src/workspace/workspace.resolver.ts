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
  @Query(() => Workspace, {
    nullable: true,
    description: 'Signed-in callers: the workspace, for its members and the platform; null for others and for an unknown id.',
  })
  async workspace(@Arg('id', () => ID, { description: "The workspace's id." }) id: string, @Ctx() ctx: AccountsContext): Promise<WorkspaceRow | null> {
    ctx.access.requireViewer();
    if (!isId(id)) return null;
    const workspace = await ctx.loaders.workspace.load(id);
    return workspace && (await ctx.access.canRead(id)) ? workspace : null;
  }

  @FieldResolver(() => Verification, {
    description: 'Its identity verification: the status for anyone who sees the workspace; the submitted details for its members and the platform.',
  })
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

  @FieldResolver(() => [WorkspaceMember], { description: 'Its members, oldest first: for its members and the platform (FORBIDDEN for others).' })
  async members(@Root() workspace: WorkspaceRow, @Ctx() ctx: AccountsContext): Promise<MemberRow[]> {
    ctx.access.requireViewer();
    if (!(await ctx.access.canRead(workspace.id))) throw forbidden("Only the workspace's members and platform members may see who is in it.");
    return ctx.loaders.membersByWorkspace.load(workspace.id);
  }

  @Mutation(() => WorkspacePayload, {
    description: 'Any signed-in account: creates an UNVERIFIED ISV or MERCHANT workspace with the caller as its OWNER. userErrors: INVALID (kind, name).',
  })
  createWorkspace(
    @Arg('input', () => CreateWorkspaceInput, { description: 'The kind and name of the new workspace.' }) input: CreateWorkspaceInput,
    @Ctx() ctx: AccountsContext,
  ) {
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

