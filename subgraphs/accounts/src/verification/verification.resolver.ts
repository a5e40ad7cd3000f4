import { mutationPayload, PAGE_ARGUMENT_DESCRIPTIONS } from '@mpp/kit';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AccountsContext } from '../context.js';
import { WorkspaceConnection, WorkspacePayload, WorkspaceRefInput } from '../workspace/workspace.type.js';
import { decideVerification, pendingVerifications, submitVerification } from './verification.service.js';
import { RejectVerificationInput, SubmitVerificationInput } from './verification.type.js';

@Resolver()
export class VerificationResolver {
  @Query(() => WorkspaceConnection, {
    description: 'Platform members only (FORBIDDEN otherwise): workspaces whose verification is PENDING, oldest submission first.',
  })
  pendingVerifications(
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGUMENT_DESCRIPTIONS.after }) after: string | null,
    @Ctx() ctx: AccountsContext,
  ) {
    return pendingVerifications(ctx.deps.db, ctx.access, { first, after });
  }

  @Mutation(() => WorkspacePayload, {
    description:
      "The workspace's OWNER or MASTER (FORBIDDEN otherwise): from UNVERIFIED or REJECTED to PENDING, for a platform reviewer. " +
      'userErrors: NOT_FOUND (workspaceId), INVALID (companyName, registrationNumber, country), INVALID_STATE (already PENDING or VERIFIED; the PLATFORM workspace).',
  })
  submitVerification(
    @Arg('input', () => SubmitVerificationInput, { description: 'The workspace and its company details.' }) input: SubmitVerificationInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => submitVerification(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, {
    description: 'Platform members only (FORBIDDEN otherwise): PENDING to VERIFIED. userErrors: NOT_FOUND (workspaceId), INVALID_STATE (not PENDING).',
  })
  approveVerification(
    @Arg('input', () => WorkspaceRefInput, { description: 'The workspace whose verification is approved.' }) input: WorkspaceRefInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => decideVerification(ctx.deps, ctx.access, { workspaceId: input.workspaceId, approve: true }));
  }

  @Mutation(() => WorkspacePayload, {
    description:
      'Platform members only (FORBIDDEN otherwise): PENDING to REJECTED, with the reason shown to the workspace. ' +
      'userErrors: NOT_FOUND (workspaceId), INVALID (reason), INVALID_STATE (not PENDING).',
  })
  rejectVerification(
    @Arg('input', () => RejectVerificationInput, { description: 'The workspace and the reason.' }) input: RejectVerificationInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () =>
      decideVerification(ctx.deps, ctx.access, { workspaceId: input.workspaceId, approve: false, reason: input.reason }),
    );
  }
}
