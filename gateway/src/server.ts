import { Supergraph } from '@apollo/federation-internals';
import {
  EndedSessions,
  INTERNAL_CREDENTIAL_HEADER,
  loadInternalSecret,
  loadTokenKeys,
  signInternalRequest,
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

export interface GatewayOptions {
  config: PlatformConfig;
  logger: Logger;
  /** Where Orders' event log is read for subscriptions (the embedded database, or DATABASE_URL's). */
  database: Database;
  /** The token keys, when the caller has them loaded already (the embedded mode). */
  keys?: TokenKeys;
  /** The secret the gateway signs subgraph requests with, when loaded already. */
  internalSecret?: Buffer;
  /** Ended sessions, when followed already in this process (the embedded mode). */
  sessions?: EndedSessions;
  /** Subgraph name → its `/graphql` URL. */
  subgraphUrls: Map<string, string>;
  port?: number;
  host?: string;
}

/** How long `/readyz` waits for each subgraph. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The public entry point: `/graphql` over the federated graph, `/healthz` (the process is up) and
 * `/readyz` (every subgraph answers). A request with a bad token, or one of an ended session, is
 * refused here with 401 before any subgraph is asked; the subgraphs check both again.
 */
export interface RunningGateway extends RunningService {
  /** Subscriptions being served now. */
  activeSubscriptions(): number;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, logger, subgraphUrls } = options;
  const keys = options.keys ?? loadTokenKeys(config);
  const internalSecret = options.internalSecret ?? loadInternalSecret(config);
  const supergraphSdl = readSupergraph();
  const gateway = createGateway({ subgraphUrls, supergraphSdl, internalSecret, logger: logger.child({ component: 'apollo-gateway' }) });
  const ownSessions = options.sessions ? null : new EndedSessions(options.database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  await ownSessions?.start();
  const sessions = (options.sessions ?? ownSessions)!;
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
    routes(app) {
      if (config.playground) playgroundRoutes(app);
      const miniPrograms = subgraphUrls.get('mini-programs');
      if (miniPrograms) {
        const forward = proxyTo(miniPrograms.replace(/\/graphql$/, ''), logger, internalSecret);
        app.put('/uploads/:uploadId', forward);
        app.get('/files/:fileId', forward);
      }
      app.get('/readyz', async (_req, res) => {
        const checks = await Promise.all([...subgraphUrls].map(async ([name, url]) => [name, await answers(url, internalSecret)] as const));
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
        schema: apiSchema(supergraphSdl),
        feed,
        keys,
        sessions,
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
        await ownSessions?.stop();
      };
    },
    async context({ req, requestId }) {
      const authorization = req.headers.authorization ?? null;
      sessions.assertLive(await viewerFromAuthorization(authorization, keys.verifyKey));
      return { requestId, authorization };
    },
  }).catch(async (error: unknown) => {
    // Not started (Apollo or the port): the feed follows the log for nothing.
    await feed.stop();
    await ownSessions?.stop();
    throw error;
  });
  return { ...service, activeSubscriptions: () => subscriptions?.active ?? 0 };
}

/** The schema clients see (no federation internals), to validate operations sent over WebSocket. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

async function answers(url: string, internalSecret: Buffer): Promise<boolean> {
  try {
    const { pathname, search } = new URL(url);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_CREDENTIAL_HEADER]: signInternalRequest(internalSecret, { method: 'POST', path: `${pathname}${search}` }),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(READY_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
