import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignOutDocument, SignUpDocument, ViewerDocument, createPlatformClient } from '@mpp/client';
import { freePort } from '@mpp/testkit';
import postgres from 'postgres';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, startService, stopService, waitUntilHealthy, type Service } from '../support/processes.js';

// Docker cannot run here: this checks docker-compose.yml's structure, then runs each service's
// own command (as the container would) against the local Postgres server, wired as compose wires them.

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  networks?: string[];
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(join(repositoryRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean } | null>;
};
const services = compose.services;
const SUBGRAPHS = ['accounts', 'service-market', 'mini-programs', 'orders', 'webhooks'];
const GATEWAYS = ['gateway-1', 'gateway-2'];

/** `${NAME:-default}` as compose resolves it with NAME unset. */
const resolveDefaults = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

describe('docker-compose.yml', () => {
  it('has Postgres, the five subgraphs, two gateways and one load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', ...SUBGRAPHS, ...GATEWAYS, 'lb'].sort());
  });

  it('publishes one port: the load balancer in front of both gateways', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name, s]) => [name, s.ports])).toEqual([['lb', ['4000:4000']]]);
    const nginx = readFileSync(join(repositoryRoot, 'deploy/nginx.conf'), 'utf8');
    for (const gateway of GATEWAYS) expect(nginx).toContain(`server ${gateway}:4000;`);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
  });

  it('starts every service only once what it needs is healthy, and checks every service’s health', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, `${name} has a health check`).toBeGreaterThan(0);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on a service that exists`).toBeDefined();
        expect(condition).toBe('service_healthy');
      }
    }
    for (const subgraph of SUBGRAPHS) expect(Object.keys(services[subgraph]!.depends_on ?? {})).toEqual(['postgres']);
    for (const gateway of GATEWAYS) expect(Object.keys(services[gateway]!.depends_on ?? {}).sort()).toEqual([...SUBGRAPHS].sort());
    expect(Object.keys(services.lb!.depends_on ?? {}).sort()).toEqual(GATEWAYS);
  });

  it('configures services only with the variables of the README’s configuration table', () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Running it distributed'));
    for (const name of [...SUBGRAPHS, ...GATEWAYS]) {
      for (const variable of Object.keys(services[name]!.environment ?? {})) {
        expect(table, `${variable} of ${name} is documented`).toContain(`\`${variable}\``);
      }
    }
  });

  it('keeps Postgres and the subgraphs on an internal network only the gateways share with the load balancer', () => {
    expect(compose.networks.internal?.internal).toBe(true);
    for (const name of ['postgres', ...SUBGRAPHS.filter((subgraph) => subgraph !== 'webhooks')]) expect(services[name]!.networks, name).toEqual(['internal']);
    // Webhook workers reach partners' servers through a network of their own, shared with nobody.
    expect(services.webhooks!.networks?.sort()).toEqual(['egress', 'internal']);
    expect(Object.entries(services).filter(([, service]) => service.networks?.includes('egress')).map(([name]) => name)).toEqual(['webhooks']);
    for (const gateway of GATEWAYS) expect(services[gateway]!.networks?.sort()).toEqual(['internal', 'public']);
    expect(services.lb!.networks).toEqual(['public']);
    // One internal credential for all: INTERNAL_SECRET when set, else the shared DATA_DIR volume's.
    for (const name of [...SUBGRAPHS, ...GATEWAYS]) {
      expect(services[name]!.environment?.INTERNAL_SECRET, name).toBe('${INTERNAL_SECRET:-}');
      expect(services[name]!.environment?.DATA_DIR).toBe('/data');
      expect(services[name]!.volumes).toContain('platform-data:/data');
    }
  });

  it('points each gateway at every subgraph by its service name', () => {
    for (const gateway of GATEWAYS) {
      const env = services[gateway]!.environment!;
      for (const subgraph of SUBGRAPHS) {
        expect(env[`${subgraph.toUpperCase().replace('-', '_')}_URL`]).toBe(`http://${subgraph}:4000/graphql`);
      }
    }
  });
});

describe('the services’ commands, run as processes against the local Postgres', () => {
  const server = process.env.TEST_DATABASE_URL!;
  const database = `compose_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'compose-'));
  const running = new Map<string, Service & { port: number }>();

  function environmentOf(name: string, port: number, urls: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(services[name]!.environment ?? {})) env[key] = resolveDefaults(String(value));
    const databaseUrl = new URL(server);
    databaseUrl.pathname = `/${database}`;
    return {
      ...env,
      ...urls,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl.toString(),
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      PLATFORM_ADMIN_EMAIL: 'admin@compose.test',
      PLATFORM_ADMIN_PASSWORD: 'compose admin password',
    };
  }

  async function start(name: string, urls: Record<string, string> = {}) {
    const port = await freePort();
    const service = { ...startService(name, services[name]!.command!, environmentOf(name, port, urls)), port };
    running.set(name, service);
    // Generous: four services migrating and starting at once on a loaded machine.
    await waitUntilHealthy(service, `http://127.0.0.1:${port}/healthz`, 150_000);
    return service;
  }

  beforeAll(async () => {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${database}`);
    await admin.end();
    // Subgraphs in compose start together once Postgres is healthy.
    await Promise.all(SUBGRAPHS.map((subgraph) => start(subgraph)));
    const urls = Object.fromEntries(
      SUBGRAPHS.map((subgraph) => [`${subgraph.toUpperCase().replace('-', '_')}_URL`, `http://127.0.0.1:${running.get(subgraph)!.port}/graphql`]),
    );
    await Promise.all(GATEWAYS.map((gateway) => start(gateway, urls)));
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...running.values()].map((service) => stopService(service)));
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the graph through either gateway, over one database and one key pair', async () => {
    const [first, second] = GATEWAYS.map((gateway) => `http://127.0.0.1:${running.get(gateway)!.port}/graphql`);
    const { signUp } = await createPlatformClient({ url: first! }).execute(SignUpDocument, {
      input: { email: `compose.${randomBytes(3).toString('hex')}@example.com`, password: 'a long password', displayName: 'Compose' },
    });
    const { viewer } = await createPlatformClient({ url: second!, token: signUp.token }).execute(ViewerDocument);
    expect(viewer?.id).toBe(signUp.account!.id);
    for (const gateway of GATEWAYS) {
      const ready = await fetch(`http://127.0.0.1:${running.get(gateway)!.port}/readyz`);
      expect(await ready.json()).toEqual({
        status: 'ready',
        service: 'gateway',
        checks: { database: 'up', 'order feed': 'up', accounts: 'up', 'service-market': 'up', 'mini-programs': 'up', orders: 'up', webhooks: 'up' },
      });
    }
  });

  it('subgraph processes answer only requests the gateways signed', async () => {
    for (const subgraph of SUBGRAPHS) {
      const { port } = running.get(subgraph)!;
      const direct = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(direct.status, subgraph).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }
  });

  it('a session signed out through one gateway process is refused by the other within a second', async () => {
    const [first, second] = GATEWAYS.map((gateway) => `http://127.0.0.1:${running.get(gateway)!.port}/graphql`);
    const { signUp } = await createPlatformClient({ url: first! }).execute(SignUpDocument, {
      input: { email: `signout.${randomBytes(3).toString('hex')}@example.com`, password: 'a long password', displayName: 'Leaving' },
    });
    expect((await createPlatformClient({ url: second!, token: signUp.token }).request(ViewerDocument)).status).toBe(200);
    await createPlatformClient({ url: first!, token: signUp.token }).execute(SignOutDocument);
    const started = performance.now();
    let status = 200;
    while (status !== 401 && performance.now() - started < 5_000) {
      status = (await createPlatformClient({ url: second!, token: signUp.token }).request(ViewerDocument)).status;
    }
    expect(status).toBe(401);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('drains the request in flight on SIGTERM, then exits cleanly', async () => {
    const gateway = running.get('gateway-2')!;
    const url = `http://127.0.0.1:${gateway.port}/graphql`;
    const { signUp } = await createPlatformClient({ url }).execute(SignUpDocument, {
      input: { email: `drain.${randomBytes(3).toString('hex')}@example.com`, password: 'a long password', displayName: 'Drain' },
    });
    // Nineteen workspaces in one request (within the root field limit): mutations run one after another.
    const aliases = Array.from({ length: 19 }, (_, i) => `w${i}: createWorkspace(input: { kind: MERCHANT, name: "Drain ${i}" }) { workspace { id } }`);
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUp.token}` },
      body: JSON.stringify({ query: `mutation Drain { ${aliases.join(' ')} }` }),
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const code = stopService(gateway);
    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, { workspace: { id: string } | null }> };
    expect(Object.values(body.data)).toHaveLength(19);
    expect(Object.values(body.data).every((payload) => typeof payload.workspace?.id === 'string')).toBe(true);
    expect(await code, gateway.output.join("")).toBe(0);
  });
});
