// Uploads a 20 MiB package through the gateway (createUpload, then a streamed PUT of the bytes,
// then uploadVersion) and reports MB/s and the platform process's peak RSS during the upload.
//   npm run bench:upload        (BENCH_UPLOAD_MIB=50 for another size; BENCH_MODES=postgres)
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateUploadDocument, SignUpDocument, createPlatformClient } from '@mpp/client';
import { modesToRun, startPlatform, type Mode } from './platform-process.js';

const mib = Number(process.env.BENCH_UPLOAD_MIB ?? 20);

async function measure(mode: Mode) {
  const bytes = mib * 1024 * 1024;
  const platform = await startPlatform(mode, { MAX_PACKAGE_BYTES: String(bytes) });
  const folder = mkdtempSync(join(tmpdir(), 'bench-upload-'));
  try {
    // The package, on disk: the client streams it too.
    const file = join(folder, 'package.zip');
    const hash = createHash('sha256');
    const content = randomBytes(bytes);
    hash.update(content);
    writeFileSync(file, content);
    const sha256 = hash.digest('hex');

    const anonymous = createPlatformClient({ url: platform.url });
    const { signUp } = await anonymous.execute(SignUpDocument, { input: { email: 'uploader@bench.example', password: 'a long password', displayName: 'Up' } });
    const client = createPlatformClient({ url: platform.url, token: signUp.token });
    const { createUpload } = await client.execute(CreateUploadDocument, {
      input: { purpose: 'PACKAGE', filename: 'package.zip', contentType: 'application/zip', byteSize: bytes, sha256 },
    });
    const upload = createUpload.upload!;

    const before = platform.rssMiB();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, platform.rssMiB())), 20);
    const started = performance.now();
    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/zip', 'content-length': String(bytes) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, platform.rssMiB());
    const answer = (await response.json()) as { sha256?: string };
    if (response.status !== 200 || answer.sha256 !== sha256) throw new Error(`upload failed: ${response.status} ${JSON.stringify(answer)}`);
    return {
      mode,
      'MiB uploaded': mib,
      'MB/s': Math.round((bytes / 1e6 / seconds) * 10) / 10,
      'RSS before MiB': Math.round(before),
      'RSS peak MiB': Math.round(peak),
      'RSS growth MiB': Math.round(peak - before),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await platform.stop();
  }
}

const rows = [];
for (const mode of modesToRun()) rows.push(await measure(mode));
console.log(`\nStaged upload of a ${mib} MiB package through the gateway (PUT streamed to MiniPrograms, hashed on the way)`);
console.table(rows);
