import { addMember, placeOrder, prepareDeal, TestPlatform, type Actor, type Deal } from '@mpp/testkit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Connections opened at once, as clients reconnect together after a gateway restart. */
const CONNECTIONS = 1_000;
/** Accounts the connections belong to: each opens many, as a partner's front ends do. */
const ACCOUNTS = 20;
/** Subscriptions each connection starts as soon as it is open. */
const PER_CONNECTION = 10;

const ORDER_STATUS = `subscription StormOrderStatus($workspaceId: ID!) {
  orderStatusChanged(workspaceId: $workspaceId) { cursor to order { id number } }
}`;

let platform: TestPlatform;
let deal: Deal;
let members: Actor[];
beforeAll(async () => {
  // Limits with room for the storm; the rate limit stays on (shared buckets on a Postgres server).
  const subscriptions = String(CONNECTIONS * PER_CONNECTION);
  platform = await TestPlatform.start({ env: { SUBSCRIPTIONS_PER_ACCOUNT: subscriptions, MAX_SUBSCRIPTIONS: subscriptions, SUBSCRIPTIONS_PER_CONNECTION: String(PER_CONNECTION) } });
  deal = await prepareDeal(platform);
  members = [deal.merchant.owner];
  while (members.length < ACCOUNTS) members.push(await addMember(platform, deal.merchant, 'DEVELOPER'));
});
afterAll(() => platform?.stop());

/** One subscription of the storm and what it received: results, or the error that ended it. */
interface StormSubscription {
  received: { data?: unknown; errors?: unknown }[];
}

/** What graphql-ws gives `error`: the server's GraphQL errors, or the close event of a refused socket. */
function describeFailure(error: unknown): unknown[] {
  if (Array.isArray(error)) return error;
  const { code, reason, message } = error as { code?: number; reason?: string; message?: string };
  return [code === undefined ? `socket failed: ${message ?? String(error)}` : `socket closed: ${code} ${reason ?? ''}`];
}

const orderIdOf = (result: StormSubscription['received'][number] | undefined) =>
  (result?.data as { orderStatusChanged?: { order: { id: string } } } | undefined)?.orderStatusChanged?.order.id;

describe('a reconnect storm', () => {
  it('accepts every subscription of 1,000 connections opened at once, delivers the next event to each, and a mutation right after succeeds', async () => {
    const gateway = platform.platform.gateway;
    const expected = gateway.activeSubscriptions() + CONNECTIONS * PER_CONNECTION;
    const url = platform.url.replace(/^http/, 'ws');
    const clients: Client[] = [];
    const subscriptions: StormSubscription[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const member = members[i % members.length]!;
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${member.token}` } });
      clients.push(client);
      for (let k = 0; k < PER_CONNECTION; k++) {
        const subscription: StormSubscription = { received: [] };
        subscriptions.push(subscription);
        client.subscribe(
          { query: ORDER_STATUS, variables: { workspaceId: deal.merchant.id } },
          {
            next: (result) => void subscription.received.push(result),
            error: (error) => void subscription.received.push({ errors: describeFailure(error) }),
            complete: () => {},
          },
        );
      }
    }
    try {
      // Every subscription is served, or one was refused: either ends the wait.
      const served = Date.now() + 45_000;
      while (gateway.activeSubscriptions() < expected && !subscriptions.some((s) => s.received.length > 0) && Date.now() < served) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(subscriptions.flatMap((s) => s.received)).toEqual([]);
      expect(gateway.activeSubscriptions()).toBe(expected);

      const order = await placeOrder(deal);
      const delivered = Date.now() + 45_000;
      while (subscriptions.some((s) => s.received.length === 0) && Date.now() < delivered) await new Promise((resolve) => setTimeout(resolve, 20));
      const missed = subscriptions.map((s) => s.received[0]).filter((first) => first?.errors !== undefined || orderIdOf(first) !== order.id);
      expect(missed).toEqual([]);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});
