import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The internal credential's secret of the distributed mode's processes in this run. */
const internalSecretOfRun = randomBytes(48).toString('base64url');

/**
 * embedded and postgres: `npm start`'s one process; distributed: the gateway (gateway/dist/main.js)
 * and each subgraph in a process of its own, on a fresh Postgres database. The platform process
 * measured (RSS, CPU) is the gateway's.
 */
export type Mode = 'embedded' | 'postgres' | 'distributed';

/** The subgraph processes of the distributed mode, Accounts first (it makes the token keys the others read), and the gateway's variable for each URL. */
export const SUBGRAPH_PROCESSES = [
  { name: 'accounts', variable: 'ACCOUNTS_URL' },
  { name: 'service-market', variable: 'SERVICE_MARKET_URL' },
  { name: 'mini-programs', variable: 'MINI_PROGRAMS_URL' },
  { name: 'orders', variable: 'ORDERS_URL' },
  { name: 'webhooks', variable: 'WEBHOOKS_URL' },
] as const;

export interface PlatformProcess {
  mode: Mode;
  url: string;
  origin: string;
  child: ChildProcess;
  /** Resident set size of the platform process, in MiB. */
  rssMiB(): number;
  /** CPU time (user + system) the platform process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The Postgres server the Postgres mode is measured on (a fresh database is made on it). */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on BENCH_DATABASE_URL's server, and how to drop it. */
export async function createBenchDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const cleaner = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
      await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/**
 * The gateway's caches as this run asks (`RESPONSE_CACHE_BYTES=0 SUBGRAPH_CACHE_BYTES=0`: both off),
 * and how it reaches the subgraphs of its process (`SUBGRAPH_TRANSPORT`), else their defaults.
 */
export function cacheEnvironment(): Record<string, string> {
  const names = ['RESPONSE_CACHE_BYTES', 'SUBGRAPH_CACHE_BYTES', 'SUBGRAPH_TRANSPORT'] as const;
  return Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

/** The environment a benchmark runs `npm start`'s process with: loopback, quiet logs, a known admin. */
export function benchPlatformEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PLATFORM_ADMIN_EMAIL: 'admin@bench.example',
    PLATFORM_ADMIN_PASSWORD: 'bench admin password',
  };
}

/**
 * Waits for a process to say it is ready (`probe`: its `/readyz` answers 200, by default); throws
 * when it exits or takes over a minute.
 */
export async function untilReady(origin: string, child: ChildProcess, name: string, probe = () => fetch(`${origin}/readyz`)): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if ((await probe()).ok) return;
    } catch {
      // starting
    }
    if (i > 600 || child.exitCode !== null) throw new Error(`${name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * `npm start`'s process (gateway/dist/all-in-one.js) on a fresh embedded database or a fresh
 * Postgres database, or the distributed mode's processes on a fresh Postgres database.
 */
export async function startPlatform(mode: Mode, env: Record<string, string> = {}): Promise<PlatformProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  if (mode !== 'embedded') ({ url: databaseUrl, drop: dropDatabase } = await createBenchDatabase());
  const environment = (processPort: number) => ({
    ...benchPlatformEnv(processPort, dataDir),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The subgraphs answer only requests signed with it, and the gateway signs with it.
    ...(mode === 'distributed' ? { INTERNAL_SECRET: internalSecretOfRun, PUBLIC_URL: origin } : {}),
    ...env,
  });
  const spawnService = (script: string, processPort: number, extra: Record<string, string> = {}) =>
    spawn(process.execPath, [...startNodeOptions(root), script], { cwd: root, env: { ...environment(processPort), ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  const subgraphs: ChildProcess[] = [];
  let started: ChildProcess | undefined;
  try {
    if (mode === 'distributed') {
      const urls: Record<string, string> = {};
      for (const [i, { name, variable }] of SUBGRAPH_PROCESSES.entries()) {
        const subgraphPort = await freePort();
        const subgraph = spawnService(`subgraphs/${name}/dist/main.js`, subgraphPort);
        subgraphs.push(subgraph);
        urls[variable] = `http://127.0.0.1:${subgraphPort}/graphql`;
        // Accounts alone first; the others start together.
        if (i === 0) await untilReady(`http://127.0.0.1:${subgraphPort}`, subgraph, name);
      }
      await Promise.all(SUBGRAPH_PROCESSES.slice(1).map(({ name, variable }, i) => untilReady(new URL(urls[variable]!).origin, subgraphs[i + 1]!, name)));
      started = spawnService('gateway/dist/main.js', port, urls);
    } else {
      started = spawnService('gateway/dist/all-in-one.js', port);
    }
    await untilReady(origin, started, 'the platform');
  } catch (error) {
    await Promise.all([started, ...subgraphs].filter((c) => c !== undefined).map(stopProcess));
    await dropDatabase();
    throw error;
  }
  const child = started;
  return {
    mode,
    url: `${origin}/graphql`,
    origin,
    child,
    rssMiB: () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)]).toString().trim()) / 1024,
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      await stopProcess(child);
      await Promise.all(subgraphs.map(stopProcess));
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Node options `npm start` runs the process with (the checkout's package.json), so the figures are its. */
export function startNodeOptions(checkout: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const options = /\bnode ((?:--\S+ )*)gateway\/dist\/all-in-one\.js/.exec(scripts.start ?? '')?.[1];
  if (options === undefined) throw new Error(`${checkout}: npm start does not run gateway/dist/all-in-one.js`);
  return options.split(' ').filter(Boolean);
}

/** CPU time (user + system) process `pid` has used, in ms (from /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function modesToRun(): Mode[] {
  const asked = process.env.BENCH_MODES?.split(',').map((m) => m.trim()) as Mode[] | undefined;
  return asked?.length ? asked : ['embedded', 'postgres'];
}

/**
 * Lowers this process's priority by `nice` (the subscribers it plays stand for clients on machines of
 * their own: it yields the cores to what it measures); returns how to put it back. Raising it again
 * takes privileges: when that fails, a platform started afterwards would run at the lower priority.
 */
export function lowerOwnPriority(nice: number): () => void {
  const niceness = getPriority();
  try {
    setPriority(Math.min(19, niceness + nice));
  } catch {
    console.warn("could not lower this process's priority; its reading competes with what it measures");
  }
  return () => {
    try {
      setPriority(niceness);
    } catch {
      if (nice !== 0) console.warn(`could not restore this process's niceness to ${niceness}: set BENCH_CLIENT_NICE=0 or run one mode at a time`);
    }
  };
}
