import { SignUpDocument } from '@mpp/client';
import { TestPlatform, uniqueEmail } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
}, 300_000);
afterAll(() => platform?.stop());

const signUpWith = async (password: string) => {
  const { signUp } = await platform.client().execute(SignUpDocument, { input: { email: uniqueEmail('pw'), password, displayName: 'P' } });
  return signUp;
};

it.each([
  ['password', 'too short'],
  ['12345678', 'too short'],
  [' '.repeat(8), 'only spaces'],
  [' '.repeat(12), 'only spaces'],
  ['   short9   ', 'short once trimmed'],
  ['1234567890', 'common'],
  ['qwertyuiop', 'common'],
  ['Password123', 'common, in any case'],
])('refuses %j (%s) with INVALID on password', async (password) => {
  const payload = await signUpWith(password);
  expect(payload.token).toBeNull();
  expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'password'] })]);
});

it('accepts a long, uncommon passphrase', async () => {
  const payload = await signUpWith('  violet staple orbit  ');
  expect(payload.userErrors).toEqual([]);
  expect(payload.token).toEqual(expect.any(String));
});
