import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPlatformClient, type PlatformClient } from '@mpp/client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, freePort, type Actor } from '@mpp/testkit';
import WebSocket from 'ws';

/** The repository's root, where the services' commands run. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Service {
  name: string;
  process: ChildProcess;
  output: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts a command as its own process (as a container would), keeping its output. */
export function startService(name: string, command: string[], env: Record<string, string>): Service {
  const [program, ...args] = command;
  const child = spawn(program === 'node' ? process.execPath : program!, args, {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, output, exited };
}

/** Whether a service still runs (or its exit code or signal), and the end of what it wrote: for a failure's message. */
export function describeService(service: Service, outputChars = 8_000): string {
  const { exitCode, signalCode } = service.process;
  const state = exitCode !== null ? `exited with ${exitCode}` : signalCode !== null ? `ended by ${signalCode}` : 'still running';
  return `${service.name} ${state}, its last output:\n${service.output.join('').slice(-outputChars)}`;
}

/** Waits until `url` answers 200 (the service is up), or fails with the service's state and output. */
export async function waitUntilHealthy(service: Service, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} did not become healthy at ${url}; ${describeService(service)}`);
}

/** SIGTERM, then the exit code (SIGKILL after `timeoutMs`). */
export async function stopService(service: Service, timeoutMs = 15_000): Promise<number | null> {
  if (service.process.exitCode !== null) return service.process.exitCode;
  service.process.kill('SIGTERM');
  const timer = setTimeout(() => service.process.kill('SIGKILL'), timeoutMs);
  const code = await service.exited;
  clearTimeout(timer);
  return code;
}

/** The subgraphs, in the order the gateway's `<NAME>_URL` variables name them. */
export const SUBGRAPHS = ['accounts', 'service-market', 'mini-programs', 'orders', 'webhooks'] as const;

export interface ProcessOnPort extends Service {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
}

/**
 * The distributed mode as a deployment runs it: each subgraph's and each gateway's `dist/main.js`
 * as its own process, on one Postgres database and one token key pair (a shared DATA_DIR).
 * Seed helpers take it where they take a TestPlatform: they use only `client()` and `adminSession`.
 */
export class DistributedPlatform {
  readonly subgraphs = new Map<string, ProcessOnPort>();
  readonly gateways: ProcessOnPort[] = [];
  /** Every process started, restarts included, to check that none exited on its own. */
  readonly started: ProcessOnPort[] = [];
  adminSession: Promise<Actor> | null = null;

  private constructor(
    readonly databaseUrl: string,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    /** The first gateway's port, known before the subgraphs start: upload and logo URLs point at it. */
    private readonly publicPort: number,
  ) {}

  static async start(options: { databaseUrl: string; dataDir: string; gateways?: number; env?: Record<string, string> }): Promise<DistributedPlatform> {
    const platform = new DistributedPlatform(options.databaseUrl, options.dataDir, options.env ?? {}, await freePort());
    try {
      // Accounts first: it creates the admin and the key pair the others read from DATA_DIR.
      await platform.startSubgraph('accounts');
      await Promise.all(SUBGRAPHS.filter((name) => name !== 'accounts').map((name) => platform.startSubgraph(name)));
      for (let i = 0; i < (options.gateways ?? 1); i++) await platform.startGateway();
    } catch (error) {
      await platform.stop();
      throw error;
    }
    return platform;
  }

  /** The first running gateway's `/graphql`. */
  get url(): string {
    return `${this.gateways[0]!.origin}/graphql`;
  }

  client(token: string | null = null, gateway = this.gateways[0]!): PlatformClient {
    return createPlatformClient({ url: `${gateway.origin}/graphql`, token, webSocketImpl: WebSocket, retryAttempts: 0 });
  }

  /** Starts (or starts again, on its former port) one subgraph and waits until it is ready. */
  async startSubgraph(name: string): Promise<ProcessOnPort> {
    const port = this.subgraphs.get(name)?.port ?? (await freePort());
    // Clients reach a subgraph's routes (uploads, files) only through a gateway, as in a deployment.
    const service = this.spawn(name, [`subgraphs/${name}/dist/main.js`], port, { PUBLIC_URL: `http://127.0.0.1:${this.publicPort}` });
    this.subgraphs.set(name, service);
    await waitUntilHealthy(service, `${service.origin}/readyz`);
    return service;
  }

  async startGateway(): Promise<ProcessOnPort> {
    const port = this.gateways.length === 0 ? this.publicPort : await freePort();
    const urls = Object.fromEntries(
      SUBGRAPHS.map((name) => [`${name.toUpperCase().replace('-', '_')}_URL`, `${this.subgraphs.get(name)!.origin}/graphql`]),
    );
    const gateway = this.spawn(`gateway-${this.gateways.length + 1}`, ['gateway/dist/main.js'], port, urls);
    this.gateways.push(gateway);
    await waitUntilHealthy(gateway, `${gateway.origin}/readyz`);
    return gateway;
  }

  /** Every process that should be running now: the latest of each subgraph, and the gateways. */
  get running(): ProcessOnPort[] {
    return [...this.subgraphs.values(), ...this.gateways];
  }

  async stop(): Promise<void> {
    await Promise.all(this.started.map((service) => stopService(service)));
  }

  private spawn(name: string, command: string[], port: number, extra: Record<string, string>): ProcessOnPort {
    const origin = `http://127.0.0.1:${port}`;
    const service = {
      ...startService(name, ['node', ...command], {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: origin,
        DATABASE_URL: this.databaseUrl,
        DATABASE_POOL_SIZE: '4',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        EVENT_POLL_INTERVAL_MS: '1000',
        PLATFORM_ADMIN_EMAIL: ADMIN_EMAIL,
        PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ...this.env,
        ...extra,
      }),
      port,
      origin,
    };
    this.started.push(service);
    return service;
  }
}
