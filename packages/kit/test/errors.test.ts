import { GraphQLError } from 'graphql';
import { expect, it } from 'vitest';
import { forbidden, maskUnexpectedErrors, mutationPayload, UserErrorCode, fail } from '../src/index.js';

it('masks unexpected errors and reports them, keeping deliberate ones', () => {
  const reported: unknown[] = [];
  const format = maskUnexpectedErrors((error) => reported.push(error));
  const sqlError = new Error('relation "accounts.secret" does not exist');
  const masked = format({ message: sqlError.message, path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, sqlError);
  expect(masked).toEqual({ message: 'Internal server error', path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(reported).toEqual([sqlError]);

  const denied = forbidden('no');
  expect(format({ message: 'no', extensions: { code: 'FORBIDDEN', stacktrace: ['at y'] } }, denied)).toEqual({
    message: 'no',
    extensions: { code: 'FORBIDDEN' },
  });
  expect(reported).toHaveLength(1);
});

it('turns user errors into a payload and lets other errors through', async () => {
  await expect(mutationPayload('thing', async () => fail(UserErrorCode.INVALID, 'bad name', 'name'))).resolves.toEqual({
    thing: null,
    userErrors: [{ code: 'INVALID', message: 'bad name', field: ['input', 'name'] }],
  });
  await expect(mutationPayload('thing', async () => 42)).resolves.toEqual({ thing: 42, userErrors: [] });
  await expect(mutationPayload('thing', async () => { throw new GraphQLError('x'); })).rejects.toThrow('x');
});
