import { forbidden, WorkspaceRole, type Access, type Membership } from '@mpp/kit';
import type { MiniProgramRow } from '../db/schema.js';
import type { MiniProgramsLoaders } from '../context.js';

/** What the viewer may do on one mini program (DESIGN's permission table). */
export interface Rights {
  /** Merchant OWNER/MASTER: edit, remove, manage members. */
  manage: boolean;
  /** OWNER/MASTER of the currently authorized ISV: add/remove its own accounts as members. */
  manageAsIsv: boolean;
  /** Upload versions, set domains and the trial version, submit, release, roll back, take offline. */
  develop: boolean;
  /** See it, its versions, QR codes and statistics. */
  read: boolean;
  /** Member of an ISV that is a party to one of its orders (sees the public profile; see visibility.ts). */
  orderParty: boolean;
  authorizedIsvWorkspaceId: string | null;
}

const MANAGERS: readonly WorkspaceRole[] = [WorkspaceRole.OWNER, WorkspaceRole.MASTER];
const manages = (m: Membership | null) => m !== null && MANAGERS.includes(m.role);

export async function rightsOn(access: Access, loaders: MiniProgramsLoaders, miniProgram: MiniProgramRow): Promise<Rights> {
  const none = { manage: false, manageAsIsv: false, develop: false, read: false, orderParty: false, authorizedIsvWorkspaceId: null };
  if (!access.viewer) return none;
  // Usually known already: a mini program loaded by id comes with its authorization. Then the
  // viewer's memberships of the merchant and of the authorized ISV load in one batch.
  const authorization = await loaders.authorization.load(miniProgram.id);
  const [merchant, isv, members, platform] = await Promise.all([
    access.membership(miniProgram.merchantWorkspaceId),
    authorization ? access.membership(authorization.isvWorkspaceId) : null,
    loaders.membersByMiniProgram.load(miniProgram.id),
    access.isPlatformMember(),
  ]);
  const member = members.find((m) => m.accountId === access.viewer!.accountId);
  // A member an ISV added acts only while that ISV is authorized.
  const memberActive = member !== undefined && (member.grantedByIsvWorkspaceId === null || member.grantedByIsvWorkspaceId === authorization?.isvWorkspaceId);
  const manage = manages(merchant);
  const manageAsIsv = manages(isv);
  const read = merchant !== null || isv !== null || memberActive || platform;
  // Order parties matter only to those who may not read it all (one batched statement then).
  const parties = read ? [] : await loaders.orderPartiesByMiniProgram.load(miniProgram.id);
  const partyMemberships = await Promise.all(parties.map((party) => access.membership(party.isvWorkspaceId)));
  return {
    manage,
    manageAsIsv,
    develop: manage || manageAsIsv || (memberActive && member.role === 'DEVELOPER'),
    read,
    orderParty: partyMemberships.some((m) => m !== null),
    authorizedIsvWorkspaceId: authorization?.isvWorkspaceId ?? null,
  };
}

export type Right = 'manage' | 'manageAsIsv' | 'develop' | 'read';

/**
 * The viewer's rights, from up-to-date facts: before allowing a change (anything beyond `read`),
 * and before refusing, the Accounts directory and the Orders authorizations catch up with what was
 * committed (one cheap statement each when they are current). So an ISV whose order just closed
 * can no longer act, and one whose order was just confirmed already can.
 */
export async function rightsFor(
  access: Access,
  loaders: MiniProgramsLoaders,
  catchUpOrders: () => Promise<boolean>,
  miniProgram: MiniProgramRow,
  needed: readonly Right[],
): Promise<Rights> {
  /** Once per request; true when Accounts or Orders brought something new. */
  const freshen = async () => {
    const [accounts, orders] = await Promise.all([access.refresh(), catchUpOrders()]);
    if (accounts || orders) {
      loaders.authorization.clear(miniProgram.id);
      loaders.membersByMiniProgram.clear(miniProgram.id);
      loaders.orderPartiesByMiniProgram.clear(miniProgram.id);
    }
    return accounts || orders;
  };
  if (needed.some((right) => right !== 'read')) {
    await freshen();
    return rightsOn(access, loaders, miniProgram);
  }
  const rights = await rightsOn(access, loaders, miniProgram);
  if (needed.some((right) => rights[right]) || !(await freshen())) return rights;
  return rightsOn(access, loaders, miniProgram);
}

/**
 * The viewer's read rights on every mini program of one fetch at once (a DataLoader's batch): the
 * checks of all parents load together, and the catch-up before a refusal happens once for the
 * batch, so the statements do not grow with the number of distinct mini programs.
 *
 * `refuses` says which rights count as a refusal, to be confirmed from fresh facts: for an entity
 * reference, seeing nothing at all (an order party sees the public profile from the facts at hand,
 * as a reader sees everything; the catch-up waits until it asks for more than the profile); for a
 * field beyond the profile, or a mini program asked for by id, not reading it all.
 */
export async function readRightsOfMany(
  access: Access,
  loaders: MiniProgramsLoaders,
  catchUpOrders: () => Promise<boolean>,
  miniPrograms: readonly MiniProgramRow[],
  refuses: (rights: Rights) => boolean,
): Promise<Rights[]> {
  const rights = await Promise.all(miniPrograms.map((miniProgram) => rightsOn(access, loaders, miniProgram)));
  const refused = miniPrograms.filter((_, i) => refuses(rights[i]!));
  if (refused.length === 0) return rights;
  const [accounts, orders] = await Promise.all([access.refresh(), catchUpOrders()]);
  if (!accounts && !orders) return rights;
  for (const { id } of refused) {
    loaders.authorization.clear(id);
    loaders.membersByMiniProgram.clear(id);
    loaders.orderPartiesByMiniProgram.clear(id);
  }
  const again = new Map((await Promise.all(refused.map(async (miniProgram) => [miniProgram.id, await rightsOn(access, loaders, miniProgram)] as const))));
  return miniPrograms.map((miniProgram, i) => again.get(miniProgram.id) ?? rights[i]!);
}

/** Sees nothing of the mini program. */
export const seesNothing = (rights: Rights): boolean => !rights.read && !rights.orderParty;
/** Does not see all of it (at most the public profile). */
export const seesNotAll = (rights: Rights): boolean => !rights.read;

/** FORBIDDEN unless the rights include one of `needed`, saying who may take `action` ("remove this mini program"). */
export function requireAny(rights: Rights, needed: readonly Right[], action: string): void {
  if (needed.some((right) => rights[right])) return;
  const who = needed.includes('develop')
    ? "the merchant's or its authorized ISV's OWNER or MASTER, or the mini program's developers,"
    : needed.includes('manageAsIsv')
      ? "the merchant's or its authorized ISV's OWNER or MASTER"
      : "the merchant's OWNER or MASTER";
  throw forbidden(`Only ${who} may ${action}.`);
}
