import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './platform.js';

const run = promisify(execFile);

/** Where Debian puts the server binaries of PostgreSQL 15. */
const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A private PostgreSQL server for fault tests: its own data folder and port, so a test may crash
 * and restart it without touching the machine's server. Runs as the `postgres` user (initdb
 * refuses root); the caller must be root or that user.
 */
export interface PostgresCluster {
  readonly port: number;
  readonly dataDir: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  /** Starts the server (again) on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend is killed at once, as in a crash; recovery runs on the next start. */
  crash(): Promise<void>;
  /** A clean stop (`-m fast`). */
  stop(): Promise<void>;
  /** Stops the server if it runs and removes its files. */
  destroy(): Promise<void>;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'pg-cluster-'));
  const dataDir = join(folder, 'data');
  const ids = await postgresUser();
  chownSync(folder, ids.uid, ids.gid);
  const port = await freePort();
  const asPostgres = (command: string) => run('su', ['postgres', '-s', '/bin/bash', '-c', command], { timeout: 60_000 });
  const pgCtl = (args: string) => asPostgres(`${BIN}/pg_ctl -D '${dataDir}' ${args}`);

  await asPostgres(`${BIN}/initdb -D '${dataDir}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null`);
  const start = async () => {
    // The socket lives in the cluster's folder; fsync is off: a killed server (not a killed machine) loses nothing.
    const options = `-p ${port} -k '${folder}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    await pgCtl(`-w -t 60 -l '${join(folder, 'server.log')}' -o "${options}" start`);
  };
  let running = false;
  const cluster: PostgresCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await start();
      running = true;
    },
    async crash() {
      running = false;
      await pgCtl('-w -m immediate stop');
    },
    async stop() {
      running = false;
      await pgCtl('-w -m fast stop');
    },
    async destroy() {
      if (running) await pgCtl('-w -m immediate stop').catch(() => {});
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
