/** Workspace facts every subgraph needs for authorization; Accounts owns them. */
export enum WorkspaceKind {
  ISV = 'ISV',
  MERCHANT = 'MERCHANT',
  PLATFORM = 'PLATFORM',
}

export enum WorkspaceRole {
  OWNER = 'OWNER',
  MASTER = 'MASTER',
  DEVELOPER = 'DEVELOPER',
}

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

export interface WorkspaceFacts {
  id: string;
  kind: WorkspaceKind;
  verificationStatus: VerificationStatus;
}

export interface Membership {
  workspace: WorkspaceFacts;
  role: WorkspaceRole;
}

/** Answers "what is this account's role in workspace W, and is W verified" for one subgraph. */
export interface AccessDirectory {
  /** Keyed by workspace id; workspaces the account is not a member of are absent. */
  memberships(accountId: string, workspaceIds: readonly string[]): Promise<Map<string, Membership>>;
  /** Every membership of the account, keyed by workspace id. */
  membershipsOf(accountId: string): Promise<Map<string, Membership>>;
  /** Keyed by workspace id; unknown ids are absent. */
  workspaces(workspaceIds: readonly string[]): Promise<Map<string, WorkspaceFacts>>;
  isPlatformMember(accountId: string): Promise<boolean>;
  /**
   * Brings the answers up to date with everything committed so far: cheap when they already are
   * (a no-op at the source). True when answers given before may have changed since.
   */
  refresh(): Promise<boolean>;
}

/** The events Accounts publishes and every other subgraph projects. */
export const AccountsEvent = {
  AccountRegistered: 'account.registered',
  WorkspaceCreated: 'workspace.created',
  MemberAdded: 'workspace.member_added',
  MemberRoleChanged: 'workspace.member_role_changed',
  MemberRemoved: 'workspace.member_removed',
  VerificationSubmitted: 'workspace.verification_submitted',
  VerificationApproved: 'workspace.verification_approved',
  VerificationRejected: 'workspace.verification_rejected',
  SessionEnded: 'account.session_ended',
} as const;

export interface AccountRegisteredPayload {
  accountId: string;
  email: string;
}
export interface WorkspaceCreatedPayload {
  workspaceId: string;
  kind: WorkspaceKind;
  name: string;
  ownerId: string;
}
export interface MemberPayload {
  workspaceId: string;
  accountId: string;
  role: WorkspaceRole;
}
export interface VerificationPayload {
  workspaceId: string;
  status: VerificationStatus;
  reason?: string;
}

export interface SessionEndedPayload {
  sessionId: string;
  accountId: string;
  reason: 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'REFRESH_TOKEN_REUSED';
  /** ISO time after which no access token of the session is valid anyway. */
  tokensValidUntil: string;
}
