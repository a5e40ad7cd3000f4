import DataLoader from 'dataloader';
import type { Viewer } from '../auth/tokens.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { isId } from '../ids.js';
import { VerificationStatus, WorkspaceKind, type AccessDirectory, type Membership, type WorkspaceFacts, type WorkspaceRole } from './model.js';

/** Who may take an action, as a refusal names them. */
export interface RoleRequirement {
  /** The workspace whose members act, as the message calls it. */
  party: 'merchant' | 'ISV' | 'workspace';
  /** What they may do, completing "may …": "confirm this order". */
  action: string;
  /** The kind the workspace must also be. */
  kind?: WorkspaceKind;
}

/**
 * The caller's rights for one request: who they are, their memberships (batched), and the checks
 * resolvers and services use.
 *
 * Freshness: a subgraph's directory follows Accounts' events, normally within milliseconds. Checks
 * that allow a change (`requireRole`, `requirePlatformMember`, `isVerified`) first bring it up to
 * date (one cheap statement when it already is), so a removed member or a lowered role can no
 * longer act from the moment Accounts committed it; a refusal or a "not found" is likewise checked
 * against the latest events before it is answered. Plain reads may trail by that small delay.
 */
export class Access {
  private memberships: DataLoader<string, Membership | null>;
  private workspaceFacts: DataLoader<string, WorkspaceFacts | null>;
  private platform: Promise<boolean> | null = null;
  private refreshed: Promise<boolean> | null = null;
  /** All of the viewer's memberships, once `prefetchMemberships` asked for them: the checks then answer from these. */
  private everyMembership: Promise<Map<string, Membership>> | null = null;

  constructor(
    private readonly directory: AccessDirectory,
    readonly viewer: Viewer | null,
  ) {
    this.memberships = this.membershipLoader();
    this.workspaceFacts = new DataLoader(async (ids) => {
      const found = await directory.workspaces(ids.filter(isId));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The signed-in account; UNAUTHENTICATED otherwise. */
  requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  get accountId(): string | null {
    return this.viewer?.accountId ?? null;
  }

  /**
   * Reads all of the viewer's memberships now (an account has a few), for the checks to come: a
   * resolver that checks access to what it has yet to load starts this first, so the check needs
   * no statement of its own after the load, one round trip to the database fewer on its path.
   */
  prefetchMemberships(): void {
    if (!this.viewer || this.everyMembership) return;
    const every = this.directory.membershipsOf(this.viewer.accountId);
    every.catch(() => {}); // the checks that use it see its failure
    this.everyMembership = every;
  }

  /** The viewer's membership in a workspace, or null (also when signed out). */
  async membership(workspaceId: string): Promise<Membership | null> {
    if (!this.viewer || !isId(workspaceId)) return null;
    if (this.everyMembership) return (await this.everyMembership).get(workspaceId) ?? null;
    return this.memberships.load(workspaceId);
  }

  async workspace(workspaceId: string): Promise<WorkspaceFacts | null> {
    return this.workspaceFacts.load(workspaceId);
  }

  async isPlatformMember(): Promise<boolean> {
    if (!this.viewer) return false;
    this.platform ??= this.everyMembership
      ? this.everyMembership.then((every) => [...every.values()].some((membership) => membership.workspace.kind === WorkspaceKind.PLATFORM))
      : this.directory.isPlatformMember(this.viewer.accountId);
    return this.platform;
  }

  /** Member (any role) of the workspace, or a platform member: may read it. */
  async canRead(workspaceId: string): Promise<boolean> {
    return this.canReadAny([workspaceId]);
  }

  /**
   * Member (any role) of any of the workspaces, or a platform member: may read what they share (an
   * order, by its merchant's and its ISV's members). The memberships load in one batch.
   */
  async canReadAny(workspaceIds: readonly string[]): Promise<boolean> {
    const reads = async () =>
      (await Promise.all(workspaceIds.map((id) => this.membership(id)))).some((membership) => membership !== null) || (await this.isPlatformMember());
    return (await reads()) || ((await this.refresh()) && (await reads()));
  }

  /**
   * The viewer's membership with one of `roles` (in a workspace of `who.kind`, when given);
   * FORBIDDEN otherwise, saying who may act: "Only the merchant's OWNER or MASTER may confirm this
   * order." Call after checking the workspace exists, so "not found" stays a user error.
   */
  async requireRole(workspaceId: string, roles: readonly WorkspaceRole[], who: RoleRequirement): Promise<Membership> {
    this.requireViewer();
    await this.refresh();
    const allowed = (m: Membership | null): m is Membership =>
      m !== null && roles.includes(m.role) && (who.kind === undefined || m.workspace.kind === who.kind);
    const membership = await this.membership(workspaceId);
    if (!allowed(membership)) throw forbidden(`Only the ${who.party}'s ${roles.join(' or ')} may ${who.action}.`);
    return membership;
  }

  /** A platform member; FORBIDDEN otherwise ("Only platform members may review services."). */
  async requirePlatformMember(action: string): Promise<void> {
    this.requireViewer();
    await this.refresh();
    if (await this.isPlatformMember()) return;
    throw forbidden(`Only platform members may ${action}.`);
  }

  /** Facts of a workspace, refreshing once when it is unknown (it may have just been created). */
  async findWorkspace(workspaceId: string): Promise<WorkspaceFacts | null> {
    if (!isId(workspaceId)) return null;
    const facts = await this.workspace(workspaceId);
    if (facts || !(await this.refresh())) return facts;
    return this.workspace(workspaceId);
  }

  /** Whether the workspace passed identity verification (refreshing once if it seems not to have). */
  async isVerified(workspaceId: string): Promise<boolean> {
    await this.refresh();
    return (await this.workspace(workspaceId))?.verificationStatus === VerificationStatus.VERIFIED;
  }

  /**
   * Brings the directory up to date, once per request. Every caller gets the same answer: whether
   * answers looked up before may have changed (then they are looked up again; never at the source).
   */
  refresh(): Promise<boolean> {
    this.refreshed ??= this.directory.refresh().then((moved) => {
      if (moved) {
        this.memberships = this.membershipLoader();
        this.everyMembership = null;
        this.workspaceFacts.clearAll();
        this.platform = null;
      }
      return moved;
    });
    return this.refreshed;
  }

  private membershipLoader(): DataLoader<string, Membership | null> {
    return new DataLoader(async (workspaceIds) => {
      const found = await this.directory.memberships(this.viewer!.accountId, workspaceIds);
      return workspaceIds.map((id) => found.get(id) ?? null);
    });
  }
}
