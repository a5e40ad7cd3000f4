import { randomBytes } from 'node:crypto';
import {
  ApproveVersionDocument,
  MiniProgramDocument,
  MiniProgramQrCodeDocument,
  RejectVersionDocument,
  RemoveMiniProgramDocument,
  ReleaseVersionDocument,
  RollbackReleaseDocument,
  SetTrialVersionDocument,
  SubmitVersionForReviewDocument,
  TakeVersionOfflineDocument,
  UploadVersionDocument,
  VersionsPendingReviewDocument,
  WithdrawVersionReviewDocument,
  type QrCodeKind,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createVerifiedMerchant,
  signInAdmin,
  signUp,
  stageUpload,
  TestPlatform,
  uploadVersion,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVersion, errorCode, releasedVersion, userError } from './support.js';

let platform: TestPlatform;
let merchant: SeededWorkspace;
let owner: Actor;
let admin: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  merchant = await createVerifiedMerchant(platform);
  owner = merchant.owner;
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

let created = 0;
/** A fresh mini program of the same owner (in a further merchant workspace of theirs every 10, the quota). */
async function newMiniProgram(): Promise<string> {
  if (++created % 10 === 0) merchant = await createVerifiedMerchant(platform, owner);
  return (await createMiniProgram(merchant)).id;
}

const submit = (actor: Actor, versionId: string) => actor.client.execute(SubmitVersionForReviewDocument, { input: { versionId } });
const withdraw = (actor: Actor, versionId: string) => actor.client.execute(WithdrawVersionReviewDocument, { input: { versionId } });
const approve = (actor: Actor, versionId: string) => actor.client.execute(ApproveVersionDocument, { input: { versionId } });
const reject = (actor: Actor, versionId: string, reason: string) => actor.client.execute(RejectVersionDocument, { input: { versionId, reason } });
const release = (actor: Actor, versionId: string, grayPercentage?: number) =>
  actor.client.execute(ReleaseVersionDocument, { input: { versionId, grayPercentage } });
const rollback = (actor: Actor, miniProgramId: string) => actor.client.execute(RollbackReleaseDocument, { input: { miniProgramId } });
const takeOffline = (actor: Actor, versionId: string) => actor.client.execute(TakeVersionOfflineDocument, { input: { versionId } });
const setTrial = (actor: Actor, versionId: string) => actor.client.execute(SetTrialVersionDocument, { input: { versionId } });

async function tryUpload(miniProgramId: string, version: string, description = `Version ${version}`) {
  const staged = await stageUpload(owner, 'PACKAGE', randomBytes(1024));
  const { uploadVersion } = await owner.client.execute(UploadVersionDocument, {
    input: { miniProgramId, version, description, packageUploadId: staged.uploadId },
  });
  return uploadVersion;
}

/** The status of each version of the mini program, by version number, and its current release. */
async function snapshot(miniProgramId: string) {
  const { miniProgram } = await owner.client.execute(MiniProgramDocument, { id: miniProgramId });
  return {
    statuses: Object.fromEntries(miniProgram!.versions.nodes.map((v) => [v.version, v.status])),
    current: miniProgram!.currentRelease?.version ?? null,
    gray: miniProgram!.versions.nodes.filter((v) => v.status === 'GRAY').map((v) => [v.version, v.grayPercentage]),
  };
}

async function qrCode(actor: Actor, id: string, kind: QrCodeKind, page: string | null = null) {
  const { miniProgram } = await actor.client.execute(MiniProgramQrCodeDocument, { id, kind, page });
  return miniProgram!.qrCode;
}

describe('uploading versions: semantic versions, each greater than every earlier one', () => {
  it('records an UPLOADED version with its uploader, and lists versions newest first', async () => {
    const id = await newMiniProgram();
    const first = await uploadVersion(owner, id, '1.0.0');
    expect(first).toMatchObject({ version: '1.0.0', status: 'UPLOADED', uploadedBy: { id: owner.id }, submittedAt: null, releasedAt: null });
    await uploadVersion(owner, id, '1.0.1');
    const { miniProgram } = await owner.client.execute(MiniProgramDocument, { id });
    expect(miniProgram!.versions.nodes.map((v) => v.version)).toEqual(['1.0.1', '1.0.0']);
  });

  it('refuses an existing number (TAKEN), a lower one and a malformed one (INVALID)', async () => {
    const id = await newMiniProgram();
    await uploadVersion(owner, id, '1.2.0');
    expect((await tryUpload(id, '1.2.0')).userErrors).toEqual([userError('TAKEN', 'version')]);
    expect((await tryUpload(id, '1.1.9')).userErrors).toEqual([userError('INVALID', 'version')]);
    expect((await tryUpload(id, '1.2.0-rc.1')).userErrors).toEqual([userError('INVALID', 'version')]);
    for (const malformed of ['1.3', 'v1.3.0', '1.3.0.0', 'latest']) {
      expect((await tryUpload(id, malformed)).userErrors).toEqual([userError('INVALID', 'version')]);
    }
    expect((await tryUpload(id, '1.3.0', '   ')).userErrors).toEqual([userError('INVALID', 'description')]);
    expect((await tryUpload(id, '1.3.0-beta.1')).userErrors).toEqual([]);
    expect((await tryUpload(id, '1.3.0')).userErrors).toEqual([]);
  });

  it('compares with every earlier version, rejected ones included', async () => {
    const id = await newMiniProgram();
    await uploadVersion(owner, id, '1.0.0');
    const big = await uploadVersion(owner, id, '2.0.0');
    await submit(owner, big.id);
    await reject(admin, big.id, 'Crashes on start.');
    expect((await tryUpload(id, '1.5.0')).userErrors).toEqual([userError('INVALID', 'version')]);
    expect((await tryUpload(id, '2.0.0')).userErrors).toEqual([userError('TAKEN', 'version')]);
    expect((await tryUpload(id, '2.0.1')).userErrors).toEqual([]);
  });

  it('takes no version for a removed mini program (INVALID_STATE)', async () => {
    const id = await newMiniProgram();
    const uploaded = await uploadVersion(owner, id, '1.0.0');
    await owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: id } });
    expect((await tryUpload(id, '1.1.0')).userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    expect((await submit(owner, uploaded.id)).submitVersionForReview.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
  });
});

describe('review: one version under review at a time, decided by the platform', () => {
  it('submits, withdraws and resubmits; a second submission waits for the first', async () => {
    const id = await newMiniProgram();
    const a = await uploadVersion(owner, id, '1.0.0');
    const b = await uploadVersion(owner, id, '1.1.0');

    const submitted = await submit(owner, a.id);
    expect(submitted.submitVersionForReview.version).toMatchObject({ status: 'UNDER_REVIEW', submittedAt: expect.any(String) });
    expect((await submit(owner, a.id)).submitVersionForReview.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await submit(owner, b.id)).submitVersionForReview.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);

    expect((await withdraw(owner, a.id)).withdrawVersionReview.version?.status).toBe('UPLOADED');
    expect((await withdraw(owner, a.id)).withdrawVersionReview.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await submit(owner, b.id)).submitVersionForReview.version?.status).toBe('UNDER_REVIEW');
    expect((await snapshot(id)).statuses).toEqual({ '1.0.0': 'UPLOADED', '1.1.0': 'UNDER_REVIEW' });
  });

  it('approves or rejects with a reason; only a version under review, only by the platform', async () => {
    const id = await newMiniProgram();
    const a = await uploadVersion(owner, id, '1.0.0');
    expect((await approve(admin, a.id)).approveVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    await submit(owner, a.id);

    expect(await errorCode(approve(owner, a.id))).toBe('FORBIDDEN');
    expect(await errorCode(reject(owner, a.id, 'I do not like it'))).toBe('FORBIDDEN');
    expect((await reject(admin, a.id, '  ')).rejectVersion.userErrors).toEqual([userError('INVALID', 'reason')]);

    const { rejectVersion } = await reject(admin, a.id, 'The privacy policy is missing.');
    expect(rejectVersion.version).toMatchObject({ status: 'REJECTED', rejectionReason: 'The privacy policy is missing.', reviewedAt: expect.any(String) });
    // A rejected version is final: neither resubmitted nor approved; a new version is uploaded instead.
    expect((await submit(owner, a.id)).submitVersionForReview.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await approve(admin, a.id)).approveVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);

    const b = await uploadVersion(owner, id, '1.0.1');
    await submit(owner, b.id);
    const { approveVersion } = await approve(admin, b.id);
    expect(approveVersion.version).toMatchObject({ status: 'APPROVED', rejectionReason: null, reviewedAt: expect.any(String) });
    expect((await approve(admin, b.id)).approveVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await reject(admin, b.id, 'Too late')).rejectVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
  });

  it('lists the versions pending review for the platform only, oldest submission first', async () => {
    const [first, second] = [await newMiniProgram(), await newMiniProgram()];
    const a = await uploadVersion(owner, first, '3.0.0');
    const b = await uploadVersion(owner, second, '4.0.0');
    await submit(owner, a.id);
    await submit(owner, b.id);

    const pending = async () => {
      const { versionsPendingReview } = await admin.client.execute(VersionsPendingReviewDocument, { first: 100 });
      return versionsPendingReview.nodes.filter((node) => [first, second].includes(node.miniProgram.id));
    };
    expect((await pending()).map((node) => [node.version, node.miniProgram.id, node.status])).toEqual([
      ['3.0.0', first, 'UNDER_REVIEW'],
      ['4.0.0', second, 'UNDER_REVIEW'],
    ]);

    const page = await admin.client.execute(VersionsPendingReviewDocument, { first: 1 });
    expect(page.versionsPendingReview.nodes).toHaveLength(1);
    expect(page.versionsPendingReview.pageInfo.hasNextPage).toBe(true);
    const next = await admin.client.execute(VersionsPendingReviewDocument, { first: 1, after: page.versionsPendingReview.pageInfo.endCursor });
    expect(next.versionsPendingReview.nodes[0]!.id).not.toBe(page.versionsPendingReview.nodes[0]!.id);

    await approve(admin, a.id);
    await withdraw(owner, b.id);
    expect(await pending()).toEqual([]);

    expect(await errorCode(owner.client.execute(VersionsPendingReviewDocument, { first: 10 }))).toBe('FORBIDDEN');
  });
});

describe('the one-at-a-time rules under concurrency', () => {
  it('lets one of two racing uploads of the same number through (the other TAKEN)', async () => {
    const id = await newMiniProgram();
    const results = await Promise.all([tryUpload(id, '1.0.0'), tryUpload(id, '1.0.0')]);
    expect(results.filter((r) => r.version !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors)).toEqual([userError('TAKEN', 'version')]);
  });

  it('puts one of two versions submitted at once under review (the other INVALID_STATE)', async () => {
    const id = await newMiniProgram();
    const a = await uploadVersion(owner, id, '1.0.0');
    const b = await uploadVersion(owner, id, '1.1.0');
    const results = await Promise.all([submit(owner, a.id), submit(owner, b.id)]);
    const payloads = results.map((r) => r.submitVersionForReview);
    expect(payloads.filter((p) => p.version?.status === 'UNDER_REVIEW')).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors)).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect(Object.values((await snapshot(id)).statuses).sort()).toEqual(['UNDER_REVIEW', 'UPLOADED']);
  });

  it('starts one of two gray releases started at once (the other INVALID_STATE)', async () => {
    const id = await newMiniProgram();
    const a = await approvedVersion(owner, admin, id, '1.0.0');
    const b = await approvedVersion(owner, admin, id, '1.1.0');
    const results = await Promise.all([release(owner, a.id, 10), release(owner, b.id, 20)]);
    const payloads = results.map((r) => r.releaseVersion);
    expect(payloads.filter((p) => p.version?.status === 'GRAY')).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors)).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await snapshot(id)).gray).toHaveLength(1);
  });

  it('never lowers a gray release when two requests grow it at once', async () => {
    const id = await newMiniProgram();
    const version = await approvedVersion(owner, admin, id, '1.0.0');
    await release(owner, version.id, 20);
    for (let round = 0; round < 5; round++) {
      const [higher, lower] = [60 + round * 5, 40 + round * 5];
      const results = await Promise.all([release(owner, version.id, higher), release(owner, version.id, lower)]);
      // Whichever landed first, the release ends at the higher percentage; a lower one after it is refused.
      expect((await snapshot(id)).gray).toEqual([['1.0.0', higher]]);
      for (const { releaseVersion } of results) {
        if (releaseVersion.userErrors.length) expect(releaseVersion.userErrors).toEqual([userError('INVALID', 'grayPercentage')]);
      }
    }
  });
});

describe('release, gray release, rollback and offline', () => {
  it('releases only an APPROVED version; a new release supersedes the live one', async () => {
    const id = await newMiniProgram();
    const uploaded = await uploadVersion(owner, id, '0.9.0');
    expect((await release(owner, uploaded.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    await submit(owner, uploaded.id);
    expect((await release(owner, uploaded.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    await reject(admin, uploaded.id, 'Broken');
    expect((await release(owner, uploaded.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);

    const v1 = await approvedVersion(owner, admin, id, '1.0.0');
    const { releaseVersion } = await release(owner, v1.id);
    expect(releaseVersion.version).toMatchObject({ status: 'RELEASED', grayPercentage: null, releasedAt: expect.any(String) });
    expect((await release(owner, v1.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect(await snapshot(id)).toMatchObject({ current: '1.0.0' });

    const v2 = await releasedVersion(owner, admin, id, '2.0.0');
    expect(v2.status).toBe('RELEASED');
    expect(await snapshot(id)).toMatchObject({ current: '2.0.0', statuses: { '1.0.0': 'SUPERSEDED', '2.0.0': 'RELEASED', '0.9.0': 'REJECTED' } });
  });

  it('runs one gray release at a time, whose percentage only grows, and 100 releases it', async () => {
    const id = await newMiniProgram();
    // A superseded release exists, so only the gray release stands in the way of a rollback below.
    await releasedVersion(owner, admin, id, '0.9.0');
    await releasedVersion(owner, admin, id, '1.0.0');
    const v2 = await approvedVersion(owner, admin, id, '2.0.0');

    for (const percentage of [0, 101, -5]) {
      expect((await release(owner, v2.id, percentage)).releaseVersion.userErrors).toEqual([userError('INVALID', 'grayPercentage')]);
    }
    const gray = await release(owner, v2.id, 10);
    expect(gray.releaseVersion.version).toMatchObject({ status: 'GRAY', grayPercentage: 10, releasedAt: expect.any(String) });
    // The live version stays live during the gray release.
    expect(await snapshot(id)).toEqual({
      current: '1.0.0',
      statuses: { '0.9.0': 'SUPERSEDED', '1.0.0': 'RELEASED', '2.0.0': 'GRAY' },
      gray: [['2.0.0', 10]],
    });

    expect((await release(owner, v2.id, 5)).releaseVersion.userErrors).toEqual([userError('INVALID', 'grayPercentage')]);
    expect((await release(owner, v2.id, 10)).releaseVersion.userErrors).toEqual([userError('INVALID', 'grayPercentage')]);
    expect((await release(owner, v2.id, 50)).releaseVersion.version).toMatchObject({ status: 'GRAY', grayPercentage: 50 });
    expect((await release(owner, v2.id, 99)).releaseVersion.version).toMatchObject({ status: 'GRAY', grayPercentage: 99 });

    // A second version can neither start a gray release nor be released while this one runs.
    const v3 = await approvedVersion(owner, admin, id, '3.0.0');
    expect((await release(owner, v3.id, 20)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await release(owner, v3.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await rollback(owner, id)).rollbackRelease.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    expect(await snapshot(id)).toMatchObject({ current: '1.0.0', gray: [['2.0.0', 99]] });

    const full = await release(owner, v2.id, 100);
    expect(full.releaseVersion.version).toMatchObject({ status: 'RELEASED', grayPercentage: null });
    expect(await snapshot(id)).toEqual({
      current: '2.0.0',
      statuses: { '0.9.0': 'SUPERSEDED', '1.0.0': 'SUPERSEDED', '2.0.0': 'RELEASED', '3.0.0': 'APPROVED' },
      gray: [],
    });
    expect((await release(owner, v3.id, 30)).releaseVersion.version).toMatchObject({ status: 'GRAY', grayPercentage: 30 });
  });

  it('rolls back to the newest superseded release, step by step, but not without one', async () => {
    const id = await newMiniProgram();
    const v1 = await releasedVersion(owner, admin, id, '1.0.0');
    expect((await rollback(owner, id)).rollbackRelease.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    await releasedVersion(owner, admin, id, '2.0.0');
    await releasedVersion(owner, admin, id, '3.0.0');

    const first = await rollback(owner, id);
    expect(first.rollbackRelease.version).toMatchObject({ version: '2.0.0', status: 'RELEASED' });
    expect(await snapshot(id)).toMatchObject({ current: '2.0.0', statuses: { '1.0.0': 'SUPERSEDED', '2.0.0': 'RELEASED', '3.0.0': 'ROLLED_BACK' } });

    const second = await rollback(owner, id);
    expect(second.rollbackRelease.version).toMatchObject({ version: '1.0.0', status: 'RELEASED' });
    expect(await snapshot(id)).toMatchObject({ current: '1.0.0', statuses: { '1.0.0': 'RELEASED', '2.0.0': 'ROLLED_BACK', '3.0.0': 'ROLLED_BACK' } });

    expect((await rollback(owner, id)).rollbackRelease.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    expect((await snapshot(id)).current).toBe(v1.version);
  });

  it('takes the live version offline, after which nothing is live to roll back', async () => {
    const id = await newMiniProgram();
    const v1 = await releasedVersion(owner, admin, id, '1.0.0');
    const v2 = await releasedVersion(owner, admin, id, '2.0.0');
    expect((await takeOffline(owner, v1.id)).takeVersionOffline.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);

    expect((await takeOffline(owner, v2.id)).takeVersionOffline.version?.status).toBe('OFFLINE');
    expect(await snapshot(id)).toMatchObject({ current: null, statuses: { '1.0.0': 'SUPERSEDED', '2.0.0': 'OFFLINE' } });
    expect((await takeOffline(owner, v2.id)).takeVersionOffline.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    expect((await rollback(owner, id)).rollbackRelease.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    expect((await release(owner, v2.id)).releaseVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
  });

  it('lets only those who develop the mini program move its versions', async () => {
    const id = await newMiniProgram();
    const approved = await approvedVersion(owner, admin, id, '1.0.0');
    const [workspaceDeveloper, stranger] = await Promise.all([addMember(platform, merchant, 'DEVELOPER'), signUp(platform)]);

    // Readers who may not develop: FORBIDDEN; someone who cannot see it: NOT_FOUND.
    for (const reader of [workspaceDeveloper, admin]) {
      expect(await errorCode(release(reader, approved.id))).toBe('FORBIDDEN');
      expect(await errorCode(rollback(reader, id))).toBe('FORBIDDEN');
    }
    expect((await release(stranger, approved.id)).releaseVersion.userErrors).toEqual([userError('NOT_FOUND', 'versionId')]);
    expect((await submit(stranger, approved.id)).submitVersionForReview.userErrors).toEqual([userError('NOT_FOUND', 'versionId')]);
    expect((await rollback(stranger, id)).rollbackRelease.userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    expect((await snapshot(id)).statuses).toEqual({ '1.0.0': 'APPROVED' });
  });
});

describe('trial version and QR codes', () => {
  it('refuses QR codes before there is a trial version or a release (INVALID_STATE)', async () => {
    const id = await newMiniProgram();
    expect(await errorCode(qrCode(owner, id, 'TRIAL'))).toBe('INVALID_STATE');
    expect(await errorCode(qrCode(owner, id, 'RELEASE'))).toBe('INVALID_STATE');
    await uploadVersion(owner, id, '1.0.0');
    expect(await errorCode(qrCode(owner, id, 'TRIAL'))).toBe('INVALID_STATE');
  });

  it('makes an UPLOADED, UNDER_REVIEW or APPROVED version the trial version, and codes a trial deep link', async () => {
    const id = await newMiniProgram();
    const v1 = await uploadVersion(owner, id, '1.0.0');
    const { setTrialVersion } = await setTrial(owner, v1.id);
    expect(setTrialVersion.version?.version).toBe('1.0.0');
    const { miniProgram } = await owner.client.execute(MiniProgramDocument, { id });
    expect(miniProgram?.trialVersion?.id).toBe(v1.id);

    const code = await qrCode(owner, id, 'TRIAL', 'pages/menu/index?from=qr');
    expect(code.kind).toBe('TRIAL');
    const link = new URL(code.url);
    expect(link.searchParams.get('appId')).toBe(id);
    expect(link.searchParams.get('page')).toBe('pages/menu/index?from=qr');
    expect(link.searchParams.get('version')).toBe('1.0.0');
    expect(link.searchParams.get('mode')).toBe('trial');
    expect(code.svg.trimStart()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(code.svg).toContain('<path');
    // Another page is another code.
    expect((await qrCode(owner, id, 'TRIAL', 'pages/cart/index')).svg).not.toBe(code.svg);

    await submit(owner, v1.id);
    expect((await setTrial(owner, v1.id)).setTrialVersion.userErrors).toEqual([]);
    await approve(admin, v1.id);
    expect((await setTrial(owner, v1.id)).setTrialVersion.userErrors).toEqual([]);
    await release(owner, v1.id);
    expect((await setTrial(owner, v1.id)).setTrialVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);

    const rejected = await uploadVersion(owner, id, '1.1.0');
    await submit(owner, rejected.id);
    await reject(admin, rejected.id, 'No.');
    expect((await setTrial(owner, rejected.id)).setTrialVersion.userErrors).toEqual([userError('INVALID_STATE', 'versionId')]);
    const stranger = await signUp(platform);
    expect((await setTrial(stranger, v1.id)).setTrialVersion.userErrors).toEqual([userError('NOT_FOUND', 'versionId')]);
  });

  it('codes the release deep link once a version is released', async () => {
    const id = await newMiniProgram();
    await releasedVersion(owner, admin, id, '1.0.0');
    const code = await qrCode(owner, id, 'RELEASE', 'pages/index/index');
    expect(code.kind).toBe('RELEASE');
    const link = new URL(code.url);
    expect(link.searchParams.get('appId')).toBe(id);
    expect(link.searchParams.get('page')).toBe('pages/index/index');
    expect(link.searchParams.get('mode')).toBeNull();
    expect(code.svg).toContain('<svg');

    const home = await qrCode(owner, id, 'RELEASE');
    expect(new URL(home.url).searchParams.get('page')).toBeNull();
    // Still no trial version.
    expect(await errorCode(qrCode(owner, id, 'TRIAL'))).toBe('INVALID_STATE');
  });

  it('refuses a page that is not a page path (BAD_USER_INPUT)', async () => {
    const id = await newMiniProgram();
    const v1 = await releasedVersion(owner, admin, id, '1.0.0');
    const v2 = await uploadVersion(owner, id, '1.1.0');
    await setTrial(owner, v2.id);
    expect(v1.status).toBe('RELEASED');
    for (const page of ['/pages/index/index', 'pages/../admin', 'pages/a b', 'https://evil.example.com/x', '']) {
      for (const kind of ['TRIAL', 'RELEASE'] as const) expect(await errorCode(qrCode(owner, id, kind, page)), `${kind} ${page}`).toBe('BAD_USER_INPUT');
    }
  });
});
