import { DateTimeScalar, UserError } from '@mpp/kit';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in. Belongs to workspaces through memberships.' })
export class Account {
  @Field(() => ID, { description: "The account's opaque id." })
  id!: string;

  @Field(() => String, { description: 'The email it signs in with, stored lower-cased; no two accounts share one.' })
  email!: string;

  @Field(() => String, { description: 'The name others see, 1 to 60 characters.' })
  displayName!: string;

  @Field(() => DateTimeScalar, { description: 'When the account signed up.' })
  createdAt!: Date;
}

@InputType({ description: 'A new account: its email, password and the name others see.' })
export class SignUpInput {
  @Field(() => String, {
    description: 'A valid email address of at most 254 characters, compared case-insensitively; INVALID when malformed, TAKEN when an account has it.',
  })
  email!: string;

  @Field(() => String, {
    description:
      'At least 10 characters besides surrounding spaces, at most 256, and not one of the ~30,000 most common passwords; INVALID otherwise.',
  })
  password!: string;

  @Field(() => String, { description: 'The name others see: 1 to 60 characters once trimmed; INVALID otherwise.' })
  displayName!: string;
}

@InputType({ description: "An account's credentials." })
export class SignInInput {
  @Field(() => String, { description: "The account's email, in any case." })
  email!: string;

  @Field(() => String, { description: "The account's password." })
  password!: string;
}

@ObjectType({
  description: 'A new session: its access token, its refresh token and the account; or, when nothing was done, the userErrors.',
})
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

  @Field(() => Account, { nullable: true, description: 'The signed-in account; null when userErrors is not empty.' })
  account!: Account | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A refresh token to exchange for a new pair.' })
export class RefreshSessionInput {
  @Field(() => String, { description: 'The refresh token of the last signIn, signUp, refreshSession or changePassword.' })
  refreshToken!: string;
}

@InputType({ description: 'The password in use and the one to replace it.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now; INVALID when it is not.' })
  currentPassword!: string;

  @Field(() => String, {
    description: 'The same rules as at sign-up (10 to 256 characters, not a common password), and not the current one; INVALID otherwise.',
  })
  newPassword!: string;
}

@ObjectType({ description: 'The outcome of `signOut`.' })
export class SignOutPayload {
  @Field(() => Boolean, { description: "True once the session has ended: its tokens are refused everywhere within a second." })
  signedOut!: boolean;

  @Field(() => [UserError], { description: 'Always empty: a signed-in caller can always sign out.' })
  userErrors!: UserError[];
}
