import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Whether a value of `type` may hold an optional input field (somewhere inside it). */
function holdsOptionalFields(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const inner = getNullableType(type);
  if (isListType(inner)) return holdsOptionalFields(inner.ofType, seen);
  if (!isInputObjectType(inner) || seen.has(inner.name)) return false;
  seen.add(inner.name);
  return Object.values(inner.getFields()).some((field) => !isNonNullType(field.type) || holdsOptionalFields(field.type, seen));
}

/** `value` with every optional input field that was left out set to null, at every depth. */
function withNulls(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const inner = getNullableType(type);
  if (isListType(inner)) return Array.isArray(value) ? value.map((item) => withNulls(item, inner.ofType)) : withNulls(value, inner.ofType);
  if (!isInputObjectType(inner)) return value;
  const source = value as Record<string, unknown>;
  const filled: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(inner.getFields())) filled[name] = name in source ? withNulls(source[name], field.type) : null;
  return filled;
}

/**
 * graphql-js leaves an omitted argument (or input field) without a default out of `args`, so a
 * resolver typed `string | null` sees `undefined`, and a `page !== null` check lets it through.
 * Every subgraph fills them in as null once, here, before type-graphql builds its arguments: an
 * omitted optional argument means the same as an explicit null everywhere.
 */
export function nullOmittedArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const optional: GraphQLArgument[] = field.args.filter((arg) => !isNonNullType(arg.type) || holdsOptionalFields(arg.type));
      if (optional.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const filled = { ...args };
        for (const arg of optional) filled[arg.name] = arg.name in args ? withNulls(args[arg.name], arg.type) : null;
        return resolve(source, filled, context, info);
      };
    }
  }
  return schema;
}
