import { INTERNAL_CREDENTIAL_HEADER, loadInternalSecret, signInternalRequest } from '@mpp/kit';
import { placeOrder, prepareDeal, type Deal, type TestPlatform } from '@mpp/testkit';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { subgraphUrl } from '../support/subgraph.js';

const SUBGRAPHS = ['accounts', 'service-market', 'mini-programs', 'orders'];

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : undefined };
}

function expectRefused(answer: Answer): void {
  expect(answer.status).toBe(401);
  expect(answer.body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(answer.body?.data).toBeUndefined();
}

/** What each subgraph would tell about its entities: an order, a draft service, contact details, an email. */
const SELECTIONS: Record<string, string> = {
  accounts: '... on Account { id email }',
  'service-market': '... on Service { id status }',
  'mini-programs': '... on MiniProgram { id contactEmail }',
  orders: '... on Order { id requirements }',
};
const entities = (subgraph: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${SELECTIONS[subgraph]} } }`;

/** Subgraphs answer only the gateway: every way around it is refused. */
export function internalCredentialCases(target: () => TestPlatform): void {
  let deal: Deal;
  let representations: Record<string, { __typename: string; id: string }[]>;

  beforeAll(async () => {
    const platform = target();
    deal = await prepareDeal(platform);
    const order = await placeOrder(deal);
    representations = {
      accounts: [{ __typename: 'Account', id: deal.merchant.owner.id }],
      'service-market': [{ __typename: 'Service', id: deal.serviceId }],
      'mini-programs': [{ __typename: 'MiniProgram', id: deal.miniProgramId }],
      orders: [{ __typename: 'Order', id: order.id }],
    };
  }, 120_000);

  const sign = (platform: TestPlatform, request: { method?: string; path?: string; authorization?: string | null }, now?: number) => ({
    [INTERNAL_CREDENTIAL_HEADER]: signInternalRequest(
      loadInternalSecret(platform.config),
      { method: request.method ?? 'POST', path: request.path ?? '/graphql', authorization: request.authorization ?? null },
      now,
    ),
  });

  describe('a subgraph reached without the gateway', () => {
    it('refuses anonymous requests, `_entities` included, with 401', async () => {
      const platform = target();
      for (const subgraph of SUBGRAPHS) {
        const url = subgraphUrl(platform, subgraph);
        expectRefused(await post(url, '{ __typename }', {}, {}));
        expectRefused(await post(url, entities(subgraph), { representations: representations[subgraph] }, {}));
      }
    });

    it('refuses a user’s valid token without the gateway’s credential', async () => {
      const platform = target();
      const authorization = `Bearer ${deal.merchant.owner.token}`;
      for (const subgraph of SUBGRAPHS) {
        expectRefused(await post(subgraphUrl(platform, subgraph), entities(subgraph), { representations: representations[subgraph] }, { authorization }));
      }
    });

    it('refuses forged, stale, replayed and malformed credentials', async () => {
      const platform = target();
      const authorization = `Bearer ${deal.merchant.owner.token}`;
      const url = subgraphUrl(platform, 'orders');
      const variables = { representations: representations.orders! };
      const other = `Bearer ${deal.isv.owner.token}`;
      const forgeries: Record<string, string>[] = [
        // signed with a secret of its own
        { [INTERNAL_CREDENTIAL_HEADER]: signInternalRequest(randomBytes(32), { method: 'POST', path: '/graphql', authorization }) },
        // two minutes old
        sign(platform, { authorization }, Date.now() - 120_000),
        // captured for another caller's token
        sign(platform, { authorization: other }),
        // captured for another route
        sign(platform, { authorization, path: '/uploads/x' }),
        { [INTERNAL_CREDENTIAL_HEADER]: 'v1.not-a-time.not-a-signature' },
        { [INTERNAL_CREDENTIAL_HEADER]: '' },
      ];
      for (const headers of forgeries) expectRefused(await post(url, entities('orders'), variables, { authorization, ...headers }));

      // The same request signed by the gateway's secret is served: the refusals above are the credential's.
      const genuine = await post(url, entities('orders'), variables, { authorization, ...sign(platform, { authorization }) });
      expect(genuine.status).toBe(200);
      expect(genuine.body?.data).toEqual({ _entities: [{ id: variables.representations[0]!.id, requirements: expect.any(String) as string }] });
    });

    it('refuses upload and file routes without the credential, and serves health checks to anyone', async () => {
      const platform = target();
      const miniPrograms = subgraphUrl(platform, 'mini-programs').replace(/\/graphql$/, '');
      const put = await fetch(`${miniPrograms}/uploads/${deal.miniProgramId}`, { method: 'PUT', body: 'bytes' });
      expect(put.status).toBe(401);
      const file = await fetch(`${miniPrograms}/files/${deal.miniProgramId}`);
      expect(file.status).toBe(401);
      for (const subgraph of SUBGRAPHS) {
        const health = await fetch(subgraphUrl(platform, subgraph).replace(/\/graphql$/, '/healthz'));
        expect(health.status).toBe(200);
      }
    });

    it('listens on loopback only', () => {
      for (const subgraph of target().platform.subgraphs) {
        expect((subgraph.httpServer.address() as { address: string }).address).toBe('127.0.0.1');
      }
    });
  });
}
