import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignInDocument, SignUpDocument, createPlatformClient } from '@mpp/client';
import { freePort } from '@mpp/testkit';
import { afterAll, expect, it } from 'vitest';
import { startService, stopService, waitUntilHealthy } from '../support/processes.js';

// `npm start` as a user runs it: one process, embedded PGlite under DATA_DIR, nothing else.
const dataDir = mkdtempSync(join(tmpdir(), 'embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startEmbedded() {
  const port = await freePort();
  const service = startService('platform', ['node', 'gateway/dist/all-in-one.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });
  await waitUntilHealthy(service, `http://127.0.0.1:${port}/readyz`, 90_000);
  // The "platform ready" line follows /readyz by a moment; the URL is printed after it.
  await expect.poll(() => service.output.join(''), { timeout: 10_000 }).toContain('Mini program platform graph');
  return { service, url: `http://127.0.0.1:${port}/graphql` };
}

/** How the process compiled its bundle, from its "platform ready" line (all-in-one.ts). */
function codeCacheUse(output: string): string | undefined {
  const ready = output.split('\n').find((line) => line.includes('"platform ready"'));
  return ready ? (JSON.parse(ready) as { codeCache?: string }).codeCache : undefined;
}

it('starts with no set-up, prints its URL and the generated admin once, stops cleanly on SIGINT and keeps its data', async () => {
  const first = await startEmbedded();
  const output = () => first.service.output.join('');
  expect(output()).toContain('Mini program platform graph: http://localhost:');
  const generated = output().split('\n').find((line) => line.includes('generated password'));
  expect(generated).toBeDefined();
  const { email: adminEmail, password: adminPassword } = JSON.parse(generated!) as { email: string; password: string };

  const client = createPlatformClient({ url: first.url });
  const { signUp } = await client.execute(SignUpDocument, {
    input: { email: 'embedded@example.com', password: 'a long password', displayName: 'Embedded' },
  });
  expect(signUp.userErrors).toEqual([]);

  first.service.process.kill('SIGINT');
  expect(await first.service.exited).toBe(0);

  const second = await startEmbedded();
  try {
    const again = createPlatformClient({ url: second.url });
    const { signIn } = await again.execute(SignInDocument, { input: { email: 'embedded@example.com', password: 'a long password' } });
    expect(signIn.account?.id).toBe(signUp.account!.id);
    const admin = await again.execute(SignInDocument, { input: { email: adminEmail, password: adminPassword } });
    expect(admin.signIn.userErrors).toEqual([]);
    expect(second.service.output.join('')).not.toContain('generated password');
    // The first start left a code cache of the bundle (or found a valid one): the second compiles from it.
    expect(['absent', 'stale', 'rejected', 'used']).toContain(codeCacheUse(output()));
    expect(codeCacheUse(second.service.output.join(''))).toBe('used');
  } finally {
    expect(await stopService(second.service)).toBe(0);
  }
});

it('refuses a DATA_DIR another live process holds, exits 1 and names the TypeScript source in its stack trace', async () => {
  const held = mkdtempSync(join(tmpdir(), 'embedded-held-'));
  try {
    writeFileSync(join(held, 'embedded-database.lock'), String(process.pid)); // this test's process: alive
    const service = startService('platform', ['node', 'gateway/dist/all-in-one.js'], { PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: held });
    expect(await service.exited).toBe(1);
    const output = service.output.join('');
    expect(output).toContain(`DATA_DIR ${held} is in use by process ${process.pid}`);
    // The bundle is compiled through node:vm; its source map still applies to the trace.
    expect(output).toMatch(/at lockDataDir \(.*packages\/kit\/src\/db\/database\.ts:\d+:\d+\)/);
  } finally {
    rmSync(held, { recursive: true, force: true });
  }
});
