import { randomBytes, randomUUID } from 'node:crypto';
import {
  AddMiniProgramMemberDocument,
  ApproveServiceDocument,
  ApproveVerificationDocument,
  ApproveVersionDocument,
  CreateMiniProgramDocument,
  CreateServiceDocument,
  CreateWorkspaceDocument,
  MiniProgramDocument,
  OrderStatusChangedDocument,
  PendingVerificationsDocument,
  PlaceOrderDocument,
  ReleaseVersionDocument,
  ServiceMarketDocument,
  ServicesPendingReviewDocument,
  SubmitServiceForReviewDocument,
  SubmitVerificationDocument,
  SubmitVersionForReviewDocument,
  UploadVersionDocument,
  VersionsPendingReviewDocument,
  WorkspaceOrdersDocument,
  type WorkspaceKind,
} from '@mpp/client';
import {
  addMember,
  eventually,
  miniProgramInput,
  png,
  serviceInput,
  signInAdmin,
  signUp,
  stageUpload,
  subscribe,
  TestPlatform,
  uploadVersion,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAs, REASONS, steps, succeeded } from './steps.js';

let platform: TestPlatform;
let admin: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

/** What the story has built so far. */
const story = {} as {
  isv: SeededWorkspace;
  merchant: SeededWorkspace;
  serviceId: string;
  miniProgramId: string;
  orderId: string;
  orderNumber: string;
  developer: Actor;
  versionId: string;
};

/** Signs up an owner, creates the workspace, submits its verification and has the platform approve it. */
async function onboard(kind: WorkspaceKind, name: string): Promise<SeededWorkspace> {
  const owner = await signUp(platform, { displayName: `${name} owner` });
  const { createWorkspace } = await owner.client.execute(CreateWorkspaceDocument, { input: { kind, name } });
  const workspace = succeededWith(createWorkspace, createWorkspace.workspace);
  expect(workspace).toMatchObject({ kind, name, verification: { status: 'UNVERIFIED' } });

  const { submitVerification } = await owner.client.execute(SubmitVerificationDocument, {
    input: { workspaceId: workspace.id, companyName: `${name} Co., Ltd.`, registrationNumber: 'REG-2026-0001', country: 'SG' },
  });
  expect(succeededWith(submitVerification, submitVerification.workspace).verification.status).toBe('PENDING');

  const { pendingVerifications } = await admin.client.execute(PendingVerificationsDocument, { first: 100 });
  expect(pendingVerifications.edges.map((e) => e.node.id)).toContain(workspace.id);
  const { approveVerification } = await admin.client.execute(ApproveVerificationDocument, { input: { workspaceId: workspace.id } });
  expect(succeededWith(approveVerification, approveVerification.workspace).verification.status).toBe('VERIFIED');
  return { id: workspace.id, name, kind, owner };
}

function succeededWith<T>(payload: { userErrors: unknown[] }, value: T | null | undefined): T {
  expect(payload.userErrors).toEqual([]);
  expect(value).toBeTruthy();
  return value!;
}

describe('ISV-led development of a mini program, as in the seed workflow', () => {
  it('(ISV & merchant) onboard: sign up, create workspaces, pass verification by the platform', async () => {
    story.isv = await onboard('ISV', `Bright Apps ${randomBytes(3).toString('hex')}`);
    story.merchant = await onboard('MERCHANT', `Corner Coffee ${randomBytes(3).toString('hex')}`);
  });

  it('(ISV) creates a service, submits it; the platform approves it and it is ONLINE in the Service Market', async () => {
    const { isv } = story;
    const { createService } = await isv.owner.client.execute(CreateServiceDocument, {
      input: serviceInput(isv.id, { name: 'Loyalty mini program in 6 weeks', price: { amount: 2_400_00, currency: 'USD' } }),
    });
    const draft = succeededWith(createService, createService.service);
    expect(draft.status).toBe('DRAFT');

    const { submitServiceForReview } = await isv.owner.client.execute(SubmitServiceForReviewDocument, { input: { serviceId: draft.id } });
    expect(succeededWith(submitServiceForReview, submitServiceForReview.service).status).toBe('PENDING_REVIEW');
    const { servicesPendingReview } = await admin.client.execute(ServicesPendingReviewDocument, { first: 100 });
    expect(servicesPendingReview.nodes.map((s) => s.id)).toContain(draft.id);

    const { approveService } = await admin.client.execute(ApproveServiceDocument, { input: { serviceId: draft.id } });
    expect(succeededWith(approveService, approveService.service).status).toBe('ONLINE');

    const { serviceMarket } = await story.merchant.owner.client.execute(ServiceMarketDocument, { filter: { search: 'Loyalty mini program' }, first: 10 });
    expect(serviceMarket.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ id: draft.id, status: 'ONLINE', price: { amount: 2_400_00, currency: 'USD' }, isv: expect.objectContaining({ id: isv.id }) }),
    );
    story.serviceId = draft.id;
  });

  it('(merchant) creates a mini program with an uploaded logo', async () => {
    const { merchant } = story;
    const logo = await stageUpload(merchant.owner, 'LOGO', png(128, 128));
    expect(logo.put.status).toBe(200);
    const { createMiniProgram } = await merchant.owner.client.execute(CreateMiniProgramDocument, {
      input: miniProgramInput(merchant.id, logo.uploadId, { name: 'Corner Coffee' }),
    });
    const miniProgram = succeededWith(createMiniProgram, createMiniProgram.miniProgram);
    expect(miniProgram).toMatchObject({ name: 'Corner Coffee', status: 'ACTIVE', merchant: { id: merchant.id } });
    expect((await fetch(miniProgram.logoUrl)).status).toBe(200);
    story.miniProgramId = miniProgram.id;
  });

  it('(merchant) places an order; (ISV) sees it and accepts it; (merchant) confirms it: the ISV is authorized', async () => {
    const { merchant, isv, serviceId, miniProgramId } = story;
    const { placeOrder } = await merchant.owner.client.execute(PlaceOrderDocument, {
      input: { serviceId, miniProgramId, requirements: 'Menu, mobile ordering and a points shop.', idempotencyKey: randomUUID() },
    });
    const placed = succeeded(placeOrder);
    expect(placed).toMatchObject({
      status: 'NEW',
      requirements: 'Menu, mobile ordering and a points shop.',
      price: { amount: 2_400_00, currency: 'USD' },
      service: { id: serviceId, name: 'Loyalty mini program in 6 weeks' },
      merchant: { id: merchant.id, name: merchant.name },
      isv: { id: isv.id, name: isv.name },
      miniProgram: { id: miniProgramId, name: 'Corner Coffee' },
    });
    expect(placed.number).toMatch(/^ORD-\d{4}-\d{6}$/);
    story.orderId = placed.id;
    story.orderNumber = placed.number;

    const { workspace: isvView } = await isv.owner.client.execute(WorkspaceOrdersDocument, { workspaceId: isv.id, status: 'NEW' });
    expect(isvView?.orders.nodes.map((o) => o.id)).toEqual([placed.id]);

    expect(succeeded(await steps.accept(isv.owner, placed.id)).status).toBe('PENDING_CONFIRMATION');
    expect((await orderAs(merchant.owner, placed.id))?.miniProgram.authorizedIsv).toBeNull();

    expect(succeeded(await steps.confirm(merchant.owner, placed.id)).status).toBe('IN_DEVELOPMENT');
    expect((await orderAs(merchant.owner, placed.id))?.miniProgram.authorizedIsv).toEqual({ id: isv.id, name: isv.name });
  });

  it('(ISV) adds its developer to the mini program; the developer uploads and submits a version; the platform approves; the developer releases it', async () => {
    const { isv, merchant, miniProgramId } = story;
    const developer = await addMember(platform, isv, 'DEVELOPER');
    const { addMiniProgramMember } = await isv.owner.client.execute(AddMiniProgramMemberDocument, {
      input: { miniProgramId, email: developer.email, role: 'DEVELOPER' },
    });
    expect(addMiniProgramMember.userErrors).toEqual([]);
    const { miniProgram: team } = await isv.owner.client.execute(MiniProgramDocument, { id: miniProgramId });
    expect(team?.members).toContainEqual(expect.objectContaining({ role: 'DEVELOPER', account: { id: developer.id, email: developer.email } }));

    const version = await uploadVersion(developer, miniProgramId, '1.0.0');
    expect(version).toMatchObject({ status: 'UPLOADED', uploadedBy: { id: developer.id } });
    const { submitVersionForReview } = await developer.client.execute(SubmitVersionForReviewDocument, { input: { versionId: version.id } });
    expect(succeededWith(submitVersionForReview, submitVersionForReview.version).status).toBe('UNDER_REVIEW');

    const { versionsPendingReview } = await admin.client.execute(VersionsPendingReviewDocument, { first: 100 });
    expect(versionsPendingReview.nodes.map((v) => v.id)).toContain(version.id);
    const { approveVersion } = await admin.client.execute(ApproveVersionDocument, { input: { versionId: version.id } });
    expect(succeededWith(approveVersion, approveVersion.version).status).toBe('APPROVED');

    const { releaseVersion } = await developer.client.execute(ReleaseVersionDocument, { input: { versionId: version.id } });
    expect(succeededWith(releaseVersion, releaseVersion.version).status).toBe('RELEASED');
    const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: miniProgramId });
    expect(miniProgram?.currentRelease).toMatchObject({ id: version.id, version: '1.0.0', status: 'RELEASED' });

    story.developer = developer;
    story.versionId = version.id;
  });

  it('(ISV) requests closure; (merchant) rejects it once with a reason; (ISV) requests again; (merchant) approves: CLOSED', async () => {
    const { isv, merchant, orderId } = story;
    expect(succeeded(await steps.requestClosure(isv.owner, orderId)).status).toBe('CLOSURE_REQUESTED');
    // While closure is only requested, the ISV stays authorized.
    expect((await orderAs(merchant.owner, orderId))?.miniProgram.authorizedIsv?.id).toBe(isv.id);

    expect(succeeded(await steps.rejectClosure(merchant.owner, orderId, REASONS.rejectClosure)).status).toBe('IN_DEVELOPMENT');
    expect((await orderAs(isv.owner, orderId))?.events.at(-1)).toMatchObject({ from: 'CLOSURE_REQUESTED', to: 'IN_DEVELOPMENT', reason: REASONS.rejectClosure });

    expect(succeeded(await steps.requestClosure(isv.owner, orderId)).status).toBe('CLOSURE_REQUESTED');
    expect(succeeded(await steps.approveClosure(merchant.owner, orderId)).status).toBe('CLOSED');

    const { workspace } = await merchant.owner.client.execute(WorkspaceOrdersDocument, { workspaceId: merchant.id, status: 'CLOSED' });
    expect(workspace?.orders).toMatchObject({ totalCount: 1, nodes: [{ id: orderId, number: story.orderNumber, status: 'CLOSED' }] });
  });

  it("ends the ISV's powers on the mini program once CLOSED", async () => {
    const { isv, merchant, developer, miniProgramId, orderId } = story;

    // The developer the ISV added can no longer upload, nor even see the mini program…
    const staged = await stageUpload(developer, 'PACKAGE', randomBytes(1024));
    const { uploadVersion: upload } = await developer.client.execute(UploadVersionDocument, {
      input: { miniProgramId, version: '1.1.0', description: 'After the order closed', packageUploadId: staged.uploadId },
    });
    expect(upload).toMatchObject({ version: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'miniProgramId'] }] });
    expect((await developer.client.execute(MiniProgramDocument, { id: miniProgramId })).miniProgram).toBeNull();

    // …and is no longer one of its members.
    await eventually(
      async () => {
        const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: miniProgramId });
        return miniProgram !== null && !miniProgram.members.some((m) => m.account.id === developer.id);
      },
      10_000,
      'the ISV developer removed from the mini program members',
    );

    // The ISV owner can no longer add members.
    const colleague = await addMember(platform, isv, 'DEVELOPER');
    const { addMiniProgramMember } = await isv.owner.client.execute(AddMiniProgramMemberDocument, {
      input: { miniProgramId, email: colleague.email, role: 'DEVELOPER' },
    });
    expect(addMiniProgramMember).toMatchObject({ miniProgram: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'miniProgramId'] }] });

    // No ISV is authorized any more; the merchant keeps its mini program and its release.
    const order = await orderAs(merchant.owner, orderId);
    expect(order?.miniProgram.authorizedIsv).toBeNull();
    const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: miniProgramId });
    expect(miniProgram).toMatchObject({ status: 'ACTIVE', currentRelease: { id: story.versionId, status: 'RELEASED' } });
    expect(miniProgram?.members.map((m) => m.account.id)).not.toContain(colleague.id);
  });

  it('keeps the whole timeline: every step, its actor and reason, in order', async () => {
    const { isv, merchant, orderId } = story;
    const order = await orderAs(merchant.owner, orderId);
    expect(order?.status).toBe('CLOSED');
    const events = order!.events;
    expect(events.map(({ from, to, reason, actor }) => ({ from, to, reason, actor: actor?.id }))).toEqual([
      { from: null, to: 'NEW', reason: null, actor: merchant.owner.id },
      { from: 'NEW', to: 'PENDING_CONFIRMATION', reason: null, actor: isv.owner.id },
      { from: 'PENDING_CONFIRMATION', to: 'IN_DEVELOPMENT', reason: null, actor: merchant.owner.id },
      { from: 'IN_DEVELOPMENT', to: 'CLOSURE_REQUESTED', reason: null, actor: isv.owner.id },
      { from: 'CLOSURE_REQUESTED', to: 'IN_DEVELOPMENT', reason: REASONS.rejectClosure, actor: merchant.owner.id },
      { from: 'IN_DEVELOPMENT', to: 'CLOSURE_REQUESTED', reason: null, actor: isv.owner.id },
      { from: 'CLOSURE_REQUESTED', to: 'CLOSED', reason: null, actor: merchant.owner.id },
    ]);
    expect(events[0]!.actor?.email).toBe(merchant.owner.email);
    const times = events.map((e) => Date.parse(e.at));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(Date.parse(order!.createdAt)).toBe(times[0]);
    expect(Date.parse(order!.updatedAt)).toBe(times.at(-1));
    expect(new Set(events.map((e) => e.cursor)).size).toBe(events.length);

    // Both parties read the same timeline.
    expect((await orderAs(isv.owner, orderId))?.events).toEqual(events);

    // The cursors are positions in order: resuming after each one yields exactly the events after it.
    const subscriber = await subscribe(platform, merchant.owner.client, OrderStatusChangedDocument, {
      workspaceId: merchant.id,
      orderId,
      after: events[0]!.cursor,
    });
    try {
      const resumed = await subscriber.take(events.length - 1);
      expect(resumed.map((r) => r.data?.orderStatusChanged.cursor)).toEqual(events.slice(1).map((e) => e.cursor));
      expect(resumed.map((r) => r.data?.orderStatusChanged.to)).toEqual(events.slice(1).map((e) => e.to));
    } finally {
      await subscriber.close();
      await merchant.owner.client.close();
    }
  });
});
