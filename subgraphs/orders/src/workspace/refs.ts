import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts' `Workspace`, extended here with its orders. */
@Directive('@key(fields: "id")')
@ObjectType('Workspace')
export class WorkspaceRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Account')
export class AccountRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Service')
export class ServiceRef {
  @Field(() => ID)
  id!: string;
}

/** MiniPrograms' `MiniProgram`, extended here with the ISV an order authorizes on it. */
@Directive('@key(fields: "id")')
@ObjectType('MiniProgram')
export class MiniProgramRef {
  @Field(() => ID)
  id!: string;
}
