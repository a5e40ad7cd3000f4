import { InputChecks } from '@mpp/kit';
import { imageSize } from 'image-size';
import type { UploadPurposeValue } from '../db/schema.js';

export const LOGO_MAX_BYTES = 256 * 1024;
/** A received upload not used within this time (from its declaration) is expired and collected. */
export const UNUSED_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** An expired declaration is collected this long after its URL closed: a PUT begun in time may still be streaming. */
export const UPLOAD_PUT_GRACE_MS = 60 * 60 * 1000;
/** How often each MiniPrograms process collects unused uploads. */
export const UPLOAD_COLLECT_INTERVAL_MS = 10 * 60 * 1000;
/**
 * Its first pass after the process starts: not during the start, where (embedded) it held the one
 * database connection for ~0.1 s of cold plans while the other subgraphs waited to start.
 */
export const UPLOAD_COLLECT_FIRST_DELAY_MS = 30 * 1000;
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Where a PNG ends: just past its IEND chunk (walking the chunks by their lengths), or null. */
function pngEnd(bytes: Buffer): number | null {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const next = at + 12 + length;
    if (next > bytes.length) return null;
    if (bytes.toString('latin1', at + 4, at + 8) === 'IEND') return next;
    at = next;
  }
  return null;
}

/**
 * Where a JPEG ends: just past its EOI marker, walking the segments by their lengths and the
 * entropy-coded data of each scan (where 0xFF is always followed by 0x00 or a restart marker).
 */
function jpegEnd(bytes: Buffer): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at];
    if (marker === undefined) return null;
    if (marker === 0xd9) return at + 1;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at++;
      continue;
    }
    if (at + 3 > bytes.length) return null;
    at += 1 + bytes.readUInt16BE(at + 1);
    if (at > bytes.length) return null;
    if (marker === 0xda) {
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
      if (at + 1 >= bytes.length) return null;
    }
  }
  return null;
}

/** Whether the file ends exactly where its image ends (PNG IEND chunk, JPEG EOI marker): nothing rides after it. */
export function endsAtImageEnd(bytes: Buffer, type: 'png' | 'jpg'): boolean {
  return (type === 'png' ? pngEnd(bytes) : jpegEnd(bytes)) === bytes.length;
}

/**
 * A logo is a JPEG or PNG by its bytes (not its name or declared type), exactly square, and
 * nothing but the image: bytes after its end marker (an HTML page, a script) are refused, so what
 * is served is an image and only that.
 */
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
  if (!endsAtImageEnd(bytes, info.type)) {
    return { ok: false, message: 'The logo has bytes after the end of its image; upload the image file alone.' };
  }
  return { ok: true, type: info.type === 'png' ? 'image/png' : 'image/jpeg' };
}
