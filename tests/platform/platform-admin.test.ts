import { CreateWorkspaceDocument, SignInDocument, ViewerDocument, WorkspaceDocument } from '@mpp/client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, signInAdmin, TestPlatform, type Actor, type LogLine } from '@mpp/testkit';
import { rowsOf } from '@mpp/kit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from '../support/expectations.js';

const WARN = 40;

/** The admin's view of itself: its memberships and the members of the PLATFORM workspace. */
async function platformMembershipsOf(admin: Actor) {
  const { viewer } = await admin.client.execute(ViewerDocument);
  return viewer!.memberships.filter((membership) => membership.workspace.kind === 'PLATFORM');
}

async function expectOwnerOfTheOnlyPlatformWorkspace(admin: Actor): Promise<string> {
  const platformMemberships = await platformMembershipsOf(admin);
  expect(platformMemberships).toEqual([
    { role: 'OWNER', workspace: { id: expect.any(String), kind: 'PLATFORM', name: expect.any(String), verification: { status: 'VERIFIED' } } },
  ]);
  return platformMemberships[0]!.workspace.id;
}

async function signInFails(platform: TestPlatform, email: string, password: string): Promise<void> {
  const { signIn: payload } = await platform.client().execute(SignInDocument, { input: { email, password } });
  expect(payload).toEqual({ token: null, refreshToken: null, account: null, userErrors: [userError('INVALID')] });
}

describe('the configured platform admin (PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD)', () => {
  let platform: TestPlatform;
  let admin: Actor;
  beforeAll(async () => {
    platform = await TestPlatform.start();
    admin = await signInAdmin(platform);
  });
  afterAll(() => platform?.stop());

  it('signs in and is the OWNER, and only member, of the single PLATFORM workspace', async () => {
    const platformWorkspaceId = await expectOwnerOfTheOnlyPlatformWorkspace(admin);
    const { workspace } = await admin.client.execute(WorkspaceDocument, { id: platformWorkspaceId });
    expect(workspace?.members.map((member) => [member.account.email, member.role])).toEqual([[ADMIN_EMAIL, 'OWNER']]);
  });

  it('cannot create a second PLATFORM workspace either', async () => {
    const { createWorkspace } = await admin.client.execute(CreateWorkspaceDocument, { input: { kind: 'PLATFORM', name: 'Platform Two' } });
    expect(createWorkspace).toEqual({ workspace: null, userErrors: [userError('INVALID', 'kind')] });
  });

  it('is still the OWNER of the same single PLATFORM workspace after a restart', async () => {
    const before = await expectOwnerOfTheOnlyPlatformWorkspace(admin);
    await platform.restart();
    const after = await expectOwnerOfTheOnlyPlatformWorkspace(await signInAdmin(platform));
    expect(after).toBe(before);
  });

  it('takes a changed PLATFORM_ADMIN_PASSWORD on restart: the configuration wins', async () => {
    const platformWorkspaceId = await expectOwnerOfTheOnlyPlatformWorkspace(admin);
    await platform.restart({ env: { PLATFORM_ADMIN_PASSWORD: 'rotated admin password' } });

    await signInFails(platform, ADMIN_EMAIL, ADMIN_PASSWORD);
    const rotated = await signIn(platform, ADMIN_EMAIL, 'rotated admin password');
    expect(rotated.id).toBe(admin.id);
    expect(await expectOwnerOfTheOnlyPlatformWorkspace(rotated)).toBe(platformWorkspaceId);
  });

  it('makes a newly configured PLATFORM_ADMIN_EMAIL an OWNER of the same PLATFORM workspace on restart', async () => {
    const platformWorkspaceId = await expectOwnerOfTheOnlyPlatformWorkspace(admin);
    await platform.restart({ env: { PLATFORM_ADMIN_EMAIL: 'second.admin@platform.test', PLATFORM_ADMIN_PASSWORD: 'second admin password' } });

    const second = await signIn(platform, 'second.admin@platform.test', 'second admin password');
    expect(await expectOwnerOfTheOnlyPlatformWorkspace(second)).toBe(platformWorkspaceId);
  });
});

describe('the configured admin password, remembered between starts', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  const execute = (query: ReturnType<typeof sql>) => platform.platform.database.orm({}).execute(query);
  const adminRow = async () => {
    const rows = rowsOf<{ id: string; password_hash: string; fingerprint: string | null }>(
      await execute(
        sql`select a.id, a.password_hash, c.fingerprint from accounts.accounts a left join accounts.platform_admin_checks c on c.account_id = a.id where a.email = ${ADMIN_EMAIL}`,
      ),
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('keeps a fingerprint of the checked password, never the password itself, and leaves both alone on an unchanged restart', async () => {
    const before = await adminRow();
    expect(before.fingerprint).toEqual(expect.any(String));
    expect(before.fingerprint).not.toContain(ADMIN_PASSWORD);
    expect(before.fingerprint).not.toContain(Buffer.from(ADMIN_PASSWORD).toString('base64url'));

    await platform.restart();
    expect(await adminRow()).toEqual(before);
    await signInAdmin(platform);
  });

  it('still resets a password hash that changed behind the configuration (a restored backup): the configuration wins', async () => {
    const before = await adminRow();
    // As if another password had been set: the remembered fingerprint no longer matches the hash.
    const otherHash = (await adminRow()).password_hash.replace(/\$[^$]+$/, '$' + 'A'.repeat(43));
    await execute(sql`update accounts.accounts set password_hash = ${otherHash} where id = ${before.id}`);

    await platform.restart();
    const after = await adminRow();
    expect(after.password_hash).not.toBe(otherHash);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect((await signIn(platform, ADMIN_EMAIL, ADMIN_PASSWORD)).id).toBe(before.id);
  });

  it('takes a configured password again after it was rotated away and back', async () => {
    await platform.restart({ env: { PLATFORM_ADMIN_PASSWORD: 'an interim admin password' } });
    await signInFails(platform, ADMIN_EMAIL, ADMIN_PASSWORD);
    await platform.restart({ env: { PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    await signInFails(platform, ADMIN_EMAIL, 'an interim admin password');
    await signInAdmin(platform);
  });
});

describe('a platform configured with another admin', () => {
  const chiefEmail = 'Chief.Reviewer@Platform.Test';
  const chiefPassword = 'another password 2';
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start({ env: { PLATFORM_ADMIN_EMAIL: chiefEmail, PLATFORM_ADMIN_PASSWORD: chiefPassword } });
  });
  afterAll(() => platform?.stop());

  it('makes that account (email lower-cased) the OWNER of the PLATFORM workspace, with that password', async () => {
    const chief = await signIn(platform, chiefEmail.toLowerCase(), chiefPassword);
    await expectOwnerOfTheOnlyPlatformWorkspace(chief);
    expect((await chief.client.execute(ViewerDocument)).viewer?.email).toBe('chief.reviewer@platform.test');
  });

  it('creates no other admin: the default test credentials sign nobody in', async () => {
    await signInFails(platform, ADMIN_EMAIL, ADMIN_PASSWORD);
    await signInFails(platform, chiefEmail, ADMIN_PASSWORD);
  });
});

describe('a platform started without admin credentials', () => {
  const unset = { PLATFORM_ADMIN_EMAIL: '', PLATFORM_ADMIN_PASSWORD: '' };
  let platform: TestPlatform;
  let other: TestPlatform;
  beforeAll(async () => {
    [platform, other] = await Promise.all([
      TestPlatform.start({ env: unset, captureLogs: true }),
      TestPlatform.start({ env: unset, captureLogs: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([platform?.stop(), other?.stop()]);
  });

  const generatedCredentials = (logs: LogLine[]) =>
    logs.filter((line) => typeof line.password === 'string').map((line) => ({ level: line.level, email: line.email, password: line.password as string }));

  it('logs a generated admin password once, at warn level, with the email to sign in with', async () => {
    const logged = generatedCredentials(platform.logs);
    expect(logged).toEqual([{ level: WARN, email: expect.any(String), password: expect.any(String) }]);
    expect(logged[0]!.password.length).toBeGreaterThanOrEqual(16);

    const admin = await signIn(platform, logged[0]!.email as string, logged[0]!.password);
    await expectOwnerOfTheOnlyPlatformWorkspace(admin);
  });

  it('generates a different password on each new platform: there is no fixed default', async () => {
    const [mine] = generatedCredentials(platform.logs);
    const [theirs] = generatedCredentials(other.logs);
    expect(theirs?.password).toEqual(expect.any(String));
    expect(theirs?.password).not.toBe(mine?.password);
    await signInFails(other, mine!.email as string, mine!.password);
  });

  it('keeps that admin across restarts without printing a password again', async () => {
    const [logged] = generatedCredentials(platform.logs);
    await platform.restart();

    expect(generatedCredentials(platform.logs)).toHaveLength(1);
    const admin = await signIn(platform, logged!.email as string, logged!.password);
    await expectOwnerOfTheOnlyPlatformWorkspace(admin);
    // Only that one line ever shows the password.
    expect(platform.logs.filter((line) => JSON.stringify(line).includes(logged!.password))).toHaveLength(1);
  });
});

describe('a half-configured admin', () => {
  it('stops the platform from starting instead of guessing', async () => {
    await expect(TestPlatform.start({ env: { PLATFORM_ADMIN_EMAIL: 'only.email@platform.test', PLATFORM_ADMIN_PASSWORD: '' } })).rejects.toThrow(
      /PLATFORM_ADMIN_EMAIL and PLATFORM_ADMIN_PASSWORD/,
    );
  });
});

describe('a weak configured admin password', () => {
  it('stops the platform from starting: a common password, which sign-up would refuse too', async () => {
    await expect(TestPlatform.start({ env: { PLATFORM_ADMIN_EMAIL: 'weak.admin@platform.test', PLATFORM_ADMIN_PASSWORD: 'password123' } })).rejects.toThrow(
      /PLATFORM_ADMIN_PASSWORD: This password is one of the most common ones/,
    );
  });
});
