import { CreateWebhookEndpointDocument } from '@mpp/client';
import { createVerifiedMerchant, TestPlatform, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { userError } from '../support/expectations.js';

// The default configuration: only https:// URLs of public addresses.
let platform: TestPlatform;
let merchant: SeededWorkspace;

beforeAll(async () => {
  platform = await TestPlatform.start();
  merchant = await createVerifiedMerchant(platform);
}, 300_000);
afterAll(async () => {
  await platform?.stop();
});

it.each([
  ['http://1.1.1.1/hooks', 'plain http'],
  ['https://127.0.0.1/hooks', 'loopback'],
  ['https://localhost:8443/hooks', 'a name of loopback'],
  ['https://10.1.2.3/hooks', 'RFC 1918'],
  ['https://192.168.1.20/hooks', 'RFC 1918'],
  ['https://169.254.169.254/latest/meta-data', 'link-local (cloud metadata)'],
  ['https://100.64.0.1/hooks', 'carrier-grade NAT'],
  ['https://0.0.0.0/hooks', 'unspecified'],
  ['https://[::1]/hooks', 'IPv6 loopback'],
  ['https://[fd00::1]/hooks', 'IPv6 unique local'],
  ['https://[::ffff:127.0.0.1]/hooks', 'IPv4-mapped loopback'],
  ['https://user:secret@1.1.1.1/hooks', 'credentials in the URL'],
])('refuses %s (%s)', async (url) => {
  const { createWebhookEndpoint } = await merchant.owner.client.execute(CreateWebhookEndpointDocument, {
    input: { workspaceId: merchant.id, url, topics: ['ORDER_PLACED'] },
  });
  expect(createWebhookEndpoint).toEqual({ endpoint: null, secret: null, userErrors: [userError('INVALID', 'url')] });
});

it('accepts an https URL of a public address', async () => {
  const { createWebhookEndpoint } = await merchant.owner.client.execute(CreateWebhookEndpointDocument, {
    input: { workspaceId: merchant.id, url: 'https://1.1.1.1/hooks', topics: ['SERVICE_REVIEWED'] },
  });
  expect(createWebhookEndpoint.userErrors).toEqual([]);
  expect(createWebhookEndpoint.endpoint).toMatchObject({ url: 'https://1.1.1.1/hooks', enabled: true, topics: ['SERVICE_REVIEWED'] });
});
