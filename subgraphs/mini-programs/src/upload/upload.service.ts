import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fail, isId, newId, UserErrorCode, type Viewer } from '@mpp/kit';
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { MiniProgramsDeps } from '../context.js';
import type { MiniProgramsDb } from '../db/client.js';
import { uploads, type UploadPurposeValue, type UploadRow } from '../db/schema.js';
import { BlobMismatchError, BlobTooLargeError } from '../storage/blob-store.js';
import { checkLogo, checkUploadDeclaration, LOGO_MAX_BYTES, UNUSED_UPLOAD_LIFETIME_MS, UPLOAD_PUT_GRACE_MS } from './upload.rules.js';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Declares an upload; the answer says where to PUT the bytes, until when. */
export async function createUpload(
  deps: MiniProgramsDeps,
  viewer: Viewer,
  input: { purpose: UploadPurposeValue; filename: string; contentType: string; byteSize: number; sha256: string },
) {
  checkUploadDeclaration(input, deps.config.maxPackageBytes);
  const secret = randomBytes(24).toString('base64url');
  const upload = await deps.db.transaction(async (tx) => {
    // One declaration per account at a time: two racing ones cannot both slip under the quota.
    await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK_CLASS}, hashtext(${viewer.accountId}))`);
    const held = await unusedBytesOf(tx, viewer.accountId, new Date());
    if (held + input.byteSize > deps.config.uploadQuotaBytes) {
      fail(
        UserErrorCode.QUOTA_EXCEEDED,
        `Unused uploads may hold ${deps.config.uploadQuotaBytes} bytes per account; ${held} are held. Use or let expire the uploads you made.`,
        'byteSize',
      );
    }
    const [inserted] = await tx
      .insert(uploads)
    .values({
      id: newId(),
      accountId: viewer.accountId,
      purpose: input.purpose,
      filename: input.filename,
      contentType: input.contentType.toLowerCase(),
      byteSize: input.byteSize,
      sha256: input.sha256.toLowerCase(),
      secretHash: hashSecret(secret),
      status: 'PENDING',
      expiresAt: new Date(Date.now() + deps.config.uploadUrlTtlSeconds * 1000),
    })
    .returning();
    return inserted;
  });
  return {
    uploadId: upload!.id,
    url: `${deps.config.publicUrl}/uploads/${upload!.id}?signature=${secret}`,
    headers: [{ name: 'Content-Type', value: upload!.contentType }],
    expiresAt: upload!.expiresAt,
  };
}

/** Advisory lock class of the per-account upload quota (the key is the account id's hash). */
const QUOTA_LOCK_CLASS = 7_345_001;

/**
 * What still holds an unused upload: declared and its URL still open, or received and not yet
 * used nor past its lifetime. Used, expired and collected uploads hold nothing.
 */
function holdsQuota(now: Date) {
  return or(
    and(eq(uploads.status, 'PENDING'), gt(uploads.expiresAt, now)),
    and(eq(uploads.status, 'UPLOADED'), gt(uploads.createdAt, new Date(now.getTime() - UNUSED_UPLOAD_LIFETIME_MS))),
  );
}

async function unusedBytesOf(db: MiniProgramsDb, accountId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ held: sql<string>`coalesce(sum(${uploads.byteSize}), 0)` })
    .from(uploads)
    .where(and(eq(uploads.accountId, accountId), holdsQuota(now)));
  return Number(row?.held ?? 0);
}

/**
 * Deletes never-used uploads, rows and bytes: declarations whose URL expired (after a grace for a
 * PUT still streaming) and received files not used within their lifetime. Safe with several
 * replicas: each batch locks its rows and skips those another replica holds, and a row is gone
 * before its bytes are, so nothing ever points to a missing file. Returns how many it deleted.
 */
export async function collectUnusedUploads(deps: Pick<MiniProgramsDeps, 'db' | 'blobs'>, now = new Date(), batch = 200): Promise<number> {
  const expired = or(
    and(eq(uploads.status, 'PENDING'), lt(uploads.expiresAt, new Date(now.getTime() - UPLOAD_PUT_GRACE_MS))),
    and(eq(uploads.status, 'UPLOADED'), lt(uploads.createdAt, new Date(now.getTime() - UNUSED_UPLOAD_LIFETIME_MS))),
  );
  let collected = 0;
  for (;;) {
    const victims = deps.db.select({ id: uploads.id }).from(uploads).where(expired).limit(batch).for('update', { skipLocked: true });
    const gone = await deps.db.delete(uploads).where(inArray(uploads.id, victims)).returning({ id: uploads.id });
    for (const { id } of gone) await deps.blobs.delete(id);
    collected += gone.length;
    if (gone.length < batch) return collected;
  }
}

/** Runs the collector after `firstDelayMs`, then every `intervalMs` (errors logged, never thrown); returns its stop. */
export function startUploadCollector(deps: Pick<MiniProgramsDeps, 'db' | 'blobs' | 'logger'>, intervalMs: number, firstDelayMs: number): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = collectUnusedUploads(deps).then(
      (collected) => {
        if (collected > 0) deps.logger.info({ collected }, 'unused uploads collected');
      },
      (error: unknown) => deps.logger.warn({ err: error }, 'collecting unused uploads failed; will retry'),
    );
  };
  let timer = setTimeout(function every() {
    run();
    timer = setTimeout(every, intervalMs).unref();
  }, firstDelayMs).unref();
  return async () => {
    clearTimeout(timer);
    await running;
  };
}

/** Why a PUT of upload bytes was refused: an HTTP status and a stable code. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Receives the bytes of a staged upload (streamed, never held whole in memory) and verifies them
 * against the declaration: the secret of the URL, the deadline, the size and the SHA-256.
 */
export async function receiveUpload(
  deps: MiniProgramsDeps,
  request: { uploadId: string; signature: string; contentLength: number | null; body: Readable },
): Promise<UploadRow> {
  const [upload] = isId(request.uploadId) ? await deps.db.select().from(uploads).where(eq(uploads.id, request.uploadId)) : [];
  if (!upload || !sameSecret(upload.secretHash, request.signature)) throw new UploadRefused(404, 'NOT_FOUND', 'No such upload URL.');
  if (upload.status !== 'PENDING') throw new UploadRefused(409, 'ALREADY_UPLOADED', 'The bytes of this upload were already received.');
  if (upload.expiresAt.getTime() < Date.now()) throw new UploadRefused(410, 'EXPIRED', 'This upload URL has expired; create a new upload.');
  if (request.contentLength !== null && request.contentLength !== upload.byteSize) {
    throw new UploadRefused(400, 'SIZE_MISMATCH', `Content-Length is ${request.contentLength}; the upload declared ${upload.byteSize} bytes.`);
  }
  try {
    await deps.blobs.write(upload.id, request.body, { byteSize: upload.byteSize, sha256: upload.sha256 });
  } catch (error) {
    if (error instanceof BlobTooLargeError) {
      throw new UploadRefused(413, 'SIZE_MISMATCH', `More bytes than the ${upload.byteSize} declared.`);
    }
    if (error instanceof BlobMismatchError) {
      throw error.received.byteSize !== upload.byteSize
        ? new UploadRefused(400, 'SIZE_MISMATCH', `Received ${error.received.byteSize} bytes; the upload declared ${upload.byteSize}.`)
        : new UploadRefused(400, 'SHA256_MISMATCH', 'The bytes do not match the declared SHA-256.');
    }
    throw error;
  }
  const [received] = await deps.db
    .update(uploads)
    .set({ status: 'UPLOADED', uploadedAt: sql`now()` })
    .where(and(eq(uploads.id, upload.id), eq(uploads.status, 'PENDING')))
    .returning();
  if (!received) throw new UploadRefused(409, 'ALREADY_UPLOADED', 'The bytes of this upload were already received.');
  return received;
}

function sameSecret(expectedHash: string, secret: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Checks that an upload named in a mutation can be used there: the caller's own, of the right
 * purpose, received and not used yet; a logo must also pass the image rules. Returns the upload
 * with what was learnt of its bytes; `markUploadUsed` then spends it inside the mutation's transaction.
 */
export async function usableUpload(
  deps: MiniProgramsDeps,
  viewer: Viewer,
  uploadId: string,
  purpose: UploadPurposeValue,
  field: string,
): Promise<UploadRow> {
  const [upload] = isId(uploadId) ? await deps.db.select().from(uploads).where(eq(uploads.id, uploadId)) : [];
  // Another account's upload is as good as absent: ids leak, uploads stay private.
  if (!upload || upload.accountId !== viewer.accountId) fail(UserErrorCode.NOT_FOUND, 'No such upload.', field);
  if (upload.purpose !== purpose) fail(UserErrorCode.INVALID, `This upload was made for a ${upload.purpose.toLowerCase()}, not a ${purpose.toLowerCase()}.`, field);
  if (upload.status === 'PENDING') fail(UserErrorCode.INVALID, 'The bytes of this upload have not been received yet.', field);
  if (upload.status === 'CONSUMED') fail(UserErrorCode.INVALID, 'This upload has already been used.', field);
  if (upload.createdAt.getTime() < Date.now() - UNUSED_UPLOAD_LIFETIME_MS) fail(UserErrorCode.INVALID, 'This upload has expired; upload the file again.', field);
  if (purpose !== 'LOGO') return upload;
  const logo = checkLogo(await deps.blobs.readHead(upload.id, LOGO_MAX_BYTES));
  if (!logo.ok) fail(UserErrorCode.INVALID, logo.message, field);
  return { ...upload, detectedType: logo.type };
}

/** Spends an upload exactly once, even when two mutations race for it. */
export async function markUploadUsed(tx: MiniProgramsDb, upload: UploadRow, field: string): Promise<void> {
  const [used] = await tx
    .update(uploads)
    .set({ status: 'CONSUMED', consumedAt: sql`now()`, detectedType: upload.detectedType })
    .where(and(eq(uploads.id, upload.id), eq(uploads.status, 'UPLOADED')))
    .returning({ id: uploads.id });
  if (!used) fail(UserErrorCode.INVALID, 'This upload has already been used.', field);
}

/** The public URL of a logo, served by the gateway from the stored bytes. */
export function logoUrl(publicUrl: string, uploadId: string): string {
  return `${publicUrl}/files/${uploadId}`;
}

