import { createHash, randomBytes } from 'node:crypto';
import {
  AccountsEvent,
  InputChecks,
  newId,
  SESSION_ENDING_REMEMBERED_SECONDS,
  signAccessToken,
  unauthenticated,
  type SessionEndedPayload,
  type Viewer,
} from '@mpp/kit';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { accounts, refreshTokens, sessions, type AccountRow } from '../db/schema.js';
import { hashPassword, passwordProblem, verifyPassword } from '../account/passwords.js';

/** What signing in gives: a short-lived access token and the refresh token that renews it. */
export interface SessionTokens {
  token: string;
  refreshToken: string;
}

export type EndReason = SessionEndedPayload['reason'];

/** Refresh tokens are 256 random bits: a fast hash suffices to keep them unusable at rest. */
function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function issueTokens(deps: AccountsDeps, tx: AccountsDb, accountId: string, sessionId: string): Promise<SessionTokens> {
  if (!deps.keys.signingKey) throw new Error('Accounts has no token signing key');
  const refreshToken = randomBytes(32).toString('base64url');
  // Retired tokens stay to detect their reuse, until they would have expired anyway.
  await tx.delete(refreshTokens).where(and(eq(refreshTokens.sessionId, sessionId), lt(refreshTokens.expiresAt, new Date())));
  await tx.insert(refreshTokens).values({
    hash: hashRefreshToken(refreshToken),
    sessionId,
    expiresAt: new Date(Date.now() + deps.config.refreshTokenTtlSeconds * 1000),
  });
  const token = await signAccessToken(deps.keys.signingKey, accountId, sessionId, deps.config.tokenTtlSeconds);
  return { token, refreshToken };
}

/** Opens a session for the account (in the caller's transaction) and issues its first tokens. */
export async function startSession(deps: AccountsDeps, tx: AccountsDb, accountId: string): Promise<SessionTokens> {
  const sessionId = newId();
  await tx.insert(sessions).values({ id: sessionId, accountId });
  return issueTokens(deps, tx, accountId, sessionId);
}

/**
 * Ends sessions and publishes each ending: every process then refuses their access tokens (see
 * the kit's `EndedSessions`). Sessions ended already are left as they are.
 */
export async function endSessions(tx: AccountsDb, sessionIds: string[], reason: EndReason): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const ended = await tx
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(inArray(sessions.id, sessionIds), isNull(sessions.endedAt)))
    .returning({ id: sessions.id, accountId: sessions.accountId });
  // An ended session's refresh tokens are refused whatever they are: nothing to keep.
  if (ended.length > 0) await tx.delete(refreshTokens).where(inArray(refreshTokens.sessionId, ended.map(({ id }) => id)));
  // Tokens issued up to now expire within the longest lifetime; that bound is what processes keep.
  const tokensValidUntil = new Date(Date.now() + SESSION_ENDING_REMEMBERED_SECONDS * 1000).toISOString();
  await recordEvents(
    tx,
    ended.map(({ id, accountId }) => ({
      type: AccountsEvent.SessionEnded,
      streamId: accountId,
      payload: { sessionId: id, accountId, reason, tokensValidUntil } satisfies SessionEndedPayload as unknown as Record<string, unknown>,
      actorId: accountId,
    })),
  );
  return ended.map(({ id }) => id);
}

type RefreshOutcome = { ok: true; tokens: SessionTokens; account: AccountRow } | { ok: false; message: string };

const SIGN_IN_AGAIN = 'This refresh token is not valid; sign in again.';

/**
 * Rotates a refresh token: the presented one is retired and a new pair issued in the same
 * session. A retired token presented again means two parties hold the session (a copy was
 * stolen): the whole session ends, as OAuth 2.1 recommends. Failures are UNAUTHENTICATED.
 */
export async function refreshSession(deps: AccountsDeps, refreshToken: string): Promise<SessionTokens & { account: AccountRow }> {
  const hash = hashRefreshToken(refreshToken);
  // The outcome is returned, not thrown, so that ending a session on reuse commits.
  const outcome = await deps.db.transaction(async (tx): Promise<RefreshOutcome> => {
    // Two refreshes with one token: the second waits here, then sees it retired.
    const [presented] = await tx.select().from(refreshTokens).where(eq(refreshTokens.hash, hash)).for('update');
    const [session] = presented
      ? await tx
          .select({ endedAt: sessions.endedAt, account: accounts })
          .from(sessions)
          .innerJoin(accounts, eq(accounts.id, sessions.accountId))
          .where(eq(sessions.id, presented.sessionId))
      : [];
    const row = presented && session ? { ...presented, ...session } : null;
    if (!row || row.endedAt) return { ok: false, message: SIGN_IN_AGAIN };
    if (row.retiredAt) {
      await endSessions(tx, [row.sessionId], 'REFRESH_TOKEN_REUSED');
      return { ok: false, message: 'This refresh token was used already: the session has ended; sign in again.' };
    }
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false, message: 'This refresh token has expired; sign in again.' };
    await tx.update(refreshTokens).set({ retiredAt: new Date() }).where(eq(refreshTokens.hash, hash));
    return { ok: true, tokens: await issueTokens(deps, tx, row.account.id, row.sessionId), account: row.account };
  });
  if (!outcome.ok) throw unauthenticated(outcome.message);
  return { ...outcome.tokens, account: outcome.account };
}

/** Ends the viewer's own session: its access and refresh tokens stop working everywhere. */
export async function signOut(deps: AccountsDeps, viewer: Viewer): Promise<void> {
  await deps.db.transaction((tx) => endSessions(tx, [viewer.sessionId], 'SIGNED_OUT'));
}

/**
 * Changes the viewer's password after checking the current one. Every session of the account
 * ends (a thief's included); the caller continues in a new session with the tokens returned.
 */
export async function changePassword(
  deps: AccountsDeps,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionTokens & { account: AccountRow }> {
  const weakPassword = passwordProblem(input.newPassword);
  new InputChecks()
    // The same rule as at sign-up: long enough, not a common password.
    .check(weakPassword === null, 'newPassword', weakPassword ?? '')
    .check(input.newPassword !== input.currentPassword, 'newPassword', 'Choose a password other than the current one.')
    .done();
  const [account] = await deps.db.select().from(accounts).where(eq(accounts.id, viewer.accountId));
  if (!account) throw unauthenticated();
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    new InputChecks().check(false, 'currentPassword', 'The current password is incorrect.').done();
  }
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, account.id)).returning();
    const live = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.accountId, account.id), isNull(sessions.endedAt)));
    await endSessions(tx, live.map(({ id }) => id), 'PASSWORD_CHANGED');
    return { ...(await startSession(deps, tx, account.id)), account: updated! };
  });
}
