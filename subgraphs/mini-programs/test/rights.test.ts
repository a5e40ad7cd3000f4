import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { Access, VerificationStatus, WorkspaceRole, type AccessDirectory, type Membership } from '@mpp/kit';
import { describe, expect, it } from 'vitest';
import { readRightsOfMany, seesNotAll, seesNothing } from '../src/authorization/rights.js';
import type { MiniProgramsLoaders } from '../src/context.js';
import type { MiniProgramRow } from '../src/db/schema.js';

/**
 * What MiniPrograms knows at one moment (its projections of Accounts and Orders), and what it
 * learns when it catches up with Orders: here, that the ISV's order was just confirmed.
 */
function facts() {
  const viewer = { accountId: randomUUID(), sessionId: randomUUID() };
  const isvWorkspaceId = randomUUID();
  const miniProgram = { id: randomUUID(), merchantWorkspaceId: randomUUID() } as MiniProgramRow;
  const known = {
    authorizedIsv: null as string | null,
    orderParties: [] as string[],
  };
  let catchUps = 0;
  const directory: AccessDirectory = {
    async memberships(accountId, workspaceIds) {
      const found = new Map<string, Membership>();
      if (accountId === viewer.accountId && workspaceIds.includes(isvWorkspaceId)) {
        found.set(isvWorkspaceId, { role: WorkspaceRole.OWNER, workspace: { id: isvWorkspaceId, kind: 'ISV', verificationStatus: VerificationStatus.VERIFIED } } as Membership);
      }
      return found;
    },
    membershipsOf(accountId) {
      return this.memberships(accountId, [isvWorkspaceId]);
    },
    workspaces: async () => new Map(),
    isPlatformMember: async () => false,
    refresh: async () => false,
  };
  const loaders = {
    authorization: new DataLoader(async (ids: readonly string[]) =>
      ids.map((id) => (id === miniProgram.id && known.authorizedIsv ? { miniProgramId: id, isvWorkspaceId: known.authorizedIsv } : null)),
    ),
    membersByMiniProgram: new DataLoader(async (ids: readonly string[]) => ids.map(() => [])),
    orderPartiesByMiniProgram: new DataLoader(async (ids: readonly string[]) =>
      ids.map((id) => (id === miniProgram.id ? known.orderParties.map((isv) => ({ miniProgramId: id, isvWorkspaceId: isv })) : [])),
    ),
  } as unknown as MiniProgramsLoaders;
  return {
    isvWorkspaceId,
    miniProgram,
    known,
    access: () => new Access(directory, viewer),
    loaders: () => loaders,
    /** Applies the confirmation of the ISV's order, as catching up with Orders would. */
    catchUpConfirming: async () => {
      catchUps += 1;
      known.authorizedIsv = isvWorkspaceId;
      return true;
    },
    get catchUps() {
      return catchUps;
    },
  };
}

describe('readRightsOfMany', () => {
  it('gives an order party its public profile from the facts at hand, without catching up', async () => {
    const f = facts();
    f.known.orderParties = [f.isvWorkspaceId];
    const [rights] = await readRightsOfMany(f.access(), f.loaders(), f.catchUpConfirming, [f.miniProgram], seesNothing);
    expect(rights).toMatchObject({ read: false, orderParty: true });
    expect(f.catchUps).toBe(0);
  });

  it('catches up before refusing an order party more than the profile: its order may have just been confirmed', async () => {
    const f = facts();
    f.known.orderParties = [f.isvWorkspaceId];
    const [rights] = await readRightsOfMany(f.access(), f.loaders(), f.catchUpConfirming, [f.miniProgram], seesNotAll);
    expect(rights).toMatchObject({ read: true, authorizedIsvWorkspaceId: f.isvWorkspaceId });
    expect(f.catchUps).toBe(1);
  });

  it('catches up before hiding a mini program from someone who seems to see nothing of it', async () => {
    const f = facts();
    const [rights] = await readRightsOfMany(f.access(), f.loaders(), f.catchUpConfirming, [f.miniProgram], seesNothing);
    expect(rights).toMatchObject({ read: true });
    expect(f.catchUps).toBe(1);
  });

  it('does not catch up for a reader, whatever it asks', async () => {
    const f = facts();
    f.known.authorizedIsv = f.isvWorkspaceId;
    for (const refuses of [seesNothing, seesNotAll]) {
      const [rights] = await readRightsOfMany(f.access(), f.loaders(), f.catchUpConfirming, [f.miniProgram], refuses);
      expect(rights).toMatchObject({ read: true, manageAsIsv: true });
    }
    expect(f.catchUps).toBe(0);
  });
});
