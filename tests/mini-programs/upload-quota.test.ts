import { randomBytes } from 'node:crypto';
import { CreateUploadDocument, UploadVersionDocument } from '@mpp/client';
import { createMiniProgram, createVerifiedMerchant, sha256, signUp, stageUpload, TestPlatform, unwrap, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from './support.js';

const QUOTA = 300_000;

let platform: TestPlatform;
let merchant: SeededWorkspace;
let miniProgramId: string;

beforeAll(async () => {
  platform = await TestPlatform.start({ env: { UPLOAD_QUOTA_BYTES: String(QUOTA) } });
  merchant = await createVerifiedMerchant(platform);
  miniProgramId = (await createMiniProgram(merchant)).id;
}, 300_000);
afterAll(() => platform?.stop());

/** `createUpload` of a package of `byteSize` bytes, no bytes sent. */
async function declare(actor: Actor, byteSize: number) {
  const { createUpload } = await actor.client.execute(CreateUploadDocument, {
    input: { purpose: 'PACKAGE', filename: 'dist.zip', contentType: 'application/zip', byteSize, sha256: sha256(randomBytes(8)) },
  });
  return createUpload;
}

describe('unused uploads are capped per account (UPLOAD_QUOTA_BYTES)', () => {
  it('refuses a declaration that would hold more than the quota, counting declared and received unused uploads', async () => {
    const owner = await signUp(platform);
    const received = await stageUpload(owner, 'PACKAGE', randomBytes(100_000));
    expect(received.put.status).toBe(200);
    expect((await declare(owner, 150_000)).userErrors).toEqual([]);
    const over = await declare(owner, 50_001);
    expect(over.upload).toBeNull();
    expect(over.userErrors).toEqual([userError('QUOTA_EXCEEDED', 'byteSize')]);
    expect((await declare(owner, 50_000)).userErrors).toEqual([]);
    expect((await declare(owner, 1)).userErrors).toEqual([userError('QUOTA_EXCEEDED', 'byteSize')]);

    // Another account has a quota of its own.
    expect((await declare(await signUp(platform), 200_000)).userErrors).toEqual([]);
  });

  it('frees the room of an upload once it is used', async () => {
    const bytes = randomBytes(250_000);
    const staged = await stageUpload(merchant.owner, 'PACKAGE', bytes);
    expect(staged.put.status).toBe(200);
    expect((await declare(merchant.owner, 100_000)).userErrors).toEqual([userError('QUOTA_EXCEEDED', 'byteSize')]);
    const { uploadVersion } = await merchant.owner.client.execute(UploadVersionDocument, {
      input: { miniProgramId, version: '1.0.0', description: 'A build', packageUploadId: staged.uploadId },
    });
    unwrap(uploadVersion, uploadVersion.version, 'uploadVersion');
    expect((await declare(merchant.owner, 100_000)).userErrors).toEqual([]);
  });

  it('holds under racing declarations: never more than the quota', async () => {
    const owner = await signUp(platform);
    const answers = await Promise.all(Array.from({ length: 8 }, () => declare(owner, 100_000)));
    expect(answers.filter((answer) => answer.userErrors.length === 0)).toHaveLength(3);
    expect(answers.filter((answer) => answer.userErrors[0]?.code === 'QUOTA_EXCEEDED')).toHaveLength(5);
  });
});
