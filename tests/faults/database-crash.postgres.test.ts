import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  CreateWorkspaceDocument,
  OrderDocument,
  PlaceOrderDocument,
  ServiceMarketDocument,
  WorkspaceDocument,
  type PlatformClient,
} from '@mpp/client';
import { eventually, prepareDeal, startPostgresCluster, type Deal, type PostgresCluster, type TestPlatform } from '@mpp/testkit';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributedPlatform, describeService, type ProcessOnPort } from '../support/processes.js';

// Each subgraph and the gateway as its own process on a private Postgres server that the test
// crashes (`pg_ctl stop -m immediate`) and starts again, under a write load through the gateway.

/** The bounds of the design: `/readyz` says 503 within 5 s of the database going, 200 within 5 s of its return. */
const READINESS_BOUND_MS = 5_000;
/** A request during the outage must be answered, not held: well below the gateway's 10 s subgraph timeout. */
const ANSWER_BOUND_MS = 8_000;

let cluster: PostgresCluster;
let platform: DistributedPlatform;
let dataDir: string;
let deal: Deal;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database platform');
  await admin.end();
  dataDir = mkdtempSync(join(tmpdir(), 'faults-'));
  // The write load is a test harness, not a hostile client: no cost bucket (answers during the
  // outage come back in milliseconds, and 4 writers would otherwise drain it).
  platform = await DistributedPlatform.start({ databaseUrl: cluster.url('platform'), dataDir, env: { RATE_LIMIT_POINTS: '0' } });
  // The seed helpers use only `client()` and `adminSession`, which the distributed platform has.
  deal = await prepareDeal(platform as unknown as TestPlatform);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await cluster?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface Attempt {
  kind: 'workspace' | 'order';
  startedAt: number;
  ms: number;
  /** The id of what was created, when the mutation was acknowledged. */
  id?: string;
  status?: number;
  codes: string[];
}

/** Creates workspaces and places orders in a loop through the gateway, recording every answer. */
function writeLoad(client: PlatformClient, workers: number) {
  const attempts: Attempt[] = [];
  let running = true;
  const once = async (kind: Attempt['kind']) => {
    const startedAt = Date.now();
    const attempt: Attempt = { kind, startedAt, ms: 0, codes: [] };
    try {
      if (kind === 'workspace') {
        const result = await client.request(CreateWorkspaceDocument, { input: { kind: 'MERCHANT', name: `load ${randomUUID().slice(0, 8)}` } });
        attempt.status = result.status;
        attempt.codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
        attempt.id = result.data?.createWorkspace.workspace?.id;
      } else {
        const result = await client.request(PlaceOrderDocument, {
          input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'Under load.', idempotencyKey: randomUUID() },
        });
        attempt.status = result.status;
        attempt.codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
        attempt.id = result.data?.placeOrder.order?.id;
      }
    } catch (error) {
      attempt.codes = [`client: ${String(error)}`];
    }
    attempt.ms = Date.now() - startedAt;
    attempts.push(attempt);
    // A failed request is retried after a short pause, as a client would.
    if (!attempt.id) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const loops = Array.from({ length: workers }, (_, i) =>
    (async () => {
      while (running) await once(i % 2 === 0 ? 'workspace' : 'order');
    })(),
  );
  return {
    attempts,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Polls `/readyz` of every process, recording when each answered what. */
function watchReadiness(processes: ProcessOnPort[]) {
  const seen = new Map<string, { at: number; status: number }[]>(processes.map((p) => [p.name, []]));
  let running = true;
  const polls = processes.map(async (process) => {
    while (running) {
      const at = Date.now();
      const status = await fetch(`${process.origin}/readyz`, { signal: AbortSignal.timeout(4_000) }).then(
        (response) => response.status,
        () => 0,
      );
      seen.get(process.name)!.push({ at, status });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return {
    /** The first time after `since` that `name` answered `status`. */
    firstAfter(name: string, since: number, status: number): number | undefined {
      return seen.get(name)!.find((answer) => answer.at >= since && answer.status === status)?.at;
    },
    async stop() {
      running = false;
      await Promise.all(polls);
    },
  };
}

/** A wait on one process that, when it fails, says whether the process still runs and what it wrote last. */
async function withProcessReport(service: ProcessOnPort, wait: Promise<void>): Promise<void> {
  try {
    await wait;
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${describeService(service)}`);
  }
}

describe('Postgres crashes and comes back under a write load', () => {
  it('keeps every process up, answers SERVICE_UNAVAILABLE meanwhile, is ready again within 5 s and loses no acknowledged write', async () => {
    const client = deal.merchant.owner.client;
    const processes = platform.running;
    const readiness = watchReadiness(processes);
    const load = writeLoad(client, 4);
    await eventually(() => load.attempts.filter((a) => a.id).length >= 20, 30_000, 'acknowledged writes before the crash');

    const crashedAt = Date.now();
    await cluster.crash();
    for (const process of processes) {
      await withProcessReport(process, eventually(() => readiness.firstAfter(process.name, crashedAt, 503) !== undefined, 15_000, `${process.name} not ready`));
    }
    // The outage lasts 5 s, as in the measurement of the design.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, crashedAt + 5_000 - Date.now())));
    await cluster.start();
    const restartedAt = Date.now();
    for (const process of processes) {
      await withProcessReport(process, eventually(() => readiness.firstAfter(process.name, restartedAt, 200) !== undefined, 30_000, `${process.name} ready again`));
    }
    const ackedBefore = load.attempts.filter((a) => a.id).length;
    await eventually(() => load.attempts.filter((a) => a.id).length >= ackedBefore + 20, 30_000, 'acknowledged writes after the restart');
    await load.stop();
    await readiness.stop();

    const report = processes.map((process) => ({
      name: process.name,
      notReadyAfterMs: readiness.firstAfter(process.name, crashedAt, 503)! - crashedAt,
      readyAgainAfterMs: readiness.firstAfter(process.name, restartedAt, 200)! - restartedAt,
    }));
    const during = load.attempts.filter((a) => a.startedAt >= crashedAt && a.startedAt < restartedAt);
    const failed = load.attempts.filter((a) => !a.id);
    const acknowledged = load.attempts.filter((a) => a.id);
    // The figures the README reports.
    process.stdout.write(
      `fault figures: ${JSON.stringify({
        readiness: report,
        attempts: load.attempts.length,
        acknowledged: acknowledged.length,
        failed: failed.length,
        failedCodes: [...new Set(failed.flatMap((a) => a.codes))],
        slowestDuringOutageMs: Math.max(0, ...during.map((a) => a.ms)),
        driverFaultsSurvived: processes.map((p) => p.output.join('').split('survived a database driver fault').length - 1),
      })}\n`,
    );

    // No process died: each is the one started at the beginning, still running.
    for (const process of processes) expect(process.process.exitCode, `${process.name} exited:\n${process.output.join('')}`).toBeNull();
    for (const { name, notReadyAfterMs, readyAgainAfterMs } of report) {
      expect(notReadyAfterMs, `${name} said 503 in time`).toBeLessThanOrEqual(READINESS_BOUND_MS);
      expect(readyAgainAfterMs, `${name} said 200 in time`).toBeLessThanOrEqual(READINESS_BOUND_MS);
    }
    // Requests during the outage were answered quickly with SERVICE_UNAVAILABLE: no hang, no 500, no masked error.
    expect(during.filter((a) => !a.id).length).toBeGreaterThan(0);
    for (const attempt of failed) {
      expect(attempt.codes.length, JSON.stringify(attempt)).toBeGreaterThan(0);
      expect(new Set(attempt.codes), JSON.stringify(attempt)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(attempt.status).toBe(200);
    }
    for (const attempt of during) expect(attempt.ms, JSON.stringify(attempt)).toBeLessThan(ANSWER_BOUND_MS);

    // Every acknowledged write is there.
    for (const attempt of acknowledged) {
      if (attempt.kind === 'workspace') {
        const { workspace } = await client.execute(WorkspaceDocument, { id: attempt.id! });
        expect(workspace?.id).toBe(attempt.id);
      } else {
        const { order } = await client.execute(OrderDocument, { id: attempt.id! });
        expect(order?.id).toBe(attempt.id);
      }
    }
  }, 180_000);
});

describe('a subgraph killed with SIGKILL and started again', () => {
  it('makes the gateway answer SERVICE_UNAVAILABLE for that subgraph’s fields only, then recovers', async () => {
    const client = deal.merchant.owner.client;
    const gateway = platform.gateways[0]!;
    const market = platform.subgraphs.get('service-market')!;
    market.process.kill('SIGKILL');
    await market.exited;

    const down = await client.request(ServiceMarketDocument, { first: 1 });
    expect(down.status).toBe(200);
    expect(down.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    // What other subgraphs own still answers.
    const { workspace } = await client.execute(WorkspaceDocument, { id: deal.merchant.id });
    expect(workspace?.id).toBe(deal.merchant.id);
    const ready = await fetch(`${gateway.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { 'service-market': 'down', accounts: 'up' } });

    await platform.startSubgraph('service-market');
    const { serviceMarket } = await client.execute(ServiceMarketDocument, { first: 1 });
    expect(serviceMarket.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${gateway.origin}/readyz`)).status).toBe(200);
    expect(gateway.process.exitCode).toBeNull();
  }, 60_000);
});
