import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { LoggedEvent } from '@mpp/kit';
import { describe, expect, it, vi } from 'vitest';
import { isPublicAddress, publicOnlyLookup } from '../src/delivery/addresses.js';
import { retryDelayMs, shouldDisable } from '../src/delivery/schedule.js';
import { deliveryAgent, MAX_RESPONSE_BYTES, sendWebhook, signatureHeaders } from '../src/delivery/sender.js';
import { newSecret, urlProblem } from '../src/endpoint/endpoint.rules.js';
import { messagesOf, WebhookTopic } from '../src/events/topics.js';

describe('addresses', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', '224.0.0.1'])(
    '%s is not public',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
  it.each(['1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => expect(isPublicAddress(address)).toBe(true));

  it('refuses a name that resolves to loopback at connect time', async () => {
    const error = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', {}, (err) => resolve(err)));
    expect(error?.message).toMatch(/loopback or private/);
  });
});

describe('urls', () => {
  const publicDns = async () => ['1.1.1.1'];
  const privateDns = async () => ['1.1.1.1', '10.0.0.7'];
  it('wants https and public addresses unless private targets are allowed', async () => {
    expect(await urlProblem('https://hooks.example.com/x', false, publicDns)).toBeNull();
    expect(await urlProblem('https://hooks.example.com/x', false, privateDns)).toMatch(/10\.0\.0\.7/);
    expect(await urlProblem('http://hooks.example.com/x', false, publicDns)).toMatch(/https/);
    expect(await urlProblem('http://127.0.0.1:8080/x', true)).toBeNull();
    expect(await urlProblem('ftp://127.0.0.1/x', true)).toMatch(/http/);
    expect(await urlProblem('https://nowhere.invalid/x', false, async () => Promise.reject(new Error('ENOTFOUND')))).toMatch(/does not resolve/);
  });
});

describe('schedule', () => {
  const delays = [5000, 30000];
  it('waits each delay with ±20 % jitter, then gives up', () => {
    expect(retryDelayMs(1, delays, () => 0)).toBe(4000);
    expect(retryDelayMs(1, delays, () => 1)).toBe(6000);
    expect(retryDelayMs(2, delays, () => 0.5)).toBe(30000);
    expect(retryDelayMs(3, delays, () => 0.5)).toBeNull();
  });
  it('disables after failing long enough', () => {
    expect(shouldDisable(null, new Date(), 1000)).toBe(false);
    expect(shouldDisable(new Date(0), new Date(999), 1000)).toBe(false);
    expect(shouldDisable(new Date(0), new Date(1000), 1000)).toBe(true);
  });
});

describe('sending', () => {
  it('signs so that standardwebhooks verifies with each secret', () => {
    const [a, b] = [newSecret(), newSecret()];
    const body = JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: {} });
    const headers = signatureHeaders({ id: 'msg_1', body, secrets: [a, b] }, new Date());
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(a).verify(body, headers)).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(b).verify(body, headers)).toMatchObject({ type: 'webhook.test' });
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
  });

  it('refuses loopback at delivery, does not follow redirects, and keeps 64 KB of the answer', async () => {
    let hits = 0;
    const server = createServer((req, res) => {
      hits += 1;
      if (req.url === '/redirect') res.writeHead(302, { location: '/big' }).end();
      else res.writeHead(200).end('x'.repeat(MAX_RESPONSE_BYTES * 3));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const message = { id: 'msg_1', body: '{}', secrets: [newSecret()] };
    const strict = deliveryAgent(false);
    const open = deliveryAgent(true);
    try {
      const refused = await sendWebhook(strict, `${base}/big`, message, { timeoutMs: 2000, allowPrivate: false });
      expect(refused).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/loopback or private/) });
      const byName = await sendWebhook(strict, `${base.replace('127.0.0.1', 'localhost')}/big`, message, { timeoutMs: 2000, allowPrivate: false });
      expect(byName).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/loopback or private/) });
      expect(hits).toBe(0);

      const redirected = await sendWebhook(open, `${base}/redirect`, message, { timeoutMs: 2000, allowPrivate: true });
      expect(redirected).toMatchObject({ ok: false, statusCode: 302 });
      expect(hits).toBe(1);
      const big = await sendWebhook(open, `${base}/big`, message, { timeoutMs: 2000, allowPrivate: true });
      expect(big).toMatchObject({ ok: true, statusCode: 200 });
      expect(big.responseBody).toHaveLength(MAX_RESPONSE_BYTES);
    } finally {
      await Promise.all([strict.close(), open.close()]);
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('version reviews', () => {
  const reviewed = (payload: Record<string, unknown>) =>
    ({
      position: 7,
      id: '01a23695-0000-7000-8000-000000000007',
      type: 'mini_program.version_changed',
      streamId: 'mp',
      payload: { miniProgramId: 'mp', merchantWorkspaceId: 'merchant', name: 'Shop', versionId: 'v', version: '1.0.0', from: 'UNDER_REVIEW', to: 'APPROVED', ...payload },
      actorId: null,
      requestId: null,
      traceParent: null,
      occurredAt: new Date('2026-01-01T00:00:00Z'),
    }) as LoggedEvent;
  const lookup = (isv: string | null) => ({ authorizedIsv: vi.fn(async () => isv) });

  it('go to the merchant and the ISV the event names, without asking this subgraph’s copy of Orders', async () => {
    const parties = lookup('stale-isv');
    const [message] = await messagesOf('mini_programs', reviewed({ authorizedIsvWorkspaceId: 'isv' }), parties);
    expect(message).toMatchObject({ topic: WebhookTopic.VERSION_REVIEWED, parties: ['merchant', 'isv'] });
    expect(parties.authorizedIsv).not.toHaveBeenCalled();
    const [merchantOnly] = await messagesOf('mini_programs', reviewed({ authorizedIsvWorkspaceId: null }), parties);
    expect(merchantOnly?.parties).toEqual(['merchant']);
  });

  it('of events logged before they named the ISV look it up', async () => {
    const [message] = await messagesOf('mini_programs', reviewed({}), lookup('isv'));
    expect(message?.parties).toEqual(['merchant', 'isv']);
  });
});
