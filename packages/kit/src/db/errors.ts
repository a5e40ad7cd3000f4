/** The Postgres error behind a driver or drizzle error (drizzle wraps driver errors in `cause`). */
function postgresError(error: unknown): { code?: string; constraint?: string; constraint_name?: string } | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof (current as { code: unknown }).code === 'string') {
      return current as { code: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
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
