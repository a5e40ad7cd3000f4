import { resolve } from 'node:path';

/**
 * Configuration from the environment. The names are part of the platform's contract (see the
 * README's configuration table); nothing else reads `process.env`.
 */
export interface PlatformConfig {
  port: number;
  host: string;
  /** Serve `/metrics` on this port only (bound to the process's host), not on the public one; null: on `port`. */
  metricsPort: number | null;
  publicUrl: string;
  /** Absent: embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  logLevel: string;
  platformAdminEmail: string | null;
  platformAdminPassword: string | null;
  /** Lifetime of the access tokens Accounts signs (at most 15 minutes). */
  tokenTtlSeconds: number;
  /** PEM (PKCS#8 Ed25519) that Accounts signs tokens with; absent: read or made under `dataDir`. */
  jwtPrivateKey: string | null;
  jwtPrivateKeyFile: string | null;
  /** PEM (SPKI) that every service verifies tokens with; absent: derived from the private key. */
  jwtPublicKey: string | null;
  jwtPublicKeyFile: string | null;
  /** Largest accepted GraphQL request body. */
  maxRequestBytes: number;
  /** Largest mini program package accepted by a staged upload. */
  maxPackageBytes: number;
  /** How long a staged upload's URL accepts the bytes. */
  uploadUrlTtlSeconds: number;
  /** Bytes of unused uploads (declared or received, not yet used) one account may hold. */
  uploadQuotaBytes: number;
  /** Serve the GraphQL IDE at GET /graphql (and introspection); off by default in production. */
  playground: boolean;
  /** Subscriptions one WebSocket connection may hold. */
  subscriptionsPerConnection: number;
  /** Subscriptions one gateway process holds at most. */
  maxSubscriptions: number;
  /** Subscriptions one account holds in one gateway process, across all its connections. */
  subscriptionsPerAccount: number;
  /** Bytes a subscriber's socket may have waiting to be sent before it is dropped as too slow. */
  wsMaxBufferedBytes: number;
  /** Milliseconds between WebSocket keep-alive pings. */
  wsKeepAliveMs: number;
  /** How often event consumers poll when no notification arrives (a safety net for NOTIFY). */
  eventPollIntervalMs: number;
  /** Memory the query answers the gateway keeps (until what they were read from changes) may take; 0: none kept. */
  responseCacheBytes: number;
  /** Seconds a kept answer is given back at most, even when nothing it was read from changed. */
  responseCacheMaxAgeSeconds: number;
  /** Memory the subgraph answers the gateway keeps (until that subgraph changes) may take; 0: none kept. */
  subgraphCacheBytes: number;
  /**
   * How the gateway of the embedded and Postgres modes reaches the subgraphs of its own process:
   * `in-process` (a call, no socket) or `http` (their loopback ports, as in the distributed mode).
   */
  subgraphTransport: SubgraphTransport;

  // Abuse limits, enforced by the gateway (README "Limits").
  /** Browser origins allowed to call the API cross-origin (CORS); none by default. */
  corsOrigins: string[];
  /** Largest requested cost of one operation. */
  maxQueryCost: number;
  /** Deepest selection nesting of an operation. */
  maxQueryDepth: number;
  /** Aliases in one operation. */
  maxQueryAliases: number;
  /** Root fields in one operation. */
  maxRootFields: number;
  /** Lexical tokens in one document; counted while parsing, so a huge document stops early. */
  maxQueryTokens: number;
  /** Directives in one operation. */
  maxQueryDirectives: number;
  /** Leaky bucket of cost points per account (per IP when anonymous); 0 turns it off. */
  rateLimitPoints: number;
  rateLimitRestorePerSecond: number;
  /** Failed sign-ins allowed per email and per client IP in `signInFailureWindowSeconds`. */
  signInFailuresPerEmail: number;
  signInFailuresPerIp: number;
  signInFailureWindowSeconds: number;
  /** The gateway runs only the documents of `persisted-documents.json`, by hash: no other document, none registered. */
  persistedDocumentsOnly: boolean;

  // Trust between services and sessions.
  /** Interface a subgraph listens on (`HOST`, default loopback: only the gateway should reach it). */
  subgraphHost: string;
  /** Lifetime of a refresh token; each refresh gives a new one. */
  refreshTokenTtlSeconds: number;
  /** The secret the gateway signs its requests to subgraphs with; absent: read or made under `dataDir`. */
  internalSecret: string | null;
  internalSecretFile: string | null;

  // Webhooks
  /** Delays before each retry of a webhook delivery; its length + 1 is the number of attempts. */
  webhookRetryDelaysMs: number[];
  /** Allow webhook URLs to loopback and private addresses, and `http://` (tests, local development). */
  webhookAllowPrivateUrls: boolean;
  /** How long a receiver has to answer a delivery. */
  webhookTimeoutMs: number;
  /** An endpoint whose deliveries fail this long without a success is disabled. */
  webhookDisableAfterMs: number;
  /** Deliveries one process sends at once (0: this process sends none, e.g. an API-only replica). */
  webhookWorkerConcurrency: number;
}

type Env = Record<string, string | undefined>;

function integerList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new Error(`${name} must be a comma-separated list of integers ≥ 0, got "${raw}"`);
  }
  return values;
}

function integer(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new Error(`${name} must be an integer ${range}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function text(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

export type SubgraphTransport = 'in-process' | 'http';

/**
 * With a Postgres server, calls within the process save the loopback round trips (a tenth of a
 * dashboard's CPU, a dozen milliseconds of an event's delivery). PGlite answers on the process's
 * own thread without yielding: the socket hop is then where identical requests of concurrent
 * callers meet and share one fetch, which a busy process gains more from than the hop costs.
 */
function subgraphTransport(env: Env, databaseUrl: string | null): SubgraphTransport {
  const raw = text(env, 'SUBGRAPH_TRANSPORT');
  if (raw === null) return databaseUrl ? 'in-process' : 'http';
  if (raw === 'in-process' || raw === 'http') return raw;
  throw new Error(`SUBGRAPH_TRANSPORT must be in-process or http, got "${raw}"`);
}

export function loadConfig(env: Env = process.env, defaults: { port?: number } = {}): PlatformConfig {
  const port = integer(env, 'PORT', defaults.port ?? 4000);
  return {
    port,
    host: text(env, 'HOST') ?? '0.0.0.0',
    metricsPort: text(env, 'METRICS_PORT') === null ? null : integer(env, 'METRICS_PORT', 0, 1, 65_535),
    publicUrl: (text(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: text(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1),
    dataDir: resolve(text(env, 'DATA_DIR') ?? '.data'),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
    platformAdminEmail: text(env, 'PLATFORM_ADMIN_EMAIL'),
    platformAdminPassword: text(env, 'PLATFORM_ADMIN_PASSWORD'),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 900, 1, 900),
    jwtPrivateKey: text(env, 'JWT_PRIVATE_KEY'),
    jwtPrivateKeyFile: text(env, 'JWT_PRIVATE_KEY_FILE'),
    jwtPublicKey: text(env, 'JWT_PUBLIC_KEY'),
    jwtPublicKeyFile: text(env, 'JWT_PUBLIC_KEY_FILE'),
    maxRequestBytes: integer(env, 'MAX_REQUEST_BYTES', 1024 * 1024, 1024),
    eventPollIntervalMs: integer(env, 'EVENT_POLL_INTERVAL_MS', 5000, 10),
    responseCacheBytes: integer(env, 'RESPONSE_CACHE_BYTES', 64 * 1024 * 1024, 0),
    responseCacheMaxAgeSeconds: integer(env, 'RESPONSE_CACHE_MAX_AGE_SECONDS', 30, 1),
    subgraphCacheBytes: integer(env, 'SUBGRAPH_CACHE_BYTES', 16 * 1024 * 1024, 0),
    subgraphTransport: subgraphTransport(env, text(env, 'DATABASE_URL')),
    playground: flag(env, 'PLAYGROUND', env.NODE_ENV !== 'production'),
    subscriptionsPerConnection: integer(env, 'SUBSCRIPTIONS_PER_CONNECTION', 20, 1),
    maxSubscriptions: integer(env, 'MAX_SUBSCRIPTIONS', 10_000, 1),
    subscriptionsPerAccount: integer(env, 'SUBSCRIPTIONS_PER_ACCOUNT', 100, 1),
    wsMaxBufferedBytes: integer(env, 'WS_MAX_BUFFERED_BYTES', 4 * 1024 * 1024, 1024),
    wsKeepAliveMs: integer(env, 'WS_KEEPALIVE_MS', 12_000, 100),
    maxPackageBytes: integer(env, 'MAX_PACKAGE_BYTES', 20 * 1024 * 1024, 1),
    uploadUrlTtlSeconds: integer(env, 'UPLOAD_URL_TTL_SECONDS', 15 * 60, 1),
    uploadQuotaBytes: integer(env, 'UPLOAD_QUOTA_BYTES', 100 * 1024 * 1024, 1),

    corsOrigins: (text(env, 'CORS_ORIGINS') ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 1000, 1),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1),
    maxQueryAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0),
    maxRootFields: integer(env, 'MAX_ROOT_FIELDS', 20, 1),
    maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 2000, 10),
    maxQueryDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 30, 0),
    rateLimitPoints: integer(env, 'RATE_LIMIT_POINTS', 1000, 0),
    rateLimitRestorePerSecond: integer(env, 'RATE_LIMIT_RESTORE_PER_SECOND', 50, 1),
    signInFailuresPerEmail: integer(env, 'SIGN_IN_FAILURES_PER_EMAIL', 10, 1),
    signInFailuresPerIp: integer(env, 'SIGN_IN_FAILURES_PER_IP', 100, 1),
    signInFailureWindowSeconds: integer(env, 'SIGN_IN_FAILURE_WINDOW_SECONDS', 15 * 60, 1),
    persistedDocumentsOnly: flag(env, 'PERSISTED_DOCUMENTS_ONLY', false),

    subgraphHost: text(env, 'HOST') ?? '127.0.0.1',
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60),
    internalSecret: text(env, 'INTERNAL_SECRET'),
    internalSecretFile: text(env, 'INTERNAL_SECRET_FILE'),

    // Webhooks
    webhookRetryDelaysMs: integerList(env, 'WEBHOOK_RETRY_DELAYS_MS', [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000]),
    webhookAllowPrivateUrls: flag(env, 'WEBHOOK_ALLOW_PRIVATE_URLS', false),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 100),
    webhookDisableAfterMs: integer(env, 'WEBHOOK_DISABLE_AFTER_MS', 3 * 24 * 3600 * 1000, 0),
    webhookWorkerConcurrency: integer(env, 'WEBHOOK_WORKER_CONCURRENCY', 16, 0),
  };
}

/** URL of a subgraph for the gateway in the distributed mode, e.g. `ACCOUNTS_URL`. */
export function subgraphUrlVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/-/g, '_')}_URL`;
}
