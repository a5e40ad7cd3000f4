import { resolve } from 'node:path';

/**
 * Configuration from the environment. The names are part of the platform's contract (see the
 * README's configuration table); nothing else reads `process.env`.
 */
export interface PlatformConfig {
  port: number;
  host: string;
  publicUrl: string;
  /** Absent: embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  logLevel: string;
  platformAdminEmail: string | null;
  platformAdminPassword: string | null;
  /** Lifetime of the tokens Accounts signs. */
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
  /** Milliseconds between WebSocket keep-alive pings. */
  wsKeepAliveMs: number;
  /** How often event consumers poll when no notification arrives (a safety net for NOTIFY). */
  eventPollIntervalMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
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

export function loadConfig(env: Env = process.env, defaults: { port?: number } = {}): PlatformConfig {
  const port = integer(env, 'PORT', defaults.port ?? 4000);
  return {
    port,
    host: text(env, 'HOST') ?? '0.0.0.0',
    publicUrl: (text(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: text(env, 'DATABASE_URL'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1),
    dataDir: resolve(text(env, 'DATA_DIR') ?? '.data'),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
    platformAdminEmail: text(env, 'PLATFORM_ADMIN_EMAIL'),
    platformAdminPassword: text(env, 'PLATFORM_ADMIN_PASSWORD'),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 1),
    jwtPrivateKey: text(env, 'JWT_PRIVATE_KEY'),
    jwtPrivateKeyFile: text(env, 'JWT_PRIVATE_KEY_FILE'),
    jwtPublicKey: text(env, 'JWT_PUBLIC_KEY'),
    jwtPublicKeyFile: text(env, 'JWT_PUBLIC_KEY_FILE'),
    maxRequestBytes: integer(env, 'MAX_REQUEST_BYTES', 1024 * 1024, 1024),
    eventPollIntervalMs: integer(env, 'EVENT_POLL_INTERVAL_MS', 5000, 10),
    playground: flag(env, 'PLAYGROUND', env.NODE_ENV !== 'production'),
    subscriptionsPerConnection: integer(env, 'SUBSCRIPTIONS_PER_CONNECTION', 20, 1),
    maxSubscriptions: integer(env, 'MAX_SUBSCRIPTIONS', 10_000, 1),
    wsKeepAliveMs: integer(env, 'WS_KEEPALIVE_MS', 12_000, 100),
    maxPackageBytes: integer(env, 'MAX_PACKAGE_BYTES', 20 * 1024 * 1024, 1),
    uploadUrlTtlSeconds: integer(env, 'UPLOAD_URL_TTL_SECONDS', 15 * 60, 1),
    uploadQuotaBytes: integer(env, 'UPLOAD_QUOTA_BYTES', 100 * 1024 * 1024, 1),
  };
}

/** URL of a subgraph for the gateway in the distributed mode, e.g. `ACCOUNTS_URL`. */
export function subgraphUrlVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/-/g, '_')}_URL`;
}
