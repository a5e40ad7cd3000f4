import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { collectProcessMetrics, metricsRegistry } from './registry.js';

/** `GET /metrics`: the process's metrics in Prometheus' text format. */
export async function answerMetrics(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  collectProcessMetrics();
  try {
    const text = await metricsRegistry.metrics();
    res.setHeader('content-type', metricsRegistry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.end(text);
  } catch (error) {
    res.statusCode = 500;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(`metrics could not be collected: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** Metrics servers of this process by port, shared by the services that serve their metrics there. */
const metricsServers = new Map<number, { server: Promise<Server>; users: number }>();

/**
 * Serves `/metrics` alone on `port` (`METRICS_PORT`), bound to `host`, for as long as some service of
 * the process uses it: the first caller starts it (its host is the one used), later ones share it.
 * Resolves with the function that releases it (the last release closes it).
 */
export async function acquireMetricsServer(port: number, host: string): Promise<() => Promise<void>> {
  let entry = metricsServers.get(port);
  if (!entry) {
    const server = new Promise<Server>((resolve, reject) => {
      const http = createServer((req, res) => {
        if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') void answerMetrics(req, res);
        else {
          res.statusCode = 404;
          res.end('Not found\n');
        }
      });
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve(http);
      });
    });
    entry = { server, users: 0 };
    metricsServers.set(port, entry);
    server.catch(() => metricsServers.get(port) === entry && metricsServers.delete(port));
  }
  entry.users += 1;
  const acquired = entry;
  try {
    await acquired.server;
  } catch (error) {
    acquired.users -= 1;
    throw error;
  }
  collectProcessMetrics();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    acquired.users -= 1;
    if (acquired.users > 0) return;
    if (metricsServers.get(port) === acquired) metricsServers.delete(port);
    const server = await acquired.server;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
