import { createHash, randomUUID } from 'node:crypto';
import { createPlatformClient, OrderStatusChangedDocument, PlaceOrderDocument, ViewerDocument, type PlatformClient } from '@mpp/client';
import { prepareDeal, subscribe, TestPlatform, type Deal } from '@mpp/testkit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLShapedError, rawRequest } from '../support/http.js';
import type { GraphQLBody } from '../limits/support.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (document: object) => (document as { __meta__: { hash: string } }).__meta__.hash;
const persistedQuery = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

// Seeded as usual, then restarted with PERSISTED_DOCUMENTS_ONLY: the seed's own documents are not
// all the client's, and from then on only the client's run (the playground stays on, as in tests).
let platform: TestPlatform;
let deal: Deal;
let merchant: PlatformClient;
beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
  await platform.restart({ env: { PERSISTED_DOCUMENTS_ONLY: 'true', PLAYGROUND: 'true' } });
  merchant = createPlatformClient({ url: platform.url, token: deal.merchant.owner.token, persistedDocuments: true, webSocketImpl: WebSocket, retryAttempts: 0 });
}, 300_000);
afterAll(async () => {
  await merchant?.close();
  await platform?.stop();
});

const post = (body: Record<string, unknown>) =>
  rawRequest(platform, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deal.merchant.owner.token}` },
  });

describe('PERSISTED_DOCUMENTS_ONLY over HTTP', () => {
  it('refuses a free-form document with 400 PERSISTED_DOCUMENT_REQUIRED, by POST and by GET', async () => {
    expectGraphQLShapedError(await post({ query: '{ viewer { id } }' }), 400, 'PERSISTED_DOCUMENT_REQUIRED');
    const get = await rawRequest(platform, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ viewer { id } }')}`,
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${deal.merchant.owner.token}` },
    });
    expectGraphQLShapedError(get, 400, 'PERSISTED_DOCUMENT_REQUIRED');
  });

  it('registers nothing: a document sent with its hash is refused, its hash alone is not found', async () => {
    const query = `query Free${randomUUID().replace(/-/g, '')} { viewer { id } }`;
    expectGraphQLShapedError(await post({ query, extensions: persistedQuery(sha256(query)) }), 400, 'PERSISTED_DOCUMENT_REQUIRED');
    const byHash = await post({ extensions: persistedQuery(sha256(query)) });
    expect((byHash.json as GraphQLBody).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('runs the client documents by their hash, queries and mutations', async () => {
    const { viewer } = await merchant.execute(ViewerDocument);
    expect(viewer?.id).toBe(deal.merchant.owner.id);
    const { placeOrder } = await merchant.execute(PlaceOrderDocument, {
      input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'By hash.', idempotencyKey: randomUUID() },
    });
    expect(placeOrder.userErrors).toEqual([]);
    expect(placeOrder.order?.status).toBe('NEW');
  });

  it('still answers introspection for the playground, and nothing mixed with it', async () => {
    const introspection = await post({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.status, introspection.text).toBe(200);
    expect((introspection.json as GraphQLBody).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expectGraphQLShapedError(await post({ query: '{ __typename viewer { id } }' }), 400, 'PERSISTED_DOCUMENT_REQUIRED');
  });
});

describe('PERSISTED_DOCUMENTS_ONLY over WebSocket', () => {
  let socket: Client;
  beforeAll(() => {
    socket = createClient({
      url: platform.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${deal.merchant.owner.token}` },
      retryAttempts: 0,
    });
  });
  afterAll(() => socket?.dispose());

  it('refuses a free-form subscribe', async () => {
    const errors = await new Promise<unknown>((resolve) => {
      socket.subscribe(
        { query: 'subscription { orderStatusChanged(workspaceId: "x") { cursor } }' },
        { next: () => resolve('ran'), error: resolve, complete: () => resolve('completed') },
      );
    });
    expect((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('serves a client subscription named by its hash alone, and one sent with hash and text', async () => {
    const byClient = await subscribe(platform, merchant, OrderStatusChangedDocument, { workspaceId: deal.merchant.id });
    const before = platform.platform.gateway.activeSubscriptions();
    const events: GraphQLBody[] = [];
    const failed: unknown[] = [];
    const stop = socket.subscribe(
      { query: '', variables: { workspaceId: deal.merchant.id }, extensions: persistedQuery(hashOf(OrderStatusChangedDocument)) },
      { next: (result) => void events.push(result as GraphQLBody), error: (error) => void failed.push(error), complete: () => {} },
    );
    const deadline = Date.now() + 60_000;
    while (platform.platform.gateway.activeSubscriptions() <= before && failed.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(failed).toEqual([]);

    const { placeOrder } = await merchant.execute(PlaceOrderDocument, {
      input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'Watched by hash.', idempotencyKey: randomUUID() },
    });
    const [delivered] = await byClient.take(1);
    expect(delivered?.data?.orderStatusChanged).toMatchObject({ to: 'NEW', order: { id: placeOrder.order!.id } });
    while (events.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events[0]?.data).toMatchObject({ orderStatusChanged: { to: 'NEW', order: { id: placeOrder.order!.id } } });
    stop();
    await byClient.close();
  });
});
