import { defaultFieldResolver, getNamedType, isNonNullType, isObjectType, isScalarType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
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
 * Only fields that take arguments are wrapped: text reaches a subgraph through arguments alone.
 */
export function refuseUnstorableText(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const path = nulPath(args, []);
        if (!path) return resolve(source, args, context, info);
        const named = getNamedType(info.returnType);
        if (isObjectType(named) && named.getFields().userErrors) return payloadOf(info.returnType, path);
        throw badUserInput(MESSAGE, path[0]);
      };
    }
  }
  return schema;
}
