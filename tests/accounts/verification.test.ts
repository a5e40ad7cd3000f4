import { randomUUID } from 'node:crypto';
import {
  AddWorkspaceMemberDocument,
  ApproveVerificationDocument,
  PendingVerificationsDocument,
  RejectVerificationDocument,
  SubmitVerificationDocument,
  ViewerDocument,
  WorkspaceDocument,
  type PendingVerificationsQuery,
  type WorkspaceKind,
} from '@mpp/client';
import { addMember, createWorkspace, signInAdmin, signUp, TestPlatform, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLError, userError } from '../support/expectations.js';
import { workspaceEntities } from '../support/subgraph.js';

let platform: TestPlatform;
let admin: Actor;
/** One owner for most workspaces here: creating a workspace is cheap, signing up is not. */
let applicant: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start();
  [admin, applicant] = await Promise.all([signInAdmin(platform), signUp(platform)]);
});
afterAll(() => platform?.stop());

const COMPANY = { companyName: 'Lion City Trading Pte Ltd', registrationNumber: '201912345K', country: 'SG' };

function newWorkspace(kind: WorkspaceKind = 'MERCHANT', owner: Actor = applicant): Promise<SeededWorkspace> {
  return createWorkspace(owner, kind);
}

async function submit(actor: Actor, workspaceId: string, details: Partial<typeof COMPANY> = {}) {
  return (await actor.client.execute(SubmitVerificationDocument, { input: { workspaceId, ...COMPANY, ...details } })).submitVerification;
}

async function approve(actor: Actor, workspaceId: string) {
  return (await actor.client.execute(ApproveVerificationDocument, { input: { workspaceId } })).approveVerification;
}

async function reject(actor: Actor, workspaceId: string, reason: string) {
  return (await actor.client.execute(RejectVerificationDocument, { input: { workspaceId, reason } })).rejectVerification;
}

/** The verification as a member of the workspace sees it. */
async function verificationOf(workspace: SeededWorkspace) {
  const { workspace: found } = await workspace.owner.client.execute(WorkspaceDocument, { id: workspace.id });
  return found!.verification;
}

async function pendingWorkspace(kind: WorkspaceKind = 'MERCHANT'): Promise<SeededWorkspace> {
  const workspace = await newWorkspace(kind);
  expect((await submit(applicant, workspace.id)).userErrors).toEqual([]);
  return workspace;
}

/** Every id in the review queue, page by page as a reviewer walks it. */
async function pendingIds(reviewer: Actor = admin): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { pendingVerifications }: PendingVerificationsQuery = await reviewer.client.execute(PendingVerificationsDocument, { first: 100, after });
    ids.push(...pendingVerifications.edges.map((edge) => edge.node.id));
    if (!pendingVerifications.pageInfo.hasNextPage) return ids;
    after = pendingVerifications.pageInfo.endCursor;
  }
}

/** Approves everything waiting, so a test can reason about the whole queue. */
async function emptyTheQueue(): Promise<void> {
  for (const id of await pendingIds()) expect((await approve(admin, id)).userErrors).toEqual([]);
  expect(await pendingIds()).toEqual([]);
}

describe('submitVerification', () => {
  it('takes an unverified workspace to PENDING with the company details, as its OWNER submits them', async () => {
    const workspace = await newWorkspace('ISV');
    expect((await verificationOf(workspace)).status).toBe('UNVERIFIED');

    const payload = await submit(applicant, workspace.id, { companyName: '  Lion City Trading Pte Ltd  ' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.workspace?.verification).toEqual({
      status: 'PENDING',
      ...COMPANY,
      submittedAt: expect.any(String),
      reviewedAt: null,
      rejectionReason: null,
    });
    expect(Number.isNaN(Date.parse(payload.workspace!.verification.submittedAt!))).toBe(false);
    expect(await verificationOf(workspace)).toEqual(payload.workspace?.verification);
  });

  it('may be done by a MASTER', async () => {
    const workspace = await newWorkspace();
    const master = await addMember(platform, workspace, 'MASTER');
    expect((await submit(master, workspace.id)).workspace?.verification.status).toBe('PENDING');
  });

  it('is FORBIDDEN to a DEVELOPER, an outsider and the platform admin', async () => {
    const workspace = await newWorkspace();
    const developer = await addMember(platform, workspace, 'DEVELOPER');
    const outsider = await signUp(platform);
    for (const actor of [developer, outsider, admin]) {
      await expectGraphQLError(submit(actor, workspace.id), 'FORBIDDEN');
    }
    expect((await verificationOf(workspace)).status).toBe('UNVERIFIED');
  });

  it('answers NOT_FOUND on workspaceId for a workspace that does not exist', async () => {
    for (const workspaceId of [randomUUID(), 'not-a-uuid']) {
      expect(await submit(applicant, workspaceId)).toEqual({ workspace: null, userErrors: [userError('NOT_FOUND', 'workspaceId')] });
    }
  });

  it('needs a company name of 2 to 200 characters once trimmed', async () => {
    const workspace = await newWorkspace();
    for (const companyName of ['', ' A ', 'n'.repeat(201), 'Nul\u0000Trading']) {
      expect(await submit(applicant, workspace.id, { companyName }), companyName).toEqual({
        workspace: null,
        userErrors: [userError('INVALID', 'companyName')],
      });
    }
    expect((await submit(applicant, (await newWorkspace()).id, { companyName: 'AB' })).userErrors).toEqual([]);
    expect((await submit(applicant, (await newWorkspace()).id, { companyName: 'n'.repeat(200) })).userErrors).toEqual([]);
    expect((await verificationOf(workspace)).status).toBe('UNVERIFIED');
  });

  it('needs a registration number of letters, digits, spaces, dots, slashes and dashes', async () => {
    const workspace = await newWorkspace();
    for (const registrationNumber of ['', '   ', 'REG#1', 'REG_1', 'REG:1', 'REG,1', '<script>']) {
      expect((await submit(applicant, workspace.id, { registrationNumber })).userErrors, registrationNumber).toEqual([
        userError('INVALID', 'registrationNumber'),
      ]);
    }
    for (const registrationNumber of ['201912345K', 'HRB 12345', 'No. 12/345-6', '91310000MA1FL0000X']) {
      const accepted = await submit(applicant, (await newWorkspace()).id, { registrationNumber });
      expect(accepted.userErrors, registrationNumber).toEqual([]);
      expect(accepted.workspace?.verification.registrationNumber).toBe(registrationNumber);
    }
  });

  it('needs an ISO 3166-1 alpha-2 country code', async () => {
    const workspace = await newWorkspace();
    for (const country of ['', 'S', 'SGP', 'XX', 'ZZ', '12', 'Singapore']) {
      expect((await submit(applicant, workspace.id, { country })).userErrors, country).toEqual([userError('INVALID', 'country')]);
    }
    for (const country of ['CN', 'US', 'DE']) {
      expect((await submit(applicant, (await newWorkspace()).id, { country })).workspace?.verification.country).toBe(country);
    }
  });

  it('reports every broken field at once', async () => {
    const workspace = await newWorkspace();
    const payload = await submit(applicant, workspace.id, { companyName: 'x', registrationNumber: '#', country: 'XX' });
    expect(payload.workspace).toBeNull();
    expect(payload.userErrors).toHaveLength(3);
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([userError('INVALID', 'companyName'), userError('INVALID', 'registrationNumber'), userError('INVALID', 'country')]),
    );
  });

  it('is INVALID_STATE while PENDING and once VERIFIED', async () => {
    const workspace = await pendingWorkspace();
    expect(await submit(applicant, workspace.id, { companyName: 'Changed Name Ltd' })).toEqual({
      workspace: null,
      userErrors: [userError('INVALID_STATE', 'workspaceId')],
    });
    expect((await verificationOf(workspace)).companyName).toBe(COMPANY.companyName);

    expect((await approve(admin, workspace.id)).userErrors).toEqual([]);
    expect((await submit(applicant, workspace.id)).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
    expect((await verificationOf(workspace)).status).toBe('VERIFIED');
  });

  it('is INVALID_STATE for the PLATFORM workspace, which needs no verification', async () => {
    const { viewer } = await admin.client.execute(ViewerDocument);
    const platformWorkspace = viewer!.memberships.find((m) => m.workspace.kind === 'PLATFORM')!.workspace;
    expect((await submit(admin, platformWorkspace.id)).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
  });
});

describe('approveVerification and rejectVerification', () => {
  it('a platform member approves a PENDING verification: VERIFIED, with the review time', async () => {
    const workspace = await pendingWorkspace();
    const payload = await approve(admin, workspace.id);
    expect(payload.userErrors).toEqual([]);
    expect(payload.workspace?.verification).toMatchObject({ status: 'VERIFIED', ...COMPANY, reviewedAt: expect.any(String), rejectionReason: null });
    expect((await verificationOf(workspace)).status).toBe('VERIFIED');
  });

  it('a platform member with the DEVELOPER role may review too', async () => {
    const { viewer } = await admin.client.execute(ViewerDocument);
    const platformWorkspaceId = viewer!.memberships.find((m) => m.workspace.kind === 'PLATFORM')!.workspace.id;
    const reviewer = await signUp(platform);
    const { addWorkspaceMember } = await admin.client.execute(AddWorkspaceMemberDocument, {
      input: { workspaceId: platformWorkspaceId, email: reviewer.email, role: 'DEVELOPER' },
    });
    expect(addWorkspaceMember.userErrors).toEqual([]);

    const [toApprove, toReject] = [await pendingWorkspace(), await pendingWorkspace()];
    expect(await pendingIds(reviewer)).toEqual(expect.arrayContaining([toApprove.id, toReject.id]));
    expect((await approve(reviewer, toApprove.id)).workspace?.verification.status).toBe('VERIFIED');
    expect((await reject(reviewer, toReject.id, 'The document is unreadable.')).workspace?.verification.status).toBe('REJECTED');
  });

  it('is FORBIDDEN to anyone outside the platform, the workspace\'s own OWNER included', async () => {
    const workspace = await pendingWorkspace();
    const master = await addMember(platform, workspace, 'MASTER');
    const outsider = await signUp(platform);
    for (const actor of [applicant, master, outsider]) {
      await expectGraphQLError(approve(actor, workspace.id), 'FORBIDDEN');
      await expectGraphQLError(reject(actor, workspace.id, 'Looks wrong to me.'), 'FORBIDDEN');
    }
    await expectGraphQLError(platform.client().execute(ApproveVerificationDocument, { input: { workspaceId: workspace.id } }), 'UNAUTHENTICATED');
    expect((await verificationOf(workspace)).status).toBe('PENDING');
  });

  it('decides only PENDING verifications: anything else is INVALID_STATE', async () => {
    const unverified = await newWorkspace();
    expect(await approve(admin, unverified.id)).toEqual({ workspace: null, userErrors: [userError('INVALID_STATE', 'workspaceId')] });
    expect((await reject(admin, unverified.id, 'Nothing to review.')).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);

    const verified = await pendingWorkspace();
    await approve(admin, verified.id);
    expect((await approve(admin, verified.id)).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
    expect((await reject(admin, verified.id, 'Changed my mind.')).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
    expect((await verificationOf(verified)).status).toBe('VERIFIED');

    const rejected = await pendingWorkspace();
    await reject(admin, rejected.id, 'Wrong country.');
    expect((await approve(admin, rejected.id)).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
    expect((await reject(admin, rejected.id, 'Again.')).userErrors).toEqual([userError('INVALID_STATE', 'workspaceId')]);
    expect(await verificationOf(rejected)).toMatchObject({ status: 'REJECTED', rejectionReason: 'Wrong country.' });
  });

  it('answers NOT_FOUND on workspaceId for a workspace that does not exist', async () => {
    for (const workspaceId of [randomUUID(), 'not-a-uuid']) {
      expect(await approve(admin, workspaceId)).toEqual({ workspace: null, userErrors: [userError('NOT_FOUND', 'workspaceId')] });
      expect((await reject(admin, workspaceId, 'No such company.')).userErrors).toEqual([userError('NOT_FOUND', 'workspaceId')]);
    }
  });

  it('rejecting needs a reason that is not blank, of at most 1000 characters', async () => {
    const workspace = await pendingWorkspace();
    for (const reason of ['', '    ', '\n\t', 'r'.repeat(1001), 'Nul\u0000reason']) {
      expect(await reject(admin, workspace.id, reason), JSON.stringify(reason.slice(0, 20))).toEqual({
        workspace: null,
        userErrors: [userError('INVALID', 'reason')],
      });
    }
    expect((await verificationOf(workspace)).status).toBe('PENDING');

    const longest = await reject(admin, workspace.id, 'r'.repeat(1000));
    expect(longest.userErrors).toEqual([]);
    expect(longest.workspace?.verification.rejectionReason).toBe('r'.repeat(1000));
  });

  it('shows the rejection reason to the workspace, which corrects its details and resubmits', async () => {
    const workspace = await pendingWorkspace();
    const master = await addMember(platform, workspace, 'MASTER');
    const reason = 'The registration number does not match the company name.';
    expect((await reject(admin, workspace.id, reason)).userErrors).toEqual([]);

    expect(await verificationOf(workspace)).toEqual({
      status: 'REJECTED',
      ...COMPANY,
      submittedAt: expect.any(String),
      reviewedAt: expect.any(String),
      rejectionReason: reason,
    });
    // The reason is the workspace's business: outsiders see the status alone.
    const outsider = await signUp(platform);
    const asOutsider = await workspaceEntities(platform, [workspace.id], 'verification { status rejectionReason companyName }', outsider.token);
    expect(asOutsider.data?._entities).toEqual([{ verification: { status: 'REJECTED', rejectionReason: null, companyName: null } }]);

    const resubmitted = await submit(master, workspace.id, { registrationNumber: '201954321Z' });
    expect(resubmitted.userErrors).toEqual([]);
    expect(resubmitted.workspace?.verification).toEqual({
      status: 'PENDING',
      ...COMPANY,
      registrationNumber: '201954321Z',
      submittedAt: expect.any(String),
      reviewedAt: null,
      rejectionReason: null,
    });
    expect(await pendingIds()).toContain(workspace.id);

    expect((await approve(admin, workspace.id)).workspace?.verification).toMatchObject({ status: 'VERIFIED', registrationNumber: '201954321Z' });
  });
});

describe('pendingVerifications', () => {
  it('is for platform members only', async () => {
    const team = await pendingWorkspace();
    const developer = await addMember(platform, team, 'DEVELOPER');
    for (const actor of [applicant, developer]) {
      await expectGraphQLError(actor.client.execute(PendingVerificationsDocument, {}), 'FORBIDDEN');
    }
    await expectGraphQLError(platform.client().execute(PendingVerificationsDocument, {}), 'UNAUTHENTICATED');
  });

  it('lists pending workspaces oldest submission first, with their details; a resubmission goes to the back', async () => {
    await emptyTheQueue();
    const [first, second, third] = [await pendingWorkspace('ISV'), await pendingWorkspace('MERCHANT'), await pendingWorkspace('ISV')];

    const { pendingVerifications } = await admin.client.execute(PendingVerificationsDocument, {});
    expect(pendingVerifications.edges.map((edge) => edge.node)).toEqual(
      [first, second, third].map((workspace) => ({
        id: workspace.id,
        kind: workspace.kind,
        name: workspace.name,
        verification: { status: 'PENDING', ...COMPANY, submittedAt: expect.any(String) },
      })),
    );
    expect(pendingVerifications.pageInfo.hasNextPage).toBe(false);

    await reject(admin, first.id, 'Please upload the certificate.');
    await submit(applicant, first.id);
    expect(await pendingIds()).toEqual([second.id, third.id, first.id]);
  });

  it('pages through the queue with no duplicates and no gaps while submissions and decisions happen between pages', async () => {
    await emptyTheQueue();
    const submittedInOrder: string[] = [];
    const submitOne = async () => submittedInOrder.push((await pendingWorkspace()).id);
    for (let i = 0; i < 7; i++) await submitOne();

    const seen: string[] = [];
    const decidedBeforeSeen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const { pendingVerifications }: PendingVerificationsQuery = await admin.client.execute(PendingVerificationsDocument, { first: 3, after });
      const ids = pendingVerifications.edges.map((edge) => edge.node.id);
      expect(ids.length).toBeLessThanOrEqual(3);
      seen.push(...ids);

      if (page === 0) {
        // Between pages: two new submissions, one approval of a workspace already listed (an
        // offset-based cursor would then skip one) and one of a workspace not listed yet.
        await submitOne();
        await submitOne();
        await approve(admin, ids[0]!);
        const notYetListed = submittedInOrder[5]!;
        await approve(admin, notYetListed);
        decidedBeforeSeen.add(notYetListed);
      }
      if (page === 1) await submitOne();

      if (!pendingVerifications.pageInfo.hasNextPage) break;
      expect(pendingVerifications.pageInfo.endCursor).toBe(pendingVerifications.edges.at(-1)?.cursor);
      after = pendingVerifications.pageInfo.endCursor;
    }

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(submittedInOrder.filter((id) => !decidedBeforeSeen.has(id)));
  });

  it('refuses a cursor it did not produce and a page size outside 0–100, as a client error', async () => {
    for (const variables of [{ after: 'not-a-cursor' }, { after: Buffer.from('["v1","x"]').toString('base64url') }, { first: 101 }, { first: -1 }]) {
      const result = await admin.client.request(PendingVerificationsDocument, variables);
      expect(result.errors?.map((error) => error.extensions?.code), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
