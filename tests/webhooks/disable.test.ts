import { SendTestWebhookDocument, UpdateWebhookEndpointDocument, WebhookEndpointDocument } from '@mpp/client';
import { createVerifiedMerchant, TestPlatform, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEndpoint, deliveriesWhen, Receiver } from './receiver.js';

// An endpoint failing for WEBHOOK_DISABLE_AFTER_MS (3 days by default; 1 s here) is disabled.
let platform: TestPlatform;
let merchant: SeededWorkspace;
let hooks: Receiver;

beforeAll(async () => {
  platform = await TestPlatform.start({
    env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_DELAYS_MS: Array(30).fill('200').join(','), WEBHOOK_DISABLE_AFTER_MS: '1000' },
  });
  merchant = await createVerifiedMerchant(platform);
  hooks = await Receiver.start(() => 500);
}, 300_000);
afterAll(async () => {
  await hooks?.close();
  await platform?.stop();
});

it('disables an endpoint that keeps failing, says why, and resumes its deliveries when enabled again', async () => {
  const { endpoint } = await createEndpoint(merchant.owner.client, merchant.id, hooks.url, ['ORDER_PLACED']);
  const { sendTestWebhook } = await merchant.owner.client.execute(SendTestWebhookDocument, { input: { endpointId: endpoint.id } });
  expect(sendTestWebhook.userErrors).toEqual([]);

  await expect
    .poll(async () => (await merchant.owner.client.execute(WebhookEndpointDocument, { id: endpoint.id })).webhookEndpoint?.enabled, { timeout: 30_000, interval: 100 })
    .toBe(false);
  const { webhookEndpoint } = await merchant.owner.client.execute(WebhookEndpointDocument, { id: endpoint.id });
  expect(webhookEndpoint!.disabledReason).toMatch(/failed since .*HTTP 500/);
  expect(webhookEndpoint!.disabledAt).not.toBeNull();
  // The delivery waits (not FAILED): its schedule is not exhausted, the endpoint is off.
  expect(webhookEndpoint!.deliveries.nodes[0]!.status).toBe('PENDING');
  const attemptsWhenDisabled = hooks.received.length;
  expect(attemptsWhenDisabled).toBeGreaterThanOrEqual(2);

  // A disabled endpoint gets no test delivery.
  const refused = await merchant.owner.client.execute(SendTestWebhookDocument, { input: { endpointId: endpoint.id } });
  expect(refused.sendTestWebhook.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

  hooks.respond = () => 200;
  const { updateWebhookEndpoint } = await merchant.owner.client.execute(UpdateWebhookEndpointDocument, { input: { endpointId: endpoint.id, enabled: true } });
  expect(updateWebhookEndpoint.endpoint).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  const [delivery] = await deliveriesWhen(merchant.owner.client, endpoint.id, (d) => d[0]?.status === 'DELIVERED');
  expect(delivery!.attempts.at(-1)!.statusCode).toBe(200);
  expect(hooks.received.length).toBeGreaterThan(attemptsWhenDisabled);
});
