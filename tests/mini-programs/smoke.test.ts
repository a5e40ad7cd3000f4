import { ApproveVersionDocument, MiniProgramDocument, MiniProgramQrCodeDocument, ReleaseVersionDocument, SubmitVersionForReviewDocument } from '@mpp/client';
import { createMiniProgram, createVerifiedMerchant, signInAdmin, TestPlatform, uploadVersion } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

it('creates, uploads, reviews and releases a mini program', async () => {
  const merchant = await createVerifiedMerchant(platform);
  const mp = await createMiniProgram(merchant);
  const logo = await fetch(mp.logoUrl);
  expect(logo.status).toBe(200);
  expect(logo.headers.get('content-type')).toBe('image/png');
  const v1 = await uploadVersion(merchant.owner, mp.id, '1.0.0');
  const { submitVersionForReview } = await merchant.owner.client.execute(SubmitVersionForReviewDocument, { input: { versionId: v1.id } });
  expect(submitVersionForReview.userErrors).toEqual([]);
  const admin = await signInAdmin(platform);
  const { approveVersion } = await admin.client.execute(ApproveVersionDocument, { input: { versionId: v1.id } });
  expect(approveVersion.version?.status).toBe('APPROVED');
  const { releaseVersion } = await merchant.owner.client.execute(ReleaseVersionDocument, { input: { versionId: v1.id } });
  expect(releaseVersion.version?.status).toBe('RELEASED');
  const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: mp.id });
  expect(miniProgram?.currentRelease?.version).toBe('1.0.0');
  const qr = await merchant.owner.client.execute(MiniProgramQrCodeDocument, { id: mp.id, kind: 'RELEASE', page: 'pages/index/index' });
  expect(qr.miniProgram?.qrCode.svg).toContain('<svg');
});
