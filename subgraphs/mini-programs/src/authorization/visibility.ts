/**
 * What a viewer sees of a mini program, on every path that reaches it (`miniProgram(id)`,
 * `workspace.miniPrograms`, `order.miniProgram`, a version's `miniProgram`, `_entities`):
 *
 * - FULL: the merchant's members, the members of the ISV holding the authorization, the mini
 *   program's active members, the platform. Everything.
 * - PROFILE: the members of an ISV that has (or had) an order on it, without the authorization
 *   (order NEW, PENDING_CONFIRMATION, REJECTED, CANCELLED, CLOSED). The public profile only.
 * - NONE: anybody else. The mini program does not exist for them (null / NOT_FOUND).
 */
export type MiniProgramView = 'FULL' | 'PROFILE' | 'NONE';

export interface ViewFacts {
  /** The viewer may read the mini program (merchant, authorized ISV, member, platform). */
  read: boolean;
  /** The viewer belongs to an ISV that is a party to one of its orders. */
  orderParty: boolean;
}

export function miniProgramView(facts: ViewFacts): MiniProgramView {
  if (facts.read) return 'FULL';
  return facts.orderParty ? 'PROFILE' : 'NONE';
}

/** The public profile (DESIGN: name, tagline, logo, industry, status), with its identity and owner. */
export const PUBLIC_PROFILE_FIELDS: ReadonlySet<string> = new Set(['id', 'merchant', 'name', 'tagline', 'logoUrl', 'industry', 'status', 'createdAt']);

/** Whether a viewer with `view` may read `field` of the mini program; the others answer FORBIDDEN. */
export function maySee(view: MiniProgramView, field: string): boolean {
  if (view === 'FULL') return true;
  return view === 'PROFILE' && PUBLIC_PROFILE_FIELDS.has(field);
}

/** Why a non-public field is refused: the one message every guarded field gives. */
export const PROFILE_ONLY_MESSAGE =
  'Only the merchant, its authorized ISV, the members and the platform see this; an order party without the authorization sees the public profile.';
