import { OrderPlacedDocument } from '@mpp/client';
import { startTracing, type Tracing } from '@mpp/kit';
import { eventually, placeOrder, prepareDeal, subscribe, TestPlatform, type Deal } from '@mpp/testkit';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpoint, Receiver } from '../webhooks/receiver.js';

// Tracing is on for this whole process, exporting to memory, before the platform starts (as the
// start-up of each service does with OTLP).
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let platform: TestPlatform;
let deal: Deal;
let receiver: Receiver | undefined;

beforeAll(async () => {
  tracing = await startTracing({ serviceName: 'gateway', exporter });
  platform = await TestPlatform.start({ captureLogs: true, env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
  deal = await prepareDeal(platform);
});
afterAll(async () => {
  await receiver?.close();
  await platform?.stop();
  await tracing?.stop();
});

const serviceOf = (span: ReadableSpan) => span.resource.attributes['service.name'];
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const traceOf = (span: ReadableSpan) => span.spanContext().traceId;

describe('tracing', () => {
  it('follows one mutation from the gateway through the subgraph and its SQL to the subscription and webhook it causes', async () => {
    expect(tracing.enabled).toBe(true);
    receiver = await Receiver.start();
    await createEndpoint(deal.isv.owner.client, deal.isv.id, receiver.url, ['ORDER_PLACED']);
    const subscriber = await subscribe(platform, deal.isv.owner.client, OrderPlacedDocument, { isvWorkspaceId: deal.isv.id });
    exporter.reset();

    const order = await placeOrder(deal);
    const [placed] = await subscriber.take(1);
    expect(placed!.data?.orderPlaced.id).toBe(order.id);
    await receiver.next(1);
    const finished = () => exporter.getFinishedSpans();
    await eventually(
      () => finished().some((s) => s.name === 'deliver orderPlaced') && finished().some((s) => s.name.startsWith('deliver webhook')),
      30_000,
      'the delivery spans',
    );

    // The gateway: its HTTP span, then Apollo Gateway's own spans (request, plan, fetch) under it.
    const spans = finished();
    const request = spans.find((s) => s.name === 'gateway.request' && s.attributes['graphql.operation.name'] === 'PlaceOrder');
    expect(request).toBeDefined();
    const traceId = traceOf(request!);
    const trace = spans.filter((s) => traceOf(s) === traceId);
    const byId = new Map(trace.map((s) => [idOf(s), s]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');

    const gatewayHttp = parentOf(request!);
    expect(gatewayHttp).toMatchObject({ name: 'POST /graphql', attributes: expect.objectContaining({ 'http.response.status_code': 200 }) });
    expect(serviceOf(gatewayHttp!)).toBe('gateway');
    expect(gatewayHttp!.parentSpanContext).toBeUndefined();
    expect(trace.some((s) => s.name === 'gateway.plan' && parentOf(s) === request)).toBe(true);

    // Orders' HTTP span is a child of the gateway's fetch of it: `traceparent` crossed the wire.
    const ordersHttp = trace.find((s) => serviceOf(s) === 'orders' && s.name === 'POST /graphql' && s.attributes['graphql.operation.type'] === 'mutation');
    expect(ordersHttp).toBeDefined();
    expect(parentOf(ordersHttp!)).toMatchObject({ name: 'gateway.fetch', attributes: { service: 'orders' } });
    // Every subgraph request of the trace hangs under a gateway fetch.
    for (const http of trace.filter((s) => s.name === 'POST /graphql' && serviceOf(s) !== 'gateway')) {
      expect(parentOf(http)?.name).toBe('gateway.fetch');
    }

    // The resolver, and its SQL statements (text without values) under it.
    const resolver = trace.find((s) => s.name === 'resolve Mutation.placeOrder');
    expect(resolver).toBeDefined();
    expect(serviceOf(resolver!)).toBe('orders');
    expect(parentOf(resolver!)).toBe(ordersHttp);
    const statements = trace.filter((s) => s.attributes['db.system'] === 'postgresql' && parentOf(s) === resolver);
    const insert = statements.find((s) => /^insert into "orders"\."orders"/.test(String(s.attributes['db.statement'])));
    expect(insert).toMatchObject({ name: 'INSERT orders.orders', attributes: expect.objectContaining({ 'db.system.name': 'postgresql', 'db.operation.name': 'INSERT' }) });
    expect(String(insert!.attributes['db.statement'])).toMatch(/\$1/);
    for (const statement of statements) {
      expect(String(statement.attributes['db.statement'])).not.toContain(order.id);
      expect(String(statement.attributes['db.statement'])).not.toContain('loyalty mini program');
    }
    expect(statements.some((s) => /insert into "orders"\."event_log"/.test(String(s.attributes['db.statement'])))).toBe(true);

    // The subscription's completion joins the trace under the resolver that logged the event, and
    // runs its own gateway request under it.
    const delivery = trace.find((s) => s.name === 'deliver orderPlaced');
    expect(delivery, 'the subscription delivery span is in the mutation trace').toBeDefined();
    expect(serviceOf(delivery!)).toBe('gateway');
    expect(parentOf(delivery!)).toBe(resolver);
    expect(trace.some((s) => s.name === 'gateway.request' && parentOf(s) === delivery)).toBe(true);

    // So does the webhook delivery, with the SQL recording its attempt.
    const webhook = trace.find((s) => s.name === 'deliver webhook order.placed');
    expect(webhook, 'the webhook delivery span is in the mutation trace').toBeDefined();
    expect(serviceOf(webhook!)).toBe('webhooks');
    expect(parentOf(webhook!)).toBe(resolver);
    expect(webhook!.attributes['http.response.status_code']).toBe(200);
    expect(trace.some((s) => s.attributes['db.system'] === 'postgresql' && parentOf(s) === webhook)).toBe(true);

    // Every log line of the request carries its trace id: the gateway's and the subgraphs'.
    const gatewayLine = platform.logs.find((line) => line.msg === 'graphql request' && line.operationName === 'PlaceOrder' && line.trace_id === traceId);
    expect(gatewayLine).toBeDefined();
    const requestLines = platform.logs.filter((line) => line.requestId === gatewayLine!.requestId);
    expect(requestLines.filter((line) => line.msg === 'graphql request').length).toBeGreaterThanOrEqual(2);
    expect(requestLines.some((line) => line.service === 'orders')).toBe(true);
    for (const line of requestLines) expect(line.trace_id).toBe(traceId);
    await subscriber.close();
  });

  it('starts a trace of its own for a request without traceparent, and joins the trace of one that has it', async () => {
    const traceId = 'f'.repeat(16) + '0123456789abcdef';
    const parentSpanId = '00f067aa0ba902b7';
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentSpanId}-01` },
      body: JSON.stringify({ query: 'query Joined { serviceMarket(first: 1) { nodes { id } } }' }),
    });
    expect(response.status).toBe(200);
    await eventually(() => exporter.getFinishedSpans().some((s) => s.name === 'gateway.request' && s.attributes['graphql.operation.name'] === 'Joined'));
    const joined = exporter.getFinishedSpans().find((s) => s.name === 'POST /graphql' && traceOf(s) === traceId && serviceOf(s) === 'gateway');
    expect(joined?.parentSpanContext?.spanId).toBe(parentSpanId);
  });
});
