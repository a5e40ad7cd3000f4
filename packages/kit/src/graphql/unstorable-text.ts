import { getNamedType, isNonNullType, isObjectType, isScalarType, type GraphQLOutputType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { badUserInput, UserErrorCode } from './errors.js';

const MESSAGE = 'Text may not contain the NUL character (U+0000).';

/** The path of the first string containing U+0000 in a resolver's arguments, if any. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A payload with only the user error: nullable fields null, non-null numbers 0. */
function payloadOf(type: GraphQLOutputType, field: string[]) {
  const payload: Record<string, unknown> = { userErrors: [{ code: UserErrorCode.INVALID, message: MESSAGE, field }] };
  const named = getNamedType(type);
  if (isObjectType(named)) {
    for (const [name, definition] of Object.entries(named.getFields())) {
      if (name === 'userErrors') continue;
      payload[name] = isNonNullType(definition.type) && isScalarType(getNamedType(definition.type)) ? 0 : null;
    }
  }
  return payload;
}

/**
 * Postgres cannot store U+0000 in text, so every subgraph refuses it before a resolver runs: as
 * an INVALID user error on that input field for a mutation payload, as BAD_USER_INPUT otherwise.
 */
export const refuseUnstorableText: MiddlewareFn = async ({ args, info }, next) => {
  const path = nulPath(args, []);
  if (!path) return next();
  const named = getNamedType(info.returnType);
  if (isObjectType(named) && named.getFields().userErrors) return payloadOf(info.returnType, path);
  throw badUserInput(MESSAGE, path[0]);
};
