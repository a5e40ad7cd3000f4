import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/processes.js';

const run = promisify(execFile);
const clientSource = join(repositoryRoot, 'packages/client');

/** npm and node as a partner runs them: none of the npm_* variables of the npm that started vitest. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

interface PackedFile {
  path: string;
}

/**
 * `npm pack` of a copy of packages/client without its dist: prepack must build it. A copy, because
 * rebuilding the real dist would change the files other test files are importing at that moment.
 */
async function packClient(workDir: string): Promise<{ tarball: string; files: string[] }> {
  const copy = join(workDir, 'client');
  cpSync(clientSource, copy, { recursive: true, filter: (path) => !/^(dist|node_modules)(\/|$)/.test(relative(clientSource, path)) });
  // The copy sits outside the repository: it extends the repository's base tsconfig by its full
  // path and builds with the repository's TypeScript and type packages.
  const buildConfig = join(copy, 'tsconfig.build.json');
  writeFileSync(buildConfig, readFileSync(buildConfig, 'utf8').replace('"../../tsconfig.json"', JSON.stringify(join(repositoryRoot, 'tsconfig.json'))));
  symlinkSync(join(repositoryRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: copy, env: cleanEnv() });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: PackedFile[] }];
  return { tarball: join(workDir, packed.filename), files: packed.files.map((file) => file.path) };
}

/** A partner's Node app: an empty ESM project that installs the tarball from the registry's cache. */
async function installInEmptyProject(workDir: string, tarball: string): Promise<string> {
  const app = join(workDir, 'partner-app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'partner-app', private: true, type: 'module' }));
  // Node 20 has no global WebSocket: the app brings `ws`, as the package's README says.
  const extra = typeof globalThis.WebSocket === 'undefined' ? ['ws'] : [];
  await run('npm', ['install', tarball, ...extra, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, env: cleanEnv() });
  writeFileSync(join(app, 'main.mjs'), PARTNER_SCRIPT);
  return app;
}

const PARTNER_SCRIPT = `
import { createPlatformClient, GraphQLRequestError, SignUpDocument, ViewerDocument } from '@mpp/client';

const webSocketImpl = globalThis.WebSocket ?? (await import('ws')).default;
const client = createPlatformClient({ url: process.argv[2], webSocketImpl, retryAttempts: 0 });
const email = 'packed-' + Date.now() + '@example.com';
const { signUp } = await client.execute(SignUpDocument, {
  input: { email, password: 'a long packed passphrase', displayName: 'Packed' },
});
const me = client.withToken(signUp.token, signUp.refreshToken);
const { viewer } = await me.execute(ViewerDocument);
const overSocket = [];
for await (const result of me.subscribe(ViewerDocument)) overSocket.push(result.data?.viewer?.email);
await me.close();
let refused;
try {
  await client.withToken('not-a-token').execute(ViewerDocument);
} catch (error) {
  refused = { isClientError: error instanceof GraphQLRequestError, code: error.code, status: error.status };
}
console.log(JSON.stringify({ email, signedUp: signUp.account.email, viewer: viewer.email, overSocket, refused }));
`;

let platform: TestPlatform;
let workDir: string;
let packed: { tarball: string; files: string[] };
let app: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'mpp-client-package-'));
  const installing = packClient(workDir).then(async (result) => {
    packed = result;
    app = await installInEmptyProject(workDir, result.tarball);
  });
  [platform] = await Promise.all([TestPlatform.start(), installing]);
});
afterAll(async () => {
  await platform?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the published client package', () => {
  it('ships the built entry point with its types and README, not the sources', () => {
    expect(packed.files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/generated/graphql.js']));
    expect(packed.files.filter((path) => !path.startsWith('dist/') && !['package.json', 'README.md', 'persisted-documents.json'].includes(path))).toEqual([]);
    expect(packed.files.filter((path) => /\.test\.|^src\/|\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('imports nothing but its declared dependencies, none of Node’s (it runs in browsers)', () => {
    const installed = join(app, 'node_modules/@mpp/client');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const scripts = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.js'));
    const specifiers = scripts.flatMap((path) =>
      // Statements as tsc writes them, each at the start of a line (documents' strings are not).
      [...readFileSync(join(installed, 'dist', path), 'utf8').matchAll(/^(?:import|export)\b[^;'"]*?\sfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm)].map((match) => (match[1] ?? match[2])!),
    );
    const bare = [...new Set(specifiers.filter((specifier) => !specifier.startsWith('.')))];
    expect(bare.length).toBeGreaterThan(0);
    expect(bare.filter((specifier) => !declared.has(specifier))).toEqual([]);
    expect(manifest.peerDependencies).toHaveProperty('graphql');
    expect(manifest.private).toBeUndefined();
  });

  it('works from an outside Node app: signs up, queries over HTTP and over the WebSocket, reports refusals', async () => {
    const { stdout } = await run(process.execPath, ['main.mjs', platform.url], { cwd: app, env: cleanEnv() });
    const output = JSON.parse(stdout) as {
      email: string;
      signedUp: string;
      viewer: string;
      overSocket: string[];
      refused: { isClientError: boolean; code: string; status: number };
    };
    expect(output.signedUp).toBe(output.email);
    expect(output.viewer).toBe(output.email);
    expect(output.overSocket).toEqual([output.email]);
    expect(output.refused).toEqual({ isClientError: true, code: 'UNAUTHENTICATED', status: 401 });
  });
});
