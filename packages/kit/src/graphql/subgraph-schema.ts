import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { getDocumentNodeFromSchema } from '@graphql-tools/utils';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { DateTimeScalar } from './scalars.js';
import { nullOmittedArguments } from './omitted-arguments.js';
import { refuseUnstorableText } from './unstorable-text.js';

/** The one Federation version every subgraph links; composition and the gateway follow it. */
export const FEDERATION_VERSION = 'v2.11';

const federationImports = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible'];

export interface SubgraphSchemaOptions {
  /** type-graphql resolver classes. */
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through federation (entities resolved by reference). */
  orphanedTypes?: Function[];
  /** `__resolveReference` and other resolvers that type-graphql does not model. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
  /** Required by type-graphql when the schema declares subscriptions. */
  pubSub?: PubSub;
}

/**
 * What the root types say in the composed schema. type-graphql has no decorator for them, and every
 * subgraph prints the same text, so composition sees one description.
 */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query:
    'Reads. Send `Authorization: Bearer <token>` (from `signIn`); each field says who may call it. Not signed in is an ' +
    '`UNAUTHENTICATED` error, a right the caller lacks `FORBIDDEN`, and a thing the caller may not see is null.',
  Mutation:
    "Changes. Expected failures come back in the payload's `userErrors` (codes in `UserErrorCode`) with its other fields null; " +
    'not signed in is an `UNAUTHENTICATED` error and a role the caller lacks `FORBIDDEN`. Each mutation costs 10 points of the rate limit.',
  Subscription:
    'Live events over graphql-ws on `/graphql`, authenticated once with `connectionParams.authorization`. Only members of ' +
    'the workspace named in the arguments may subscribe (`FORBIDDEN` otherwise).',
} as const;

/**
 * The type definitions of a subgraph: type-graphql classes with their federation directives. Handed
 * to `buildSubgraphSchema` as a document: printing them as SDL only to parse it again cost every start.
 */
function subgraphTypeDefs(options: SubgraphSchemaOptions): { typeDefs: DocumentNode; schema: GraphQLSchema } {
  const schema = buildSchemaSync({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    ...(options.pubSub ? { pubSub: options.pubSub } : {}),
    // Entities without root fields are legal in a subgraph.
    skipCheck: true,
  });
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_TYPE_DESCRIPTIONS[root.name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  const link = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(federationImports)})`);
  const types = getDocumentNodeFromSchema(schema);
  return { typeDefs: { ...types, definitions: [...link.definitions, ...types.definitions] }, schema };
}

/** The executable subgraph schema: type-graphql → type definitions with `@link` → `buildSubgraphSchema`. */
export function buildSubgraph(options: SubgraphSchemaOptions): GraphQLSchema {
  const { typeDefs, schema } = subgraphTypeDefs(options);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(extra as object) } as never;
  }
  return refuseUnstorableText(nullOmittedArguments(buildSubgraphSchema({ typeDefs, resolvers })));
}
