import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type LabelValues } from 'prom-client';
import { withTimeout } from '../timeouts.js';

/**
 * The process's Prometheus metrics (prom-client: the de facto Node client, with the process and
 * runtime metrics Prometheus recommends). One registry per process: every service it hosts (all of
 * them under `npm start`) reports into it, told apart by a `service` label, and each metric is
 * registered once, when this module loads.
 */
export const metricsRegistry = new Registry();

let processMetricsCollected = false;

/** Node's process metrics (CPU, memory, event loop lag, GC…), under their usual names; once per process. */
export function collectProcessMetrics(): void {
  if (processMetricsCollected) return;
  processMetricsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

const registers = [metricsRegistry];

export const graphqlRequestDuration = new Histogram({
  name: 'platform_graphql_request_duration_seconds',
  help: 'Time to answer a GraphQL operation, by service, operation name and type (query, mutation, subscription; unknown when it did not parse or resolve).',
  labelNames: ['service', 'operation_name', 'operation_type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const graphqlErrors = new Counter({
  name: 'platform_graphql_errors_total',
  help: 'GraphQL errors in answers, by service and extensions.code (errors of a subgraph the gateway passes on count at both).',
  labelNames: ['service', 'code'] as const,
  registers,
});

export const subgraphFetchDuration = new Histogram({
  name: 'platform_subgraph_fetch_duration_seconds',
  help: 'Time of one gateway request to a subgraph, by subgraph and outcome (ok: 2xx, http_error, unavailable: not reached or timed out).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const subscriptionEventsDelivered = new Counter({
  name: 'platform_subscription_events_delivered_total',
  help: 'Events sent to subscribers (one per event and subscription), by subscription field.',
  labelNames: ['subscription'] as const,
  registers,
});

export const subscriptionDeliveryDelay = new Histogram({
  name: 'platform_subscription_delivery_delay_seconds',
  help: 'From an event’s transaction to its bytes written to the sockets of a group of subscribers (one account and selection, written together; a replaying subscriber alone), by subscription field.',
  labelNames: ['subscription'] as const,
  // Fine below 100 ms, where live updates are expected to arrive.
  buckets: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const limitRefusals = new Counter({
  name: 'platform_limit_refusals_total',
  help: 'Operations the gateway refused by its limits, by kind: rate_limit (cost bucket empty, 429), sign_in (failed sign-ins or password changes, 429), cost (QUERY_TOO_COSTLY), shape (tokens, depth, aliases, root fields, directives).',
  labelNames: ['kind'] as const,
  registers,
});

export const responseCacheLookups = new Counter({
  name: 'platform_response_cache_lookups_total',
  help: "Queries the gateway looked up in its response cache, by outcome: hit (answered from it, no subgraph asked) or miss (read from the subgraphs).",
  labelNames: ['outcome'] as const,
  registers,
});

export const subgraphCacheLookups = new Counter({
  name: 'platform_subgraph_cache_lookups_total',
  help: 'Subgraph fetches the gateway looked up among the answers it keeps, by subgraph and outcome: hit (not asked again) or miss (asked).',
  labelNames: ['subgraph', 'outcome'] as const,
  registers,
});

/** One sample of a gauge read at scrape time. */
type Sample<L extends string> = { labels: LabelValues<L>; value: number };

/**
 * A gauge read when scraped: the sum of what each live source reports then. Sources register
 * while they live (`track` returns the function that forgets them), so nothing drifts when a
 * decrement would have been missed.
 */
function sampledGauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []) {
  const sources = new Set<() => Sample<L>[]>();
  new Gauge<L>({
    name,
    help,
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const source of sources) for (const { labels, value } of source()) this.inc(labels, value);
    },
  });
  return {
    track(source: () => Sample<L>[]): () => void {
      sources.add(source);
      return () => void sources.delete(source);
    },
  };
}

const webSocketConnections = sampledGauge('platform_websocket_connections', 'Open WebSocket connections to the gateway (graphql-ws).');
const activeSubscriptions = sampledGauge('platform_subscriptions_active', 'Subscriptions the gateway serves now.');

/** Reports a WebSocket server's connections and subscriptions until the returned function is called. */
export function trackSubscriptionServer(server: { connections(): number; subscriptions(): number }): () => void {
  const untrackConnections = webSocketConnections.track(() => [{ labels: {}, value: server.connections() }]);
  const untrackSubscriptions = activeSubscriptions.track(() => [{ labels: {}, value: server.subscriptions() }]);
  return () => {
    untrackConnections();
    untrackSubscriptions();
  };
}

const poolMax = sampledGauge('platform_database_pool_max', 'Connections the database pool may open (DATABASE_POOL_SIZE; 1 for the embedded database).', ['pool']);
const poolInUse = sampledGauge('platform_database_pool_in_use', 'Connections serving a statement or a transaction now.', ['pool']);
const poolWaiting = sampledGauge('platform_database_pool_waiting', 'Statements and transactions waiting for a connection (beyond one per connection).', ['pool']);

/** Reports a pool's use, from the statements and transactions it has in flight, until the returned function is called. */
export function trackDatabasePool(pool: string, max: number, inFlight: () => number): () => void {
  const labels = { pool };
  const untrack = [
    poolMax.track(() => [{ labels, value: max }]),
    poolInUse.track(() => [{ labels, value: Math.min(inFlight(), max) }]),
    poolWaiting.track(() => [{ labels, value: Math.max(0, inFlight() - max) }]),
  ];
  return () => untrack.forEach((forget) => forget());
}

/** How far behind its source an event consumer is, read when scraped (null: the source cannot be read now). */
export interface LaggingConsumer {
  readonly name: string;
  lag(): Promise<number | null>;
}

const consumers = new Set<LaggingConsumer>();

new Gauge({
  name: 'platform_event_consumer_lag_events',
  help: "Events a consumer has not applied yet: the source log's highest position minus the consumer's offset (absent while the source cannot be read).",
  labelNames: ['consumer'] as const,
  registers,
  async collect() {
    this.reset();
    const lags = await Promise.all([...consumers].map(async (consumer) => [consumer.name, await withinScrape(consumer.lag())] as const));
    // Replicas of one consumer in this process (tests run several platforms): the one furthest behind.
    const byName = new Map<string, number>();
    for (const [consumer, lag] of lags) if (lag !== null) byName.set(consumer, Math.max(lag, byName.get(consumer) ?? 0));
    for (const [consumer, lag] of byName) this.set({ consumer }, lag);
  },
});

/** A scrape does not wait on a database that does not answer: such a sample is left out. */
function withinScrape<T>(value: Promise<T>, ms = 2_000): Promise<T | null> {
  return withTimeout(value, ms).catch(() => null);
}

/** Reports a consumer's lag until the returned function is called. */
export function trackConsumerLag(consumer: LaggingConsumer): () => void {
  consumers.add(consumer);
  return () => void consumers.delete(consumer);
}
