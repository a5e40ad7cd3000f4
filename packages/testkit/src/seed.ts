import { randomBytes } from 'node:crypto';
import {
  AddWorkspaceMemberDocument,
  ApproveVerificationDocument,
  CreateWorkspaceDocument,
  SignInDocument,
  SignUpDocument,
  SubmitVerificationDocument,
  type PlatformClient,
  type WorkspaceKind,
  type WorkspaceRole,
} from '@mpp/client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestPlatform } from './platform.js';

/** A signed-in account with a client acting as it. */
export interface Actor {
  id: string;
  email: string;
  password: string;
  token: string;
  client: PlatformClient;
}

export interface SeededWorkspace {
  id: string;
  name: string;
  kind: WorkspaceKind;
  owner: Actor;
}

/** An email no other test uses. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.com`;
}

export function unwrap<T>(payload: { userErrors: readonly { message: string }[] }, value: T | null | undefined, step: string): T {
  if (payload.userErrors.length > 0 || value == null) {
    throw new Error(`${step} failed: ${payload.userErrors.map((e) => e.message).join('; ')}`);
  }
  return value;
}

export async function signUp(
  platform: TestPlatform,
  options: { email?: string; password?: string; displayName?: string } = {},
): Promise<Actor> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? 'correct horse battery';
  const { signUp } = await platform.client().execute(SignUpDocument, {
    input: { email, password, displayName: options.displayName ?? email.split('@')[0]! },
  });
  const token = unwrap(signUp, signUp.token, 'signUp');
  return { id: signUp.account!.id, email: signUp.account!.email, password, token, client: platform.client(token) };
}

export async function signIn(platform: TestPlatform, email: string, password: string): Promise<Actor> {
  const { signIn } = await platform.client().execute(SignInDocument, { input: { email, password } });
  const token = unwrap(signIn, signIn.token, 'signIn');
  return { id: signIn.account!.id, email, password, token, client: platform.client(token) };
}

/** The platform admin configured for tests (OWNER of the PLATFORM workspace). */
export function signInAdmin(platform: TestPlatform): Promise<Actor> {
  platform.adminSession ??= signIn(platform, ADMIN_EMAIL, ADMIN_PASSWORD).catch((error: unknown) => {
    platform.adminSession = null;
    throw error;
  });
  return platform.adminSession;
}

export async function createWorkspace(owner: Actor, kind: WorkspaceKind, name = `${kind.toLowerCase()} ${randomBytes(3).toString('hex')}`): Promise<SeededWorkspace> {
  const { createWorkspace } = await owner.client.execute(CreateWorkspaceDocument, { input: { kind, name } });
  const workspace = unwrap(createWorkspace, createWorkspace.workspace, 'createWorkspace');
  return { id: workspace.id, name: workspace.name, kind: workspace.kind, owner };
}

/** Submits the workspace's verification as its owner and has the platform admin approve it. */
export async function verifyWorkspace(platform: TestPlatform, workspace: SeededWorkspace): Promise<void> {
  const { submitVerification } = await workspace.owner.client.execute(SubmitVerificationDocument, {
    input: { workspaceId: workspace.id, companyName: `${workspace.name} Ltd`, registrationNumber: 'REG-12345', country: 'SG' },
  });
  unwrap(submitVerification, submitVerification.workspace, 'submitVerification');
  const admin = await signInAdmin(platform);
  const { approveVerification } = await admin.client.execute(ApproveVerificationDocument, { input: { workspaceId: workspace.id } });
  unwrap(approveVerification, approveVerification.workspace, 'approveVerification');
}

async function createVerified(platform: TestPlatform, kind: WorkspaceKind, owner?: Actor): Promise<SeededWorkspace> {
  const workspace = await createWorkspace(owner ?? (await signUp(platform, { email: uniqueEmail(kind.toLowerCase()) })), kind);
  await verifyWorkspace(platform, workspace);
  return workspace;
}

/** A signed-up merchant owner with a VERIFIED merchant workspace. */
export function createVerifiedMerchant(platform: TestPlatform, owner?: Actor): Promise<SeededWorkspace> {
  return createVerified(platform, 'MERCHANT', owner);
}

/** A signed-up ISV owner with a VERIFIED ISV workspace. */
export function createVerifiedIsv(platform: TestPlatform, owner?: Actor): Promise<SeededWorkspace> {
  return createVerified(platform, 'ISV', owner);
}

/** Signs up a new account and adds it to the workspace with `role`. */
export async function addMember(platform: TestPlatform, workspace: SeededWorkspace, role: WorkspaceRole): Promise<Actor> {
  const member = await signUp(platform, { email: uniqueEmail(role.toLowerCase()) });
  const { addWorkspaceMember } = await workspace.owner.client.execute(AddWorkspaceMemberDocument, {
    input: { workspaceId: workspace.id, email: member.email, role },
  });
  unwrap(addWorkspaceMember, addWorkspaceMember.workspace, 'addWorkspaceMember');
  return member;
}
