import { AccountsEvent, fail, InputChecks, newId, UserErrorCode } from '@mpp/kit';
import { eq } from 'drizzle-orm';
import validator from 'validator';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { accounts, type AccountRow } from '../db/schema.js';
import { startSession, type SessionTokens } from '../session/session.service.js';
import {
  hashPassword,
  needsRehash,
  passwordProblem,
  spendVerificationTime,
  verifyPassword,
} from './passwords.js';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 60;

/** Emails compare case-insensitively: stored and looked up lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isValidEmail(email: string): boolean {
  return email.length <= EMAIL_MAX_LENGTH && validator.isEmail(email);
}

export interface Session extends SessionTokens {
  account: AccountRow;
}

export async function signUp(
  deps: AccountsDeps,
  input: { email: string; password: string; displayName: string },
): Promise<Session> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  const weakPassword = passwordProblem(input.password);
  new InputChecks()
    .check(isValidEmail(email), 'email', 'Enter a valid email address.')
    .check(weakPassword === null, 'password', weakPassword ?? '')
    .check(
      displayName.length >= 1 && displayName.length <= DISPLAY_NAME_MAX_LENGTH,
      'displayName',
      `The display name must have 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.`,
    )
    .done();
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const account = await insertAccount(tx, { email, displayName, passwordHash });
    return { ...(await startSession(deps, tx, account.id)), account };
  });
}

/** Inserts an account and publishes it; TAKEN when the email is in use (also under a race). */
export async function insertAccount(
  tx: AccountsDb,
  values: { email: string; displayName: string; passwordHash: string },
): Promise<AccountRow> {
  const [account] = await tx
    .insert(accounts)
    .values({ id: newId(), ...values })
    .onConflictDoNothing({ target: accounts.email })
    .returning();
  if (!account) fail(UserErrorCode.TAKEN, 'An account with this email already exists.', 'email');
  await recordEvents(tx, [
    {
      type: AccountsEvent.AccountRegistered,
      streamId: account.id,
      payload: { accountId: account.id, email: account.email },
      actorId: account.id,
    },
  ]);
  return account;
}

const WRONG_CREDENTIALS = 'The email or the password is incorrect.';

/** The same answer, in about the same time, for an unknown email and for a wrong password. */
export async function signIn(deps: AccountsDeps, input: { email: string; password: string }): Promise<Session> {
  const email = normalizeEmail(input.email);
  // An email the database cannot even compare is simply one no account has.
  const [account] = await deps.db.select().from(accounts).where(eq(accounts.email, email));
  if (!account) {
    await spendVerificationTime(input.password);
    fail(UserErrorCode.INVALID, WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) fail(UserErrorCode.INVALID, WRONG_CREDENTIALS);
  if (needsRehash(account.passwordHash)) {
    await deps.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(accounts.id, account.id));
  }
  return { ...(await deps.db.transaction((tx) => startSession(deps, tx, account.id))), account };
}
