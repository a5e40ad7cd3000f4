import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateWebhookEndpointDocument,
  WebhookEndpointDocument,
  type PlatformClient,
  type WebhookDeliveryFieldsFragment,
  type WebhookTopic,
} from '@mpp/client';
import { unwrap } from '@mpp/testkit';
import { expect } from 'vitest';

/** One request a receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What the receiver answers to its n-th request (0-based): a status, or no answer at all. */
export type Responder = (request: Received, n: number) => number | 'hang';

/**
 * A partner's webhook endpoint on loopback: a real HTTP server that records every request and
 * answers as the test says. `next(count)` resolves once that many requests have arrived.
 */
export class Receiver {
  readonly received: Received[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    public respond: Responder,
  ) {}

  static async start(respond: Responder = () => 200): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server, respond);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const n = receiver.received.length;
        receiver.received.push(request);
        const answer = receiver.respond(request, n);
        if (answer === 'hang') receiver.hanging.push(res);
        else res.writeHead(answer, { 'content-type': 'text/plain' }).end(`answer ${answer}`);
        receiver.waiters = receiver.waiters.filter((w) => (receiver.received.length >= w.count ? (w.resolve(), false) : true));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Resolves once `count` requests have arrived in all. */
  next(count: number, timeoutMs = 30_000): Promise<Received[]> {
    if (this.received.length >= count) return Promise.resolve(this.received.slice(0, count));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.received.length} of ${count} webhooks arrived`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.received.slice(0, count));
        },
      });
    });
  }

  /** The JSON bodies received, parsed. */
  bodies(): { type: string; timestamp: string; data: Record<string, unknown> }[] {
    return this.received.map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Verification as a partner does it: the headers of a request. */
export function webhookHeaders(request: Received): Record<string, string> {
  return {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
}

export async function createEndpoint(client: PlatformClient, workspaceId: string, url: string, topics: WebhookTopic[]) {
  const { createWebhookEndpoint } = await client.execute(CreateWebhookEndpointDocument, {
    input: { workspaceId, url, topics, description: 'Back office' },
  });
  const endpoint = unwrap(createWebhookEndpoint, createWebhookEndpoint.endpoint, 'createWebhookEndpoint');
  return { endpoint, secret: createWebhookEndpoint.secret! };
}

/** The endpoint's deliveries (newest first) once `until` holds for them. */
export async function deliveriesWhen(
  client: PlatformClient,
  endpointId: string,
  until: (deliveries: WebhookDeliveryFieldsFragment[]) => boolean,
): Promise<WebhookDeliveryFieldsFragment[]> {
  let last: WebhookDeliveryFieldsFragment[] = [];
  await expect
    .poll(
      async () => {
        const { webhookEndpoint } = await client.execute(WebhookEndpointDocument, { id: endpointId, first: 50 });
        last = webhookEndpoint?.deliveries.nodes ?? [];
        return until(last);
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(true);
  return last;
}
