import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { Access } from './access/access.js';
import type { AccessDirectory } from './access/model.js';
import { EndedSessions } from './access/sessions.js';
import { INTERNAL_CREDENTIAL_HEADER, loadInternalSecret, verifyInternalRequest } from './auth/internal.js';
import { loadTokenKeys, type TokenKeys } from './auth/keys.js';
import { viewerFromAuthorization, type Viewer } from './auth/tokens.js';
import { loadConfig, type PlatformConfig } from './config.js';
import { guardAgainstDriverFaults, openDatabase, type Database } from './db/database.js';
import { EventConsumer } from './events/consumer.js';
import { startGraphQLService, type RequestInfo, type RunningService } from './http/service.js';
import { createLogger, type Logger } from './logger.js';
import { startTracing } from './tracing/tracing.js';

/** What every subgraph's resolvers receive. Subgraphs extend it with their loaders. */
export interface SubgraphContext {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  access: Access;
}

/** What a subgraph is given to run: configuration, its database, its logger, the token keys. */
export interface SubgraphRuntime {
  config: PlatformConfig;
  database: Database;
  logger: Logger;
  keys: TokenKeys;
  /** The gateway's secret: only requests it signed are answered. */
  internalSecret: Buffer;
  /** Sessions ended by Accounts; made (and stopped) by `serveSubgraph` when not shared. */
  sessions?: EndedSessions;
}

/** Routes anyone may call: liveness, readiness, metrics. Everything else needs the gateway's credential. */
const OPEN_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface StartedSubgraph<C extends SubgraphContext> {
  directory: AccessDirectory;
  /** Builds the per-request context on top of the common part. */
  context(base: SubgraphContext & { req: RequestInfo['req'] }): C;
  routes?(app: Express): void;
  stop(): Promise<void>;
}

export interface SubgraphModule<C extends SubgraphContext = SubgraphContext> {
  name: string;
  /** The Postgres schema that holds its tables (the gateway hears their changes: `DATA_CHANGED_CHANNEL`). */
  databaseSchema: string;
  /**
   * The schemas whose event logs it projects and catches up with while answering (its access read
   * model follows `accounts`): its answers can change when those change, before its own tables do.
   */
  follows: readonly string[];
  /** The executable subgraph schema; static, needs no database (the compose task prints it). */
  buildSchema(): GraphQLSchema;
  /** Migrates its Postgres schema, starts its event consumers, returns its request context. */
  start(runtime: SubgraphRuntime): Promise<StartedSubgraph<C>>;
}

export interface ServedSubgraph extends RunningService {
  /** Stops HTTP, then consumers; the database stays open (its owner closes it). */
  stopAll(): Promise<void>;
}

/** The answer to a request without the gateway's credential. */
const GATEWAY_ONLY = { errors: [{ message: 'Only the gateway may call this service.', extensions: { code: 'UNAUTHENTICATED' } }] };

/** Starts a subgraph and serves it over HTTP; every request's token is verified here too. */
export async function serveSubgraph<C extends SubgraphContext>(
  module: SubgraphModule<C>,
  runtime: SubgraphRuntime,
  listen: { port: number; host?: string },
): Promise<ServedSubgraph> {
  const logger = runtime.logger.child({ service: module.name });
  const ownSessions = runtime.sessions ? null : new EndedSessions(runtime.database, { pollIntervalMs: runtime.config.eventPollIntervalMs, logger });
  await ownSessions?.start();
  const sessions = (runtime.sessions ?? ownSessions)!;
  const started = await module.start({ ...runtime, logger, sessions });
  const service = await startGraphQLService<C>({
    name: module.name,
    logger,
    port: listen.port,
    host: listen.host ?? runtime.config.subgraphHost,
    metricsPort: runtime.config.metricsPort,
    maxRequestBytes: runtime.config.maxRequestBytes,
    schema: module.buildSchema(),
    routes: (app) => {
      app.use((req, res, next) => {
        const credential = req.headers[INTERNAL_CREDENTIAL_HEADER];
        const request = { method: req.method, path: req.originalUrl, authorization: req.headers.authorization };
        if (OPEN_PATHS.has(req.path) || verifyInternalRequest(runtime.internalSecret, typeof credential === 'string' ? credential : undefined, request)) {
          next();
          return;
        }
        res.status(401).json(GATEWAY_ONLY);
      });
      started.routes?.(app);
    },
    readiness: () => subgraphReadiness(module.name, runtime.database),
    context: async ({ req, requestId, logger: requestLogger }) => {
      const viewer = await viewerFromAuthorization(req.headers.authorization, runtime.keys.verifyKey);
      sessions.assertLive(viewer);
      const access = new Access(started.directory, viewer);
      return started.context({ req, requestId, logger: requestLogger, viewer, access });
    },
  });
  return {
    ...service,
    // Within the process too, only the gateway's signed requests are answered.
    answerInProcess: (request) => {
      const credential = request.headers[INTERNAL_CREDENTIAL_HEADER];
      if (verifyInternalRequest(runtime.internalSecret, credential, { method: 'POST', path: '/graphql', authorization: request.headers.authorization })) {
        return service.answerInProcess(request);
      }
      return Promise.resolve({ status: 401, contentType: 'application/json; charset=utf-8', text: JSON.stringify(GATEWAY_ONLY) });
    },
    async stopAll() {
      await service.stop();
      await started.stop();
      await ownSessions?.stop();
    },
  };
}

/**
 * A subgraph can serve when its database answers (and LISTEN is in place) and each of its event
 * consumers (named `<subgraph><-<source>` or `<subgraph>-<purpose><-<source>`, on that database:
 * tests run several platforms in one process) read their source at their last attempt.
 */
export async function subgraphReadiness(name: string, database: Database): Promise<Record<string, string | null>> {
  const checks: Record<string, string | null> = { database: await database.check() };
  for (const consumer of EventConsumer.started) {
    const owner = consumer.name.slice(0, consumer.name.indexOf('<-'));
    if (consumer.database === database && (owner === name || owner.startsWith(`${name}-`))) checks[`consumer ${consumer.name}`] = consumer.problem;
  }
  return checks;
}

/** Runs `shutdown` once on SIGINT or SIGTERM, then exits. */
export function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests');
    shutdown().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/**
 * The distributed mode: one subgraph in its own process, on `PORT`, against the Postgres server
 * of `DATABASE_URL` (PGlite cannot be shared between processes).
 */
export async function runStandaloneSubgraph<C extends SubgraphContext>(
  module: SubgraphModule<C>,
  options: { defaultPort: number },
): Promise<void> {
  const config = loadConfig(process.env, { port: options.defaultPort });
  const logger = createLogger({ level: config.logLevel, name: module.name });
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = await startTracing({ serviceName: module.name });
  if (tracing.enabled) logger.info('tracing: spans exported with OTLP');
  guardAgainstDriverFaults((error) => logger.warn({ err: error }, 'survived a database driver fault; connections replaced'));
  if (!config.databaseUrl) {
    logger.fatal('DATABASE_URL is required to run a subgraph on its own; `npm start` runs everything embedded.');
    process.exit(1);
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    applicationName: module.name,
  });
  const runtime = { config, database, logger, keys: loadTokenKeys(config), internalSecret: loadInternalSecret(config) };
  const served = await serveSubgraph(module, runtime, { port: config.port });
  logger.info({ url: `${served.url}/graphql` }, `${module.name} subgraph listening`);
  onShutdownSignal(logger, async () => {
    await served.stopAll();
    await database.close();
    await tracing.stop();
  });
}
