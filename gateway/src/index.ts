export { composeSupergraph, schemaFolder, type Composition } from './compose.js';
export { createGateway, readSupergraph } from './gateway.js';
export { startPlatform, type RunningPlatform } from './platform.js';
export { startGateway, type RunningGateway } from './server.js';
export { subgraphModules } from './subgraphs.js';
