import { Supergraph } from '@apollo/federation-internals';
import {
  loadTokenKeys,
  startGraphQLService,
  viewerFromAuthorization,
  type Database,
  type Logger,
  type PlatformConfig,
  type RunningService,
  type TokenKeys,
} from '@mpp/kit';
import type { GraphQLSchema } from 'graphql';
import { createGateway, readSupergraph, type GatewayContext } from './gateway.js';
import { OrderEventFeed } from './subscriptions/feed.js';
import { playgroundRoutes } from './playground/playground.js';
import { attachSubscriptions } from './subscriptions/server.js';
import { proxyTo } from './proxy.js';
import { migrateGateway } from './db/migrate.js';
import { bucketStoreFor, createLimits, type Caller } from './limits/index.js';

export interface GatewayOptions {
  config: PlatformConfig;
  logger: Logger;
  /** Where Orders' event log is read for subscriptions (the embedded database, or DATABASE_URL's). */
  database: Database;
  /** The token keys, when the caller has them loaded already (the embedded mode). */
  keys?: TokenKeys;
  /** Subgraph name → its `/graphql` URL. */
  subgraphUrls: Map<string, string>;
  port?: number;
  host?: string;
}

/** How long `/readyz` waits for each subgraph. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The public entry point: `/graphql` over the federated graph, `/healthz` (the process is up) and
 * `/readyz` (every subgraph answers). A request with a bad token is refused here with 401 before
 * any subgraph is asked; the subgraphs verify the token again.
 */
export interface RunningGateway extends RunningService {
  /** Subscriptions being served now. */
  activeSubscriptions(): number;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, logger, subgraphUrls } = options;
  const keys = options.keys ?? loadTokenKeys(config);
  const supergraphSdl = readSupergraph();
  const schema = apiSchema(supergraphSdl);
  await migrateGateway(options.database.orm({}));
  const limits = createLimits({ config, store: bucketStoreFor(options.database), schema, logger });
  const gateway = createGateway({ subgraphUrls, supergraphSdl, logger: logger.child({ component: 'apollo-gateway' }) });
  const feed = new OrderEventFeed(options.database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  await feed.start();
  let subscriptions: ReturnType<typeof attachSubscriptions> | null = null;
  const service = await startGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    port: options.port ?? config.port,
    host: options.host ?? config.host,
    maxRequestBytes: config.maxRequestBytes,
    gateway,
    introspection: config.playground,
    corsOrigins: config.corsOrigins,
    plugins: [limits.plugin()],
    requestChecks: [limits.shapeCheck],
    routes(app) {
      if (config.playground) playgroundRoutes(app);
      const miniPrograms = subgraphUrls.get('mini-programs');
      if (miniPrograms) {
        const forward = proxyTo(miniPrograms.replace(/\/graphql$/, ''), logger);
        app.put('/uploads/:uploadId', forward);
        app.get('/files/:fileId', forward);
      }
      app.get('/readyz', async (_req, res) => {
        const checks = await Promise.all([...subgraphUrls].map(async ([name, url]) => [name, await answers(url)] as const));
        const ready = checks.every(([, ok]) => ok);
        res.status(ready ? 200 : 503).json({
          status: ready ? 'ready' : 'unavailable',
          subgraphs: Object.fromEntries(checks.map(([name, ok]) => [name, ok ? 'up' : 'down'])),
        });
      });
    },
    onServer(httpServer, apollo) {
      subscriptions = attachSubscriptions({
        httpServer,
        apollo,
        schema,
        feed,
        keys,
        logger,
        limits: {
          perConnection: config.subscriptionsPerConnection,
          total: config.maxSubscriptions,
          keepAliveMs: config.wsKeepAliveMs,
          maxMessageBytes: config.maxRequestBytes,
        },
      });
      return async () => {
        await subscriptions?.close();
        await feed.stop();
        limits.close();
      };
    },
    async context({ req, requestId }) {
      const authorization = req.headers.authorization ?? null;
      const viewer = await viewerFromAuthorization(authorization, keys.verifyKey);
      // The limits read who is asking from the same context (`Caller`).
      const context: GatewayContext & Caller = { requestId, authorization, accountId: viewer?.accountId ?? null, clientIp: req.ip ?? null };
      return context;
    },
  }).catch(async (error: unknown) => {
    // Not started (Apollo or the port): the feed follows the log for nothing.
    await feed.stop();
    limits.close();
    throw error;
  });
  return { ...service, activeSubscriptions: () => subscriptions?.active ?? 0 };
}

/** The schema clients see (no federation internals), to validate operations sent over WebSocket. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(READY_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
