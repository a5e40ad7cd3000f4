/** The error and what it wraps (drizzle's `cause`, PGlite's `originalError`), outermost first. */
function* errorChain(error: unknown): Generator<{ code?: unknown; constraint?: unknown; constraint_name?: unknown }> {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    yield current as { code?: unknown };
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
}

/** The first error along the chain that carries a code (a Postgres SQLSTATE or a driver code). */
function postgresError(error: unknown): { code: string; constraint?: unknown; constraint_name?: unknown } | null {
  for (const link of errorChain(error)) if (typeof link.code === 'string') return link as { code: string };
  return null;
}

/** A unique constraint (or unique index) refused the write, e.g. a lost race for an "at most one" rule. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  if (pg?.code !== '23505') return false;
  return constraint === undefined || pg.constraint === constraint || pg.constraint_name === constraint;
}

/** The table does not exist (yet): another subgraph's log before its first migration ran. */
export function isUndefinedTable(error: unknown): boolean {
  return postgresError(error)?.code === '42P01';
}

/** postgres.js codes of a connection that failed, closed or timed out (not a statement's error). */
const driverConnectionCodes = new Set([
  'DATABASE_UNAVAILABLE',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The database cannot be reached or is restarting: a connection error of the driver, SQLSTATE
 * class 08 (connection exception), 57P01-57P03 (shut down, crashed, not accepting connections
 * yet) or 53300 (too many connections). The request may succeed when retried shortly.
 */
export function isUnavailable(error: unknown): boolean {
  for (const { code } of errorChain(error)) {
    if (typeof code === 'string' && (driverConnectionCodes.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')) return true;
  }
  return false;
}
