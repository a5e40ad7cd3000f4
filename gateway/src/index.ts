export { startPlatform, type RunningPlatform } from './platform.js';
export { startGateway, type RunningGateway } from './server.js';
export { loadPersistedDocuments, PersistedDocuments } from './persisted/index.js';
