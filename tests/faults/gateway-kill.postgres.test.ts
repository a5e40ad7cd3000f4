import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OrderDocument, OrderStatusChangedDocument, PlaceOrderDocument, type PlatformClient } from '@mpp/client';
import { eventually, prepareDeal, startPostgresCluster, type Deal, type PostgresCluster, type TestPlatform } from '@mpp/testkit';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DistributedPlatform, type ProcessOnPort } from '../support/processes.js';

// Two gateways as separate processes on one private Postgres server. Subscribers follow orders
// on the first; it is killed (SIGKILL: no goodbye to its WebSockets) while orders keep being
// placed through the second; each subscriber resumes on the second with its last cursor.

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
  platform = await DistributedPlatform.start({ databaseUrl: cluster.url('platform'), dataDir, gateways: 2 });
  // The seed helpers use only `client()` and `adminSession`, which the distributed platform has.
  deal = await prepareDeal(platform as unknown as TestPlatform);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await cluster?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface Delivered {
  cursor: string;
  orderId: string;
  gateway: string;
}

/**
 * A front end following `orderStatusChanged` from a cursor: when its gateway goes away it
 * subscribes again through the next gateway with the cursor of the last event it got.
 */
function follow(token: string, workspaceId: string, after: string, gateways: ProcessOnPort[]) {
  const delivered: Delivered[] = [];
  let stopped = false;
  let current: PlatformClient | null = null;
  const done = (async () => {
    for (const gateway of gateways) {
      current = platform.client(token, gateway);
      try {
        const cursor = delivered.at(-1)?.cursor ?? after;
        for await (const result of current.subscribe(OrderStatusChangedDocument, { workspaceId, after: cursor })) {
          const event = result.data?.orderStatusChanged;
          if (!event) throw new Error(`subscription error: ${JSON.stringify(result.errors)}`);
          delivered.push({ cursor: event.cursor, orderId: event.order.id, gateway: gateway.name });
          if (stopped) break;
        }
      } catch (error) {
        // The gateway went away (the socket closed): resume on the next one.
        if (stopped) break;
        if (Array.isArray(error)) throw new Error(`subscription refused: ${JSON.stringify(error)}`);
      }
      await current.close();
      if (stopped) break;
    }
  })();
  return {
    delivered,
    async stop() {
      stopped = true;
      await current?.close();
      await done;
    },
  };
}

it('a gateway killed with live subscribers: they resume on another gateway with their cursor, no event lost or delivered twice', async () => {
  const [first, second] = platform.gateways as [ProcessOnPort, ProcessOnPort];
  const writer = platform.client(deal.merchant.owner.token, second);
  const place = async () => {
    const { placeOrder } = await writer.execute(PlaceOrderDocument, {
      input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'Followed live.', idempotencyKey: randomUUID() },
    });
    return placeOrder.order!.id;
  };
  // The subscribers start after this order's event: what follows is exactly the orders placed below.
  const start = await place();
  const { order } = await writer.execute(OrderDocument, { id: start });
  const after = order!.events[0]!.cursor;
  const followers = [
    follow(deal.merchant.owner.token, deal.merchant.id, after, [first, second]),
    follow(deal.isv.owner.token, deal.isv.id, after, [first, second]),
  ];

  const placed: string[] = [];
  let placing = true;
  const writing = (async () => {
    while (placing) placed.push(await place());
  })();
  await eventually(() => followers.every((f) => f.delivered.length >= 5), 60_000, 'events delivered by the first gateway');
  first.process.kill('SIGKILL');
  await first.exited;
  const placedAtKill = placed.length;
  await eventually(() => placed.length >= placedAtKill + 10, 60_000, 'orders placed after the kill');
  placing = false;
  await writing;

  for (const follower of followers) {
    await eventually(() => follower.delivered.length >= placed.length, 60_000, 'every event delivered');
  }
  await Promise.all(followers.map((f) => f.stop()));

  // The figures the README reports.
  process.stdout.write(
    `fault figures: ${JSON.stringify({
      placed: placed.length,
      delivered: followers.map((f) => ({
        total: f.delivered.length,
        byFirst: f.delivered.filter((d) => d.gateway === first.name).length,
        bySecond: f.delivered.filter((d) => d.gateway === second.name).length,
      })),
    })}\n`,
  );
  for (const follower of followers) {
    // Every order's placement once, in the order they were placed, across both gateways.
    expect(follower.delivered.map((d) => d.orderId)).toEqual(placed);
    expect(new Set(follower.delivered.map((d) => d.cursor)).size).toBe(placed.length);
    expect(follower.delivered.some((d) => d.gateway === first.name)).toBe(true);
    expect(follower.delivered.some((d) => d.gateway === second.name)).toBe(true);
  }
  // Only the killed gateway is gone.
  for (const process of platform.running.filter((p) => p !== first)) expect(process.process.exitCode, process.name).toBeNull();
  expect((await fetch(`${second.origin}/readyz`)).status).toBe(200);
}, 180_000);
