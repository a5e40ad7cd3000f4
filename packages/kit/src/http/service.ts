import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import type { Context } from '@opentelemetry/api';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { maskUnexpectedErrors } from '../graphql/errors.js';
import type { Logger } from '../logger.js';
import { acquireMetricsServer, answerMetrics } from '../metrics/endpoint.js';
import { requestMetricsPlugin } from '../metrics/request-plugin.js';
import {
  currentRequestScope,
  REQUEST_ID_HEADER,
  requestIdFrom,
  requestMetrics,
  runInRequestScope,
} from '../request-scope.js';
import { runInTraceContext, traceIncomingCall, traceIncomingRequest, traceRootResolvers } from '../tracing/spans.js';

export interface RequestInfo {
  /** The HTTP request, or what a request made within the process has of one (no client address). */
  req: Pick<Request, 'headers' | 'ip'>;
  requestId: string;
  logger: Logger;
}

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  /** Names the service in logs and metrics: `gateway`, `accounts`… */
  name: string;
  logger: Logger;
  port: number;
  host?: string;
  maxRequestBytes: number;
  /** A subgraph's schema, or the gateway. */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  context: (info: RequestInfo) => Promise<TContext>;
  /**
   * What `/readyz` checks (can this process serve now?): each named check resolves null when it
   * passes, or why it fails. 200 when all pass, else 503; the body names each check.
   */
  readiness?: () => Promise<Record<string, string | null>>;
  /** Routes mounted before `/graphql` (health, uploads…). */
  routes?: (app: Express) => void;
  /**
   * Called with the HTTP server and the started Apollo Server before it listens (WebSocket
   * upgrades…); what it returns runs first when the service stops.
   */
  onServer?: (server: Server, apollo: ApolloServer<TContext>) => (() => Promise<void>) | void;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Writes a response body as JSON (Apollo's own: `JSON.stringify`), e.g. with parts already written. */
  stringifyResult?: ApolloServerOptions<TContext>['stringifyResult'];
  /** Answer introspection queries (on with the playground; subgraphs always, for composition tools). */
  introspection?: boolean;
  /** Browser origins allowed to call this service cross-origin (the gateway's `CORS_ORIGINS`). */
  corsOrigins?: string[];
  /** Checks of a `/graphql` request after its body is parsed, before Apollo Server (the gateway's limits). */
  requestChecks?: RequestHandler[];
  /** `METRICS_PORT`: `/metrics` is served there (bound to `host`) and not on `port`; unset: on `port`. */
  metricsPort?: number | null;
}

/** A `/graphql` POST made within this process: the gateway of `npm start` calling a subgraph (`SUBGRAPH_TRANSPORT`). */
export interface InProcessRequest {
  /** Lower-case names, as on the wire. */
  headers: Record<string, string>;
  /** The JSON body, as it would be sent. */
  body: string;
}

/** How a `/graphql` request was answered, as read off an HTTP response. */
export interface GraphQLAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Answers a request made within the process; rejects once the service is stopping (as a closed port refuses). */
export type InProcessHandler = (request: InProcessRequest) => Promise<GraphQLAnswer>;

export interface RunningService {
  name: string;
  /** `http://host:port` the service listens on. */
  url: string;
  port: number;
  httpServer: Server;
  /**
   * `/graphql` without a socket, for a caller in the same process: the same Apollo Server, body
   * limit, request id, request scope, trace span and context as over HTTP, without the loopback
   * round trip (two HTTP messages, their parsing, express), which cost a fifth of the CPU of an
   * order transition in one process on a Postgres server.
   */
  answerInProcess: InProcessHandler;
  /** Stops accepting requests and waits for those in flight. */
  stop(): Promise<void>;
}

/**
 * Connections the kernel holds for the process until it accepts them (capped by the system's
 * `net.core.somaxconn`). Node's 511 is too few for clients reconnecting together after a restart:
 * a busy process accepts late, the kernel drops what does not fit and the clients see ECONNRESET.
 */
const LISTEN_BACKLOG = 4096;

/**
 * One HTTP shell for the gateway and every subgraph: `/healthz` (alive, no I/O), `/readyz`, `/graphql` served by Apollo
 * Server with CSRF prevention, a request id carried through logs and to subgraphs, a body limit,
 * 4xx answers for malformed requests, unexpected errors masked, and a draining stop.
 */
export async function startGraphQLService<TContext extends BaseContext>(
  options: GraphQLServiceOptions<TContext>,
): Promise<RunningService> {
  const { logger, name } = options;
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from a proxy on a private network (a load balancer), so a
  // client cannot pick the address its rate limits are counted under.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const httpServer = createServer(app);
  // Long enough for a client behind a proxy to reuse connections, bounded so idle sockets go away.
  httpServer.keepAliveTimeout = 65_000;
  // A slow client (slowloris) gets 20 s for its headers and 2 minutes for the whole request (a
  // 20 MiB upload needs ~175 KB/s); then the socket is closed.
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 120_000;
  app.use(securityHeaders);
  if (options.corsOrigins?.length) app.use(corsFor(options.corsOrigins));

  const apollo = new ApolloServer<TContext>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: traceRootResolvers(options.schema!, name) }),
    csrfPrevention: true,
    // Apollo's own APQ cache is off: the gateway resolves persisted documents before its limits.
    persistedQueries: false,
    // Shutdown is ours (`onShutdownSignal`): drain, close the database, exit 0.
    stopOnTerminationSignals: false,
    introspection: options.introspection ?? true,
    // No "Did you mean …" naming fields when the schema is not meant to be explored.
    hideSchemaDetailsFromClientErrors: !(options.introspection ?? true),
    includeStacktraceInErrorResponses: false,
    ...(options.stringifyResult ? { stringifyResult: options.stringifyResult } : {}),
    formatError: maskUnexpectedErrors((error) => {
      const scope = currentRequestScope();
      logger.error({ err: error, requestId: scope?.requestId }, 'unexpected error');
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
      requestLogPlugin(name, logger),
      requestMetricsPlugin(name),
      operationResolutionPlugin(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: name });
  });
  const { readiness } = options;
  if (readiness) {
    app.get('/readyz', async (_req, res) => {
      const checks = await readiness().catch((error: unknown) => ({ readiness: String(error) }));
      const failed = Object.entries(checks).filter(([, problem]) => problem !== null);
      res.setHeader('cache-control', 'no-store');
      res.status(failed.length === 0 ? 200 : 503).json({
        status: failed.length === 0 ? 'ready' : 'unavailable',
        service: name,
        checks: Object.fromEntries(Object.entries(checks).map(([check, problem]) => [check, problem === null ? 'up' : 'down'])),
        ...(failed.length > 0 ? { problems: Object.fromEntries(failed) } : {}),
      });
    });
  }
  if (options.metricsPort == null) app.get('/metrics', (req, res) => void answerMetrics(req, res));
  options.routes?.(app);
  app.use(
    '/graphql',
    (req, res, next) => {
      // Set first, so refusals of the body parser (400, 413) carry the request id too.
      res.locals.requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, res.locals.requestId as string);
      res.locals.traceContext = traceIncomingRequest(name, '/graphql', req, res);
      next();
    },
    express.json({ limit: options.maxRequestBytes }),
    // After body parsing, as the request scope below: the parser's callbacks would run outside it.
    (_req, res, next) => runInTraceContext(res.locals.traceContext as Context | undefined, next),
    ...(options.requestChecks ?? []),
    // After body parsing: the parser's callbacks would otherwise run outside this scope.
    (_req, res, next) => runInRequestScope(res.locals.requestId as string, next),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = currentRequestScope()?.requestId ?? requestIdFrom(undefined);
        return options.context({ req, requestId, logger: logger.child({ requestId }) });
      },
    }),
  );
  app.use(jsonErrors(logger));

  const beforeStop = options.onServer?.(httpServer, apollo);
  let releaseMetrics: (() => Promise<void>) | null = null;
  try {
    if (options.metricsPort != null) releaseMetrics = await acquireMetricsServer(options.metricsPort, options.host ?? '0.0.0.0');
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen({ port: options.port, host: options.host ?? '0.0.0.0', backlog: LISTEN_BACKLOG }, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The port is taken: release what was started for nothing.
    await releaseMetrics?.();
    await beforeStop?.().catch(() => {});
    await apollo.stop().catch(() => {});
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  let stopping: Promise<void> | null = null;
  const answering = new Set<Promise<GraphQLAnswer>>();
  const answerInProcess: InProcessHandler = (request) => {
    if (stopping) return Promise.reject(new Error(`${name} is stopping`));
    const answer = answerCall(request);
    answering.add(answer);
    const settled = () => void answering.delete(answer);
    answer.then(settled, settled);
    return answer;
  };
  const answerCall = async ({ headers, body }: InProcessRequest): Promise<GraphQLAnswer> => {
    const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
    const span = traceIncomingCall(name, '/graphql', 'POST', headers);
    try {
      const answer = await runInTraceContext(span?.context, () => runInRequestScope(requestId, () => executeInProcess(headers, body, requestId)));
      span?.end(answer.status, true);
      return answer;
    } catch (error) {
      span?.end(500, false);
      throw error;
    }
  };
  const executeInProcess = async (headers: Record<string, string>, body: string, requestId: string): Promise<GraphQLAnswer> => {
    // As express.json() refuses them over HTTP.
    if (body.length * 3 > options.maxRequestBytes && Buffer.byteLength(body) > options.maxRequestBytes) return badRequest(413, 'The request body is too large.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return badRequest(400, 'The request body is not valid JSON.');
    }
    const headerMap = new HeaderMap();
    for (const [header, value] of Object.entries(headers)) headerMap.set(header, value);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMap, search: '', body: parsed },
      context: () => options.context({ req: { headers, ip: undefined }, requestId, logger: logger.child({ requestId }) }),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { status: response.status ?? 200, contentType: response.headers.get('content-type') ?? '', text };
  };
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    httpServer,
    answerInProcess,
    stop: () => (stopping ??= (async () => {
      await beforeStop?.();
      // Requests made within the process finish, as HTTP requests in flight drain.
      await Promise.allSettled(answering);
      await apollo.stop();
      await releaseMetrics?.();
    })()),
  };
}

/** On every response: no MIME sniffing, no referrer leaks, never framed (clickjacking of the playground). */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};

/**
 * Browser front ends on the listed origins may call the API: preflights are answered (204) with the
 * headers the client sends. No credentials: tokens travel in `Authorization`, never in cookies.
 * Apollo's CSRF prevention still refuses simple (non-preflighted) requests from anywhere.
 */
function corsFor(origins: string[]): RequestHandler {
  return cors({
    origin: origins,
    methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
}

/** A 4xx answer as `jsonErrors` writes it over HTTP. */
function badRequest(status: number, message: string): GraphQLAnswer {
  return { status, contentType: 'application/json; charset=utf-8', text: JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }) };
}

/** Malformed or oversized bodies get a GraphQL-shaped 4xx, never a 500 or an HTML page. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) {
      logger.error({ err: error }, 'request failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    const message =
      error.type === 'entity.too.large'
        ? 'The request body is too large.'
        : error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : (error.message ?? 'Bad request');
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}

/**
 * An `operationName` that names no operation of the document (or several unnamed operations) is
 * the client's mistake: 400 OPERATION_RESOLUTION_FAILURE, before a gateway tries to plan it; so is
 * a subscription sent over HTTP (400 BAD_REQUEST).
 */
function operationResolutionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          // Over HTTP a subscription would reach an executor that cannot run it (a 500): it is the
          // client's choice of transport that is wrong.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at this same /graphql URL, not over HTTP.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          if (operation) return;
          throw new GraphQLError(
            request.operationName ? `Unknown operation named "${request.operationName}".` : 'The document has several operations: name one in operationName.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/** One structured log line per operation, with its SQL statement count; also emitted as a metric. */
function requestLogPlugin<TContext extends BaseContext>(service: string, logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const scope = currentRequestScope();
          const completed = {
            service,
            requestId: scope?.requestId ?? '',
            operationName: operationName ?? null,
            sqlStatements: scope?.sqlStatements ?? 0,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            errors:
              (errors?.length ?? 0) ||
              (response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0),
          };
          const { service: _service, ...fields } = completed;
          logger.info(fields, 'graphql request');
          requestMetrics.emit('completed', completed);
        },
      };
    },
  };
}

