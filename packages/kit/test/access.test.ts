import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Access } from '../src/access/access.js';
import { VerificationStatus, WorkspaceKind, WorkspaceRole, type AccessDirectory, type Membership } from '../src/access/model.js';

/** A directory over a list of memberships that counts how it is asked; `change` stands for an Accounts event applied on refresh. */
function directoryOf(initial: Record<string, Membership[]>) {
  let byAccount = initial;
  let pending: Record<string, Membership[]> | null = null;
  const asked = { byWorkspace: 0, every: 0, platform: 0 };
  const directory: AccessDirectory = {
    async memberships(accountId, workspaceIds) {
      asked.byWorkspace += 1;
      return new Map((byAccount[accountId] ?? []).filter((m) => workspaceIds.includes(m.workspace.id)).map((m) => [m.workspace.id, m]));
    },
    async membershipsOf(accountId) {
      asked.every += 1;
      return new Map((byAccount[accountId] ?? []).map((m) => [m.workspace.id, m]));
    },
    workspaces: async () => new Map(),
    async isPlatformMember(accountId) {
      asked.platform += 1;
      return (byAccount[accountId] ?? []).some((m) => m.workspace.kind === WorkspaceKind.PLATFORM);
    },
    async refresh() {
      if (!pending) return false;
      byAccount = pending;
      pending = null;
      return true;
    },
  };
  return { directory, asked, change: (next: Record<string, Membership[]>) => (pending = next) };
}

const membership = (id: string, kind: WorkspaceKind, role = WorkspaceRole.DEVELOPER): Membership => ({
  role,
  workspace: { id, kind, verificationStatus: VerificationStatus.VERIFIED },
});

describe("a request's access checks after its memberships were read ahead", () => {
  const accountId = randomUUID();
  const merchant = randomUUID();
  const isv = randomUUID();
  const platform = randomUUID();
  const stranger = randomUUID();
  const viewer = { accountId, sessionId: randomUUID() };

  it('answer as the checks one by one would, from one read', async () => {
    const memberships = { [accountId]: [membership(merchant, WorkspaceKind.MERCHANT, WorkspaceRole.OWNER), membership(isv, WorkspaceKind.ISV)] };
    const ahead = directoryOf(memberships);
    const oneByOne = directoryOf(memberships);
    const prefetched = new Access(ahead.directory, viewer);
    prefetched.prefetchMemberships();
    const plain = new Access(oneByOne.directory, viewer);
    for (const access of [prefetched, plain]) {
      expect(await access.membership(merchant)).toEqual(membership(merchant, WorkspaceKind.MERCHANT, WorkspaceRole.OWNER));
      expect(await access.membership(stranger)).toBeNull();
      expect(await access.canReadAny([stranger, isv])).toBe(true);
      expect(await access.isPlatformMember()).toBe(false);
    }
    expect(ahead.asked).toEqual({ byWorkspace: 0, every: 1, platform: 0 });
    expect(oneByOne.asked.every).toBe(0);
  });

  it('know a platform member from the platform workspace among them', async () => {
    const { directory, asked } = directoryOf({ [accountId]: [membership(platform, WorkspaceKind.PLATFORM)] });
    const access = new Access(directory, viewer);
    access.prefetchMemberships();
    expect(await access.isPlatformMember()).toBe(true);
    expect(await access.canRead(stranger)).toBe(true);
    expect(asked).toEqual({ byWorkspace: 0, every: 1, platform: 0 });
  });

  it('are asked again once the directory has caught up with a change: a member just added is one', async () => {
    const { directory, asked, change } = directoryOf({ [accountId]: [] });
    const access = new Access(directory, viewer);
    access.prefetchMemberships();
    change({ [accountId]: [membership(merchant, WorkspaceKind.MERCHANT)] });
    // Not a member as read ahead: the check refreshes before refusing, then reads again.
    expect(await access.canRead(merchant)).toBe(true);
    expect(await access.membership(merchant)).not.toBeNull();
    expect(asked.every).toBe(1);
    expect(asked.byWorkspace).toBe(1);
  });

  it('are nobody’s when signed out: nothing is read', async () => {
    const { directory, asked } = directoryOf({});
    const access = new Access(directory, null);
    access.prefetchMemberships();
    expect(await access.membership(merchant)).toBeNull();
    expect(await access.isPlatformMember()).toBe(false);
    expect(asked).toEqual({ byWorkspace: 0, every: 0, platform: 0 });
  });
});
