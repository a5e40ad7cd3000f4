import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts' `Workspace`, extended here with its services. */
@Directive('@key(fields: "id")')
@ObjectType('Workspace')
export class WorkspaceRef {
  @Field(() => ID)
  id!: string;
}

export function workspaceRef(id: string): WorkspaceRef {
  return { id };
}
