import { forbidden, isId, withUserErrors } from '@mpp/kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AccountsContext } from '../context.js';
import type { AccountRow, MemberRow } from '../db/schema.js';
import { WorkspaceMembership } from '../membership/membership.type.js';
import { changePassword, refreshSession, signOut } from '../session/session.service.js';
import { signIn, signUp } from './account.service.js';
import { Account, AuthPayload, ChangePasswordInput, RefreshSessionInput, SignInInput, SignOutPayload, SignUpInput } from './account.type.js';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account; null when signed out.' })
  viewer(@Ctx() ctx: AccountsContext): Promise<AccountRow | null> | null {
    return ctx.viewer ? ctx.loaders.account.load(ctx.viewer.accountId) : null;
  }

  @FieldResolver(() => [WorkspaceMembership], {
    description: "The workspaces the account belongs to, oldest membership first: for the account itself and the platform (FORBIDDEN for others).",
  })
  async memberships(@Root() account: AccountRow, @Ctx() ctx: AccountsContext): Promise<MemberRow[]> {
    const viewer = ctx.access.requireViewer();
    if (account.id !== viewer.accountId && !(await ctx.access.isPlatformMember())) {
      throw forbidden("Only the account itself and platform members may see its memberships.");
    }
    return ctx.loaders.membershipsByAccount.load(account.id);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Anyone: creates an account and opens its session (`token` and `refreshToken`). One `signUp` or `signIn` per request. ' +
      'userErrors: INVALID (email, password, displayName), TAKEN (email).',
  })
  signUp(
    @Arg('input', () => SignUpInput, { description: 'The new account: email, password and display name.' }) input: SignUpInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return withUserErrors(() => signUp(ctx.deps, input), { token: null, refreshToken: null, account: null });
  }

  @Mutation(() => AuthPayload, {
    description:
      'Anyone: opens a session (`token` and `refreshToken`). userErrors: INVALID for a wrong email or password, the same for both. ' +
      'After 10 failures per email (100 per client address) within 15 minutes: `RATE_LIMITED` (HTTP 429) until the allowance refills.',
  })
  signIn(
    @Arg('input', () => SignInInput, { description: 'The email and password.' }) input: SignInInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return withUserErrors(() => signIn(ctx.deps, input), { token: null, refreshToken: null, account: null });
  }

  @Mutation(() => AuthPayload, {
    description:
      'A new token and refresh token for a refresh token, which is retired; presenting a retired one again ends its session. ' +
      'Send it without Authorization. userErrors: none; UNAUTHENTICATED when the session cannot go on (ended, unused for 30 days by default, or unknown).',
  })
  refreshSession(
    @Arg('input', () => RefreshSessionInput, { description: 'The refresh token to exchange.' }) input: RefreshSessionInput,
    @Ctx() ctx: AccountsContext,
  ) {
    return withUserErrors(() => refreshSession(ctx.deps, input.refreshToken), { token: null, refreshToken: null, account: null });
  }

  @Mutation(() => SignOutPayload, {
    description: "Signed-in callers: ends the caller's session; its tokens are refused everywhere within a second. userErrors: none.",
  })
  async signOut(@Ctx() ctx: AccountsContext) {
    await signOut(ctx.deps, ctx.access.requireViewer());
    return { signedOut: true, userErrors: [] };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signed-in callers: changes the password and ends every session of the account; the caller goes on with the new session this returns. ' +
      'userErrors: INVALID (currentPassword, newPassword).',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The current password and the new one.' }) input: ChangePasswordInput,
    @Ctx() ctx: AccountsContext,
  ) {
    const viewer = ctx.access.requireViewer();
    return withUserErrors(() => changePassword(ctx.deps, viewer, input), { token: null, refreshToken: null, account: null });
  }
}

/**
 * Federation entry point: other subgraphs' `Account` references, batched. Only for a signed-in
 * viewer: every path to an account (workspace members, mini program members, order actors) was
 * checked by the subgraph that holds the parent.
 */
export function resolveAccountReference(reference: { id: string }, ctx: AccountsContext) {
  return ctx.viewer && isId(reference.id) ? ctx.loaders.account.load(reference.id) : null;
}
