import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createPlatformClient, type PlatformClient } from '@mpp/client';
import { startGateway, startPlatform, type RunningGateway, type RunningPlatform } from '@mpp/gateway';
import { createLogger, loadConfig, openDatabase, requestMetrics, type CompletedRequest, type PlatformConfig } from '@mpp/kit';
import postgres from 'postgres';
import type { Actor } from './seed.js';
import WebSocket from 'ws';

export const ADMIN_EMAIL = 'admin@platform.test';
export const ADMIN_PASSWORD = 'admin password for tests';

export interface TestPlatformOptions {
  /** Extra environment for the platform (configuration names of the README). */
  env?: Record<string, string>;
  /**
   * Keep the platform's log lines in `platform.logs` (parsed JSON, across restarts). The level is
   * then `LOG_LEVEL` from `env`, else `info`, instead of the usual `silent`.
   */
  captureLogs?: boolean;
}

/** A second gateway of a test platform (`TestPlatform.startReplicaGateway`). */
export interface ReplicaGateway {
  gateway: RunningGateway;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Its `/graphql` URL. */
  url: string;
  stop(): Promise<void>;
}

/** One structured log line, as pino writes it (`level` is pino's number: 40 = warn). */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/**
 * The whole platform in this process, as `npm start` runs it, on a database of its own: a fresh
 * PGlite directory, or a fresh database on the server of `TEST_DATABASE_URL`.
 */
export class TestPlatform {
  private running: RunningPlatform | null = null;
  /** What the platform logged, when started with `captureLogs`. */
  readonly logs: LogLine[] = [];
  private readonly logDestination: Writable | undefined;

  private currentConfig: PlatformConfig;

  private constructor(
    /** The environment the configuration is loaded from. */
    private env: Record<string, string>,
    private readonly cleanup: () => Promise<void>,
    captureLogs: boolean,
  ) {
    this.currentConfig = loadConfig(env);
    this.logDestination = captureLogs ? logCollector(this.logs) : undefined;
  }

  static async start(options: TestPlatformOptions = {}): Promise<TestPlatform> {
    const storage = await testStorage();
    // The gateway's port is picked before the subgraphs bind theirs (port 0): the kernel may hand
    // that port to one of them, or another process may take it meanwhile. Then pick another one.
    for (let attempt = 1; ; attempt++) {
      const env = {
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATA_DIR: storage.dataDir,
        ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl, DATABASE_POOL_SIZE: '4' } : {}),
        PLATFORM_ADMIN_EMAIL: ADMIN_EMAIL,
        PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? (options.captureLogs ? 'info' : 'silent'),
        EVENT_POLL_INTERVAL_MS: '1000',
        // Limits stay on, with room for a whole test file from one address (tests/limits sets real ones).
        RATE_LIMIT_POINTS: '1000000',
        RATE_LIMIT_RESTORE_PER_SECOND: '100000',
        SIGN_IN_FAILURES_PER_IP: '10000',
        ...options.env,
      };
      try {
        const platform = new TestPlatform(env, storage.drop, options.captureLogs ?? false);
        await platform.boot();
        return platform;
      } catch (error) {
        if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE' && !options.env?.PORT) continue;
        // A platform that refuses to start (a test of bad configuration) leaves no data behind.
        await storage.drop();
        throw error;
      }
    }
  }

  /** The configuration the platform runs with (`restart` may change it). */
  get config(): PlatformConfig {
    return this.currentConfig;
  }

  /** The database mode under test. */
  get driver(): 'pglite' | 'postgres' {
    return this.config.databaseUrl ? 'postgres' : 'pglite';
  }

  get url(): string {
    return `http://127.0.0.1:${this.config.port}/graphql`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.config.port}`;
  }

  get platform(): RunningPlatform {
    if (!this.running) throw new Error('the platform is stopped');
    return this.running;
  }

  /** A client of the gateway, signed in when given a token. */
  client(token: string | null = null, headers: Record<string, string> = {}): PlatformClient {
    return createPlatformClient({ url: this.url, token, headers, webSocketImpl: WebSocket, retryAttempts: 0 });
  }

  /**
   * Stops everything (draining requests) and starts it again on the same data, with `env`
   * overriding configuration for this and later starts (an operator changing a setting).
   */
  async restart(options: { env?: Record<string, string> } = {}): Promise<void> {
    await this.running?.stop();
    this.running = null;
    if (options.env) {
      this.env = { ...this.env, ...options.env };
      this.currentConfig = loadConfig(this.env);
    }
    // Its port was free while the platform held it: the subgraphs (port 0, bound first) or another
    // process may have been handed it since. It must stay the same (clients hold the URL): try again
    // once they have a port of their own, or the other holder let go.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boot();
        return;
      } catch (error) {
        if (attempt >= 5 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** Stops the platform and deletes its data. */
  private readonly replicas: ReplicaGateway[] = [];

  /**
   * Another gateway process's worth on the same Postgres server and subgraphs, with a database
   * connection of its own, as a second replica runs in the distributed mode. Stopped with the platform.
   */
  async startReplicaGateway(): Promise<ReplicaGateway> {
    const database = await openDatabase({ url: this.config.databaseUrl, dataDir: this.config.dataDir, poolSize: 2 });
    let gateway: RunningGateway;
    try {
      gateway = await startGateway({
        config: { ...this.config, port: await freePort() },
        logger: createLogger({ level: 'silent' }),
        database,
        subgraphUrls: new Map(this.platform.subgraphs.map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
      });
    } catch (error) {
      await database.close();
      throw error;
    }
    const replica: ReplicaGateway = {
      gateway,
      origin: gateway.url,
      url: `${gateway.url}/graphql`,
      stop: async () => {
        await gateway.stop();
        await database.close();
      },
    };
    this.replicas.push(replica);
    return replica;
  }

  async stop(): Promise<void> {
    for (const replica of this.replicas.splice(0)) await replica.stop();
    await this.running?.stop();
    this.running = null;
    await this.cleanup();
  }

  /** The admin's session, signed in once per boot (an argon2 check less for every seed step). */
  adminSession: Promise<Actor> | null = null;

  private async boot(): Promise<void> {
    this.adminSession = null;
    const logger = createLogger({ level: this.config.logLevel, name: 'test-platform', destination: this.logDestination });
    this.running = await startPlatform(this.config, logger);
  }
}

async function testStorage(): Promise<{ dataDir: string; databaseUrl: string | null; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mpp-test-'));
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return { dataDir, databaseUrl: null, drop: removeDir };
  const name = `mpp_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const cleaner = postgres(server, { max: 1, onnotice: () => {} });
      await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      await cleaner.end();
      await removeDir();
    },
  };
}

/** A stream that parses each JSON line pino writes into `lines`. */
function logCollector(lines: LogLine[]): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The SQL statements each service issued while serving the requests `action` sends with the
 * given request id header (the gateway passes it on to every subgraph).
 */
export async function sqlStatementsPerService(
  requestId: string,
  action: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const listener = (completed: CompletedRequest) => {
    if (completed.requestId === requestId) counts[completed.service] = (counts[completed.service] ?? 0) + completed.sqlStatements;
  };
  requestMetrics.on('completed', listener);
  try {
    await action();
    // Subgraph responses complete before the gateway's; give the last log line a tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    requestMetrics.off('completed', listener);
  }
  return counts;
}

/**
 * Runs `query` as the account of `token` under a request id of its own; returns its data and the
 * SQL statements each service issued for it.
 */
export async function measureSql<T>(
  platform: TestPlatform,
  token: string,
  query: (client: PlatformClient) => Promise<T>,
): Promise<{ data: T; statements: Record<string, number> }> {
  const requestId = `measured-${randomBytes(8).toString('hex')}`;
  const client = platform.client(token, { 'x-request-id': requestId });
  let data: T | undefined;
  const statements = await sqlStatementsPerService(requestId, async () => {
    data = await query(client);
  });
  return { data: data!, statements };
}
