import { randomBytes } from 'node:crypto';
import {
  CreateMiniProgramDocument,
  CreateUploadDocument,
  UpdateMiniProgramDocument,
  UploadVersionDocument,
  type CreateUploadInput,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createVerifiedMerchant,
  fixture,
  miniProgramInput,
  png,
  sha256,
  signUp,
  stageUpload,
  TestPlatform,
  unwrap,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, userError } from './support.js';

const LOGO_LIMIT = 256 * 1024;
/** Short, so one test can watch an upload URL expire; every other PUT follows its createUpload at once. */
const UPLOAD_URL_TTL_SECONDS = 2;

let platform: TestPlatform;
let merchant: SeededWorkspace;
let miniProgramId: string;

beforeAll(async () => {
  platform = await TestPlatform.start({ env: { UPLOAD_URL_TTL_SECONDS: String(UPLOAD_URL_TTL_SECONDS) } });
  merchant = await createVerifiedMerchant(platform);
  miniProgramId = (await createMiniProgram(merchant)).id;
});
afterAll(() => platform?.stop());

/** `createUpload` alone: the declaration, no bytes sent. */
async function declare(actor: Actor, input: Partial<CreateUploadInput> & Pick<CreateUploadInput, 'purpose'>) {
  const bytes = randomBytes(1024);
  const { createUpload } = await actor.client.execute(CreateUploadDocument, {
    input: { filename: 'file.bin', contentType: 'application/zip', byteSize: bytes.length, sha256: sha256(bytes), ...input },
  });
  return createUpload;
}

/** PUTs `bytes` as a stream of chunks without Content-Length (chunked), as a streaming client does. */
async function putStreamed(url: string, bytes: Buffer, contentType = 'application/zip') {
  const chunkSize = 16 * 1024;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      controller.close();
    },
  });
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body, duplex: 'half' } as RequestInit);
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

async function createWithLogo(actor: Actor, logoUploadId: string) {
  const { createMiniProgram } = await actor.client.execute(CreateMiniProgramDocument, { input: miniProgramInput(merchant.id, logoUploadId) });
  return createMiniProgram;
}

async function versionFrom(actor: Actor, packageUploadId: string, version: string) {
  const { uploadVersion } = await actor.client.execute(UploadVersionDocument, {
    input: { miniProgramId, version, description: 'A build', packageUploadId },
  });
  return uploadVersion;
}

describe('the declaration', () => {
  it('answers with an absolute, signed URL on the gateway, valid until expiresAt', async () => {
    const bytes = randomBytes(4096);
    const { upload, userErrors } = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: bytes.length, sha256: sha256(bytes) });
    expect(userErrors).toEqual([]);
    const url = new URL(upload!.url);
    expect(url.origin).toBe(platform.config.publicUrl);
    expect(url.pathname).toBe(`/uploads/${upload!.uploadId}`);
    expect(url.searchParams.get('signature')).toBeTruthy();
    expect(upload!.headers).toContainEqual({ name: 'Content-Type', value: 'application/zip' });
    expect(Date.parse(upload!.expiresAt)).toBeGreaterThan(Date.now() - 1000);
  });

  it.each([
    ['a logo that is not PNG or JPEG', { purpose: 'LOGO', contentType: 'image/gif' }, 'contentType'],
    ['a logo over 256 KiB', { purpose: 'LOGO', contentType: 'image/png', byteSize: LOGO_LIMIT + 1 }, 'byteSize'],
    ['a package over MAX_PACKAGE_BYTES', { purpose: 'PACKAGE', byteSize: 20 * 1024 * 1024 + 1 }, 'byteSize'],
    ['an empty file', { purpose: 'PACKAGE', byteSize: 0 }, 'byteSize'],
    ['a SHA-256 that is not 64 hex digits', { purpose: 'PACKAGE', sha256: 'abc123' }, 'sha256'],
    ['a file name with a path', { purpose: 'PACKAGE', filename: '../etc/passwd' }, 'filename'],
  ] as [string, Partial<CreateUploadInput> & Pick<CreateUploadInput, 'purpose'>, string][])('refuses %s', async (_case, input, field) => {
    const payload = await declare(merchant.owner, input);
    expect(payload.upload).toBeNull();
    expect(payload.userErrors).toEqual([userError('INVALID', field)]);
  });

  it('needs a signed-in account', async () => {
    const request = platform.client().execute(CreateUploadDocument, {
      input: { purpose: 'LOGO', filename: 'logo.png', contentType: 'image/png', byteSize: 10, sha256: sha256(Buffer.alloc(10)) },
    });
    expect(await errorCode(request)).toBe('UNAUTHENTICATED');
  });
});

describe('logos are checked by their bytes', () => {
  it('accepts a square PNG and serves it from logoUrl with its type and bytes', async () => {
    const bytes = png(96, 96, { noise: true });
    const staged = await stageUpload(merchant.owner, 'LOGO', bytes);
    expect(staged.put.status).toBe(200);
    const payload = await createWithLogo(merchant.owner, staged.uploadId);
    const created = unwrap(payload, payload.miniProgram, 'createMiniProgram');

    const served = await fetch(created.logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses a PNG or a JPEG with anything after the end of its image (an HTML page riding along)', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    for (const [image, contentType] of [
      [png(64, 64), 'image/png'],
      [fixture('logo-square.jpg'), 'image/jpeg'],
    ] as const) {
      const staged = await stageUpload(merchant.owner, 'LOGO', Buffer.concat([image, html]), { contentType });
      expect(staged.put.status).toBe(200);
      const payload = await createWithLogo(merchant.owner, staged.uploadId);
      expect(payload.miniProgram).toBeNull();
      expect(payload.userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
    }
  });

  it('accepts a square JPEG, even declared as a PNG, and serves it as a JPEG', async () => {
    const bytes = fixture('logo-square.jpg');
    const staged = await stageUpload(merchant.owner, 'LOGO', bytes, { contentType: 'image/png', filename: 'logo.png' });
    expect(staged.put.status).toBe(200);
    const payload = await createWithLogo(merchant.owner, staged.uploadId);
    const created = unwrap(payload, payload.miniProgram, 'createMiniProgram');

    const served = await fetch(created.logoUrl);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('accepts a square PNG just under 256 KiB', async () => {
    const bytes = png(295, 295, { noise: true });
    expect(bytes.length).toBeGreaterThan(250 * 1024);
    expect(bytes.length).toBeLessThanOrEqual(LOGO_LIMIT);
    const staged = await stageUpload(merchant.owner, 'LOGO', bytes);
    expect(staged.put.status).toBe(200);
    expect((await createWithLogo(merchant.owner, staged.uploadId)).userErrors).toEqual([]);
  });

  it.each([
    ['a wide JPEG', () => fixture('logo-wide.jpg'), 'image/jpeg'],
    ['a tall PNG', () => png(64, 65), 'image/png'],
    ['a GIF named and declared as a PNG', () => fixture('logo-square.gif'), 'image/png'],
    ['a WebP declared as a JPEG', () => fixture('logo-square.webp'), 'image/jpeg'],
    ['bytes that are no image at all', () => randomBytes(2048), 'image/png'],
  ] as [string, () => Buffer, string][])('refuses %s on logoUploadId', async (_case, bytes, contentType) => {
    const staged = await stageUpload(merchant.owner, 'LOGO', bytes(), { contentType });
    expect(staged.put.status).toBe(200);
    const payload = await createWithLogo(merchant.owner, staged.uploadId);
    expect(payload.miniProgram).toBeNull();
    expect(payload.userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
  });

  it('refuses a PNG over 256 KiB, declared honestly or declared small', async () => {
    const bytes = png(300, 300, { noise: true });
    expect(bytes.length).toBeGreaterThan(LOGO_LIMIT);

    const honest = await declare(merchant.owner, { purpose: 'LOGO', contentType: 'image/png', byteSize: bytes.length, sha256: sha256(bytes) });
    expect(honest.userErrors).toEqual([userError('INVALID', 'byteSize')]);

    // Declared as its first 200 KiB: the PUT is refused, whether it announces its length or streams.
    const small = bytes.subarray(0, 200 * 1024);
    const announced = await stageUpload(merchant.owner, 'LOGO', small, { send: bytes });
    expect(announced.put).toMatchObject({ status: 400, body: { error: { code: 'SIZE_MISMATCH' } } });
    const streamedDeclaration = await declare(merchant.owner, { purpose: 'LOGO', contentType: 'image/png', byteSize: small.length, sha256: sha256(small) });
    const streamed = await putStreamed(streamedDeclaration.upload!.url, bytes, 'image/png');
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'SIZE_MISMATCH' } } });

    // Neither upload received bytes, so neither can be a logo.
    for (const uploadId of [announced.uploadId, streamedDeclaration.upload!.uploadId]) {
      expect((await createWithLogo(merchant.owner, uploadId)).userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
    }
  });

  it('replaces the logo on update and serves the new one', async () => {
    const created = await createMiniProgram(merchant);
    const bytes = png(48, 48, { rgb: [200, 30, 30] });
    const staged = await stageUpload(merchant.owner, 'LOGO', bytes);
    const { updateMiniProgram } = await merchant.owner.client.execute(UpdateMiniProgramDocument, {
      input: { miniProgramId: created.id, logoUploadId: staged.uploadId },
    });
    const updated = unwrap(updateMiniProgram, updateMiniProgram.miniProgram, 'updateMiniProgram');
    expect(updated.logoUrl).not.toBe(created.logoUrl);
    const served = await fetch(updated.logoUrl);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);

    const wide = await stageUpload(merchant.owner, 'LOGO', fixture('logo-wide.jpg'), { contentType: 'image/jpeg' });
    const refused = await merchant.owner.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: created.id, logoUploadId: wide.uploadId } });
    expect(refused.updateMiniProgram.userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
  });

  it('serves only logos in use: not a package, not an unknown id', async () => {
    const staged = await stageUpload(merchant.owner, 'PACKAGE', randomBytes(512));
    const origin = platform.config.publicUrl;
    expect((await fetch(`${origin}/files/${staged.uploadId}`)).status).toBe(404);
    expect((await fetch(`${origin}/files/0190f1e6-3c4b-7cc2-9d8e-5f1a2b3c4d5e`)).status).toBe(404);
    const unused = await stageUpload(merchant.owner, 'LOGO', png(32, 32));
    expect((await fetch(`${origin}/files/${unused.uploadId}`)).status).toBe(404);
  });
});

describe('the PUT of the bytes', () => {
  it('stores bytes matching the declaration, and a version records their size and SHA-256', async () => {
    const bytes = randomBytes(64 * 1024);
    const staged = await stageUpload(merchant.owner, 'PACKAGE', bytes);
    expect(staged.put).toMatchObject({ status: 200, body: { uploadId: staged.uploadId, byteSize: bytes.length, sha256: sha256(bytes) } });
    const payload = await versionFrom(merchant.owner, staged.uploadId, '0.0.1');
    expect(payload.version).toMatchObject({ packageSize: bytes.length, packageSha256: sha256(bytes), status: 'UPLOADED' });
  });

  it('accepts streamed bytes without Content-Length', async () => {
    const bytes = randomBytes(100 * 1024);
    const declared = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: bytes.length, sha256: sha256(bytes) });
    expect(await putStreamed(declared.upload!.url, bytes)).toMatchObject({ status: 200 });
  });

  it('refuses bytes that do not match the declared SHA-256 (400), and the upload stays unusable', async () => {
    const bytes = randomBytes(2048);
    const staged = await stageUpload(merchant.owner, 'PACKAGE', bytes, { sha256: sha256(randomBytes(2048)) });
    expect(staged.put).toMatchObject({ status: 400, body: { error: { code: 'SHA256_MISMATCH' } } });
    expect((await versionFrom(merchant.owner, staged.uploadId, '0.1.0')).userErrors).toEqual([userError('INVALID', 'packageUploadId')]);
  });

  it('refuses a size that differs from the declared one (400), announced or counted', async () => {
    const bytes = randomBytes(2048);
    const longer = await stageUpload(merchant.owner, 'PACKAGE', bytes, { byteSize: bytes.length + 1 });
    expect(longer.put).toMatchObject({ status: 400, body: { error: { code: 'SIZE_MISMATCH' } } });
    // Streamed with no Content-Length, too few bytes arrive.
    const declared = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: bytes.length + 1, sha256: sha256(bytes) });
    expect(await putStreamed(declared.upload!.url, bytes)).toMatchObject({ status: 400, body: { error: { code: 'SIZE_MISMATCH' } } });
  });

  it('refuses more bytes than declared (413)', async () => {
    const declaredBytes = randomBytes(1000);
    const declared = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: declaredBytes.length, sha256: sha256(declaredBytes) });
    const sent = Buffer.concat([declaredBytes, randomBytes(4000)]);
    expect(await putStreamed(declared.upload!.url, sent)).toMatchObject({ status: 413, body: { error: { code: 'SIZE_MISMATCH' } } });
    expect((await versionFrom(merchant.owner, declared.upload!.uploadId, '0.2.0')).userErrors).toEqual([userError('INVALID', 'packageUploadId')]);
  });

  it('refuses a second PUT of received bytes (409)', async () => {
    const bytes = randomBytes(1024);
    const staged = await stageUpload(merchant.owner, 'PACKAGE', bytes);
    expect(staged.put.status).toBe(200);
    const again = await fetch(staged.url, { method: 'PUT', headers: { 'content-type': 'application/zip' }, body: bytes });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'ALREADY_UPLOADED' } });
  });

  it('refuses a wrong signature, no signature and an unknown upload (404)', async () => {
    const bytes = randomBytes(1024);
    const declared = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: bytes.length, sha256: sha256(bytes) });
    const url = new URL(declared.upload!.url);
    const put = (target: URL | string) => fetch(target, { method: 'PUT', headers: { 'content-type': 'application/zip' }, body: bytes });

    const forged = new URL(url);
    forged.searchParams.set('signature', `${url.searchParams.get('signature')!.slice(0, -2)}xx`);
    expect((await put(forged)).status).toBe(404);
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await put(unsigned)).status).toBe(404);
    const unknown = new URL(url);
    unknown.pathname = '/uploads/0190f1e6-3c4b-7cc2-9d8e-5f1a2b3c4d5e';
    expect((await put(unknown)).status).toBe(404);

    // The genuine URL still works afterwards.
    expect((await put(url)).status).toBe(200);
  });

  it('refuses an expired URL (410)', async () => {
    const bytes = randomBytes(1024);
    const declared = await declare(merchant.owner, { purpose: 'PACKAGE', byteSize: bytes.length, sha256: sha256(bytes) });
    const expiresAt = Date.parse(declared.upload!.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(UPLOAD_URL_TTL_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 200));
    const response = await fetch(declared.upload!.url, { method: 'PUT', headers: { 'content-type': 'application/zip' }, body: bytes });
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ error: { code: 'EXPIRED' } });
  });
});

describe('using an upload in a mutation', () => {
  it("treats another account's upload as absent (NOT_FOUND), even a colleague's", async () => {
    const [stranger, master] = await Promise.all([signUp(platform), addMember(platform, merchant, 'MASTER')]);
    const strangersLogo = await stageUpload(stranger, 'LOGO', png(64, 64));
    const mastersLogo = await stageUpload(master, 'LOGO', png(64, 64));
    for (const uploadId of [strangersLogo.uploadId, mastersLogo.uploadId]) {
      expect((await createWithLogo(merchant.owner, uploadId)).userErrors).toEqual([userError('NOT_FOUND', 'logoUploadId')]);
    }
    const strangersPackage = await stageUpload(stranger, 'PACKAGE', randomBytes(1024));
    expect((await versionFrom(merchant.owner, strangersPackage.uploadId, '0.3.0')).userErrors).toEqual([userError('NOT_FOUND', 'packageUploadId')]);
    // The owner of the upload can still use it.
    expect((await createWithLogo(master, mastersLogo.uploadId)).userErrors).toEqual([]);
  });

  it('refuses an upload made for another purpose (INVALID)', async () => {
    const pkg = await stageUpload(merchant.owner, 'PACKAGE', png(64, 64), { contentType: 'image/png' });
    expect((await createWithLogo(merchant.owner, pkg.uploadId)).userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
    const logo = await stageUpload(merchant.owner, 'LOGO', png(64, 64));
    expect((await versionFrom(merchant.owner, logo.uploadId, '0.4.0')).userErrors).toEqual([userError('INVALID', 'packageUploadId')]);
  });

  it('refuses an upload whose bytes have not arrived (INVALID)', async () => {
    const logoBytes = png(64, 64);
    const logo = await declare(merchant.owner, { purpose: 'LOGO', contentType: 'image/png', byteSize: logoBytes.length, sha256: sha256(logoBytes) });
    expect((await createWithLogo(merchant.owner, logo.upload!.uploadId)).userErrors).toEqual([userError('INVALID', 'logoUploadId')]);
    const pkg = await declare(merchant.owner, { purpose: 'PACKAGE' });
    expect((await versionFrom(merchant.owner, pkg.upload!.uploadId, '0.5.0')).userErrors).toEqual([userError('INVALID', 'packageUploadId')]);
  });

  it('refuses an upload already used (INVALID)', async () => {
    const logo = await stageUpload(merchant.owner, 'LOGO', png(64, 64));
    expect((await createWithLogo(merchant.owner, logo.uploadId)).userErrors).toEqual([]);
    expect((await createWithLogo(merchant.owner, logo.uploadId)).userErrors).toEqual([userError('INVALID', 'logoUploadId')]);

    const pkg = await stageUpload(merchant.owner, 'PACKAGE', randomBytes(1024));
    expect((await versionFrom(merchant.owner, pkg.uploadId, '0.6.0')).userErrors).toEqual([]);
    expect((await versionFrom(merchant.owner, pkg.uploadId, '0.7.0')).userErrors).toEqual([userError('INVALID', 'packageUploadId')]);
  });

  it('spends an upload once, even when two mutations race for it', async () => {
    const logo = await stageUpload(merchant.owner, 'LOGO', png(64, 64));
    const results = await Promise.all([createWithLogo(merchant.owner, logo.uploadId), createWithLogo(merchant.owner, logo.uploadId)]);
    expect(results.filter((r) => r.miniProgram !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors)).toEqual([userError('INVALID', 'logoUploadId')]);
  });

  it('refuses an id that is not an upload id (NOT_FOUND)', async () => {
    expect((await createWithLogo(merchant.owner, 'not-an-id')).userErrors).toEqual([userError('NOT_FOUND', 'logoUploadId')]);
  });
});
