import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

export * from './generated/graphql.js';

/** Operations without variables may omit them. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface PlatformClientOptions {
  /** The gateway's `/graphql` URL (http or https; WebSockets use the same path). */
  url: string;
  /** Bearer token from `signUp`/`signIn`. */
  token?: string | null;
  /** Extra HTTP headers (a request id, say). */
  headers?: Record<string, string>;
  /** A WebSocket implementation where the runtime has none (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
  fetch?: typeof fetch;
  /** Reconnection attempts of the WebSocket after it drops (graphql-ws's default: 5). */
  retryAttempts?: number;
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.message} [${String(e.extensions?.code ?? 'UNKNOWN')}]`).join('; '));
    this.name = 'GraphQLRequestError';
  }

  /** The `extensions.code` of the first error. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code as string | undefined;
  }
}

export interface HttpResult<TData> extends ExecutionResult<TData> {
  /** The HTTP status the gateway answered with. */
  status: number;
}

/**
 * A small typed client of the platform graph: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same URL.
 */
export class PlatformClient {
  private ws: Client | null = null;

  constructor(private readonly options: PlatformClientOptions) {}

  /** The same client acting as another account. */
  withToken(token: string | null): PlatformClient {
    return new PlatformClient({ ...this.options, token });
  }

  get token(): string | null {
    return this.options.token ?? null;
  }

  /** The whole response: data and errors as the gateway sent them. */
  async request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Promise<HttpResult<TData>> {
    const response = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        ...this.options.headers,
      },
      body: JSON.stringify({
        query: print(document),
        variables: variables ?? {},
        operationName: getOperationAST(document)?.name?.value,
      }),
    });
    const body = (await response.json()) as ExecutionResult<TData>;
    return { ...body, status: response.status };
  }

  /** The data of a successful response; a `GraphQLRequestError` when the response has errors. */
  async execute<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...variables: VariablesArg<TVariables>
  ): Promise<TData> {
    const result = await this.request(document, ...variables);
    if (result.errors?.length || !result.data) throw new GraphQLRequestError(result.errors ?? [], result.status);
    return result.data;
  }

  /** Each event of a subscription, until the returned iterator is closed (`break` or `return()`). */
  subscribe<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): AsyncIterableIterator<ExecutionResult<TData>> {
    return this.socket().iterate<TData>({
      query: print(document),
      variables: (variables ?? {}) as Record<string, unknown>,
    }) as AsyncIterableIterator<ExecutionResult<TData>>;
  }

  /** Closes the WebSocket, if one was opened. */
  async close(): Promise<void> {
    await this.ws?.dispose();
    this.ws = null;
  }

  private socket(): Client {
    this.ws ??= createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: this.options.webSocketImpl,
      lazy: true,
      ...(this.options.retryAttempts === undefined ? {} : { retryAttempts: this.options.retryAttempts }),
      connectionParams: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
    });
    return this.ws;
  }
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return new PlatformClient(options);
}
