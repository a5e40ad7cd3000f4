import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { newId, openDatabase, type Database } from '@mpp/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniProgramsDb, type MiniProgramsDb } from '../src/db/client.js';
import { migrateMiniPrograms } from '../src/db/migrate.js';
import { uploads, type UploadStatusValue } from '../src/db/schema.js';
import { FileBlobStore } from '../src/storage/blob-store.js';
import { UNUSED_UPLOAD_LIFETIME_MS, UPLOAD_PUT_GRACE_MS } from '../src/upload/upload.rules.js';
import { collectUnusedUploads } from '../src/upload/upload.service.js';

let dataDir: string;
let database: Database;
let db: MiniProgramsDb;
let blobs: FileBlobStore;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'upload-collector-'));
  database = await openDatabase({ url: null, dataDir });
  db = miniProgramsDb(database);
  await migrateMiniPrograms(db);
  blobs = new FileBlobStore(join(dataDir, 'uploads'));
}, 60_000);
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const HOUR = 60 * 60 * 1000;

/** An upload row (and its bytes, unless PENDING) declared `ageMs` ago. */
async function upload(status: UploadStatusValue, ageMs: number, now: Date): Promise<string> {
  const id = newId();
  const bytes = randomBytes(64);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const createdAt = new Date(now.getTime() - ageMs);
  await db.insert(uploads).values({
    id,
    accountId: newId(),
    purpose: 'PACKAGE',
    filename: 'dist.zip',
    contentType: 'application/zip',
    byteSize: bytes.length,
    sha256,
    secretHash: 'x',
    status,
    expiresAt: new Date(createdAt.getTime() + 15 * 60 * 1000),
    createdAt,
  });
  if (status !== 'PENDING') await blobs.write(id, Readable.from([bytes]), { byteSize: bytes.length, sha256 });
  return id;
}

const remaining = async (ids: string[]) => (await db.select({ id: uploads.id }).from(uploads)).map((row) => row.id).filter((id) => ids.includes(id));
const fileOf = (id: string) => join(dataDir, 'uploads', id.slice(-2), id);

describe('collectUnusedUploads', () => {
  it('deletes expired declarations and received files never used, rows and bytes, and keeps the rest', async () => {
    const now = new Date();
    const expiredDeclaration = await upload('PENDING', 15 * 60 * 1000 + UPLOAD_PUT_GRACE_MS + HOUR, now);
    const declarationInGrace = await upload('PENDING', 15 * 60 * 1000 + 60_000, now);
    const openDeclaration = await upload('PENDING', 60_000, now);
    const staleFile = await upload('UPLOADED', UNUSED_UPLOAD_LIFETIME_MS + HOUR, now);
    const freshFile = await upload('UPLOADED', HOUR, now);
    const usedLongAgo = await upload('CONSUMED', UNUSED_UPLOAD_LIFETIME_MS * 10, now);
    const all = [expiredDeclaration, declarationInGrace, openDeclaration, staleFile, freshFile, usedLongAgo];

    expect(await collectUnusedUploads({ db, blobs }, now)).toBe(2);
    expect((await remaining(all)).sort()).toEqual([declarationInGrace, openDeclaration, freshFile, usedLongAgo].sort());
    await expect(blobs.read(staleFile).then((stream) => stream.toArray())).rejects.toThrow();
    expect((await (await blobs.read(freshFile)).toArray()).length).toBeGreaterThan(0);
    expect((await (await blobs.read(usedLongAgo)).toArray()).length).toBeGreaterThan(0);
    expect(existsSync(fileOf(staleFile))).toBe(false);

    expect(await collectUnusedUploads({ db, blobs }, now)).toBe(0);
  });

  it('shares the work between replicas running at once: each row collected exactly once, in batches', async () => {
    const now = new Date();
    const stale = await Promise.all(Array.from({ length: 25 }, () => upload('UPLOADED', UNUSED_UPLOAD_LIFETIME_MS + HOUR, now)));
    const counts = await Promise.all([collectUnusedUploads({ db, blobs }, now, 4), collectUnusedUploads({ db, blobs }, now, 4)]);
    expect(counts[0]! + counts[1]!).toBe(25);
    expect(await remaining(stale)).toEqual([]);
  });
});
