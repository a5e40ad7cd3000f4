import { GraphQLError } from 'graphql';
import { expect, it } from 'vitest';
import { DatabaseUnavailableError, isDriverSocketFault, isUnavailable, maskUnexpectedErrors } from '../src/index.js';

/** An error as postgres.js or Postgres makes it: a code on the error (drizzle wraps it in `cause`). */
const coded = (code: string) => Object.assign(new Error(code), { code });

it('knows the errors of a database that cannot be reached, through drizzle and GraphQL wrappers', () => {
  for (const code of ['CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', 'DATABASE_UNAVAILABLE']) {
    expect(isUnavailable(coded(code)), code).toBe(true);
  }
  const wrapped = new GraphQLError('Failed query', { originalError: new Error('Failed query: select 1', { cause: coded('57P01') }) });
  expect(isUnavailable(wrapped)).toBe(true);
  expect(isUnavailable(new DatabaseUnavailableError(coded('ECONNREFUSED')))).toBe(true);
  // Errors of the statement itself are not an outage.
  for (const code of ['23505', '42P01', '57014', '40001']) expect(isUnavailable(coded(code)), code).toBe(false);
  expect(isUnavailable(new Error('PGlite is closed'))).toBe(false);
});

it('answers SERVICE_UNAVAILABLE, without internals and without an error report, when the database is down', () => {
  const reported: unknown[] = [];
  const format = maskUnexpectedErrors((error) => reported.push(error));
  const down = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', { originalError: coded('ECONNREFUSED') });
  expect(format({ message: down.message, path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, down)).toEqual({
    message: 'The service is temporarily unavailable; try again shortly.',
    path: ['viewer'],
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
  expect(reported).toEqual([]);
});

it('recognizes only the postgres.js write-after-close fault as survivable', () => {
  const fault = new TypeError("Cannot read properties of null (reading 'write')");
  fault.stack = `${fault.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:485:21)`;
  expect(isDriverSocketFault(fault)).toBe(true);

  const elsewhere = new TypeError("Cannot read properties of null (reading 'write')");
  elsewhere.stack = `${elsewhere.message}\n    at flush (file:///app/src/log.js:10:3)`;
  expect(isDriverSocketFault(elsewhere)).toBe(false);
  expect(isDriverSocketFault(new Error('nextWrite postgres/src/connection.js'))).toBe(false);
});
