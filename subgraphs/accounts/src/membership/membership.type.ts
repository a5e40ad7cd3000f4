import { DateTimeScalar, WorkspaceRole } from '@mpp/kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Account } from '../account/account.type.js';
import { Workspace } from '../workspace/workspace.type.js';

@ObjectType({ description: 'A workspace the account belongs to, and its role there.' })
export class WorkspaceMembership {
  @Field(() => Workspace, { description: 'The workspace.' })
  workspace!: Workspace;

  @Field(() => WorkspaceRole, { description: "The account's role there." })
  role!: WorkspaceRole;
}

@ObjectType({ description: 'An account in a workspace, and its role there.' })
export class WorkspaceMember {
  @Field(() => Account, { description: "The member's account." })
  account!: Account;

  @Field(() => WorkspaceRole, { description: 'Their role in the workspace.' })
  role!: WorkspaceRole;

  @Field(() => DateTimeScalar, { description: 'When they were added, or created the workspace.' })
  joinedAt!: Date;
}

@InputType({ description: 'An existing account to add to a workspace, with its role.' })
export class AddWorkspaceMemberInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;

  @Field(() => String, {
    description: 'The email of an existing account, in any case; INVALID when malformed, NOT_FOUND when no account has it, TAKEN when it is a member already.',
  })
  email!: string;

  @Field(() => WorkspaceRole, { description: 'The role it gets.' })
  role!: WorkspaceRole;
}

@InputType({ description: 'A member to remove from a workspace.' })
export class RemoveWorkspaceMemberInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;

  @Field(() => ID, { description: "The member's account id (the caller's own to leave); NOT_FOUND when it is not a member." })
  accountId!: string;
}

@InputType({ description: "A member's new role." })
export class UpdateWorkspaceMemberRoleInput {
  @Field(() => ID, { description: "The workspace's id; NOT_FOUND when there is none." })
  workspaceId!: string;

  @Field(() => ID, { description: "The member's account id; NOT_FOUND when it is not a member." })
  accountId!: string;

  @Field(() => WorkspaceRole, { description: 'The new role; the role it has already changes nothing.' })
  role!: WorkspaceRole;
}
