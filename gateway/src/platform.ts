import {
  acquireMetricsServer,
  EndedSessions,
  loadInternalSecret,
  loadTokenKeys,
  openDatabase,
  serveSubgraph,
  type Database,
  type Logger,
  type PlatformConfig,
  type ServedSubgraph,
} from '@mpp/kit';
import { startGateway, type RunningGateway } from './server.js';
import { subgraphModules } from './subgraphs.js';

export interface RunningPlatform {
  /** The gateway's public `/graphql` URL. */
  url: string;
  gateway: RunningGateway;
  subgraphs: ServedSubgraph[];
  database: Database;
  /** Drains the gateway, then the subgraphs, then closes the database. */
  stop(): Promise<void>;
}

/**
 * The embedded mode: every subgraph and the gateway in one process over one database (PGlite
 * under DATA_DIR, or the server of DATABASE_URL). Subgraphs listen on loopback ports of their own;
 * the gateway reaches them there, or calls them within the process (`SUBGRAPH_TRANSPORT`): the
 * same request, credential, Apollo Server and answer, without the sockets. `opening`: the database,
 * when its opening was begun already (all-in-one.ts).
 */
export async function startPlatform(config: PlatformConfig, logger: Logger, opening?: Promise<Database>): Promise<RunningPlatform> {
  const database = await (opening ?? openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize }));
  const keys = loadTokenKeys(config);
  const internalSecret = loadInternalSecret(config);
  // Taken first, so METRICS_PORT binds the process's HOST (subgraphs listen on loopback); every
  // service of the process then shares it.
  const releaseMetrics = config.metricsPort === null ? null : await acquireMetricsServer(config.metricsPort, config.host).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // One follower of ended sessions for every service of this process.
  const sessions = new EndedSessions(database, { pollIntervalMs: config.eventPollIntervalMs, logger });
  const subgraphs: ServedSubgraph[] = [];
  try {
    await sessions.start();
    // One at a time: each migrates its own schema and catches up on the others' events.
    for (const module of subgraphModules) {
      subgraphs.push(await serveSubgraph(module, { config, database, logger, keys, internalSecret, sessions }, { port: 0, host: '127.0.0.1' }));
    }
    const gateway = await startGateway({
      config,
      logger: logger.child({ service: 'gateway' }),
      database,
      keys,
      internalSecret,
      sessions,
      subgraphUrls: new Map(subgraphs.map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`])),
      // SUBGRAPH_TRANSPORT: asked within the process, or over their ports (which serve /readyz, /metrics and tools either way).
      inProcessSubgraphs: config.subgraphTransport === 'in-process' ? new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.answerInProcess])) : undefined,
    });
    return {
      url: `http://127.0.0.1:${gateway.port}/graphql`,
      gateway,
      subgraphs,
      database,
      async stop() {
        await gateway.stop();
        for (const subgraph of subgraphs.reverse()) await subgraph.stopAll();
        await sessions.stop();
        await database.close();
        await releaseMetrics?.();
      },
    };
  } catch (error) {
    for (const subgraph of subgraphs.reverse()) await subgraph.stopAll().catch(() => {});
    await sessions.stop();
    await database.close();
    await releaseMetrics?.();
    throw error;
  }
}
