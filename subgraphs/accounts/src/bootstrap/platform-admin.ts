import { createHmac, hkdfSync, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { AccountsEvent, VerificationStatus, WorkspaceKind, WorkspaceRole } from '@mpp/kit';
import { and, eq, sql } from 'drizzle-orm';
import { insertAccount, isValidEmail, normalizeEmail } from '../account/account.service.js';
import { hashPassword, passwordProblem, verifyPassword } from '../account/passwords.js';
import type { AccountsDeps } from '../context.js';
import type { AccountsDb } from '../db/client.js';
import { recordEvents } from '../db/events.js';
import { accounts, platformAdminChecks, workspaceMembers, workspaces } from '../db/schema.js';
import { insertWorkspace } from '../workspace/workspace.service.js';

export const GENERATED_ADMIN_EMAIL = 'admin@platform.example';

/**
 * Makes sure the single PLATFORM workspace exists with its admin as OWNER. With
 * PLATFORM_ADMIN_EMAIL/PASSWORD the configuration wins (the account is created, or its password
 * reset to the configured one). Without them, the first start creates an admin with a generated
 * password, printed once; later starts leave the platform as it is.
 */
export async function ensurePlatformAdmin(deps: AccountsDeps): Promise<void> {
  const { platformAdminEmail, platformAdminPassword } = deps.config;
  if (Boolean(platformAdminEmail) !== Boolean(platformAdminPassword)) {
    throw new Error('Set both PLATFORM_ADMIN_EMAIL and PLATFORM_ADMIN_PASSWORD, or neither.');
  }
  const configured = platformAdminEmail && platformAdminPassword ? { email: normalizeEmail(platformAdminEmail), password: platformAdminPassword } : null;
  if (configured && !isValidEmail(configured.email)) throw new Error('PLATFORM_ADMIN_EMAIL is not a valid email address.');
  // The strength rules (a 30,000-word list to load) are applied when the configured password is
  // set, not on every start: a password the admin already has passed them when it was set.
  const hashConfigured = async (password: string) => {
    const weak = passwordProblem(password);
    if (weak) throw new Error(`PLATFORM_ADMIN_PASSWORD: ${weak}`);
    return hashPassword(password);
  };

  const checkKey = deps.keys.signingKey ? passwordCheckKey(deps.keys.signingKey) : null;

  await deps.db.transaction(async (tx) => {
    // Replicas starting together: one bootstraps, the others then find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('accounts:platform-bootstrap'))`);
    const [platform] = await tx.select().from(workspaces).where(eq(workspaces.kind, WorkspaceKind.PLATFORM)).limit(1);
    if (!configured && platform) return;

    const credentials = configured ?? { email: GENERATED_ADMIN_EMAIL, password: randomBytes(18).toString('base64url') };
    let [admin] = await tx.select().from(accounts).where(eq(accounts.email, credentials.email));
    if (!admin) {
      admin = await insertAccount(tx, {
        email: credentials.email,
        displayName: 'Platform admin',
        passwordHash: configured ? await hashConfigured(configured.password) : await hashPassword(credentials.password),
      });
      if (configured) await rememberChecked(tx, checkKey, admin, configured.password);
      else {
        deps.logger.warn(
          { email: credentials.email, password: credentials.password },
          'created the platform admin with a generated password (shown once); set PLATFORM_ADMIN_EMAIL and PLATFORM_ADMIN_PASSWORD to choose them',
        );
      }
    } else if (!(await alreadyChecked(tx, checkKey, admin, credentials.password))) {
      if (!(await verifyPassword(admin.passwordHash, credentials.password))) {
        const passwordHash = await hashConfigured(credentials.password);
        await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, admin.id));
        admin = { ...admin, passwordHash };
        deps.logger.info({ email: admin.email }, 'platform admin password set from PLATFORM_ADMIN_PASSWORD');
      }
      await rememberChecked(tx, checkKey, admin, credentials.password);
    }

    if (!platform) {
      await insertWorkspace(tx, {
        kind: WorkspaceKind.PLATFORM,
        name: 'Platform',
        ownerId: admin.id,
        verificationStatus: VerificationStatus.VERIFIED,
      });
      return;
    }
    const [membership] = await tx
      .select()
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, platform.id), eq(workspaceMembers.accountId, admin.id)));
    if (membership?.role === WorkspaceRole.OWNER) return;
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: platform.id, accountId: admin.id, role: WorkspaceRole.OWNER })
      .onConflictDoUpdate({ target: [workspaceMembers.workspaceId, workspaceMembers.accountId], set: { role: WorkspaceRole.OWNER } });
    await recordEvents(tx, [
      {
        type: membership ? AccountsEvent.MemberRoleChanged : AccountsEvent.MemberAdded,
        streamId: platform.id,
        payload: { workspaceId: platform.id, accountId: admin.id, role: WorkspaceRole.OWNER },
        actorId: admin.id,
      },
    ]);
  });
}

/**
 * Checking the configured password against the admin's argon2 hash costs most of a second, on every
 * start. Once it matched (or was set), an HMAC of the account, its hash and the password is kept:
 * while none of them changes, later starts compare that instead. A password changed since (through
 * the API or the configuration) changes the HMAC, and the full check runs again. The key is derived
 * from the token signing key, kept outside the database; without it nothing is remembered.
 */
function passwordCheckKey(signingKey: KeyObject): Buffer {
  return Buffer.from(hkdfSync('sha256', signingKey.export({ type: 'pkcs8', format: 'der' }), '', 'platform admin password check', 32));
}

type Admin = { id: string; passwordHash: string };

function passwordFingerprint(key: Buffer, admin: Admin, password: string): Buffer {
  return createHmac('sha256', key).update(JSON.stringify([admin.id, admin.passwordHash, password])).digest();
}

async function alreadyChecked(tx: AccountsDb, key: Buffer | null, admin: Admin, password: string): Promise<boolean> {
  if (!key) return false;
  const [check] = await tx.select().from(platformAdminChecks).where(eq(platformAdminChecks.accountId, admin.id));
  if (!check) return false;
  const remembered = Buffer.from(check.fingerprint, 'base64url');
  const current = passwordFingerprint(key, admin, password);
  return remembered.length === current.length && timingSafeEqual(remembered, current);
}

async function rememberChecked(tx: AccountsDb, key: Buffer | null, admin: Admin, password: string): Promise<void> {
  if (!key) return;
  const fingerprint = passwordFingerprint(key, admin, password).toString('base64url');
  await tx
    .insert(platformAdminChecks)
    .values({ accountId: admin.id, fingerprint })
    .onConflictDoUpdate({ target: platformAdminChecks.accountId, set: { fingerprint } });
}
