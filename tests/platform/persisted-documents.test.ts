import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as client from '@mpp/client';
import { createPlatformClient, CreateWorkspaceDocument, ViewerDocument } from '@mpp/client';
import { signUp, TestPlatform, type Actor } from '@mpp/testkit';
import { createClient } from 'graphql-ws';
import { Kind, parse } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLShapedError, rawRequest } from '../support/http.js';
import type { GraphQLBody } from '../limits/support.js';

const CLIENT = new URL('../../packages/client/', import.meta.url);
const listed = JSON.parse(readFileSync(new URL('persisted-documents.json', CLIENT), 'utf8')) as Record<string, string>;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (document: object) => (document as { __meta__: { hash: string } }).__meta__.hash;

/** A POST naming a document by hash (and its text when given), as an APQ client sends it. */
async function byHash(hash: string, options: { query?: string; token?: string; variables?: Record<string, unknown> } = {}) {
  const response = await rawRequest(platform, {
    body: JSON.stringify({
      ...(options.query === undefined ? {} : { query: options.query }),
      variables: options.variables ?? {},
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    }),
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
  });
  return { ...response, body: response.json as GraphQLBody };
}

let platform: TestPlatform;
let actor: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start();
  actor = await signUp(platform);
}, 300_000);
afterAll(() => platform?.stop());

describe('the persisted document list', () => {
  it('holds exactly the client operations, each under the SHA-256 of its text', () => {
    for (const [hash, text] of Object.entries(listed)) expect(sha256(text), text).toBe(hash);
    const operationNames = readdirSync(new URL('operations/', CLIENT), { recursive: true })
      .filter((file) => String(file).endsWith('.graphql'))
      .flatMap((file) => parse(readFileSync(new URL(`operations/${String(file)}`, CLIENT), 'utf8')).definitions)
      .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : []));
    const listedNames = Object.values(listed).map((text) =>
      parse(text).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : [])),
    );
    expect(listedNames.every((names) => names.length === 1)).toBe(true);
    expect(listedNames.flat().sort()).toEqual([...operationNames].sort());
  });

  it('is what the typed client sends: each document carries its listed hash and text', () => {
    const documents = Object.entries(client).filter(([name]) => name.endsWith('Document') && !name.endsWith('FragmentDoc'));
    expect(documents.length).toBe(Object.keys(listed).length);
    for (const [name, document] of documents) {
      const meta = (document as { __meta__?: { hash: string; text: string } }).__meta__;
      expect(meta, name).toBeDefined();
      expect(listed[meta!.hash], name).toBe(meta!.text);
    }
  });
});

describe('running a document by its hash (APQ)', () => {
  it('runs a listed document sent by its hash alone, with the limits reporting its cost', async () => {
    const response = await byHash(hashOf(ViewerDocument), { token: actor.token });
    expect(response.status, response.text).toBe(200);
    expect((response.body.data as { viewer: { id: string } }).viewer.id).toBe(actor.id);
    // Costed as the same text sent in full.
    const inFull = await rawRequest(platform, {
      body: JSON.stringify({ query: listed[hashOf(ViewerDocument)] }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}` },
    });
    expect(response.body.extensions?.cost?.requestedQueryCost).toBe((inFull.json as GraphQLBody).extensions?.cost?.requestedQueryCost);
    expect(response.body.extensions?.cost?.requestedQueryCost).toBe(1 + 10 * 3);
  });

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, as Apollo Server does', async () => {
    const response = await byHash(sha256(`query Unknown${randomUUID().replace(/-/g, '')} { viewer { id } }`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-cache');
    expect(response.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('registers a document sent with its hash, then runs it by its hash alone', async () => {
    const query = `query Registered${randomUUID().replace(/-/g, '')} { viewer { id email } }`;
    const hash = sha256(query);
    expect((await byHash(hash, { token: actor.token })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await byHash(hash, { query, token: actor.token });
    expect(registered.body).toMatchObject({ data: { viewer: { id: actor.id, email: actor.email } } });
    const again = await byHash(hash, { token: actor.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ data: { viewer: { id: actor.id, email: actor.email } } });
  });

  it('refuses a hash that is not the SHA-256 of the text sent with it, and keeps nothing', async () => {
    const query = `query Mismatch${randomUUID().replace(/-/g, '')} { viewer { id } }`;
    const hash = sha256(`${query} `);
    expectGraphQLShapedError(await byHash(hash, { query }), 400, 'BAD_REQUEST');
    expect((await byHash(hash)).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses a malformed persistedQuery with a clear 400', async () => {
    const response = await rawRequest(platform, {
      body: JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }),
      headers: { 'content-type': 'application/json' },
    });
    expectGraphQLShapedError(response, 400, 'BAD_REQUEST');
  });

  it('applies the shape limits to a document before keeping it', async () => {
    // 13 levels, one over MAX_QUERY_DEPTH.
    const levels = ['viewer', 'memberships', 'workspace', 'members', 'account', 'memberships', 'workspace', 'members', 'account', 'memberships', 'workspace', 'members', 'account'];
    const query = `query TooDeep${randomUUID().replace(/-/g, '')} { ${levels.join(' { ')} { id ${' }'.repeat(levels.length)} }`;
    const hash = sha256(query);
    expectGraphQLShapedError(await byHash(hash, { query, token: actor.token }), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect((await byHash(hash, { token: actor.token })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('runs a hash sent with GET, under the same CSRF rule as any GET', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(ViewerDocument) } }));
    const path = `/graphql?operationName=Viewer&extensions=${extensions}`;
    const response = await rawRequest(platform, { method: 'GET', path, headers: { authorization: `Bearer ${actor.token}`, 'apollo-require-preflight': 'true' } });
    expect(response.status, response.text).toBe(200);
    expect((response.json as GraphQLBody).data).toMatchObject({ viewer: { id: actor.id } });
    const simple = await rawRequest(platform, { method: 'GET', path, headers: { authorization: `Bearer ${actor.token}` } });
    expect(simple.status).toBe(400);
    expect(simple.text).toMatch(/Cross-Site Request Forgery/);
  });

  it('lets the typed client send hashes only, and the text once to a gateway that does not know it', async () => {
    const bodies: Record<string, unknown>[] = [];
    const recording: typeof fetch = (input, init) => {
      bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return fetch(input, init);
    };
    const persistedClient = createPlatformClient({ url: platform.url, token: actor.token, fetch: recording, persistedDocuments: true });
    const { viewer } = await persistedClient.execute(ViewerDocument);
    expect(viewer?.id).toBe(actor.id);
    expect(bodies).toEqual([expect.objectContaining({ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(ViewerDocument) } } })]);
    expect(bodies[0]).not.toHaveProperty('query');

    // A document of a newer client, unknown to this gateway: not found, then sent with its text.
    const newer = {
      ...ViewerDocument,
      __meta__: { hash: sha256('query Viewer { viewer { id } }'), text: 'query Viewer { viewer { id } }' },
    } as unknown as typeof ViewerDocument;
    bodies.length = 0;
    expect((await persistedClient.execute(newer)).viewer?.id).toBe(actor.id);
    expect(bodies.map((body) => typeof body.query)).toEqual(['undefined', 'string']);
  });
});

describe('persisted documents over WebSocket', () => {
  it('runs a document named by its hash alone in a subscribe message', async () => {
    const socket = createClient({
      url: platform.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${actor.token}` },
      retryAttempts: 0,
    });
    const run = (payload: { query: string; extensions: Record<string, unknown> }) =>
      new Promise<GraphQLBody>((resolve) => {
        socket.subscribe(payload, { next: (result) => resolve(result as GraphQLBody), error: (errors) => resolve({ errors: errors as GraphQLBody['errors'] }), complete: () => {} });
      });
    try {
      const known = await run({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(ViewerDocument) } } });
      expect(known.data).toMatchObject({ viewer: { id: actor.id } });
      const unknown = await run({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('query Nothing { viewer { id } }') } } });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await socket.dispose();
    }
  });

  it('registers over the socket too, after the shape limits', async () => {
    const actorClient = platform.client(actor.token);
    const { createWorkspace } = await actorClient.execute(CreateWorkspaceDocument, { input: { kind: 'MERCHANT', name: 'Persisted Co' } });
    expect(createWorkspace.userErrors).toEqual([]);
    await actorClient.close();
    const query = `query SocketRegistered${randomUUID().replace(/-/g, '')} { viewer { memberships { workspace { name } } } }`;
    const socket = createClient({
      url: platform.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${actor.token}` },
      retryAttempts: 0,
    });
    const run = (payload: { query: string }) =>
      new Promise<GraphQLBody>((resolve) => {
        socket.subscribe(
          { ...payload, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
          { next: (result) => resolve(result as GraphQLBody), error: (errors) => resolve({ errors: errors as GraphQLBody['errors'] }), complete: () => {} },
        );
      });
    try {
      expect((await run({ query })).data).toMatchObject({ viewer: { memberships: [{ workspace: { name: 'Persisted Co' } }] } });
      expect((await run({ query: '' })).data).toMatchObject({ viewer: { memberships: [{ workspace: { name: 'Persisted Co' } }] } });
    } finally {
      await socket.dispose();
    }
  });
});

describe('limits of runs by hash', () => {
  beforeAll(async () => {
    await platform.restart({ env: { MAX_QUERY_COST: '50', RATE_LIMIT_POINTS: '30', RATE_LIMIT_RESTORE_PER_SECOND: '1' } });
  }, 300_000);

  it('refuses a registered document over MAX_QUERY_COST when it is run by its hash', async () => {
    const query = `query Costly${randomUUID().replace(/-/g, '')} { serviceMarket(first: 50) { nodes { id isv { name } } } }`;
    const hash = sha256(query);
    expectGraphQLShapedError(await byHash(hash, { query, token: actor.token }), 400, 'QUERY_TOO_COSTLY');
    const response = await byHash(hash, { token: actor.token });
    expectGraphQLShapedError(response, 400, 'QUERY_TOO_COSTLY');
    expect(response.body.errors?.[0]?.extensions?.cost).toMatchObject({ requestedQueryCost: 101, maxQueryCost: 50 });
  });

  it('charges each run by hash to the caller’s bucket, up to RATE_LIMITED', async () => {
    // A mutation costs 10 and is not refunded; an empty name is a userError, so nothing is created.
    const query = `mutation Refused${randomUUID().replace(/-/g, '')} { createWorkspace(input: { kind: MERCHANT, name: "" }) { userErrors { code } } }`;
    const hash = sha256(query);
    const first = await byHash(hash, { query, token: actor.token });
    expect(first.body.data).toEqual({ createWorkspace: { userErrors: [{ code: 'INVALID' }] } });
    const available = [first.body.extensions!.cost!.throttleStatus!.currentlyAvailable];
    let refused: Awaited<ReturnType<typeof byHash>> | null = null;
    for (let run = 0; run < 5 && !refused; run++) {
      const response = await byHash(hash, { token: actor.token });
      if (response.status === 429) refused = response;
      else available.push(response.body.extensions!.cost!.throttleStatus!.currentlyAvailable);
    }
    // Each run takes 10 points (a point or two restored meanwhile on a slow machine).
    for (let i = 1; i < available.length; i++) expect(available[i - 1]! - available[i]!).toBeGreaterThanOrEqual(8);
    expect(refused).not.toBeNull();
    expectGraphQLShapedError(refused!, 429, 'RATE_LIMITED');
  });
});
