/**
 * Postgres `text` cannot hold U+0000: a value containing it would fail in the database as an
 * internal error, so services refuse it up front as the client's mistake (INVALID on that field).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000');
}

export const UNSTORABLE_TEXT = 'must not contain the NUL character (U+0000)';
