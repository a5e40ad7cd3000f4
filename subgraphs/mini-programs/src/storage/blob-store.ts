import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What a finished write measured of the bytes it stored. */
export interface StoredBlob {
  byteSize: number;
  sha256: string;
}

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}

/** The bytes were not the ones expected: nothing was kept. */
export class BlobMismatchError extends Error {
  constructor(readonly received: StoredBlob) {
    super('the bytes do not match what was expected');
  }
}

/**
 * Where upload bytes live. Small on purpose, so an object store (S3, GCS…) can implement it:
 * writes are streamed and measured on the way, reads are streamed.
 */
export interface BlobStore {
  /**
   * Streams `source` into `key` if its bytes are exactly the expected ones (size and SHA-256):
   * more bytes than expected stop the stream; any mismatch keeps nothing and leaves what `key`
   * held before untouched.
   */
  write(key: string, source: Readable, expected: StoredBlob): Promise<StoredBlob>;
  read(key: string): Promise<Readable>;
  /** Reads at most `maxBytes` from the start (image sniffing). */
  readHead(key: string, maxBytes: number): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Counts and hashes bytes as they pass, failing once more than `limit` have come. */
function meter(limit: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new BlobTooLargeError(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: (): StoredBlob => ({ byteSize: size, sha256: hash.digest('hex') }) };
}

/** Files under a folder (DATA_DIR/uploads): written aside and renamed into place when complete. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^[A-Za-z0-9-]+$/.test(key)) throw new Error(`bad blob key ${key}`);
    return join(this.root, key.slice(-2), key);
  }

  async write(key: string, source: Readable, expected: StoredBlob): Promise<StoredBlob> {
    const path = this.path(key);
    const partial = `${path}.${process.pid}.${randomUUID()}.part`;
    await mkdir(join(path, '..'), { recursive: true });
    const { transform, result } = meter(expected.byteSize);
    try {
      await pipeline(source, transform, createWriteStream(partial, { flags: 'wx' }));
      const stored = result();
      // Checked before the rename: a wrong second PUT never replaces (or deletes) a good file.
      if (stored.byteSize !== expected.byteSize || stored.sha256 !== expected.sha256) throw new BlobMismatchError(stored);
      await rename(partial, path);
      return stored;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async readHead(key: string, maxBytes: number): Promise<Buffer> {
    const file = await open(this.path(key), 'r');
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await file.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
