import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '@mpp/kit';
import { injectTraceContext, INTERNAL_CREDENTIAL_HEADER, REQUEST_ID_HEADER, signInternalRequest, subgraphFetchDuration, type GraphQLAnswer, type InProcessHandler } from '@mpp/kit';
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';
// Not from compose.ts: serving the graph must not load the composition library.
import type { SubgraphAnswers } from './response-cache/subgraph-answers.js';
import { schemaFolder } from './schema-folder.js';

/** What the gateway forwards to subgraphs from a client's request. */
export interface GatewayContext {
  requestId: string;
  authorization: string | null;
  /** The subgraphs this request asked, while the response cache reads an answer to keep. */
  subgraphsAsked?: Set<string>;
  /** The subgraphs a mutation is sent to: their counters move once it is answered (`mutationChangesPlugin`). */
  subgraphsWritten?: Set<string>;
}

/** A subgraph answering slower than this fails its part of the query instead of holding it. */
const SUBGRAPH_TIMEOUT_MS = 10_000;

/** The committed supergraph: the gateway never introspects subgraphs at run time. */
export function readSupergraph(): string {
  return readFileSync(join(schemaFolder, 'supergraph.graphql'), 'utf8');
}

/**
 * Forwards the caller's `Authorization` (each subgraph verifies the token itself) and the request
 * id, and signs the request with the gateway's internal credential (subgraphs answer nothing else),
 * and sends each subgraph as little as it can: an entity fetch carries each distinct
 * representation once, and identical queries in flight with the same headers share one request.
 *
 * `process` is RemoteGraphQLDataSource's own, less what costs on every fetch and serves nothing
 * here: node-fetch `Headers` and a `Request` built only for error hooks (a copy of the body, a URL
 * parse), a fetch-like response, and cache-control hints subgraphs never send.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly path: string;
  private readonly send: (headers: Record<string, string>, body: string, sharedKey: string | null) => Promise<SubgraphAnswer>;

  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly internalSecret: Buffer,
    /** The answers this gateway keeps of its subgraphs' queries; null: every fetch asks. */
    private readonly answers: SubgraphAnswers | null,
    /** The subgraph served by this process, to be called without a socket (`SUBGRAPH_TRANSPORT=in-process`). */
    inProcess: InProcessHandler | undefined,
  ) {
    super({ url, honorSubgraphCacheControlHeader: false });
    const parsed = new URL(url);
    this.path = `${parsed.pathname}${parsed.search}`;
    this.send = senderFor(inProcess ? callInProcess(subgraph, inProcess) : (headers, body) => post(subgraph, url, headers, body));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Apollo types the context of its own (non-incoming) fetches loosely; ours always carry this shape.
    const context = options.context as GatewayContext | undefined;
    context?.subgraphsAsked?.add(this.subgraph);
    // A mutation writes only where its mutation fields are sent; what its answer reads elsewhere is not changed by it.
    if (request.query?.startsWith('mutation')) context?.subgraphsWritten?.add(this.subgraph);
    const representations = request.variables?.representations as unknown;
    if (!Array.isArray(representations)) return this.fetch(request, context);
    const { unique, positions } = dedupeRepresentations(representations);
    if (unique.length === representations.length) return this.fetch(request, context);
    const response = await this.fetch({ ...request, variables: { ...request.variables, representations: unique } }, context);
    return expandEntities(response, positions);
  }

  private async fetch(request: GraphQLDataSourceProcessOptions<GatewayContext>['request'], context: GatewayContext | undefined): Promise<GatewayGraphQLResponse> {
    const { http: _http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    const authorization = context?.authorization ?? null;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    if (context?.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    headers[INTERNAL_CREDENTIAL_HEADER] = signInternalRequest(this.internalSecret, { method: 'POST', path: this.path, authorization });
    // `traceparent` of this fetch's span (tracing on): the subgraph's spans join the request's trace.
    injectTraceContext({ set: (name, value) => void (headers[name.toLowerCase()] = value) });
    // `query` first: isQueryBody() tells queries (shared in flight, and kept) by the body's start.
    const requestBody = JSON.stringify({ query, ...rest });
    const sharedKey = isQueryBody(requestBody) ? inFlightKey(headers, requestBody) : null;
    const answers = sharedKey !== null && this.answers?.keeps(this.subgraph) ? this.answers : null;
    const kept = answers && sharedKey !== null ? answers.lookUp(this.subgraph, sharedKey) : null;
    if (kept) return JSON.parse(kept) as GatewayGraphQLResponse;
    const counterBefore = answers?.changes.counter(this.subgraph) ?? 0;
    const answer = await this.send(headers, requestBody, sharedKey);
    const body = isJson(answer.contentType) ? (JSON.parse(answer.text) as unknown) : answer.text;
    if (answer.status < 200 || answer.status >= 300) throw this.httpError(answer, body);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error(`Expected a JSON object from the ${this.subgraph} service, received: ${answer.text.slice(0, 200)}`);
    const response = body as GatewayGraphQLResponse;
    if (answers && sharedKey !== null && !response.errors?.length && !response.extensions) answers.keep(this.subgraph, sharedKey, answer.text, counterBefore);
    return response;
  }

  /** A subgraph's non-2xx answer as RemoteGraphQLDataSource reports it: the status, and the body in `extensions.response`. */
  private httpError(answer: SubgraphAnswer, body: unknown): GraphQLError {
    const statusText = STATUS_CODES[answer.status] ?? '';
    const code = answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`${answer.status}: ${statusText}`, {
      extensions: { response: { url: this.url, status: answer.status, statusText, body }, ...(code ? { code } : {}) },
    });
  }
}

function isJson(contentType: string): boolean {
  return contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json');
}

/** One subgraph answer, shared by the identical requests that waited for it. */
type SubgraphAnswer = GraphQLAnswer;

/**
 * A request body of a subgraph query (never a mutation or subscription): only those may be shared
 * between callers. RemoteGraphQLDataSource serializes `query` first; anything else is not shared.
 */
export function isQueryBody(body: string): boolean {
  return body.startsWith('{"query":"query') || body.startsWith('{"query":"{');
}

/**
 * Headers that differ between two identical requests of one caller: the request id, the trace
 * context (a shared request joins the trace of the first caller), and the internal credential (signed with the time, it binds the caller's `Authorization`, which is kept).
 */
const PER_REQUEST_HEADERS = new Set([REQUEST_ID_HEADER, INTERNAL_CREDENTIAL_HEADER, 'traceparent', 'tracestate']);

/** Every header (the caller's credentials above all) and the body, but not those that differ per request. */
export function inFlightKey(headers: Record<string, string>, body: string): string {
  let key = '';
  for (const name of Object.keys(headers).sort()) {
    if (!PER_REQUEST_HEADERS.has(name)) key += `${name}:${headers[name]}\n`;
  }
  return `${key}\n${body}`;
}

/**
 * The distinct representations of an entity fetch, and for each original position the index of
 * its distinct one. The gateway builds every representation of a fetch from one selection, so the
 * same entity always serializes alike.
 */
export function dedupeRepresentations(representations: unknown[]): { unique: unknown[]; positions: number[] } {
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const positions = representations.map((representation) => {
    const key = representationKey(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.push(representation) - 1;
      indexOf.set(key, index);
    }
    return index;
  });
  return { unique, positions };
}

/** `{ __typename, id }`, by far the most common representation, keyed without serializing it. */
function representationKey(representation: unknown): string {
  if (representation !== null && typeof representation === 'object') {
    const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
    if (typeof __typename === 'string' && typeof id === 'string' && Object.keys(representation).length === 2) return `${__typename}\u0000${id}`;
  }
  return JSON.stringify(representation);
}

/**
 * Puts a deduplicated `_entities` answer back at every original position, errors included. The
 * repeats share one object: the gateway merges each entity into the object at its own position of
 * the response (copying scalars, adopting nested objects), and a later fetch below a shared nested
 * object merges the same answer into it once per position, which changes nothing the second time.
 */
export function expandEntities(response: GatewayGraphQLResponse, positions: number[]): GatewayGraphQLResponse {
  const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities;
  const data = Array.isArray(entities) ? { ...response.data, _entities: positions.map((index) => entities[index]) } : response.data;
  const errors = response.errors?.flatMap((error) => {
    const path = error.path;
    if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
    const at = path[1];
    return positions.flatMap((index, position) =>
      index === at ? [{ ...error, path: ['_entities', position, ...path.slice(2)] }] : [],
    );
  });
  return { ...response, data, ...(errors ? { errors } : {}) };
}

/** A subgraph's GraphQL response as the gateway reads it. */
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Keep-alive connections to the subgraphs, pooled per origin. */
const subgraphAgent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });

/**
 * undici's request API over the keep-alive pool (leaner than `fetch` on this hot path), with a
 * deadline. A subgraph that cannot be reached (down, refusing, too slow) becomes a clear
 * SERVICE_UNAVAILABLE error on the fields it owns, while the rest of the response is still served.
 */
async function post(subgraph: string, url: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
  const timed = subgraphFetchDuration.startTimer({ subgraph });
  try {
    const answer = await request(url, {
      method: 'POST',
      headers,
      body,
      dispatcher: subgraphAgent,
      headersTimeout: SUBGRAPH_TIMEOUT_MS,
      bodyTimeout: SUBGRAPH_TIMEOUT_MS,
    });
    const contentType = answer.headers['content-type'];
    const text = await answer.body.text();
    timed({ outcome: answer.statusCode >= 200 && answer.statusCode < 300 ? 'ok' : 'http_error' });
    return { status: answer.statusCode, contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '', text };
  } catch (error) {
    timed({ outcome: 'unavailable' });
    throw unavailable(subgraph, error);
  }
}

/** A subgraph that cannot answer (down, refusing, too slow): its fields fail with this, the rest is served. */
function unavailable(subgraph: string, error: unknown): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable; try again shortly.`, {
    originalError: error as Error,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}

/** The same deadline, metric and SERVICE_UNAVAILABLE error as over HTTP, for a subgraph in this process. */
function callInProcess(subgraph: string, answer: InProcessHandler): Send {
  return async (headers, body) => {
    const timed = subgraphFetchDuration.startTimer({ subgraph });
    let deadline: NodeJS.Timeout | undefined;
    try {
      // The event loop reads the sockets first, as it would while a request crossed one: callers
      // of the same query that arrive meanwhile join this fetch instead of running it again (PGlite
      // answers synchronously, so without this turn a fetch would end before anyone could join).
      await setImmediate();
      const answered = await Promise.race([
        answer({ headers, body }),
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => reject(new Error(`no answer within ${SUBGRAPH_TIMEOUT_MS} ms`)), SUBGRAPH_TIMEOUT_MS);
        }),
      ]);
      timed({ outcome: answered.status >= 200 && answered.status < 300 ? 'ok' : 'http_error' });
      return answered;
    } catch (error) {
      timed({ outcome: 'unavailable' });
      throw unavailable(subgraph, error);
    } finally {
      clearTimeout(deadline);
    }
  };
}

/** How a subgraph is reached: over HTTP, or within the process. */
type Send = (headers: Record<string, string>, body: string) => Promise<SubgraphAnswer>;

/**
 * How a data source sends: identical queries in flight (the same `inFlightKey`, made by the caller
 * for queries only; null for anything else) share one subgraph request; each caller still parses
 * its own copy, as the gateway writes into what it gets.
 */
function senderFor(send: Send): (headers: Record<string, string>, body: string, key: string | null) => Promise<SubgraphAnswer> {
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();
  return (headers, body, key) => {
    if (key === null) return send(headers, body);
    let answer = inFlight.get(key);
    if (!answer) {
      answer = send(headers, body).finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
    }
    return answer;
  };
}

export function createGateway(options: {
  subgraphUrls: Map<string, string>;
  logger: Logger;
  internalSecret: Buffer;
  supergraphSdl?: string;
  /** Subgraph answers kept until their subgraph changes; none when unset. */
  subgraphAnswers?: SubgraphAnswers | null;
  /** Subgraphs served by this process, called without a socket; the others over HTTP. */
  inProcessSubgraphs?: ReadonlyMap<string, InProcessHandler>;
}) {
  // Apollo Gateway otherwise reports the host (uptime, CPUs, memory, cloud provider, after probing
  // cloud metadata endpoints) to Apollo's servers every few minutes: the platform sends nothing to
  // third parties unless its operator asks for it (APOLLO_TELEMETRY_DISABLED=false).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    // Composition validated it when it was made (`npm run compose`, checked against the subgraphs
    // by the schema drift test): validating it again took about a second of every start.
    validateSupergraph: false,
    logger: options.logger,
    buildService({ name }) {
      const url = options.subgraphUrls.get(name);
      if (!url) throw new Error(`No URL for subgraph "${name}"`);
      return new SubgraphDataSource(url, name, options.internalSecret, options.subgraphAnswers ?? null, options.inProcessSubgraphs?.get(name));
    },
  });
}
