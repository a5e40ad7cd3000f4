import { createHash } from 'node:crypto';
import { createPlatformClient, RefreshSessionDocument, SignInDocument, SignOutDocument, ViewerDocument, type SessionTokens } from '@mpp/client';
import { loadConfig, rowsOf } from '@mpp/kit';
import { signUp, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doorsOf } from '../support/sessions.js';
import { claimsFor, platformSigningKey, signToken, strangerSigningKey } from '../support/tokens.js';
import { sessionCases } from './session-cases.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

sessionCases(() => ({ platform, doors: doorsOf(platform), clients: [(token) => platform.client(token ?? null)] }));

describe('session storage and configuration', () => {
  it('stores refresh tokens only as hashes', async () => {
    const alice = await signUp(platform);
    const { signIn } = await platform.client().execute(SignInDocument, { input: { email: alice.email, password: alice.password } });
    const db = platform.platform.database.orm({});
    const hashes = rowsOf<{ hash: string }>(await db.execute('select hash from accounts.refresh_tokens'));
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.every(({ hash }) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(hashes.map(({ hash }) => hash)).not.toContain(signIn.refreshToken);
  });

  it('forgets the refresh tokens of a session once it ends', async () => {
    const alice = await signUp(platform);
    const { signIn } = await platform.client().execute(SignInDocument, { input: { email: alice.email, password: alice.password } });
    const { refreshSession } = await platform.client().execute(RefreshSessionDocument, { input: { refreshToken: signIn.refreshToken! } });
    const db = platform.platform.database.orm({});
    const hashes = [signIn.refreshToken!, refreshSession.refreshToken!].map((token) => `'${createHash('sha256').update(token).digest('hex')}'`);
    const stored = async () => rowsOf<{ count: number }>(await db.execute(`select count(*)::int as count from accounts.refresh_tokens where hash in (${hashes.join(', ')})`))[0]?.count;
    // The retired one is kept to catch its reuse while the session lives.
    expect(await stored()).toBe(2);
    await platform.client(refreshSession.token).execute(SignOutDocument, {});
    expect(await stored()).toBe(0);
    const refused = await platform.client().request(RefreshSessionDocument, { input: { refreshToken: refreshSession.refreshToken! } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps access tokens at 15 minutes at most', () => {
    expect(loadConfig({}).tokenTtlSeconds).toBe(900);
    expect(loadConfig({ TOKEN_TTL_SECONDS: '60' }).tokenTtlSeconds).toBe(60);
    expect(() => loadConfig({ TOKEN_TTL_SECONDS: '901' })).toThrow(/TOKEN_TTL_SECONDS/);
  });
});

describe('the typed client', () => {
  async function pairOf() {
    const alice = await signUp(platform);
    const { signIn } = await platform.client().execute(SignInDocument, { input: { email: alice.email, password: alice.password } });
    return { alice, pair: { token: signIn.token!, refreshToken: signIn.refreshToken! } };
  }

  it('renews an expired token before sending, and reports the new pair', async () => {
    const { alice, pair } = await pairOf();
    const expired = signToken(claimsFor(alice.id, { exp: Math.floor(Date.now() / 1000) - 5 }), platformSigningKey(platform));
    const renewed: SessionTokens[] = [];
    let sent = 0;
    const client = createPlatformClient({
      url: platform.url,
      token: expired,
      refreshToken: pair.refreshToken,
      onTokens: (tokens) => renewed.push(tokens),
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const { viewer } = await client.execute(ViewerDocument);
    expect(viewer?.id).toBe(alice.id);
    expect(sent).toBe(2); // the refresh, then the query: no 401 round trip
    expect(renewed).toHaveLength(1);
    expect(renewed[0]!.refreshToken).not.toBe(pair.refreshToken);
    expect(client.token).toBe(renewed[0]!.token);
    expect(client.refreshToken).toBe(renewed[0]!.refreshToken);
  });

  it('renews once on a 401 and retries; concurrent requests share one renewal', async () => {
    const { alice, pair } = await pairOf();
    const refused = signToken(claimsFor(alice.id), strangerSigningKey());
    const renewed: SessionTokens[] = [];
    const client = createPlatformClient({ url: platform.url, token: refused, refreshToken: pair.refreshToken, onTokens: (tokens) => renewed.push(tokens) });
    const answers = await Promise.all([client.execute(ViewerDocument), client.execute(ViewerDocument), client.execute(ViewerDocument)]);
    expect(answers.map((a) => a.viewer?.id)).toEqual([alice.id, alice.id, alice.id]);
    expect(renewed).toHaveLength(1);
  });

  it('gives the 401 back when the session cannot go on', async () => {
    const { alice } = await pairOf();
    const refused = signToken(claimsFor(alice.id), strangerSigningKey());
    const renewed: SessionTokens[] = [];
    const client = createPlatformClient({ url: platform.url, token: refused, refreshToken: 'no-such-refresh-token', onTokens: (tokens) => renewed.push(tokens) });
    const result = await client.request(ViewerDocument);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(renewed).toEqual([]);
  });
});
