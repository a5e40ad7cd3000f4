import { OrderStatusChangedDocument, SignInDocument } from '@mpp/client';
import { accountsEventLog, consumerOffsetsTable, createLogger, EventConsumer, rowsOf } from '@mpp/kit';
import { eventually, freePort, placeOrder, prepareDeal, signUp, subscribe, TestPlatform } from '@mpp/testkit';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** One sample of Prometheus' text format: `name{label="value",…} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Scrape {
  samples: Sample[];
  /** `# TYPE` lines by metric name (each must appear once). */
  types: Map<string, string[]>;
  help: Set<string>;
}

/** Prometheus' text exposition format, as a scraper reads it. */
function parseMetrics(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string[]>();
  const help = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      if (comment[1] === 'HELP') help.add(comment[2]!);
      else types.set(comment[2]!, [...(types.get(comment[2]!) ?? []), comment[3]!]);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = value!.replace(/\\(.)/g, (_all, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    const raw = sample[3]!;
    samples.push({ name: sample[1]!, labels, value: raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw) });
  }
  return { samples, types, help };
}

/** The sum of the samples named `name` whose labels include `labels`. */
function total(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

function series(scrape: Scrape, name: string, labels: Record<string, string> = {}): Sample[] {
  return scrape.samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

async function post(url: string, query: string, token?: string): Promise<{ status: number; body: { errors?: { extensions?: { code?: string } }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
}

const DURATION = 'platform_graphql_request_duration_seconds_count';

describe('metrics on the public port (no METRICS_PORT)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('move with the operations, errors, subgraph fetches, subscriptions and refusals they count, per service', async () => {
    const metricsUrl = `${platform.origin}/metrics`;
    const before = await scrape(metricsUrl);
    const deal = await prepareDeal(platform);
    const subscriber = await subscribe(platform, deal.merchant.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    // The ISV is no member of the merchant's workspace: refused when it subscribes.
    const outsider = await subscribe(platform, deal.isv.owner.client, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    expect((await outsider.take(1))[0]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const during = await scrape(metricsUrl);
    expect(total(during, 'platform_subscriptions_active')).toBeGreaterThanOrEqual(1);
    expect(total(during, 'platform_websocket_connections')).toBeGreaterThanOrEqual(1);

    await placeOrder(deal);
    await subscriber.take(1);
    await post(platform.url, '{ __typename }');
    // Read from Accounts, then given back by the gateway's response cache.
    for (let ask = 0; ask < 3; ask++) expect((await post(platform.url, '{ viewer { id } }', deal.merchant.owner.token)).status).toBe(200);
    await post(platform.url, `query ${'A'.repeat(65)} { __typename }`);
    const costly = await post(platform.url, '{ a: serviceMarket(first: 100) { nodes { id isv { name members { role } } } } }', deal.merchant.owner.token);
    expect(costly.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const aliased = await post(platform.url, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`, deal.merchant.owner.token);
    expect(aliased.status).toBe(400);
    // The eleventh failed sign-in for one email is refused (SIGN_IN_FAILURES_PER_EMAIL, 10 by default).
    const email = `nobody-${Date.now()}@example.test`;
    let refusedSignIns = 0;
    for (let attempt = 0; attempt < 11; attempt++) {
      const result = await platform.client().request(SignInDocument, { input: { email, password: 'not the password at all' } });
      if (result.errors?.some((error) => error.extensions?.code === 'RATE_LIMITED')) refusedSignIns += 1;
    }
    expect(refusedSignIns).toBe(1);
    await subscriber.close();
    const after = await scrape(metricsUrl);

    const moved = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);
    expect(moved(DURATION, { service: 'gateway', operation_name: 'PlaceOrder', operation_type: 'mutation' })).toBeGreaterThanOrEqual(1);
    expect(moved(DURATION, { service: 'gateway', operation_name: 'anonymous', operation_type: 'query' })).toBeGreaterThanOrEqual(1);
    // Names longer than 64 characters are not series of their own.
    expect(series(after, DURATION, { operation_name: 'A'.repeat(65) })).toEqual([]);
    expect(moved(DURATION, { service: 'gateway', operation_name: 'other', operation_type: 'query' })).toBeGreaterThanOrEqual(1);
    // The subgraphs time what the gateway asks of them, under the query plan's operation names.
    expect(moved(DURATION, { service: 'orders', operation_type: 'mutation' })).toBeGreaterThanOrEqual(1);
    expect(moved(DURATION, { service: 'accounts', operation_type: 'query' })).toBeGreaterThanOrEqual(1);
    // Each bucket series counts at most the total: the histogram is whole.
    const placeOrderBuckets = series(after, 'platform_graphql_request_duration_seconds_bucket', { service: 'gateway', operation_name: 'PlaceOrder' });
    expect(placeOrderBuckets.find((bucket) => bucket.labels.le === '+Inf')?.value).toBe(total(after, DURATION, { service: 'gateway', operation_name: 'PlaceOrder' }));

    expect(moved(DURATION, { service: 'gateway', operation_name: 'OrderStatusChanged', operation_type: 'subscription' })).toBe(1);
    expect(moved('platform_graphql_errors_total', { service: 'gateway', code: 'FORBIDDEN' })).toBeGreaterThanOrEqual(1);
    expect(moved('platform_graphql_errors_total', { service: 'gateway', code: 'QUERY_TOO_COSTLY' })).toBe(1);
    expect(moved('platform_graphql_errors_total', { service: 'gateway', code: 'RATE_LIMITED' })).toBe(1);
    expect(moved('platform_limit_refusals_total', { kind: 'cost' })).toBe(1);
    expect(moved('platform_limit_refusals_total', { kind: 'shape' })).toBe(1);
    expect(moved('platform_limit_refusals_total', { kind: 'sign_in' })).toBe(1);

    expect(moved('platform_subgraph_fetch_duration_seconds_count', { subgraph: 'orders', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(moved('platform_subgraph_fetch_duration_seconds_count', { subgraph: 'service-market', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(moved('platform_subscription_events_delivered_total', { subscription: 'orderStatusChanged' })).toBe(1);
    // Its delay from the order's transaction to the socket: once, and within the 10 s the histogram measures.
    expect(moved('platform_subscription_delivery_delay_seconds_count', { subscription: 'orderStatusChanged' })).toBe(1);
    const delayBuckets = (metrics: Scrape) => series(metrics, 'platform_subscription_delivery_delay_seconds_bucket', { subscription: 'orderStatusChanged', le: '10' });
    expect((delayBuckets(after)[0]?.value ?? 0) - (delayBuckets(before)[0]?.value ?? 0)).toBe(1);
    expect(moved('platform_response_cache_lookups_total', { outcome: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(moved('platform_response_cache_lookups_total', { outcome: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(moved('platform_subgraph_cache_lookups_total', { subgraph: 'accounts', outcome: 'miss' })).toBeGreaterThanOrEqual(1);

    // The pool of the whole platform (one per process under `npm start`).
    const poolMax = platform.driver === 'pglite' ? 1 : platform.config.databasePoolSize;
    expect(total(after, 'platform_database_pool_max', { pool: 'platform' })).toBe(poolMax);
    expect(series(after, 'platform_database_pool_in_use', { pool: 'platform' })).toHaveLength(1);
    expect(series(after, 'platform_database_pool_waiting', { pool: 'platform' })).toHaveLength(1);
    // Every consumer of the platform reports its lag; a quiet one is caught up.
    expect(series(after, 'platform_event_consumer_lag_events', { consumer: 'orders<-accounts' })).toHaveLength(1);

    // Process metrics once, every metric of ours explained, no metric described twice.
    expect(series(after, 'process_cpu_user_seconds_total')).toHaveLength(1);
    for (const [name, lines] of after.types) expect(lines, name).toHaveLength(1);
    const ours = [...after.types.keys()].filter((name) => name.startsWith('platform_'));
    expect(ours.sort()).toEqual([
      'platform_database_pool_in_use',
      'platform_database_pool_max',
      'platform_database_pool_waiting',
      'platform_event_consumer_lag_events',
      'platform_graphql_errors_total',
      'platform_graphql_request_duration_seconds',
      'platform_limit_refusals_total',
      'platform_response_cache_lookups_total',
      'platform_subgraph_cache_lookups_total',
      'platform_subgraph_fetch_duration_seconds',
      'platform_subscription_delivery_delay_seconds',
      'platform_subscription_events_delivered_total',
      'platform_subscriptions_active',
      'platform_websocket_connections',
    ]);
    for (const name of ours) expect(after.help.has(name), name).toBe(true);
  });

  it('reports how far behind its source an event consumer is', async () => {
    const database = platform.platform.database;
    const orders = pgSchema('orders');
    // A consumer that cannot apply anything: its offset stays at 0 while Accounts logs on.
    const stuck = new EventConsumer({
      name: 'metrics-probe<-accounts',
      database,
      db: database.orm({}),
      offsets: consumerOffsetsTable(orders),
      source: { log: accountsEventLog, schema: 'accounts' },
      handle: async () => {
        throw new Error('this consumer applies nothing');
      },
      pollIntervalMs: 60_000,
      logger: createLogger({ level: 'silent' }),
    });
    await stuck.start();
    try {
      const head = async () => Number(rowsOf<{ n: string }>(await database.orm({}).execute('select max(position)::text as n from accounts.event_log'))[0]!.n);
      const lagNow = async () => total(await scrape(`${platform.origin}/metrics`), 'platform_event_consumer_lag_events', { consumer: 'metrics-probe<-accounts' });
      expect(await lagNow()).toBe(await head());
      await signUp(platform);
      const grown = await lagNow();
      expect(grown).toBe(await head());
      expect(grown).toBeGreaterThan(0);
    } finally {
      await stuck.stop();
    }
    const afterStop = await scrape(`${platform.origin}/metrics`);
    expect(series(afterStop, 'platform_event_consumer_lag_events', { consumer: 'metrics-probe<-accounts' })).toEqual([]);
  });

  it('count a transaction under way as a connection in use', async () => {
    const metricsUrl = `${platform.origin}/metrics`;
    const inUse = async () => total(await scrape(metricsUrl), 'platform_database_pool_in_use', { pool: 'platform' });
    const duringTransaction = await platform.platform.database.orm({}).transaction(async (tx) => {
      await tx.execute('select 1');
      return inUse();
    });
    expect(duringTransaction).toBeGreaterThanOrEqual(1);
    // Nothing is left counted once the work is done (consumers' polls come and go meanwhile).
    await eventually(async () => (await inUse()) === 0, 30_000, 'an idle pool');
  });

  it('are served by every subgraph without the internal credential', async () => {
    const orders = platform.platform.subgraphs.find((subgraph) => subgraph.name === 'orders')!;
    const scraped = await scrape(`${orders.url}/metrics`);
    expect(series(scraped, DURATION, { service: 'orders' }).length).toBeGreaterThan(0);
  });
});

describe('METRICS_PORT', () => {
  let platform: TestPlatform;
  let metricsPort: number;
  beforeAll(async () => {
    metricsPort = await freePort();
    // A small bucket: a mutation takes 10 points, so the third one from an address is refused.
    platform = await TestPlatform.start({ env: { METRICS_PORT: String(metricsPort), RATE_LIMIT_POINTS: '25', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
  });
  afterAll(() => platform?.stop());

  it('moves /metrics off the public port and off the subgraphs, with every service on it', async () => {
    expect((await fetch(`${platform.origin}/metrics`)).status).toBe(404);
    for (const subgraph of platform.platform.subgraphs) expect((await fetch(`${subgraph.url}/metrics`)).status, subgraph.name).not.toBe(200);
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const before = await scrape(metricsUrl);

    const admin = await platform.client().request(SignInDocument, { input: { email: 'admin@platform.test', password: 'admin password for tests' } });
    expect((await post(platform.url, 'query WhoAmI { viewer { id } }', admin.data!.signIn.token!)).status).toBe(200);
    let limited = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await post(platform.url, 'mutation { signIn(input: { email: "nobody@example.test", password: "not the password" }) { token } }');
      if (response.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);

    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);
    expect(moved('platform_limit_refusals_total', { kind: 'rate_limit' })).toBe(limited);
    expect(moved(DURATION, { service: 'gateway', operation_name: 'WhoAmI', operation_type: 'query' })).toBe(1);
    expect(moved(DURATION, { service: 'accounts', operation_type: 'query' })).toBeGreaterThanOrEqual(1);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
  });
});
