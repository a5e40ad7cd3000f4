import { createLogger, loadConfig, onShutdownSignal, openDatabase } from '@mpp/kit';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
// Opening the embedded database (Postgres compiled to WebAssembly: reading and compiling it, then
// recovering the data folder) begins before the subgraphs, Apollo Gateway and the query planner
// are loaded, so that loading overlaps with it.
const opening = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
opening.catch(() => {}); // awaited below; an early failure must not be reported as unhandled meanwhile
const { startPlatform } = await import('./platform.js');
const platform = await startPlatform(config, logger, opening);
logger.info(
  { url: `${config.publicUrl}/graphql`, database: platform.database.driver, dataDir: config.databaseUrl ? undefined : config.dataDir },
  'platform ready',
);
console.log(`\n  Mini program platform graph: ${config.publicUrl}/graphql\n`);
onShutdownSignal(logger, () => platform.stop());
