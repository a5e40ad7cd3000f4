import DataLoader from 'dataloader';
import type { Viewer } from '../auth/tokens.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { isId } from '../ids.js';
import { VerificationStatus, type AccessDirectory, type Membership, type WorkspaceFacts, type WorkspaceKind, type WorkspaceRole } from './model.js';

/**
 * The caller's rights for one request: who they are, their memberships (batched), and the checks
 * resolvers and services use. A refusal is re-checked once after refreshing the directory, so a
 * change the caller just made elsewhere (a workspace created a moment ago) is honoured.
 */
export class Access {
  private memberships: DataLoader<string, Membership | null>;
  private workspaceFacts: DataLoader<string, WorkspaceFacts | null>;
  private platform: Promise<boolean> | null = null;
  private refreshed = false;

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

  /** The viewer's membership in a workspace, or null (also when signed out). */
  async membership(workspaceId: string): Promise<Membership | null> {
    if (!this.viewer || !isId(workspaceId)) return null;
    return this.memberships.load(workspaceId);
  }

  async workspace(workspaceId: string): Promise<WorkspaceFacts | null> {
    return this.workspaceFacts.load(workspaceId);
  }

  async isPlatformMember(): Promise<boolean> {
    if (!this.viewer) return false;
    this.platform ??= this.directory.isPlatformMember(this.viewer.accountId);
    return this.platform;
  }

  /** Member (any role) of the workspace, or a platform member: may read it. */
  async canRead(workspaceId: string): Promise<boolean> {
    return (await this.membership(workspaceId)) !== null || (await this.isPlatformMember());
  }

  /**
   * The viewer's membership with one of `roles` (in a workspace of `kind`, when given); FORBIDDEN
   * otherwise. Call after checking the workspace exists, so "not found" stays a user error.
   */
  async requireRole(workspaceId: string, roles: readonly WorkspaceRole[], kind?: WorkspaceKind): Promise<Membership> {
    this.requireViewer();
    const allowed = (m: Membership | null): m is Membership =>
      m !== null && roles.includes(m.role) && (kind === undefined || m.workspace.kind === kind);
    let membership = await this.membership(workspaceId);
    if (!allowed(membership) && (await this.refresh())) membership = await this.membership(workspaceId);
    if (!allowed(membership)) {
      throw forbidden(`This needs the ${roles.join(' or ')} role in that ${kind ?? 'workspace'} workspace.`);
    }
    return membership;
  }

  /** A platform member; FORBIDDEN otherwise. */
  async requirePlatformMember(): Promise<void> {
    this.requireViewer();
    if (await this.isPlatformMember()) return;
    if ((await this.refresh()) && (await this.isPlatformMember())) return;
    throw forbidden('Only platform members may do this.');
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
    const verified = async () => (await this.workspace(workspaceId))?.verificationStatus === VerificationStatus.VERIFIED;
    if (await verified()) return true;
    return (await this.refresh()) && (await verified());
  }

  /** Catches the directory up once per request; false when that was already done. */
  async refresh(): Promise<boolean> {
    if (this.refreshed) return false;
    this.refreshed = true;
    await this.directory.refresh();
    this.memberships = this.membershipLoader();
    this.workspaceFacts.clearAll();
    this.platform = null;
    return true;
  }

  private membershipLoader(): DataLoader<string, Membership | null> {
    return new DataLoader(async (workspaceIds) => {
      const found = await this.directory.memberships(this.viewer!.accountId, workspaceIds);
      return workspaceIds.map((id) => found.get(id) ?? null);
    });
  }
}
