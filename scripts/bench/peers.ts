// Our gateway against Hive Gateway (@graphql-hive/gateway) on the same supergraph, in front of the
// same subgraph processes (the distributed mode, on a fresh database of the local Postgres server).
//   npm run bench:peers                       (20 s per query and gateway, in interleaved rounds)
//   BENCH_SECONDS=6 BENCH_CONNECTIONS=16 npm run bench:peers
//   BENCH_PEERS=ours,ours-uncached,hive,hive-no-dedup npm run bench:peers
//     (ours-uncached: a second gateway of ours with its response cache off; hive-no-dedup: Hive with
//     in-flight deduplication off)
//   BENCH_CPU_PROF=/tmp/profiles npm run bench:peers   (our processes write V8 CPU profiles there on exit)
// Prints req/s, p50, p99, errors and the CPU ms per request of every process, then the line
// `Q2 ours/hive: <ratio>, Q2/floor: <ratio>`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '@mpp/testkit';
import postgres from 'postgres';
import { createBenchDatabase, freePort, percentile, root, stopProcess, SUBGRAPH_PROCESSES, untilReady } from './platform-process.js';
import { DASHBOARD_QUERY, MEMBERSHIPS_QUERY, seedDashboard, seedMemberships } from './seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Each query is loaded in rounds of this length, alternating the gateways, so both see the same machine. */
const ROUND_SECONDS = Math.min(5, seconds);
const peers = (process.env.BENCH_PEERS ?? 'ours,ours-uncached,hive').split(',').map((p) => p.trim()) as Peer[];
type Peer = 'ours' | 'ours-uncached' | 'hive' | 'hive-no-dedup';

/**
 * The one place the bench decides what reaches subgraphs through Hive Gateway: the client headers
 * it forwards, and the internal credential it signs on every subgraph request (what our gateway does
 * itself). Our gateway forwards the same client headers.
 */
const FORWARDED_CLIENT_HEADERS = ['authorization', 'x-request-id'];
/** Shared by every process of the run: subgraphs answer only requests signed with it. */
const INTERNAL_SECRET = randomBytes(48).toString('base64url');
/** Our own signing function, loaded by Hive's config from the built kit. */
const SIGN_MODULE = pathToFileURL(join(root, 'packages/kit/dist/auth/internal.js')).href;

// ---------------------------------------------------------------------------------------------
// processes

interface Running {
  name: string;
  child: ChildProcess;
  url: string;
}

const children: Running[] = [];

async function startProcess(name: string, args: string[], env: Record<string, string>, readyPath: string, port: number): Promise<Running> {
  const profile = process.env.BENCH_CPU_PROF && !name.startsWith('hive') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  const running = { name, child, url: `${origin}/graphql` };
  children.push(running);
  // Hive is ready when it answers a query; our processes say so on /readyz (their /graphql needs credentials).
  const probe = () => fetch(`${origin}${readyPath}`, readyPath === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } : {});
  await untilReady(origin, child, name, probe);
  return running;
}

async function stopAll(): Promise<void> {
  await Promise.all(children.map(({ child }) => stopProcess(child)));
}

/** CPU time (user + system) of a process and its descendants, in ms. */
function cpuMs(pid: number): number {
  const ticksPerSecond = 100;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const tree = new Set([pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [child, { ppid }] of stats) {
      if (tree.has(ppid) && !tree.has(child)) {
        tree.add(child);
        grown = true;
      }
    }
  }
  for (const member of tree) ticks += stats.get(member)?.ticks ?? 0;
  return (ticks * 1000) / ticksPerSecond;
}

// ---------------------------------------------------------------------------------------------
// load

interface Load {
  name: string;
  token: string;
  body: string;
}

interface Tally {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  cpu: Map<string, number>;
}

async function round(url: string, load: Load, duration: number, tally: Tally, measured: () => Map<string, number>): Promise<void> {
  const before = measured();
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${load.token}` },
    body: load.body,
    connections,
    duration,
    setupClient(client) {
      client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
        tally.latencies.push(responseTime);
        if (statusCode !== 200) tally.errors++;
      });
      // A GraphQL error answered with 200 is an error too.
      client.on('body', (body: Buffer) => {
        if (body.includes('"errors"')) tally.errors++;
      });
    },
  });
  const result = await instance;
  const after = measured();
  tally.requests += result.requests.total;
  tally.seconds += result.duration;
  tally.errors += result.errors + result.timeouts;
  for (const [name, ms] of after) tally.cpu.set(name, (tally.cpu.get(name) ?? 0) + ms - (before.get(name) ?? 0));
}

async function post(url: string, token: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// main

const database = await createBenchDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
try {
  const ports = { gateway: await freePort(), uncached: await freePort(), hive: await freePort(), hiveNoDedup: await freePort() };
  const publicUrl = `http://127.0.0.1:${ports.gateway}`;
  const common = {
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: publicUrl,
    PLATFORM_ADMIN_EMAIL: ADMIN_EMAIL,
    PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    INTERNAL_SECRET,
  };
  // Accounts first: it makes the token key pair in DATA_DIR that the others read.
  const subgraphUrls = new Map<string, string>();
  const startSubgraph = async (name: string) => {
    const port = await freePort();
    const running = await startProcess(name, [`subgraphs/${name}/dist/main.js`], { ...common, PORT: String(port) }, '/readyz', port);
    subgraphUrls.set(name, running.url);
  };
  await startSubgraph(SUBGRAPH_PROCESSES[0].name);
  await Promise.all(SUBGRAPH_PROCESSES.slice(1).map(({ name }) => startSubgraph(name)));
  const urlsEnv = Object.fromEntries(SUBGRAPH_PROCESSES.map(({ name, variable }) => [variable, subgraphUrls.get(name)!]));
  // The load is one account asking as fast as it can: the rate limit would refuse most of it.
  const unlimited = { RATE_LIMIT_POINTS: '0', SIGN_IN_FAILURES_PER_EMAIL: '1000000', SIGN_IN_FAILURES_PER_IP: '1000000' };
  const ours = await startProcess('gateway', ['gateway/dist/main.js'], { ...common, ...urlsEnv, ...unlimited, PORT: String(ports.gateway) }, '/readyz', ports.gateway);

  // Hive Gateway serves the committed supergraph with the subgraph URLs of this run.
  let supergraph = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
  for (const [name, url] of subgraphUrls) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  writeFileSync(join(dataDir, 'supergraph.graphql'), supergraph);
  // Every subgraph request Hive sends is signed as our gateway signs it (time, method, path, the
  // caller's Authorization). Hive deduplicates in-flight requests before its fetch hooks run, so the
  // per-request credential does not defeat its deduplication.
  const hiveConfig = (dedup: boolean) => `import { INTERNAL_CREDENTIAL_HEADER, signInternalRequest } from ${JSON.stringify(SIGN_MODULE)};
const secret = Buffer.from(process.env.INTERNAL_SECRET);
export const gatewayConfig = {
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = {};
      for (const name of ${JSON.stringify(FORWARDED_CLIENT_HEADERS)}) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
  plugins: () => [
    {
      onFetch({ url, options, setOptions }) {
        const headers = new Headers(options.headers);
        const { pathname, search } = new URL(url);
        headers.set(INTERNAL_CREDENTIAL_HEADER, signInternalRequest(secret, { method: options.method ?? 'GET', path: pathname + search, authorization: headers.get('authorization') }));
        setOptions({ ...options, headers });
      },
    },
  ],
  ${dedup ? '' : "transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },"}
};
`;
  const hiveBin = join(root, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  const gateways = new Map<Peer, Running>([['ours', ours]]);
  if (peers.includes('ours-uncached')) {
    // The same gateway, every query read from the subgraphs: what a first look at a dashboard costs.
    const uncachedEnv = { ...common, ...urlsEnv, ...unlimited, RESPONSE_CACHE_BYTES: '0', SUBGRAPH_CACHE_BYTES: '0', PORT: String(ports.uncached) };
    gateways.set('ours-uncached', await startProcess(gatewayName('ours-uncached'), ['gateway/dist/main.js'], uncachedEnv, '/readyz', ports.uncached));
  }
  for (const [peer, port, dedup] of [['hive', ports.hive, true], ['hive-no-dedup', ports.hiveNoDedup, false]] as const) {
    if (!peers.includes(peer)) continue;
    const config = join(dataDir, `${peer}.config.mjs`);
    writeFileSync(config, hiveConfig(dedup));
    gateways.set(
      peer,
      await startProcess(peer, [hiveBin, 'supergraph', join(dataDir, 'supergraph.graphql'), '-c', config, '--port', String(port), '--host', '127.0.0.1', '--disable-websockets'], { NODE_ENV: 'production', INTERNAL_SECRET }, '/graphql', port),
    );
  }

  console.error('seeding through the API…');
  const membershipsToken = await seedMemberships(ours.url);
  const dashboard = await seedDashboard(ours.url, 20);
  const loads: Load[] = [
    { name: 'floor { __typename }', token: dashboard.token, body: JSON.stringify({ query: '{ __typename }' }) },
    { name: 'Q1 memberships', token: membershipsToken, body: JSON.stringify({ query: MEMBERSHIPS_QUERY, operationName: 'Bench' }) },
    { name: 'Q2 dashboard', token: dashboard.token, body: JSON.stringify({ query: DASHBOARD_QUERY, operationName: 'Dashboard', variables: { id: dashboard.workspaceId, first: 20 } }) },
  ];

  // Same answers from every gateway, and no errors, before anything is measured (ours adds
  // extensions.cost, so data and errors are compared).
  for (const load of loads) {
    const answers = await Promise.all(
      [...gateways.values()].map(async (g) => {
        const { data, errors } = (await post(g.url, load.token, load.body)) as { data?: unknown; errors?: unknown };
        return { data, errors };
      }),
    );
    const first = answers[0]!;
    if (first.errors || !first.data) throw new Error(`${load.name}: ${JSON.stringify(first).slice(0, 500)}`);
    for (const [i, answer] of answers.entries()) {
      if (!isDeepStrictEqual(answer, first)) throw new Error(`${load.name}: ${[...gateways.keys()][i]} answers differently:\n${JSON.stringify(answer).slice(0, 500)}`);
    }
  }

  // Postgres backends of this database, by application (each subgraph names its connections).
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  const backends = async () =>
    (await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database.name} and pid <> pg_backend_pid()`).map((r) => r.pid);
  let postgresPids = await backends();
  const processes = () => [...children.map((c) => [c.name, c.child.pid!] as const), ['bench client', process.pid] as const];
  const measured = () => {
    const cpu = new Map(processes().map(([name, pid]) => [name, name === 'bench client' ? processCpuMs() : cpuMs(pid)]));
    cpu.set('postgres', postgresPids.reduce((sum, pid) => sum + cpuMs(pid), 0));
    return cpu;
  };

  const tallies = new Map<string, Tally>();
  for (const load of loads) {
    for (const peer of gateways.keys()) await round(gateways.get(peer)!.url, load, 2, newTally(), measured); // warm-up
    postgresPids = await backends();
    for (let done = 0; done < seconds; done += ROUND_SECONDS) {
      for (const [peer, gateway] of gateways) {
        const key = `${load.name}|${peer}`;
        if (!tallies.has(key)) tallies.set(key, newTally());
        await round(gateway.url, load, Math.min(ROUND_SECONDS, seconds - done), tallies.get(key)!, measured);
      }
    }
  }
  await sql.end();

  const rows: Record<string, string | number>[] = [];
  for (const [key, tally] of tallies) {
    const [query = '', peer = ''] = key.split('|');
    const latencies = tally.latencies.sort((a, b) => a - b);
    // Every gateway's CPU is measured in every round; a row shows only its own gateway's.
    const gatewayNames = new Set([...gateways.keys()].map(gatewayName));
    const cpu = Object.fromEntries(
      [...tally.cpu]
        .filter(([name]) => !gatewayNames.has(name) || name === gatewayName(peer as Peer))
        .map(([name, ms]) => [`${gatewayNames.has(name) ? 'gateway' : name} ms`, round1(ms / Math.max(tally.requests, 1))]),
    );
    rows.push({ query, gateway: peer, 'req/s': Math.round(tally.requests / tally.seconds), 'p50 ms': Math.round(percentile(latencies, 50)), 'p99 ms': Math.round(percentile(latencies, 99)), errors: tally.errors, ...cpu });
  }
  console.log(`\nOur gateway and Hive Gateway, same subgraphs (distributed, Postgres): ${connections} connections, ${seconds} s each in ${ROUND_SECONDS} s rounds; CPU ms per request`);
  console.table(rows);
  const rate = (query: string, peer: Peer) => Number(rows.find((r) => r.query === query && r.gateway === peer)?.['req/s'] ?? NaN);
  const q2 = loads[2]!.name;
  if (gateways.has('ours-uncached')) {
    console.log(`Q2 ours-uncached/hive: ${(rate(q2, 'ours-uncached') / rate(q2, 'hive')).toFixed(2)}, Q2 ours-uncached/floor: ${(rate(q2, 'ours-uncached') / rate(loads[0]!.name, 'ours')).toFixed(2)}`);
  }
  console.log(`Q2 ours/hive: ${(rate(q2, 'ours') / rate(q2, 'hive')).toFixed(2)}, Q2/floor: ${(rate(q2, 'ours') / rate(loads[0]!.name, 'ours')).toFixed(2)}`);
} finally {
  await stopAll();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

function newTally(): Tally {
  return { requests: 0, seconds: 0, latencies: [], errors: 0, cpu: new Map() };
}

function gatewayName(peer: Peer): string {
  return peer === 'ours' ? 'gateway' : peer === 'ours-uncached' ? 'gateway (cache off)' : peer;
}

function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
