import { InputChecks } from '@mpp/kit';
import { imageSize } from 'image-size';
import type { UploadPurposeValue } from '../db/schema.js';

export const LOGO_MAX_BYTES = 256 * 1024;
const LOGO_CONTENT_TYPES = new Set(['image/png', 'image/jpeg']);

/** The size limit of an upload of this purpose. */
export function maxBytesFor(purpose: UploadPurposeValue, maxPackageBytes: number): number {
  return purpose === 'LOGO' ? LOGO_MAX_BYTES : maxPackageBytes;
}

export function checkUploadDeclaration(
  input: { purpose: UploadPurposeValue; filename: string; contentType: string; byteSize: number; sha256: string },
  maxPackageBytes: number,
): void {
  const limit = maxBytesFor(input.purpose, maxPackageBytes);
  new InputChecks()
    .check(
      input.filename.length >= 1 && input.filename.length <= 255 && !/[/\\\0]/.test(input.filename),
      'filename',
      'The file name must have 1 to 255 characters and no path.',
    )
    .check(
      input.purpose !== 'LOGO' || LOGO_CONTENT_TYPES.has(input.contentType.toLowerCase()),
      'contentType',
      'A logo must be image/png or image/jpeg.',
    )
    .check(/^[\w.+-]+\/[\w.+-]+$/.test(input.contentType), 'contentType', 'Give a MIME type such as application/zip.')
    .check(
      Number.isInteger(input.byteSize) && input.byteSize >= 1 && input.byteSize <= limit,
      'byteSize',
      `A ${input.purpose.toLowerCase()} must have 1 to ${limit} bytes.`,
    )
    .check(/^[0-9a-fA-F]{64}$/.test(input.sha256), 'sha256', 'Give the SHA-256 of the file as 64 hex digits.')
    .done();
}

export type LogoCheck = { ok: true; type: 'image/png' | 'image/jpeg' } | { ok: false; message: string };

/** A logo is a JPEG or PNG by its bytes (not its name or declared type), exactly square. */
export function checkLogo(bytes: Buffer): LogoCheck {
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(bytes);
  } catch {
    return { ok: false, message: 'The logo is not a readable image; use a JPEG or PNG.' };
  }
  if (info.type !== 'png' && info.type !== 'jpg') return { ok: false, message: `The logo is ${info.type ?? 'an unknown format'}; use a JPEG or PNG.` };
  if (!info.width || info.width !== info.height) {
    return { ok: false, message: `The logo must be square; it is ${info.width}×${info.height}.` };
  }
  return { ok: true, type: info.type === 'png' ? 'image/png' : 'image/jpeg' };
}
