import { DateTimeScalar, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in. Belongs to workspaces through memberships.' })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType()
export class SignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  displayName!: string;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, {
    nullable: true,
    description: 'Bearer token for the Authorization header; null when userErrors is not empty.',
  })
  token!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Renews the session with refreshSession once the token expires (each use gives a new one); null when userErrors is not empty.',
  })
  refreshToken!: string | null;

  @Field(() => Account, { nullable: true })
  account!: Account | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String, { description: 'The refresh token of the last signIn, signUp, refreshSession or changePassword.' })
  refreshToken!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Boolean, { description: "True once the session has ended: its tokens are refused everywhere within a second." })
  signedOut!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
