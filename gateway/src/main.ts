import { createLogger, loadConfig, onShutdownSignal, openDatabase, startTracing, subgraphUrlVariable } from '@mpp/kit';
import { startGateway } from './server.js';
import { subgraphModules } from './subgraphs.js';

// The distributed mode: the gateway alone, with each subgraph's URL from `<NAME>_URL`.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'gateway' });
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = await startTracing({ serviceName: 'gateway' });
if (tracing.enabled) logger.info('tracing: spans exported with OTLP');
const missing = subgraphModules.map((m) => subgraphUrlVariable(m.name)).filter((name) => !process.env[name]);
if (missing.length > 0) {
  logger.fatal({ missing }, 'set the URL of every subgraph, e.g. ACCOUNTS_URL=http://accounts:4000/graphql');
  process.exit(1);
}
if (!config.databaseUrl) {
  logger.fatal('DATABASE_URL is required: the gateway follows the Orders event log for subscriptions.');
  process.exit(1);
}
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4, applicationName: 'gateway' });
const gateway = await startGateway({
  config,
  logger,
  database,
  subgraphUrls: new Map(subgraphModules.map((m) => [m.name, process.env[subgraphUrlVariable(m.name)]!])),
});
logger.info({ url: `${config.publicUrl}/graphql` }, 'gateway listening');
onShutdownSignal(logger, async () => {
  await gateway.stop();
  await database.close();
  await tracing.stop();
});
