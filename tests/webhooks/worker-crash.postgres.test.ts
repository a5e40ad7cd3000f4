import { WebhookEndpointDocument } from '@mpp/client';
import { freePort, placeOrder, prepareDeal, TestPlatform, type Deal } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startService, stopService, waitUntilHealthy, type Service } from '../support/processes.js';
import { createEndpoint, deliveriesWhen, Receiver } from './receiver.js';

// Delivery workers in their own processes (the webhooks subgraph run on its own, as in the
// distributed mode) on one Postgres database; the platform under test sends nothing itself.
let platform: TestPlatform;
let deal: Deal;
let hooks: Receiver;
const workers: Service[] = [];

async function startWorker(name: string): Promise<Service> {
  const port = await freePort();
  const worker = startService(name, ['node', 'subgraphs/webhooks/dist/main.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: platform.config.databaseUrl!,
    DATABASE_POOL_SIZE: '3',
    DATA_DIR: platform.config.dataDir,
    LOG_LEVEL: 'warn',
    EVENT_POLL_INTERVAL_MS: '500',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    // A lease lasts 2 × timeout + 5 s: a dead worker's delivery is taken over after about 7 s.
    WEBHOOK_TIMEOUT_MS: '1000',
  });
  workers.push(worker);
  await waitUntilHealthy(worker, `http://127.0.0.1:${port}/healthz`);
  return worker;
}

beforeAll(async () => {
  platform = await TestPlatform.start({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_WORKER_CONCURRENCY: '0' } });
  deal = await prepareDeal(platform);
  hooks = await Receiver.start((_request, n) => (n === 0 ? 'hang' : 200));
}, 300_000);
afterAll(async () => {
  await Promise.all(workers.map((w) => stopService(w)));
  await hooks?.close();
  await platform?.stop();
});

it('loses nothing when a worker is killed mid-delivery, and two workers send each delivery once, in order', async () => {
  const { endpoint } = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, hooks.url, ['ORDER_PLACED']);
  const first = await startWorker('worker-a');
  const order = await placeOrder(deal);

  // Worker A has sent it and waits for the answer: kill it there.
  const [inFlight] = await hooks.next(1);
  first.process.kill('SIGKILL');
  await first.exited;

  // Two new workers: one of them takes the delivery over once A's lease has expired.
  await Promise.all([startWorker('worker-b'), startWorker('worker-c')]);
  const [, retried] = await hooks.next(2, 60_000);
  expect(retried!.headers['webhook-id']).toBe(inFlight!.headers['webhook-id']);
  expect(JSON.parse(retried!.body)).toMatchObject({ type: 'order.placed', data: { order: { id: order.id } } });
  const [delivered] = await deliveriesWhen(deal.merchant.owner.client, endpoint.id, (d) => d[0]?.status === 'DELIVERED');
  // A's attempt died with it; B's or C's is the one recorded.
  expect(delivered!.attempts.map((a) => a.statusCode)).toEqual([200]);

  // With both workers running, each delivery goes out once, and in the order of the events.
  const orders = [];
  for (let i = 0; i < 6; i++) orders.push(await placeOrder(deal));
  const received = (await hooks.next(8, 60_000)).slice(2);
  expect(received.map((r) => (JSON.parse(r.body) as { data: { order: { id: string } } }).data.order.id)).toEqual(orders.map((o) => o.id));
  expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(6);
  const log = await deliveriesWhen(deal.merchant.owner.client, endpoint.id, (d) => d.length === 7 && d.every((x) => x.status === 'DELIVERED'));
  expect(log.every((d) => d.attempts.length === 1)).toBe(true);
  expect(hooks.received).toHaveLength(8);
  const { webhookEndpoint } = await deal.merchant.owner.client.execute(WebhookEndpointDocument, { id: endpoint.id });
  expect(webhookEndpoint!.failingSince).toBeNull();
});
