import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts' `Workspace`, extended here with its mini programs. */
@Directive('@key(fields: "id")')
@ObjectType('Workspace')
export class WorkspaceRef {
  @Field(() => ID)
  id!: string;
}

/** Accounts' `Account`, referenced by members and versions. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Account')
export class AccountRef {
  @Field(() => ID)
  id!: string;
}
