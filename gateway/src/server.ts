import { loadTokenKeys, startGraphQLService, viewerFromAuthorization, type Logger, type PlatformConfig, type RunningService } from '@mpp/kit';
import { createGateway, type GatewayContext } from './gateway.js';
import { proxyTo } from './proxy.js';

export interface GatewayOptions {
  config: PlatformConfig;
  logger: Logger;
  /** Subgraph name → its `/graphql` URL. */
  subgraphUrls: Map<string, string>;
  port?: number;
  host?: string;
}

/** How long `/readyz` waits for each subgraph. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The public entry point: `/graphql` over the federated graph, `/healthz` (the process is up) and
 * `/readyz` (every subgraph answers). A request with a bad token is refused here with 401 before
 * any subgraph is asked; the subgraphs verify the token again.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const { config, logger, subgraphUrls } = options;
  const keys = loadTokenKeys(config);
  const gateway = createGateway({ subgraphUrls, logger: logger.child({ component: 'apollo-gateway' }) });
  return startGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    port: options.port ?? config.port,
    host: options.host ?? config.host,
    maxRequestBytes: config.maxRequestBytes,
    gateway,
    routes(app) {
      const miniPrograms = subgraphUrls.get('mini-programs');
      if (miniPrograms) {
        const forward = proxyTo(miniPrograms.replace(/\/graphql$/, ''), logger);
        app.put('/uploads/:uploadId', forward);
        app.get('/files/:fileId', forward);
      }
      app.get('/readyz', async (_req, res) => {
        const checks = await Promise.all([...subgraphUrls].map(async ([name, url]) => [name, await answers(url)] as const));
        const ready = checks.every(([, ok]) => ok);
        res.status(ready ? 200 : 503).json({
          status: ready ? 'ready' : 'unavailable',
          subgraphs: Object.fromEntries(checks.map(([name, ok]) => [name, ok ? 'up' : 'down'])),
        });
      });
    },
    async context({ req, requestId }) {
      const authorization = req.headers.authorization ?? null;
      await viewerFromAuthorization(authorization, keys.verifyKey);
      return { requestId, authorization };
    },
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(READY_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
