import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '@mpp/kit';
import { INTERNAL_CREDENTIAL_HEADER, REQUEST_ID_HEADER, signInternalRequest } from '@mpp/kit';
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';
import { schemaFolder } from './compose.js';

/** What the gateway forwards to subgraphs from a client's request. */
export interface GatewayContext {
  requestId: string;
  authorization: string | null;
}

/** A subgraph answering slower than this fails its part of the query instead of holding it. */
const SUBGRAPH_TIMEOUT_MS = 10_000;

/** The committed supergraph: the gateway never introspects subgraphs at run time. */
export function readSupergraph(): string {
  return readFileSync(join(schemaFolder, 'supergraph.graphql'), 'utf8');
}

/**
 * Forwards the caller's `Authorization` (each subgraph verifies the token itself) and the request
 * id, and signs the request with the gateway's internal credential: subgraphs answer nothing else.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly path: string;

  constructor(
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { url: string },
    private readonly internalSecret: Buffer,
  ) {
    super(options);
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const authorization = context?.authorization ?? null;
    if (authorization) headers.set('authorization', authorization);
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    headers.set(INTERNAL_CREDENTIAL_HEADER, signInternalRequest(this.internalSecret, { method: 'POST', path: this.path, authorization }));
  }
}

/** Keep-alive connections to the subgraphs, pooled per origin. */
const subgraphAgent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });

/**
 * What the gateway's data sources fetch with: undici's request API over the keep-alive pool
 * (leaner than `fetch` on this hot path), with a deadline. A subgraph that cannot be reached
 * (down, refusing, too slow) becomes a clear SERVICE_UNAVAILABLE error on the fields it owns,
 * while the rest of the response is still served.
 */
function fetcherFor(subgraph: string): RemoteGraphQLDataSource['fetcher'] {
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    try {
      const answer = await request(url, {
        method: (init.method ?? 'POST') as 'POST',
        headers: init.headers,
        body: init.body,
        dispatcher: subgraphAgent,
        headersTimeout: SUBGRAPH_TIMEOUT_MS,
        bodyTimeout: SUBGRAPH_TIMEOUT_MS,
      });
      const text = await answer.body.text();
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
      }
      return {
        ok: answer.statusCode >= 200 && answer.statusCode < 300,
        status: answer.statusCode,
        statusText: '',
        url,
        headers,
        text: async () => text,
        json: async () => JSON.parse(text) as unknown,
      };
    } catch (error) {
      throw new GraphQLError(`The ${subgraph} service is unavailable; try again shortly.`, {
        originalError: error as Error,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  }) as unknown as RemoteGraphQLDataSource['fetcher'];
}

export function createGateway(options: { subgraphUrls: Map<string, string>; logger: Logger; internalSecret: Buffer; supergraphSdl?: string }) {
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    logger: options.logger,
    buildService({ name }) {
      const url = options.subgraphUrls.get(name);
      if (!url) throw new Error(`No URL for subgraph "${name}"`);
      return new SubgraphDataSource({ url, fetcher: fetcherFor(name) }, options.internalSecret);
    },
  });
}
