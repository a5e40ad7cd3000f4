import { GraphQLDateTime } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/** `DateTime`: UTC ISO-8601 on the wire (e.g. 2026-11-21T09:30:00.000Z), a JS `Date` in resolvers. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  description: 'A date-time in UTC, ISO-8601 with milliseconds, e.g. 2026-11-21T09:30:00.000Z.',
});
