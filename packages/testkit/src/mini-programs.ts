import { createHash, randomBytes } from 'node:crypto';
import {
  CreateMiniProgramDocument,
  CreateUploadDocument,
  UploadVersionDocument,
  type CreateMiniProgramInput,
  type MiniProgramFieldsFragment,
  type UploadPurpose,
  type VersionFieldsFragment,
} from '@mpp/client';
import { png } from './images.js';
import { unwrap, type Actor, type SeededWorkspace } from './seed.js';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface StagedUploadResult {
  uploadId: string;
  url: string;
  /** The gateway's answer to the PUT of the bytes. */
  put: { status: number; body: unknown };
}

/**
 * `createUpload` then an HTTP PUT of the bytes to the returned URL, as a front end does. The
 * declaration can lie (`declare`) to test the checks.
 */
export async function stageUpload(
  actor: Actor,
  purpose: UploadPurpose,
  bytes: Buffer,
  declare: { byteSize?: number; sha256?: string; contentType?: string; filename?: string; send?: Buffer } = {},
): Promise<StagedUploadResult> {
  const contentType = declare.contentType ?? (purpose === 'LOGO' ? 'image/png' : 'application/zip');
  const { createUpload } = await actor.client.execute(CreateUploadDocument, {
    input: {
      purpose,
      filename: declare.filename ?? (purpose === 'LOGO' ? 'logo.png' : 'package.zip'),
      contentType,
      byteSize: declare.byteSize ?? bytes.length,
      sha256: declare.sha256 ?? sha256(bytes),
    },
  });
  const upload = unwrap(createUpload, createUpload.upload, 'createUpload');
  const headers = Object.fromEntries(upload.headers.map((h) => [h.name, h.value]));
  const response = await fetch(upload.url, { method: 'PUT', headers, body: declare.send ?? bytes });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { uploadId: upload.uploadId, url: upload.url, put: { status: response.status, body } };
}

/** Uploads a square PNG logo and returns its upload id. */
export async function uploadLogo(actor: Actor, bytes: Buffer = png(64, 64)): Promise<string> {
  const staged = await stageUpload(actor, 'LOGO', bytes);
  if (staged.put.status !== 200) throw new Error(`logo upload failed: ${JSON.stringify(staged.put.body)}`);
  return staged.uploadId;
}

/** A valid `createMiniProgram` input (the logo must be uploaded by the caller). */
export function miniProgramInput(merchantWorkspaceId: string, logoUploadId: string, overrides: Partial<CreateMiniProgramInput> = {}): CreateMiniProgramInput {
  return {
    merchantWorkspaceId,
    targetApp: 'Alipay China',
    name: `Shop ${randomBytes(3).toString('hex')}`,
    tagline: 'Fresh coffee, delivered',
    description: 'Order coffee and pastries from our shops and collect loyalty points.',
    logoUploadId,
    industry: 'Food & Beverage',
    contactPhone: '0571-88888888',
    contactEmail: 'service@shop.example.com',
    ...overrides,
  };
}

/** An ACTIVE mini program of the (verified) merchant, created by its owner. */
export async function createMiniProgram(merchant: SeededWorkspace, overrides: Partial<CreateMiniProgramInput> = {}): Promise<MiniProgramFieldsFragment> {
  const logo = await uploadLogo(merchant.owner);
  const { createMiniProgram } = await merchant.owner.client.execute(CreateMiniProgramDocument, {
    input: miniProgramInput(merchant.id, logo, overrides),
  });
  return unwrap(createMiniProgram, createMiniProgram.miniProgram, 'createMiniProgram');
}

/** A package of `size` random bytes, uploaded and turned into a version by `actor`. */
export async function uploadVersion(actor: Actor, miniProgramId: string, version: string, size = 2048): Promise<VersionFieldsFragment> {
  const staged = await stageUpload(actor, 'PACKAGE', randomBytes(size));
  if (staged.put.status !== 200) throw new Error(`package upload failed: ${JSON.stringify(staged.put.body)}`);
  const { uploadVersion } = await actor.client.execute(UploadVersionDocument, {
    input: { miniProgramId, version, description: `Version ${version}`, packageUploadId: staged.uploadId },
  });
  return unwrap(uploadVersion, uploadVersion.version, 'uploadVersion');
}
