import { mutationPayload } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.type.js';
import type { AccountsContext } from '../context.js';
import type { MemberRow } from '../db/schema.js';
import { Workspace, WorkspacePayload } from '../workspace/workspace.type.js';
import { addMember, changeMemberRole, removeMember } from './membership.service.js';
import {
  AddWorkspaceMemberInput,
  RemoveWorkspaceMemberInput,
  UpdateWorkspaceMemberRoleInput,
  WorkspaceMember,
  WorkspaceMembership,
} from './membership.type.js';

@Resolver(() => WorkspaceMembership)
export class WorkspaceMembershipResolver {
  @FieldResolver(() => Workspace)
  workspace(@Root() membership: MemberRow, @Ctx() ctx: AccountsContext) {
    return ctx.loaders.workspace.load(membership.workspaceId);
  }
}

@Resolver(() => WorkspaceMember)
export class WorkspaceMemberResolver {
  @FieldResolver(() => Account)
  account(@Root() member: MemberRow, @Ctx() ctx: AccountsContext) {
    return ctx.loaders.account.load(member.accountId);
  }

  @Mutation(() => WorkspacePayload, {
    description: 'The workspace OWNER only (FORBIDDEN otherwise): adds an existing account by email. userErrors: NOT_FOUND (workspaceId, email), INVALID (email), TAKEN (email).',
  })
  addWorkspaceMember(
    @Arg('input', () => AddWorkspaceMemberInput, { description: "The workspace, the account's email and its role." }) input: AddWorkspaceMemberInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => addMember(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, {
    description:
      'An OWNER removes anyone; any member may remove themselves (FORBIDDEN otherwise). The last OWNER cannot be removed. ' +
      'userErrors: NOT_FOUND (workspaceId, accountId), INVALID_STATE (the last OWNER).',
  })
  removeWorkspaceMember(
    @Arg('input', () => RemoveWorkspaceMemberInput, { description: 'The workspace and the member to remove.' }) input: RemoveWorkspaceMemberInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => removeMember(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, {
    description:
      "The workspace OWNER only (FORBIDDEN otherwise): changes a member's role. The last OWNER cannot be demoted. " +
      'userErrors: NOT_FOUND (workspaceId, accountId), INVALID_STATE (the last OWNER).',
  })
  updateWorkspaceMemberRole(
    @Arg('input', () => UpdateWorkspaceMemberRoleInput, { description: 'The workspace, the member and the new role.' }) input: UpdateWorkspaceMemberRoleInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => changeMemberRole(ctx.deps, ctx.access, input));
  }
}
