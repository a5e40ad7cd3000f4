import { createPlatformClient, GraphQLRequestError, SignInDocument, SignOutDocument, ViewerDocument, type SessionTokens } from '@mpp/client';
import { signUp, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { expectGraphQLError } from '../support/expectations.js';
import { claimsFor, platformSigningKey, signToken } from '../support/tokens.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

/** A fresh session: the account and its pair. */
async function session() {
  const alice = await signUp(platform);
  const { signIn } = await platform.client().execute(SignInDocument, { input: { email: alice.email, password: alice.password } });
  return { alice, pair: { token: signIn.token!, refreshToken: signIn.refreshToken! } };
}

/** Ends the session (as signing out on another device does) and waits until the gateway refuses its token. */
async function signOutElsewhere(token: string): Promise<void> {
  await platform.client(token).execute(SignOutDocument);
  const deadline = Date.now() + 5_000;
  while ((await platform.client(token).request(ViewerDocument)).status !== 401) {
    if (Date.now() > deadline) throw new Error('the signed-out token is still accepted');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A client of the session that counts what it sends and what it reports. */
function observedClient(tokens: { token: string; refreshToken: string }, fail?: (operationName: string) => boolean) {
  const sent: string[] = [];
  const renewed: SessionTokens[] = [];
  const ended: GraphQLRequestError[] = [];
  const client = createPlatformClient({
    url: platform.url,
    ...tokens,
    webSocketImpl: WebSocket,
    retryAttempts: 2,
    onTokens: (pair) => renewed.push(pair),
    onSessionEnded: (error) => ended.push(error),
    fetch: (input, init) => {
      const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
      sent.push(operationName);
      if (fail?.(operationName)) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    },
  });
  const renewals = () => sent.filter((name) => name === 'RefreshSession').length;
  return { client, sent, renewed, ended, renewals };
}

describe('a refresh token the gateway refuses', () => {
  it('is tried once after a 401, reported once, then dropped: later requests fail at once, with no renewal', async () => {
    const { pair } = await session();
    await signOutElsewhere(pair.token);
    const { client, sent, renewed, ended, renewals } = observedClient(pair);

    await expectGraphQLError(client.execute(ViewerDocument), 'UNAUTHENTICATED');
    expect(sent).toEqual(['Viewer', 'RefreshSession']);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toBeInstanceOf(GraphQLRequestError);
    expect(ended[0]!.code).toBe('UNAUTHENTICATED');
    expect(ended[0]!.message).toMatch(/sign in again/);
    expect(client.refreshToken).toBeNull();

    const later = await Promise.all([1, 2, 3].map(() => client.request(ViewerDocument)));
    expect(later.map((result) => [result.status, result.errors?.[0]?.extensions?.code])).toEqual(Array(3).fill([401, 'UNAUTHENTICATED']));
    await expect(client.refresh()).resolves.toBe(false);
    expect(renewals()).toBe(1);
    expect(ended).toHaveLength(1);
    expect(renewed).toEqual([]);
  });

  it('ends the session once when it is found refused before sending an expired token, over HTTP and the WebSocket', async () => {
    const { alice, pair } = await session();
    await signOutElsewhere(pair.token);
    const expired = signToken(claimsFor(alice.id, { exp: Math.floor(Date.now() / 1000) - 5 }), platformSigningKey(platform));
    const { client, sent, ended, renewals } = observedClient({ token: expired, refreshToken: pair.refreshToken });

    await expectGraphQLError(client.execute(ViewerDocument), 'UNAUTHENTICATED');
    expect(sent).toEqual(['RefreshSession', 'Viewer']);
    // The socket is refused at each of its reconnections; none of them renews again.
    await expect(client.subscribe(ViewerDocument).next()).rejects.toBeDefined();
    await client.close();
    expect(renewals()).toBe(1);
    expect(ended).toHaveLength(1);
  });

  it('is also refused when it was used already: the other holder and this client both stop', async () => {
    const { pair } = await session();
    const first = observedClient(pair);
    await expect(first.client.refresh()).resolves.toBe(true);
    // A copy of the old pair, used after the rotation: reuse ends the whole session.
    const copy = observedClient(pair);
    await expect(copy.client.refresh()).resolves.toBe(false);
    expect(copy.ended.map((error) => error.code)).toEqual(['UNAUTHENTICATED']);
    expect(copy.client.refreshToken).toBeNull();
    await expect(copy.client.refresh()).resolves.toBe(false);
    expect(copy.renewals()).toBe(1);
    await expect(first.client.refresh()).resolves.toBe(false);
    expect(first.ended).toHaveLength(1);
    expect(first.client.refreshToken).toBeNull();
  });
});

describe('a renewal that fails on the way', () => {
  it('keeps the refresh token for the next attempt', async () => {
    const { alice, pair } = await session();
    const expired = signToken(claimsFor(alice.id, { exp: Math.floor(Date.now() / 1000) - 5 }), platformSigningKey(platform));
    let failures = 1;
    const { client, renewed, ended } = observedClient({ token: expired, refreshToken: pair.refreshToken }, (name) => name === 'RefreshSession' && failures-- > 0);

    await expect(client.execute(ViewerDocument)).rejects.toThrow('fetch failed');
    expect(client.refreshToken).toBe(pair.refreshToken);
    expect(ended).toEqual([]);

    const { viewer } = await client.execute(ViewerDocument);
    expect(viewer?.id).toBe(alice.id);
    expect(renewed).toHaveLength(1);
    expect(ended).toEqual([]);
  });
});
