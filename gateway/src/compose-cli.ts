import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, schemaFolder } from './compose.js';

// Writes schema/<subgraph>.graphql and schema/supergraph.graphql from the code.
const { subgraphs, supergraph } = composeSupergraph();
mkdirSync(schemaFolder, { recursive: true });
for (const [name, sdl] of subgraphs) writeFileSync(join(schemaFolder, `${name}.graphql`), sdl);
writeFileSync(join(schemaFolder, 'supergraph.graphql'), supergraph);
console.log(`composed ${subgraphs.size} subgraphs into ${join(schemaFolder, 'supergraph.graphql')}`);
