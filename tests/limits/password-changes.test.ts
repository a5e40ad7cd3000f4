import { ChangePasswordDocument, SignInDocument } from '@mpp/client';
import { signUp, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Password attempts at their default limits (10 failures per account); cost buckets out of the way.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
}, 300_000);
afterAll(() => platform?.stop());

describe('password changes', () => {
  it('refuses an account\'s password changes after 10 wrong current passwords, so a stolen token cannot guess it', async () => {
    const frank = await signUp(platform);
    const change = (currentPassword: string, i: number) =>
      platform
        .client(frank.token, { 'x-forwarded-for': `198.51.100.${i}` })
        .request(ChangePasswordDocument, { input: { currentPassword, newPassword: `a new password ${i} for frank` } });
    for (let i = 0; i < 10; i++) {
      const result = await change(`wrong guess ${i}`, i);
      expect(result.data!.changePassword.userErrors.map((error) => error.field)).toEqual([['input', 'currentPassword']]);
    }
    const locked = await change(frank.password, 10);
    expect(locked.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors![0]!.message).toMatch(/wrong current passwords for this account/);
    // The password did not change: signing in with it still works.
    const signIn = await platform.client().request(SignInDocument, { input: { email: frank.email, password: frank.password } });
    expect(signIn.data!.signIn.token).toEqual(expect.any(String));
  });

  it('does not count successful password changes', async () => {
    const grace = await signUp(platform);
    let { token, password } = { token: grace.token, password: grace.password };
    for (let i = 0; i < 12; i++) {
      const newPassword = `grace's password number ${i}`;
      const result = await platform.client(token).request(ChangePasswordDocument, { input: { currentPassword: password, newPassword } });
      expect(result.data!.changePassword.token, JSON.stringify(result.errors)).toEqual(expect.any(String));
      ({ token, password } = { token: result.data!.changePassword.token!, password: newPassword });
    }
  });

});
