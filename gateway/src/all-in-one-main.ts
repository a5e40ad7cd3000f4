import { createLogger, loadConfig, onShutdownSignal, openDatabase, startTracing } from '@mpp/kit';

/** How all-in-one.js compiled this module's bundle (see there): reported in the "platform ready" line. */
export type CodeCacheUse = 'used' | 'absent' | 'rejected' | 'stale' | 'off';

/** `npm start`'s platform: every subgraph and the gateway in this process (bundled by bundle.mjs, run by all-in-one.js). */
export async function startAllInOne(launch: { codeCache: CodeCacheUse; embeddedWasm?: Promise<WebAssembly.Module | undefined> }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  // Opening the embedded database (its WebAssembly already compiling since all-in-one.js began;
  // then recovering the data folder) begins before the subgraphs, Apollo Gateway and the query
  // planner are loaded, so that loading overlaps with it.
  const opening = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, embeddedWasm: launch.embeddedWasm });
  opening.catch(() => {}); // awaited below; an early failure must not be reported as unhandled meanwhile
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; each service of this process has its own service name.
  const tracing = await startTracing({ serviceName: 'gateway' });
  if (tracing.enabled) logger.info('tracing: spans exported with OTLP');
  const { startPlatform } = await import('./platform.js');
  const platform = await startPlatform(config, logger, opening);
  logger.info(
    {
      url: `${config.publicUrl}/graphql`,
      // Every service of this process reports there, told apart by its `service` label.
      metrics: config.metricsPort === null ? `${config.publicUrl}/metrics` : `http://${config.host}:${config.metricsPort}/metrics`,
      database: platform.database.driver,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      codeCache: launch.codeCache,
    },
    'platform ready',
  );
  console.log(`\n  Mini program platform graph: ${config.publicUrl}/graphql\n`);
  onShutdownSignal(logger, async () => {
    await platform.stop();
    await tracing.stop();
  });
}
