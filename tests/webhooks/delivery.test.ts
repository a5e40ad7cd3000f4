import {
  AcceptOrderDocument,
  CreateWebhookEndpointDocument,
  UpdateWebhookEndpointDocument,
  WebhookEndpointDocument,
  WorkspaceWebhookEndpointsDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  SendTestWebhookDocument,
} from '@mpp/client';
import { addMember, createVerifiedMerchant, placeOrder, prepareDeal, TestPlatform, unwrap, type Deal } from '@mpp/testkit';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLError, userError } from '../support/expectations.js';
import { createEndpoint, deliveriesWhen, Receiver, webhookHeaders } from './receiver.js';

// Short retry delays and timeout, so a whole retry schedule runs within the test.
let platform: TestPlatform;
let deal: Deal;
const receivers: Receiver[] = [];

async function receiver(...args: Parameters<typeof Receiver.start>) {
  const started = await Receiver.start(...args);
  receivers.push(started);
  return started;
}

beforeAll(async () => {
  platform = await TestPlatform.start({
    env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_DELAYS_MS: '100,100,100', WEBHOOK_TIMEOUT_MS: '1000' },
  });
  deal = await prepareDeal(platform);
}, 300_000);
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await platform?.stop();
});

describe('delivery', { timeout: 120_000 }, () => {
  it('posts signed order events to both parties, in order, verifiable with standardwebhooks', async () => {
    const [merchantHooks, isvHooks] = await Promise.all([receiver(), receiver()]);
    const merchant = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, merchantHooks.url, ['ORDER_PLACED', 'ORDER_STATUS_CHANGED']);
    const isv = await createEndpoint(deal.isv.owner.client, deal.isv.id, isvHooks.url, ['ORDER_PLACED']);
    expect(merchant.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const order = await placeOrder(deal);
    unwrap((await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } })).acceptOrder, true, 'acceptOrder');

    const received = await merchantHooks.next(3);
    for (const request of received) {
      // Throws unless the signature is right for this secret, id, timestamp and body.
      expect(new Webhook(merchant.secret).verify(request.body, webhookHeaders(request))).toBeTruthy();
      expect(() => new Webhook(isv.secret).verify(request.body, webhookHeaders(request))).toThrow();
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(merchantHooks.bodies().map((b) => [b.type, b.data.to])).toEqual([
      ['order.placed', 'NEW'],
      ['order.status_changed', 'NEW'],
      ['order.status_changed', 'PENDING_CONFIRMATION'],
    ]);
    expect(merchantHooks.bodies()[2]).toMatchObject({
      data: {
        order: { id: order.id, merchantWorkspaceId: deal.merchant.id, isvWorkspaceId: deal.isv.id, miniProgramId: deal.miniProgramId, serviceId: deal.serviceId },
        from: 'NEW',
        to: 'PENDING_CONFIRMATION',
        actorId: deal.isv.owner.id,
        cursor: expect.any(String),
      },
    });
    // Every delivery has its own id.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(3);

    const [isvRequest] = await isvHooks.next(1);
    expect(new Webhook(isv.secret).verify(isvRequest!.body, webhookHeaders(isvRequest!))).toMatchObject({ type: 'order.placed' });

    const log = await deliveriesWhen(deal.merchant.owner.client, merchant.endpoint.id, (d) => d.length === 3 && d.every((x) => x.status === 'DELIVERED'));
    expect(log.map((d) => d.topic)).toEqual(['ORDER_STATUS_CHANGED', 'ORDER_STATUS_CHANGED', 'ORDER_PLACED']);
    expect(log[0]!.attempts).toEqual([expect.objectContaining({ statusCode: 200, error: null, responseBody: 'answer 200' })]);
    expect(log.map((d) => d.webhookId).sort()).toEqual(received.map((r) => r.headers['webhook-id']).sort());
    expect(JSON.parse(log[2]!.payload)).toEqual(merchantHooks.bodies()[0]);
  });

  it('retries after a 5xx and after a timeout with the same webhook-id, then succeeds', async () => {
    const hooks = await receiver((_request, n) => (n === 0 ? 500 : n === 1 ? 'hang' : 204));
    const { endpoint, secret } = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, hooks.url, ['ORDER_PLACED']);
    await placeOrder(deal);

    const received = await hooks.next(3);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const request of received) new Webhook(secret).verify(request.body, webhookHeaders(request));
    // The retry after the timeout waited for the timeout (1 s) and then the backoff.
    expect(received[2]!.at - received[1]!.at).toBeGreaterThanOrEqual(1000);

    const [delivery] = await deliveriesWhen(deal.merchant.owner.client, endpoint.id, (d) => d[0]?.status === 'DELIVERED');
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, null, 204]);
    expect(delivery!.attempts[0]!.error).toBe('HTTP 500');
    expect(delivery!.attempts[1]!.error).toMatch(/within 1000 ms/);
    expect(delivery!.nextAttemptAt).toBeNull();
  });

  it('gives up after the schedule (FAILED) and delivers again on request with the same id', async () => {
    const hooks = await receiver(() => 503);
    const { endpoint } = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, hooks.url, ['ORDER_PLACED']);
    await placeOrder(deal);

    const [failed] = await deliveriesWhen(deal.merchant.owner.client, endpoint.id, (d) => d[0]?.status === 'FAILED');
    // 1 attempt + 3 retries (WEBHOOK_RETRY_DELAYS_MS has 3 delays).
    expect(failed!.attempts).toHaveLength(4);
    expect(hooks.received).toHaveLength(4);
    expect(failed!.nextAttemptAt).toBeNull();

    hooks.respond = () => 200;
    const { redeliverWebhook } = await deal.merchant.owner.client.execute(RedeliverWebhookDocument, { input: { deliveryId: failed!.id } });
    expect(redeliverWebhook.userErrors).toEqual([]);
    expect(redeliverWebhook.delivery!.status).toBe('PENDING');
    const received = await hooks.next(5);
    expect(received[4]!.headers['webhook-id']).toBe(failed!.webhookId);
    expect(received[4]!.body).toBe(received[0]!.body);
    const [delivered] = await deliveriesWhen(deal.merchant.owner.client, endpoint.id, (d) => d[0]?.status === 'DELIVERED');
    expect(delivered!.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 503, 200]);

    // Another workspace cannot redeliver it, nor learn that it exists.
    const stranger = await deal.isv.owner.client.execute(RedeliverWebhookDocument, { input: { deliveryId: failed!.id } });
    expect(stranger.redeliverWebhook).toEqual({ delivery: null, userErrors: [userError('NOT_FOUND', 'deliveryId')] });
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const hooks = await receiver();
    const { endpoint, secret: oldSecret } = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, hooks.url, ['ORDER_PLACED']);
    const { rotateWebhookSecret } = await deal.merchant.owner.client.execute(RotateWebhookSecretDocument, { input: { endpointId: endpoint.id } });
    const newSecret = rotateWebhookSecret.secret!;
    expect(newSecret).not.toBe(oldSecret);
    const expires = Date.parse(rotateWebhookSecret.endpoint!.previousSecretExpiresAt!);
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const { sendTestWebhook } = await deal.merchant.owner.client.execute(SendTestWebhookDocument, { input: { endpointId: endpoint.id } });
    expect(sendTestWebhook.delivery).toMatchObject({ type: 'webhook.test', topic: null, status: 'PENDING' });
    const [request] = await hooks.next(1);
    expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(newSecret).verify(request!.body, webhookHeaders(request!))).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(oldSecret).verify(request!.body, webhookHeaders(request!))).toMatchObject({ type: 'webhook.test' });
  });
});

describe('who may do what', { timeout: 120_000 }, () => {
  it('lets only OWNER and MASTER of the workspace add, read and change its endpoints', async () => {
    const hooks = await receiver();
    const { endpoint } = await createEndpoint(deal.merchant.owner.client, deal.merchant.id, hooks.url, ['ORDER_PLACED']);
    const master = await addMember(platform, deal.merchant, 'MASTER');
    const developer = await addMember(platform, deal.merchant, 'DEVELOPER');
    const outsider = deal.isv.owner;

    // Another workspace's owner, and a developer, cannot add one.
    for (const actor of [outsider, developer]) {
      await expectGraphQLError(
        actor.client.execute(CreateWebhookEndpointDocument, { input: { workspaceId: deal.merchant.id, url: hooks.url, topics: ['ORDER_PLACED'] } }),
        'FORBIDDEN',
      );
      expect((await actor.client.execute(WebhookEndpointDocument, { id: endpoint.id })).webhookEndpoint).toBeNull();
      const { workspace } = await actor.client.execute(WorkspaceWebhookEndpointsDocument, { id: deal.merchant.id });
      expect(workspace?.webhookEndpoints ?? []).toEqual([]);
      const { updateWebhookEndpoint } = await actor.client.execute(UpdateWebhookEndpointDocument, { input: { endpointId: endpoint.id, url: 'http://127.0.0.1:1/x' } });
      expect(updateWebhookEndpoint.userErrors).toEqual([userError('NOT_FOUND', 'endpointId')]);
    }
    // A MASTER may.
    expect((await master.client.execute(WebhookEndpointDocument, { id: endpoint.id })).webhookEndpoint?.url).toBe(hooks.url);
    const { workspace } = await master.client.execute(WorkspaceWebhookEndpointsDocument, { id: deal.merchant.id });
    expect(workspace!.webhookEndpoints.map((e) => e.id)).toContain(endpoint.id);
    const { updateWebhookEndpoint } = await master.client.execute(UpdateWebhookEndpointDocument, {
      input: { endpointId: endpoint.id, description: 'Renamed', topics: ['ORDER_PLACED', 'ORDER_STATUS_CHANGED'] },
    });
    expect(updateWebhookEndpoint.endpoint).toMatchObject({ description: 'Renamed', topics: ['ORDER_PLACED', 'ORDER_STATUS_CHANGED'] });
    // Signed out: UNAUTHENTICATED.
    await expectGraphQLError(platform.client().execute(WebhookEndpointDocument, { id: endpoint.id }), 'UNAUTHENTICATED');
  });

  it('sends an endpoint only the events of orders its workspace is a party to', async () => {
    const stranger = await createVerifiedMerchant(platform);
    const [strangerHooks, partyHooks] = await Promise.all([receiver(), receiver()]);
    const strangers = await createEndpoint(stranger.owner.client, stranger.id, strangerHooks.url, ['ORDER_PLACED', 'ORDER_STATUS_CHANGED']);
    await createEndpoint(deal.merchant.owner.client, deal.merchant.id, partyHooks.url, ['ORDER_PLACED']);
    const order = await placeOrder(deal);
    const [request] = await partyHooks.next(1);
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'order.placed', data: { order: { id: order.id } } });
    // The party's delivery went out: the stranger's endpoint got none of that event.
    const { webhookEndpoint } = await stranger.owner.client.execute(WebhookEndpointDocument, { id: strangers.endpoint.id });
    expect(webhookEndpoint!.deliveries.totalCount).toBe(0);
    expect(strangerHooks.received).toEqual([]);
  });

  it('answers bad input with user errors', async () => {
    const { createWebhookEndpoint } = await deal.merchant.owner.client.execute(CreateWebhookEndpointDocument, {
      input: { workspaceId: deal.merchant.id, url: 'not a url', topics: [], description: 'x'.repeat(201) },
    });
    expect(createWebhookEndpoint.endpoint).toBeNull();
    expect(createWebhookEndpoint.secret).toBeNull();
    expect(createWebhookEndpoint.userErrors).toEqual([userError('INVALID', 'url'), userError('INVALID', 'topics'), userError('INVALID', 'description')]);
    const unknown = await deal.merchant.owner.client.execute(CreateWebhookEndpointDocument, {
      input: { workspaceId: '0190a0b0-0000-7000-8000-000000000000', url: 'http://127.0.0.1:1/', topics: ['ORDER_PLACED'] },
    });
    expect(unknown.createWebhookEndpoint.userErrors).toEqual([userError('NOT_FOUND', 'workspaceId')]);
  });
});
