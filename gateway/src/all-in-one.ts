import { createLogger, loadConfig, onShutdownSignal, startTracing } from '@mpp/kit';
import { startPlatform } from './platform.js';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; each service of this process has its own service name.
const tracing = await startTracing({ serviceName: 'gateway' });
if (tracing.enabled) logger.info('tracing: spans exported with OTLP');
const platform = await startPlatform(config, logger);
logger.info(
  {
    url: `${config.publicUrl}/graphql`,
    // Every service of this process reports there, told apart by its `service` label.
    metrics: config.metricsPort === null ? `${config.publicUrl}/metrics` : `http://${config.host}:${config.metricsPort}/metrics`,
    database: platform.database.driver,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  },
  'platform ready',
);
console.log(`\n  Mini program platform graph: ${config.publicUrl}/graphql\n`);
onShutdownSignal(logger, async () => {
  await platform.stop();
  await tracing.stop();
});
