import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
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

/** Builds the SDL of a subgraph: type-graphql classes printed with their federation directives. */
function subgraphTypeDefs(options: SubgraphSchemaOptions): { sdl: string; schema: GraphQLSchema } {
  const schema = buildSchemaSync({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    ...(options.pubSub ? { pubSub: options.pubSub } : {}),
    // Entities without root fields are legal in a subgraph.
    skipCheck: true,
  });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(federationImports)})`;
  return { sdl: `${link}\n\n${printSchemaWithDirectives(schema)}`, schema };
}

/** The executable subgraph schema: type-graphql → SDL with `@link` → `buildSubgraphSchema`. */
export function buildSubgraph(options: SubgraphSchemaOptions): GraphQLSchema {
  const { sdl, schema } = subgraphTypeDefs(options);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(extra as object) } as never;
  }
  return refuseUnstorableText(nullOmittedArguments(buildSubgraphSchema({ typeDefs: parse(sdl), resolvers })));
}
