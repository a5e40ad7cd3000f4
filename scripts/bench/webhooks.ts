// Deliveries per second of 2 webhook worker processes (the webhooks subgraph run on its own, as in
// the distributed mode) to a receiver on loopback, on a fresh database of the local Postgres server.
// The deliveries are queued straight in the table, so the figure is the delivery pipeline's:
// claim (FOR UPDATE SKIP LOCKED), sign, POST, record.
//   npm run bench:webhooks   (BENCH_WEBHOOK_DELIVERIES=2000, BENCH_WEBHOOK_ENDPOINTS=10, BENCH_WEBHOOK_WORKERS=2)
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateWebhookEndpointDocument, CreateWorkspaceDocument, SignUpDocument, createPlatformClient } from '@mpp/client';
import postgres from 'postgres';
import { BENCH_DATABASE_URL } from './platform-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const total = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 2000);
const endpointCount = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 10);
const workerCount = Number(process.env.BENCH_WEBHOOK_WORKERS ?? 2);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script], { cwd: root, env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready`);
}

const stop = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))));

const name = `bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
await admin.end();
const url = new URL(BENCH_DATABASE_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-webhooks-'));
const children: ChildProcess[] = [];
let received = 0;
const receiver = createHttpServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received += 1;
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });

try {
  // The platform (its own webhook worker off) makes the schema, the account and the endpoints.
  const port = await freePort();
  const common = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' };
  const platform = start('gateway/dist/all-in-one.js', { ...common, PORT: String(port), WEBHOOK_WORKER_CONCURRENCY: '0', PLATFORM_ADMIN_EMAIL: 'admin@bench.example', PLATFORM_ADMIN_PASSWORD: 'bench admin password' });
  children.push(platform);
  await healthy(`http://127.0.0.1:${port}/readyz`, platform);
  const gateway = `http://127.0.0.1:${port}/graphql`;
  const { signUp } = await createPlatformClient({ url: gateway }).execute(SignUpDocument, { input: { email: 'hooks@bench.example', password: 'a long password', displayName: 'Hooks' } });
  const client = createPlatformClient({ url: gateway, token: signUp.token });
  const { createWorkspace } = await client.execute(CreateWorkspaceDocument, { input: { kind: 'MERCHANT', name: 'Bench merchant' } });
  const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const endpointIds: string[] = [];
  for (let i = 0; i < endpointCount; i++) {
    const { createWebhookEndpoint } = await client.execute(CreateWebhookEndpointDocument, { input: { workspaceId: createWorkspace.workspace!.id, url: target, topics: ['ORDER_PLACED'] } });
    endpointIds.push(createWebhookEndpoint.endpoint!.id);
  }
  const body = JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: { bench: true, padding: 'x'.repeat(400) } });
  await sql`
    insert into webhooks.deliveries (id, endpoint_id, type, body, status, next_attempt_at)
    select gen_random_uuid(), (${endpointIds}::uuid[])[1 + (n % ${endpointCount})], 'webhook.test', ${body}, 'PENDING', now() + interval '1 day'
    from generate_series(1, ${total}) n`;

  for (let i = 0; i < workerCount; i++) {
    const workerPort = await freePort();
    const worker = start('subgraphs/webhooks/dist/main.js', { ...common, PORT: String(workerPort) });
    children.push(worker);
    await healthy(`http://127.0.0.1:${workerPort}/healthz`, worker);
  }
  // Everything due at once, with both workers ready.
  const started = performance.now();
  await sql`update webhooks.deliveries set next_attempt_at = now()`;
  await sql`select pg_notify('webhooks_deliveries', '')`;
  for (;;) {
    const [row] = await sql<{ n: string }[]>`select count(*) as n from webhooks.deliveries where status = 'DELIVERED'`;
    if (Number(row!.n) >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const [attempts] = await sql<{ n: string }[]>`select count(*) as n from webhooks.attempts`;
  console.table([
    {
      workers: workerCount,
      endpoints: endpointCount,
      deliveries: total,
      'requests received': received,
      'attempts recorded': Number(attempts!.n),
      seconds: Math.round(seconds * 10) / 10,
      'deliveries/s': Math.round(total / seconds),
    },
  ]);
} finally {
  await Promise.all(children.map(stop));
  await sql.end();
  receiver.close();
  const cleaner = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await cleaner.unsafe(`drop database if exists ${name} with (force)`);
  await cleaner.end();
  rmSync(dataDir, { recursive: true, force: true });
}
