import { Supergraph } from '@apollo/federation-internals';
import {
  EndedSessions,
  loadInternalSecret,
  loadTokenKeys,
  startGraphQLService,
  viewerFromAuthorization,
  type Database,
  type InProcessHandler,
  type Logger,
  type PlatformConfig,
  type RunningService,
  type TokenKeys,
} from '@mpp/kit';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createGateway, readSupergraph, type GatewayContext } from './gateway.js';
import { OrderEventFeed } from './subscriptions/feed.js';
import { playgroundRoutes } from './playground/playground.js';
import { MembershipChanges } from './subscriptions/membership-changes.js';
import { attachSubscriptions } from './subscriptions/server.js';
import { proxyTo } from './proxy.js';
import { createLimits, openBucketStore, type Caller } from './limits/index.js';
import { DataChanges, mutationChangesPlugin } from './response-cache/data-changes.js';
import { ResponseCache, responseCachePlugin } from './response-cache/response-cache.js';
import { SubgraphAnswers } from './response-cache/subgraph-answers.js';
import { subgraphModules } from './subgraphs.js';
import { admitWithin, introspectionOnly, loadPersistedDocuments, PersistedDocuments } from './persisted/index.js';

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
  /** Subgraphs served by this process (the embedded mode): called without a socket, by name. */
  inProcessSubgraphs?: ReadonlyMap<string, InProcessHandler>;
  port?: number;
  host?: string;
}

/** How long `/readyz` waits for each subgraph's `/readyz` (which waits up to 2 s for its database). */
const READY_TIMEOUT_MS = 3_000;

/**
 * The public entry point: `/graphql` over the federated graph, `/healthz` (the process is up) and
 * `/readyz` (its database, its order feed and every subgraph are ready). A request with a bad token,
 * or one of an ended session, is refused here with 401 before any subgraph is asked; the subgraphs
 * check both again.
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
  const schema = apiSchema(supergraphSdl);
  const limits = createLimits({ config, store: await openBucketStore(options.database, logger), schema, logger });
  // Documents run by hash (APQ): the client's list, and those registered at run time unless
  // PERSISTED_DOCUMENTS_ONLY; then only introspection runs without a hash, with the playground on.
  const persisted = new PersistedDocuments({
    listed: loadPersistedDocuments(),
    only: config.persistedDocumentsOnly,
    admit: admitWithin(schema, limits.checkShape, config.maxQueryTokens),
    allowedWithoutHash: config.playground ? introspectionOnly(config.maxQueryTokens) : undefined,
  });
  const ownSessions = options.sessions ? null : new EndedSessions(options.database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  const sessions = (options.sessions ?? ownSessions)!;
  const feed = new OrderEventFeed(options.database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  const membershipChanges = new MembershipChanges(options.database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  const dataChanges =
    config.responseCacheBytes > 0 || config.subgraphCacheBytes > 0
      ? new DataChanges(options.database, new Map(subgraphModules.filter((m) => subgraphUrls.has(m.name)).map((m) => [m.name, { schema: m.databaseSchema, follows: m.follows }])), logger)
      : null;
  const maxAgeMs = config.responseCacheMaxAgeSeconds * 1000;
  const responseCache = dataChanges && config.responseCacheBytes > 0 ? new ResponseCache(dataChanges, { maxBytes: config.responseCacheBytes, maxAgeMs }) : null;
  const subgraphAnswers = dataChanges && config.subgraphCacheBytes > 0 ? new SubgraphAnswers(dataChanges, { maxBytes: config.subgraphCacheBytes, maxAgeMs }) : null;
  const gateway = createGateway({
    subgraphUrls,
    inProcessSubgraphs: options.inProcessSubgraphs,
    supergraphSdl,
    internalSecret,
    subgraphAnswers,
    logger: logger.child({ component: 'apollo-gateway' }),
  });
  /** Releases what was started, when the gateway stops or cannot start. */
  const release = async () => {
    await feed.stop();
    await membershipChanges.stop();
    await dataChanges?.stop();
    limits.close();
    await ownSessions?.stop();
  };
  try {
    await ownSessions?.start();
    await feed.start();
    await membershipChanges.start();
    await dataChanges?.start();
  } catch (error) {
    await release();
    throw error;
  }
  let subscriptions: ReturnType<typeof attachSubscriptions> | null = null;
  const service = await startGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    port: options.port ?? config.port,
    host: options.host ?? config.host,
    metricsPort: config.metricsPort,
    maxRequestBytes: config.maxRequestBytes,
    gateway,
    introspection: config.playground,
    corsOrigins: config.corsOrigins,
    // The cache after the limits: a kept answer is charged like any other.
    plugins: [limits.plugin(), ...(dataChanges ? [mutationChangesPlugin(dataChanges)] : []), ...(responseCache ? [responseCachePlugin(responseCache)] : [])],
    stringifyResult: responseCache ? (body) => responseCache.stringify(body) : undefined,
    requestChecks: [persisted.httpStep, limits.shapeCheck],
    routes(app) {
      if (config.playground) playgroundRoutes(app);
      const miniPrograms = subgraphUrls.get('mini-programs');
      if (miniPrograms) {
        const origin = miniPrograms.replace(/\/graphql$/, '');
        // An upload changes what queries answer: the uploader's next query must see it.
        app.put('/uploads/:uploadId', proxyTo(origin, logger, internalSecret, () => dataChanges?.changed('mini-programs')));
        app.get('/files/:fileId', proxyTo(origin, logger, internalSecret));
      }
    },
    // Ready when its database answers, the order feed reads, and every subgraph is ready.
    readiness: async () => {
      const [database, ...subgraphs] = await Promise.all([
        options.database.check(),
        ...[...subgraphUrls].map(async ([name, url]) => [name, await readyProblem(url)] as const),
      ]);
      return { database, 'order feed': feed.problem, ...Object.fromEntries(subgraphs) };
    },
    onServer(httpServer, apollo) {
      subscriptions = attachSubscriptions({
        httpServer,
        apollo,
        schema,
        feed,
        keys,
        sessions,
        membershipChanges,
        logger,
        limits: {
          perConnection: config.subscriptionsPerConnection,
          perAccount: config.subscriptionsPerAccount,
          total: config.maxSubscriptions,
          maxBufferedBytes: config.wsMaxBufferedBytes,
          keepAliveMs: config.wsKeepAliveMs,
          maxMessageBytes: config.maxRequestBytes,
          maxTokens: config.maxQueryTokens,
        },
        resolveDocument: (query, extensions) => persisted.resolve(query, extensions),
        // Operations over the socket meet the same shape, cost and bucket limits as over HTTP.
        async checkOperation(document, variables, { viewer, clientIp, operationName }) {
          try {
            await limits.checkOperation(document, variables, { accountId: viewer.accountId, clientIp, operationName });
            return [];
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
        },
      });
      return async () => {
        await subscriptions?.close();
        await release();
      };
    },
    async context({ req, requestId }) {
      const authorization = req.headers.authorization ?? null;
      const viewer = await viewerFromAuthorization(authorization, keys.verifyKey);
      sessions.assertLive(viewer);
      // The limits read who is asking from the same context (`Caller`).
      const context: GatewayContext & Caller = { requestId, authorization, accountId: viewer?.accountId ?? null, clientIp: req.ip ?? null };
      return context;
    },
  }).catch(async (error: unknown) => {
    // Not started (Apollo or the port): the feed follows the log for nothing.
    await release();
    throw error;
  });
  return { ...service, activeSubscriptions: () => subscriptions?.active ?? 0 };
}

/** The schema clients see (no federation internals), to validate operations sent over WebSocket. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  // Validated by composition, as for Apollo Gateway (gateway.ts).
  return Supergraph.build(supergraphSdl, { validateSupergraph: false }).apiSchema().toGraphQLJSSchema();
}

/** Why a subgraph is not ready (its `/readyz` body's problems), or null when it is. */
async function readyProblem(graphqlUrl: string): Promise<string | null> {
  try {
    const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    if (response.ok) return null;
    const body = (await response.json().catch(() => ({}))) as { problems?: Record<string, string> };
    return body.problems ? Object.entries(body.problems).map(([check, problem]) => `${check}: ${problem}`).join('; ') : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
