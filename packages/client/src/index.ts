import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { RefreshSessionDocument } from './generated/graphql.js';
import { persistedDocumentOf, persistedQueryExtensions, persistedQueryNotFound, type PersistedDocument } from './persisted.js';

export * from './generated/graphql.js';

/** A session's credentials: the access token and the refresh token that renews it. */
export interface SessionTokens {
  token: string;
  refreshToken: string;
}

/** Operations without variables may omit them. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface PlatformClientOptions {
  /** The gateway's `/graphql` URL (http or https; WebSockets use the same path). */
  url: string;
  /** Bearer token from `signUp`/`signIn`. */
  token?: string | null;
  /**
   * The refresh token given with it: the client then renews the token by itself, before it
   * expires and when the gateway answers 401, and retries the request once.
   */
  refreshToken?: string | null;
  /** Called with each new pair (store them: the old refresh token no longer works). */
  onTokens?: (tokens: SessionTokens) => void;
  /**
   * Called once when the gateway refuses the refresh token (the session was signed out, ended by a
   * password change or a reused refresh token, or left unused too long): the client forgets it and
   * stops renewing; sign in again. Forget the stored pair here.
   */
  onSessionEnded?: (error: GraphQLRequestError) => void;
  /** Extra HTTP headers (a request id, say). */
  headers?: Record<string, string>;
  /** A WebSocket implementation where the runtime has none (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
  fetch?: typeof fetch;
  /** Reconnection attempts of the WebSocket after it drops (graphql-ws's default: 5). */
  retryAttempts?: number;
  /**
   * Send the client's operations by their persisted hash (`persisted-documents.json`) instead of
   * their text; when a gateway does not know a hash it is sent again with the text (APQ). Needed
   * where the gateway runs persisted documents only.
   */
  persistedDocuments?: boolean;
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
  private currentToken: string | null;
  private currentRefreshToken: string | null;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly options: PlatformClientOptions) {
    this.currentToken = options.token ?? null;
    this.currentRefreshToken = options.refreshToken ?? null;
  }

  /** The same client acting as another account (without this one's refresh token). */
  withToken(token: string | null, refreshToken: string | null = null): PlatformClient {
    return new PlatformClient({ ...this.options, token, refreshToken });
  }

  /** The access token sent now (a renewed one after a refresh). */
  get token(): string | null {
    return this.currentToken;
  }

  get refreshToken(): string | null {
    return this.currentRefreshToken;
  }

  /** The whole response: data and errors as the gateway sent them. */
  async request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Promise<HttpResult<TData>> {
    if (this.currentRefreshToken && this.currentToken && expiresSoon(this.currentToken)) await this.refresh();
    const sentToken = this.currentToken;
    const result = await this.send(document, variables, sentToken);
    // 401: the gateway refused the token before running anything, so the retry is safe.
    if (result.status === 401 && sentToken && this.currentRefreshToken) {
      if (this.currentToken !== sentToken || (await this.refresh())) return this.send(document, variables, this.currentToken);
    }
    return result;
  }

  /**
   * Exchanges the refresh token for a new pair (one exchange at a time, shared by concurrent
   * callers). False when the session cannot go on: sign in again. A refused refresh token is
   * dropped (and `onSessionEnded` called), so it is never sent again; any other failure (the
   * network, an unavailable gateway) keeps it for the next attempt.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const refreshToken = this.currentRefreshToken;
      if (!refreshToken) return false;
      const result = await this.send(RefreshSessionDocument, { input: { refreshToken } }, null);
      const payload = result.data?.refreshSession;
      if (payload?.token && payload.refreshToken) {
        this.currentToken = payload.token;
        this.currentRefreshToken = payload.refreshToken;
        this.options.onTokens?.({ token: payload.token, refreshToken: payload.refreshToken });
        return true;
      }
      if (isRefused(result)) {
        this.currentRefreshToken = null;
        this.options.onSessionEnded?.(new GraphQLRequestError(result.errors ?? [], result.status));
      }
      return false;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async send<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables | undefined,
    token: string | null,
  ): Promise<HttpResult<TData>> {
    const persisted = this.options.persistedDocuments ? persistedDocumentOf(document) : null;
    if (!persisted) return this.post(document, variables, token, print(document), null);
    const byHash = await this.post(document, variables, token, undefined, persisted);
    return persistedQueryNotFound(byHash) ? this.post(document, variables, token, persisted.text, persisted) : byHash;
  }

  private async post<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables | undefined,
    token: string | null,
    query: string | undefined,
    persisted: PersistedDocument | null,
  ): Promise<HttpResult<TData>> {
    const response = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...this.options.headers,
      },
      body: JSON.stringify({
        query,
        variables: variables ?? {},
        operationName: getOperationAST(document)?.name?.value,
        ...(persisted ? { extensions: persistedQueryExtensions(persisted) } : {}),
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
    // Sent once per subscription: with its hash and text together, nothing to fall back from.
    const persisted = this.options.persistedDocuments ? persistedDocumentOf(document) : null;
    return this.socket().iterate<TData>({
      query: persisted?.text ?? print(document),
      variables: (variables ?? {}) as Record<string, unknown>,
      ...(persisted ? { extensions: persistedQueryExtensions(persisted) } : {}),
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
      // Read at each (re)connection: a renewed token is used from then on.
      connectionParams: async () => {
        if (this.currentRefreshToken && this.currentToken && expiresSoon(this.currentToken)) await this.refresh();
        return this.currentToken ? { authorization: `Bearer ${this.currentToken}` } : {};
      },
    });
    return this.ws;
  }
}

/** Whether the gateway refused the credentials themselves (not a passing failure worth a retry). */
function isRefused(result: HttpResult<unknown>): boolean {
  return result.status === 401 || (result.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED');
}

/** Whether a JWT expires within `marginMs` (unreadable tokens are left to the server to judge). */
function expiresSoon(token: string, marginMs = 10_000): boolean {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp } = JSON.parse(json) as { exp?: number };
    return typeof exp === 'number' && exp * 1000 - marginMs <= Date.now();
  } catch {
    return false;
  }
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return new PlatformClient(options);
}
