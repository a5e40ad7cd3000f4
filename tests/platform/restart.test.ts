import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApproveVerificationDocument,
  PendingVerificationsDocument,
  SignUpDocument,
  SubmitVerificationDocument,
  ViewerDocument,
  WorkspaceDocument,
} from '@mpp/client';
import { addMember, createWorkspace, signIn, signInAdmin, signUp, TestPlatform, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from '../support/expectations.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

const signingKeyFile = () => readFileSync(join(platform.config.dataDir, 'keys', 'token-signing-key.pem'), 'utf8');

describe('a restart', () => {
  let alice: Actor;
  let bob: Actor;
  let workspace: SeededWorkspace;
  let keyBeforeRestart: string;
  beforeAll(async () => {
    alice = await signUp(platform, { displayName: 'Alice Before Restart' });
    workspace = await createWorkspace(alice, 'MERCHANT', 'Before Restart Shop');
    bob = await addMember(platform, workspace, 'MASTER');
    const { submitVerification } = await alice.client.execute(SubmitVerificationDocument, {
      input: { workspaceId: workspace.id, companyName: 'Before Restart Pte Ltd', registrationNumber: 'BR-1', country: 'SG' },
    });
    expect(submitVerification.userErrors).toEqual([]);
    keyBeforeRestart = signingKeyFile();

    await platform.restart();
  });

  it('keeps the tokens issued before it working', async () => {
    const { viewer } = await alice.client.execute(ViewerDocument);
    expect(viewer).toMatchObject({
      id: alice.id,
      email: alice.email,
      displayName: 'Alice Before Restart',
      memberships: [{ role: 'OWNER', workspace: { id: workspace.id, name: 'Before Restart Shop' } }],
    });
    expect((await bob.client.execute(ViewerDocument)).viewer?.id).toBe(bob.id);
    expect(signingKeyFile()).toBe(keyBeforeRestart);
  });

  it('keeps the accounts: they sign in again with the same password, and their emails stay taken', async () => {
    const again = await signIn(platform, alice.email, alice.password);
    expect(again.id).toBe(alice.id);
    expect((await again.client.execute(ViewerDocument)).viewer?.id).toBe(alice.id);

    const { signUp: duplicate } = await platform.client().execute(SignUpDocument, {
      input: { email: alice.email, password: 'another password', displayName: 'Impostor' },
    });
    expect(duplicate.userErrors).toEqual([userError('TAKEN', 'email')]);
  });

  it('keeps workspaces, members and verification details, and work carries on from there', async () => {
    const { workspace: found } = await alice.client.execute(WorkspaceDocument, { id: workspace.id });
    expect(found?.members.map((member) => [member.account.id, member.role]).sort()).toEqual(
      [
        [alice.id, 'OWNER'],
        [bob.id, 'MASTER'],
      ].sort(),
    );
    expect(found?.verification).toMatchObject({ status: 'PENDING', companyName: 'Before Restart Pte Ltd', registrationNumber: 'BR-1' });

    const admin = await signInAdmin(platform);
    const { pendingVerifications } = await admin.client.execute(PendingVerificationsDocument, {});
    expect(pendingVerifications.edges.map((edge) => edge.node.id)).toContain(workspace.id);
    const { approveVerification } = await admin.client.execute(ApproveVerificationDocument, { input: { workspaceId: workspace.id } });
    expect(approveVerification.workspace?.verification.status).toBe('VERIFIED');
  });

  it('lets new accounts sign up afterwards', async () => {
    const carol = await signUp(platform);
    expect((await carol.client.execute(ViewerDocument)).viewer?.email).toBe(carol.email);
  });
});
