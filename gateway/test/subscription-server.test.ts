import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { maskUnexpectedErrors, newId, signAccessToken, type EndedSessions, type Logger, type Viewer } from '@mpp/kit';
import { buildSchema, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/gateway.js';
import { encodedEvent, WorkQueue } from '../src/subscriptions/delivery.js';
import type { OrderEventFeed } from '../src/subscriptions/feed.js';
import { attachSubscriptions } from '../src/subscriptions/server.js';

// The WebSocket server on its own, in front of a small real Apollo server: what happens to
// queries and mutations sent over the socket, and the `checkOperation` hook.
const schema = buildSchema(`
  type Query { hello: String, refused: String, broken: String, limited: String }
  type Mutation { touch: String }
`);
/** Root fields resolved by graphql-js's default resolver from the root value. */
const rootValue = {
  hello: () => 'world',
  refused: () => {
    throw new GraphQLError('Not yours.', { extensions: { code: 'FORBIDDEN' } });
  },
  broken: () => {
    throw new Error('relation "secret_table" does not exist');
  },
  limited: () => 'should not run',
  touch: () => 'touched',
};

const silent = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent } as unknown as Logger;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const accountId = newId();
const checked: { viewer: Viewer; variables: Record<string, unknown>; clientIp: string | null }[] = [];

let httpServer: Server;
let apollo: ApolloServer<GatewayContext>;
let subscriptions: ReturnType<typeof attachSubscriptions>;
let client: Client;
let closes = 0;

beforeAll(async () => {
  apollo = new ApolloServer<GatewayContext>({
    schema,
    rootValue,
    formatError: maskUnexpectedErrors(() => {}),
  });
  await apollo.start();
  httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  subscriptions = attachSubscriptions({
    httpServer,
    apollo,
    schema,
    feed: { position: 0 } as unknown as OrderEventFeed,
    keys: { signingKey: privateKey, verifyKey: publicKey },
    // No session of this file ends.
    sessions: { has: () => false, assertLive: () => {} } as unknown as EndedSessions,
    // Nobody's memberships change either.
    membershipChanges: { trusts: () => true, catchUp: async () => true, onChange: () => () => {} },
    logger: silent,
    limits: { perConnection: 5, perAccount: 5, total: 10, maxBufferedBytes: 1 << 20, keepAliveMs: 60_000, maxMessageBytes: 1 << 20 },
    checkOperation(document: DocumentNode, variables: Record<string, unknown>, { viewer, clientIp }: { viewer: Viewer; clientIp: string | null }) {
      checked.push({ viewer, variables, clientIp });
      const asksLimited = JSON.stringify(document).includes('"limited"');
      return asksLimited ? [new GraphQLError('The operation costs too much.', { extensions: { code: 'QUERY_TOO_COSTLY' } })] : [];
    },
  });
  const token = await signAccessToken(privateKey, accountId, newId(), 600);
  client = createClient({
    url: `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    // One socket for the whole file: every operation below shares it.
    lazy: false,
    on: { closed: () => (closes += 1) },
  });
});

afterAll(async () => {
  await client?.dispose();
  await subscriptions?.close();
  await new Promise((resolve) => httpServer?.close(resolve));
  await apollo?.stop();
});

/** Runs one operation over the shared socket: its single result, or the errors it was refused with. */
async function over(query: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
  const results: ExecutionResult[] = [];
  for await (const result of client.iterate({ query, variables })) results.push(result as ExecutionResult);
  expect(results).toHaveLength(1);
  return results[0]!;
}

async function refusal(query: string): Promise<readonly GraphQLError[]> {
  try {
    await over(query);
  } catch (errors) {
    return errors as GraphQLError[];
  }
  throw new Error('the operation was not refused');
}

describe('operations over the socket', () => {
  it('delivers errors in the result, masked as over HTTP, and keeps the socket open', async () => {
    const refused = await over('query Refused { hello refused }');
    expect(refused.data).toEqual({ hello: 'world', refused: null });
    expect(refused.errors?.[0]).toMatchObject({ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } });

    const broken = await over('query Broken { broken }');
    expect(broken.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(broken)).not.toContain('secret_table');

    expect((await over('mutation Touch { touch }')).data).toEqual({ touch: 'touched' });
    expect(closes).toBe(0);
  });

  it('refuses what checkOperation refuses, with its errors, on that operation alone', async () => {
    checked.length = 0;
    const [error] = await refusal('query Limited { limited }');
    expect(error).toMatchObject({ message: 'The operation costs too much.', extensions: { code: 'QUERY_TOO_COSTLY' } });
    expect(checked[0]?.viewer.accountId).toBe(accountId);
    // The socket's peer address, for the limits of an anonymous caller's bucket.
    expect(checked[0]?.clientIp).toMatch(/127\.0\.0\.1/);
    expect((await over('query Hello { hello }')).data).toEqual({ hello: 'world' });
    expect(checked.length).toBe(2);
    expect(closes).toBe(0);
  });
});

describe('delivery parts', () => {
  it('encodes a payload once per result and response key', () => {
    const result: ExecutionResult = { data: { event: { cursor: 'c1' } } };
    const first = encodedEvent(result, 'orderStatusChanged');
    expect(encodedEvent(result, 'orderStatusChanged')).toBe(first);
    expect(JSON.parse(first.toString())).toEqual({ data: { orderStatusChanged: { cursor: 'c1' } } });
    expect(JSON.parse(encodedEvent(result, 'aliased').toString())).toEqual({ data: { aliased: { cursor: 'c1' } } });
    const failed = encodedEvent({ data: { event: null }, errors: [new GraphQLError('Down.', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] }, 'x');
    expect(JSON.parse(failed.toString())).toEqual({ data: null, errors: [{ message: 'Down.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
  });

  it('runs at most `concurrency` tasks at once and skips those nobody waits for any more', async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return 'ran';
    };
    let wanted = true;
    const results = Promise.all([
      queue.run(task, () => true, 'skipped'),
      queue.run(task, () => true, 'skipped'),
      queue.run(task, () => wanted, 'skipped'),
      queue.run(task, () => true, 'skipped'),
    ]);
    wanted = false; // the third one's subscribers left while it waited
    expect(await results).toEqual(['ran', 'ran', 'skipped', 'ran']);
    expect(most).toBe(2);
  });
});
