import {
  connectionTypes,
  DateTimeScalar,
  UserError,
  VerificationStatus,
  WorkspaceKind,
  WorkspaceRole,
} from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(WorkspaceKind, { name: 'WorkspaceKind' });
registerEnumType(WorkspaceRole, { name: 'WorkspaceRole' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A company on the platform: an ISV, a merchant, or the platform operator itself.' })
export class Workspace {
  @Field(() => ID)
  id!: string;

  @Field(() => WorkspaceKind)
  kind!: WorkspaceKind;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const { Edge: WorkspaceEdge, Connection: WorkspaceConnection } = connectionTypes(Workspace, 'Workspace');

@InputType()
export class CreateWorkspaceInput {
  @Field(() => WorkspaceKind, { description: 'ISV or MERCHANT; PLATFORM is refused.' })
  kind!: WorkspaceKind;

  @Field(() => String)
  name!: string;
}

@InputType()
export class WorkspaceRefInput {
  @Field(() => ID)
  workspaceId!: string;
}

@ObjectType()
export class WorkspacePayload {
  @Field(() => Workspace, { nullable: true })
  workspace!: Workspace | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
