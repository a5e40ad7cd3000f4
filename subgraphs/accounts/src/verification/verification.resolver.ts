import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AccountsContext } from '../context.js';
import { WorkspaceConnection, WorkspacePayload, WorkspaceRefInput } from '../workspace/workspace.type.js';
import { decideVerification, pendingVerifications, submitVerification } from './verification.service.js';
import { RejectVerificationInput, SubmitVerificationInput } from './verification.type.js';

@Resolver()
export class VerificationResolver {
  @Query(() => WorkspaceConnection, { description: 'Platform reviewers only.' })
  pendingVerifications(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AccountsContext,
  ) {
    return pendingVerifications(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => WorkspacePayload, { description: 'OWNER or MASTER; from UNVERIFIED or REJECTED to PENDING.' })
  submitVerification(@Arg('input', () => SubmitVerificationInput) input: SubmitVerificationInput, @Ctx() ctx: AccountsContext) {
    return mutationPayload('workspace', () => submitVerification(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, { description: 'Platform members; PENDING to VERIFIED.' })
  approveVerification(@Arg('input', () => WorkspaceRefInput) input: WorkspaceRefInput, @Ctx() ctx: AccountsContext) {
    return mutationPayload('workspace', () => decideVerification(ctx.deps, ctx.access, { workspaceId: input.workspaceId, approve: true }));
  }

  @Mutation(() => WorkspacePayload, { description: 'Platform members; PENDING to REJECTED, with the reason shown to the workspace.' })
  rejectVerification(@Arg('input', () => RejectVerificationInput) input: RejectVerificationInput, @Ctx() ctx: AccountsContext) {
    return mutationPayload('workspace', () =>
      decideVerification(ctx.deps, ctx.access, { workspaceId: input.workspaceId, approve: false, reason: input.reason }),
    );
  }
}
