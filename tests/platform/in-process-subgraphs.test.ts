import { loadConfig, REQUEST_ID_HEADER } from '@mpp/kit';
import { createService, createVerifiedIsv, placeOrder, prepareDeal, TestPlatform } from '@mpp/testkit';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { gatewayCredential } from '../support/subgraph.js';

// In one process (`npm start`), the gateway may call its subgraphs without a socket
// (SUBGRAPH_TRANSPORT=in-process, the default on a Postgres server): the same request, credential
// and answer as over HTTP. Their ports still answer tools.
let platform: TestPlatform;
beforeAll(async () => {
  // Every answer is asked of the subgraphs: no kept answer hides a fetch.
  platform = await TestPlatform.start({ env: { RESPONSE_CACHE_BYTES: '0', SUBGRAPH_CACHE_BYTES: '0', SUBGRAPH_TRANSPORT: 'in-process' } });
});
afterAll(() => platform?.stop());

const MerchantOrders = graphql(`
  query InProcessMerchantOrders($id: ID!) {
    workspace(id: $id) {
      name
      orders(first: 5) {
        nodes {
          number
          status
          service { name isv { name } }
          miniProgram { name }
        }
      }
    }
  }
`);

/** The HTTP requests each subgraph's port receives while `run` runs. */
async function subgraphHttpRequests(run: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  const listeners = platform.platform.subgraphs.map((subgraph) => {
    // express (the first listener) has already cut its mount path off `url`; `originalUrl` keeps it.
    const listener = (request: IncomingMessage & { originalUrl?: string }) => (seen[subgraph.name] ??= []).push(`${request.method} ${request.originalUrl ?? request.url}`);
    subgraph.httpServer.on('request', listener);
    return () => subgraph.httpServer.off('request', listener);
  });
  try {
    await run();
  } finally {
    for (const stop of listeners) stop();
  }
  return seen;
}

function answerOf(name: string) {
  const subgraph = platform.platform.subgraphs.find((candidate) => candidate.name === name);
  if (!subgraph) throw new Error(`no ${name} subgraph`);
  return subgraph.answerInProcess;
}

describe('SUBGRAPH_TRANSPORT', () => {
  it('is in-process with a Postgres server and http with PGlite unless set; anything else is refused', () => {
    expect(loadConfig({}).subgraphTransport).toBe('http');
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/platform' }).subgraphTransport).toBe('in-process');
    expect(loadConfig({ SUBGRAPH_TRANSPORT: 'in-process' }).subgraphTransport).toBe('in-process');
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/platform', SUBGRAPH_TRANSPORT: 'http' }).subgraphTransport).toBe('http');
    expect(() => loadConfig({ SUBGRAPH_TRANSPORT: 'grpc' })).toThrow('SUBGRAPH_TRANSPORT must be in-process or http, got "grpc"');
  });
});

describe('subgraphs called within the process', () => {
  it('answer a query across all four subgraphs without an HTTP request to any of them', async () => {
    const deal = await prepareDeal(platform);
    await placeOrder(deal);
    const read = () => deal.merchant.owner.client.execute(MerchantOrders, { id: deal.merchant.id });
    let data: Awaited<ReturnType<typeof read>> | undefined;
    const requests = await subgraphHttpRequests(async () => {
      data = await read();
    });
    expect(requests).toEqual({});
    const orders = data?.workspace?.orders.nodes ?? [];
    expect(data?.workspace?.name).toBe(deal.merchant.name);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.service?.isv.name).toBe(deal.isv.name);
    expect(orders[0]!.miniProgram?.name).toBeTruthy();
  });

  it('still serve their ports to tools: readiness through the gateway asks each one over HTTP', async () => {
    const requests = await subgraphHttpRequests(async () => {
      expect((await fetch(`${platform.origin}/readyz`)).status).toBe(200);
    });
    for (const subgraph of platform.platform.subgraphs) expect(requests[subgraph.name]).toContain('GET /readyz');
  });

  it('answer only what the gateway signed, as over HTTP', async () => {
    const isv = await createVerifiedIsv(platform);
    const authorization = `Bearer ${isv.owner.token}`;
    const body = JSON.stringify({ query: '{ viewer { id } }' });
    const unsigned = await answerOf('accounts')({ headers: { 'content-type': 'application/json', authorization }, body });
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(unsigned.text)).toEqual({ errors: [{ message: 'Only the gateway may call this service.', extensions: { code: 'UNAUTHENTICATED' } }] });

    // The credential binds the caller's Authorization: one signed for nobody does not carry a token.
    const signedForNobody = await answerOf('accounts')({ headers: { 'content-type': 'application/json', authorization, ...gatewayCredential(platform, {}) }, body });
    expect(signedForNobody.status).toBe(401);

    const signed = await answerOf('accounts')({
      headers: { 'content-type': 'application/json', authorization, ...gatewayCredential(platform, { authorization }) },
      body,
    });
    expect(signed.status).toBe(200);
    expect(signed.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expect(JSON.parse(signed.text)).toEqual({ data: { viewer: { id: isv.owner.id } } });
  });

  it('refuse a body that is not JSON or is over MAX_REQUEST_BYTES with a 4xx, as over HTTP', async () => {
    const headers = { 'content-type': 'application/json', [REQUEST_ID_HEADER]: 'in-process-limits', ...gatewayCredential(platform, {}) };
    const malformed = await answerOf('service-market')({ headers, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });

    const huge = JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(platform.config.maxRequestBytes) } });
    const tooLarge = await answerOf('service-market')({ headers, body: huge });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.text).errors[0]).toMatchObject({ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('are asked over their ports with SUBGRAPH_TRANSPORT=http, with the same answer', async () => {
    const deal = await prepareDeal(platform);
    await placeOrder(deal);
    const read = () => deal.merchant.owner.client.execute(MerchantOrders, { id: deal.merchant.id });
    const inProcess = await read();
    await platform.restart({ env: { SUBGRAPH_TRANSPORT: 'http' } });
    try {
      let overHttp: Awaited<ReturnType<typeof read>> | undefined;
      const requests = await subgraphHttpRequests(async () => {
        overHttp = await read();
      });
      expect(overHttp).toEqual(inProcess);
      for (const subgraph of ['accounts', 'orders', 'service-market', 'mini-programs']) expect(requests[subgraph]).toContain('POST /graphql');
    } finally {
      await platform.restart({ env: { SUBGRAPH_TRANSPORT: 'in-process' } });
    }
  });

  // Last: Accounts stays stopped until the platform stops.
  it('refuse a call once their service is stopping: the gateway answers its fields SERVICE_UNAVAILABLE, and the rest', async () => {
    const isv = await createVerifiedIsv(platform);
    const service = await createService(isv, { name: 'Asked while Accounts stops' });
    await platform.platform.subgraphs.find((subgraph) => subgraph.name === 'accounts')!.stop();
    const signed = { 'content-type': 'application/json', ...gatewayCredential(platform, {}) };
    await expect(answerOf('accounts')({ headers: signed, body: '{"query":"{ __typename }"}' })).rejects.toThrow(/stopping/);
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${isv.owner.token}` },
      body: JSON.stringify({ query: 'query ($id: ID!) { viewer { id } service(id: $id) { name } }', variables: { id: service.id } }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { data: { viewer: unknown; service: { name: string } | null }; errors?: { message: string; extensions: { code: string } }[] };
    expect(result.data).toEqual({ viewer: null, service: { name: 'Asked while Accounts stops' } });
    expect(result.errors).toEqual([{ message: 'The accounts service is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
  });
});
