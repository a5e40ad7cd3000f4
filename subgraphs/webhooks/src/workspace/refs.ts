import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts' `Workspace`, extended here with its webhook endpoints. */
@Directive('@key(fields: "id")')
@ObjectType('Workspace')
export class WorkspaceRef {
  @Field(() => ID)
  id!: string;
}
