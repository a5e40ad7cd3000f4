import { randomBytes } from 'node:crypto';
import { SignInDocument, SignUpDocument, ViewerDocument } from '@mpp/client';
import { TestPlatform, uniqueEmail } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from '../support/expectations.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

const GOOD_PASSWORD = 'correct horse battery';

function signUp(input: { email?: string; password?: string; displayName?: string }) {
  return platform.client().execute(SignUpDocument, {
    input: {
      email: input.email ?? uniqueEmail('signup'),
      password: input.password ?? GOOD_PASSWORD,
      displayName: input.displayName ?? 'Ann',
    },
  });
}

function signIn(email: string, password: string) {
  return platform.client().execute(SignInDocument, { input: { email, password } });
}

/** A syntactically valid address of exactly `length` characters (local part 64, labels ≤ 63). */
function emailOfLength(length: number): string {
  const local = `${randomBytes(4).toString('hex')}${'l'.repeat(64)}`.slice(0, 64);
  let remaining = length - local.length - '@'.length - '.com'.length;
  const labels: string[] = [];
  while (remaining > 0) {
    const label = Math.min(63, remaining);
    labels.push('d'.repeat(label));
    remaining -= label + 1; // the dot before the next label
  }
  const email = `${local}@${labels.join('.')}.com`;
  expect(email).toHaveLength(length);
  return email;
}

describe('signUp', () => {
  it('creates the account, stores the email lower-cased and the display name trimmed, and signs it in', async () => {
    const tag = randomBytes(4).toString('hex');
    const { signUp: payload } = await signUp({ email: `Mixed.Case.${tag}@Example.COM`, displayName: '  Ann Lee  ' });

    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toEqual({ id: expect.any(String), email: `mixed.case.${tag}@example.com`, displayName: 'Ann Lee' });
    expect(payload.token).toEqual(expect.any(String));

    const { viewer } = await platform.client(payload.token).execute(ViewerDocument);
    expect(viewer).toMatchObject({
      id: payload.account!.id,
      email: `mixed.case.${tag}@example.com`,
      displayName: 'Ann Lee',
      memberships: [],
    });
  });

  it('refuses an invalid email', async () => {
    for (const email of ['not-an-email', 'two@@example.com', '', 'spaces in@example.com', 'no-domain@']) {
      const { signUp: payload } = await signUp({ email });
      expect(payload, email).toEqual({ token: null, refreshToken: null, account: null, userErrors: [userError('INVALID', 'email')] });
    }
  });

  it('accepts an email of 254 characters and refuses one of 255', async () => {
    const longest = await signUp({ email: emailOfLength(254) });
    expect(longest.signUp.userErrors).toEqual([]);

    const tooLong = await signUp({ email: emailOfLength(255) });
    expect(tooLong.signUp.userErrors).toEqual([userError('INVALID', 'email')]);
  });

  it('needs a password of 10 to 256 characters', async () => {
    expect((await signUp({ password: 'x'.repeat(9) })).signUp.userErrors).toEqual([userError('INVALID', 'password')]);
    expect((await signUp({ password: 'x'.repeat(10) })).signUp.userErrors).toEqual([]);
    expect((await signUp({ password: 'x'.repeat(256) })).signUp.userErrors).toEqual([]);
    expect((await signUp({ password: 'x'.repeat(257) })).signUp.userErrors).toEqual([userError('INVALID', 'password')]);
  });

  it('needs a display name of 1 to 60 characters once trimmed', async () => {
    expect((await signUp({ displayName: '' })).signUp.userErrors).toEqual([userError('INVALID', 'displayName')]);
    expect((await signUp({ displayName: '    ' })).signUp.userErrors).toEqual([userError('INVALID', 'displayName')]);
    expect((await signUp({ displayName: 'A' })).signUp.userErrors).toEqual([]);

    const sixty = await signUp({ displayName: `  ${'n'.repeat(60)}  ` });
    expect(sixty.signUp.userErrors).toEqual([]);
    expect(sixty.signUp.account?.displayName).toBe('n'.repeat(60));

    expect((await signUp({ displayName: 'n'.repeat(61) })).signUp.userErrors).toEqual([userError('INVALID', 'displayName')]);
  });

  it('reports every broken field at once', async () => {
    const { signUp: payload } = await signUp({ email: 'nope', password: 'short', displayName: ' ' });
    expect(payload.token).toBeNull();
    expect(payload.account).toBeNull();
    expect(payload.userErrors).toHaveLength(3);
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([userError('INVALID', 'email'), userError('INVALID', 'password'), userError('INVALID', 'displayName')]),
    );
  });

  it('refuses an email already in use, whatever its capitalisation, with TAKEN', async () => {
    const email = uniqueEmail('taken');
    expect((await signUp({ email })).signUp.userErrors).toEqual([]);

    expect(await signUp({ email })).toEqual({ signUp: { token: null, refreshToken: null, account: null, userErrors: [userError('TAKEN', 'email')] } });
    expect((await signUp({ email: email.toUpperCase() })).signUp.userErrors).toEqual([userError('TAKEN', 'email')]);
    expect((await signUp({ email: `  ${email}  ` })).signUp.userErrors).toEqual([userError('TAKEN', 'email')]);
  });

  it('answers text the database cannot store with a user error, not an internal error', async () => {
    const { signUp: payload } = await signUp({ displayName: 'Ann\u0000Lee' });
    expect(payload).toEqual({ token: null, refreshToken: null, account: null, userErrors: [userError('INVALID', 'displayName')] });
  });
});

describe('signIn', () => {
  const password = 'the right password';
  let email: string;
  let accountId: string;
  beforeAll(async () => {
    email = uniqueEmail('signin');
    const { signUp: payload } = await signUp({ email, password });
    accountId = payload.account!.id;
  });

  it('signs in with the right password and returns a token that works for viewer', async () => {
    const { signIn: payload } = await signIn(email, password);
    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toEqual({ id: accountId, email });

    const { viewer } = await platform.client(payload.token).execute(ViewerDocument);
    expect(viewer?.id).toBe(accountId);
    expect(viewer?.email).toBe(email);
  });

  it('finds the account whatever the capitalisation of the email', async () => {
    const { signIn: payload } = await signIn(`  ${email.toUpperCase()} `, password);
    expect(payload.userErrors).toEqual([]);
    expect(payload.account?.id).toBe(accountId);
  });

  it('answers an unknown email and a wrong password with the same user error', async () => {
    const wrongPassword = await signIn(email, 'not the password');
    const unknownEmail = await signIn(uniqueEmail('nobody'), password);

    expect(wrongPassword.signIn).toEqual({ token: null, refreshToken: null, account: null, userErrors: [userError('INVALID')] });
    // Identical down to the message: the answer must not tell which emails have an account.
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('treats a password that differs only in case as wrong', async () => {
    const { signIn: payload } = await signIn(email, password.toUpperCase());
    expect(payload.token).toBeNull();
    expect(payload.userErrors).toEqual([userError('INVALID')]);
  });

  it('refuses an email the database cannot store as invalid input, not an internal error', async () => {
    const { signIn: payload } = await signIn('ann\u0000@example.com', password);
    expect(payload.token).toBeNull();
    expect(payload.userErrors).toEqual([userError('INVALID', 'email')]);
  });
});

describe('viewer', () => {
  it('is null without a token', async () => {
    expect(await platform.client().execute(ViewerDocument)).toEqual({ viewer: null });
  });
});
