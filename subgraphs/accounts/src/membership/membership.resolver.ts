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

  @Mutation(() => WorkspacePayload, { description: 'OWNER only. Adds an existing account by email.' })
  addWorkspaceMember(@Arg('input', () => AddWorkspaceMemberInput) input: AddWorkspaceMemberInput, @Ctx() ctx: AccountsContext) {
    return mutationPayload('workspace', () => addMember(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, {
    description: 'OWNER removes anyone; any member may remove themselves. The last OWNER cannot be removed.',
  })
  removeWorkspaceMember(
    @Arg('input', () => RemoveWorkspaceMemberInput) input: RemoveWorkspaceMemberInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => removeMember(ctx.deps, ctx.access, input));
  }

  @Mutation(() => WorkspacePayload, { description: 'OWNER only. The last OWNER cannot be demoted.' })
  updateWorkspaceMemberRole(
    @Arg('input', () => UpdateWorkspaceMemberRoleInput) input: UpdateWorkspaceMemberRoleInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return mutationPayload('workspace', () => changeMemberRole(ctx.deps, ctx.access, input));
  }
}
