import { GraphQLRequestError } from '@mpp/client';
import { expect } from 'vitest';

/** The shape of one `UserError` in a payload: `field` is the path under `input`, or null. */
export function userError(code: string, field: string | null = null) {
  return { code, field: field === null ? null : ['input', field], message: expect.any(String) as string };
}

/**
 * Awaits a request that must be refused with a GraphQL error (not a user error) and returns that
 * error, after checking its `extensions.code`.
 */
export async function expectGraphQLError(request: Promise<unknown>, code: string): Promise<GraphQLRequestError> {
  const outcome = await request.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome, `expected a GraphQL error with code ${code}`).toBeInstanceOf(GraphQLRequestError);
  const error = outcome as GraphQLRequestError;
  expect(error.code, error.message).toBe(code);
  return error;
}
