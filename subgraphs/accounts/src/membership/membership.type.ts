import { DateTimeScalar, WorkspaceRole } from '@mpp/kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Account } from '../account/account.type.js';
import { Workspace } from '../workspace/workspace.type.js';

@ObjectType({ description: 'A workspace the account belongs to, and its role there.' })
export class WorkspaceMembership {
  @Field(() => Workspace)
  workspace!: Workspace;

  @Field(() => WorkspaceRole)
  role!: WorkspaceRole;
}

@ObjectType({ description: 'An account in a workspace, and its role there.' })
export class WorkspaceMember {
  @Field(() => Account)
  account!: Account;

  @Field(() => WorkspaceRole)
  role!: WorkspaceRole;

  @Field(() => DateTimeScalar)
  joinedAt!: Date;
}

@InputType()
export class AddWorkspaceMemberInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String, { description: 'Of an existing account.' })
  email!: string;

  @Field(() => WorkspaceRole)
  role!: WorkspaceRole;
}

@InputType()
export class RemoveWorkspaceMemberInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => ID)
  accountId!: string;
}

@InputType()
export class UpdateWorkspaceMemberRoleInput {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => WorkspaceRole)
  role!: WorkspaceRole;
}
