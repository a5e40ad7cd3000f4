import { mkdtempSync, rmSync } from 'node:fs';
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
  return { service, url: `http://127.0.0.1:${port}/graphql` };
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
  } finally {
    expect(await stopService(second.service)).toBe(0);
  }
});
