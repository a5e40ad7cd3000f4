import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { defaultSubgraphUrl, subgraphModules } from './subgraphs.js';

export { schemaFolder } from './schema-folder.js';

export interface Composition {
  /** `schema/<name>.graphql` contents, by subgraph name. */
  subgraphs: Map<string, string>;
  supergraph: string;
}

/** Prints each subgraph's SDL from its code and composes the supergraph; throws on composition errors. */
export function composeSupergraph(): Composition {
  const subgraphs = new Map(subgraphModules.map((module) => [module.name, printSubgraphSchema(module.buildSchema())]));
  const result = composeServices(
    [...subgraphs].map(([name, sdl]) => ({ name, url: defaultSubgraphUrl(name), typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { subgraphs, supergraph: result.supergraphSdl };
}
