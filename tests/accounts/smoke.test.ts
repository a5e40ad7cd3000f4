import { SignUpDocument } from '@mpp/client';
import { TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

it('signs up', async () => {
  const { signUp } = await platform.client().execute(SignUpDocument, {
    input: { email: 'smoke@example.com', password: 'password1', displayName: 'Smoke' },
  });
  expect(signUp.userErrors).toEqual([]);
  expect(signUp.account?.email).toBe('smoke@example.com');
});
