import { randomUUID } from 'node:crypto';
import { ViewerDocument } from '@mpp/client';
import { signUp, sqlStatementsPerService, TestPlatform, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLShapedError, postJson, rawRequest } from '../support/http.js';

let platform: TestPlatform;
let alice: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start({ captureLogs: true });
  alice = await signUp(platform);
});
afterAll(() => platform?.stop());

const ONE_MIB = 1024 * 1024;
const CSRF_MESSAGE = /Cross-Site Request Forgery/;

describe('health endpoints', () => {
  it('GET /healthz answers 200 while the process is up', async () => {
    const response = await rawRequest(platform, { method: 'GET', path: '/healthz' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(expect.objectContaining({ status: 'ok' }));
  });

  it('GET /readyz answers 200 and lists its database, its order feed and every subgraph as up', async () => {
    const response = await rawRequest(platform, { method: 'GET', path: '/readyz' });
    expect(response.status).toBe(200);
    const checks = (response.json as { checks: Record<string, string> }).checks;
    expect(Object.keys(checks)).toEqual(
      expect.arrayContaining(['database', 'order feed', ...platform.platform.subgraphs.map((subgraph) => subgraph.name)]),
    );
    expect(checks.accounts).toBe('up');
    expect(Object.values(checks).every((state) => state === 'up')).toBe(true);
  });

  it('a subgraph\'s /readyz checks each of its event consumers, the webhooks fan-out included', async () => {
    const webhooks = platform.platform.subgraphs.find((subgraph) => subgraph.name === 'webhooks')!;
    const response = await fetch(`${webhooks.url}/readyz`);
    expect(response.status).toBe(200);
    const checks = ((await response.json()) as { checks: Record<string, string> }).checks;
    for (const source of ['accounts', 'service-market', 'mini-programs', 'orders']) {
      expect(checks).toHaveProperty([`consumer webhooks-fan-out<-${source}`], 'up');
    }
  });
});

describe('malformed requests get a 4xx GraphQL-shaped error, never a 500', () => {
  it('a body that is not JSON: 400 BAD_REQUEST', async () => {
    for (const body of ['{"query": ', 'query { viewer { id } }', '"just a string"', '']) {
      const response = await postJson(platform, body);
      expectGraphQLShapedError(response, 400, 'BAD_REQUEST');
    }
  });

  it('JSON that is no GraphQL request: 400 BAD_REQUEST', async () => {
    for (const body of ['{}', '{"query": 42}', '[{"query": "{ __typename }"}]', '{"variables": {}}']) {
      expectGraphQLShapedError(await postJson(platform, body), 400, 'BAD_REQUEST');
    }
  });

  it('a query that does not parse: 400 GRAPHQL_PARSE_FAILED', async () => {
    const response = await postJson(platform, JSON.stringify({ query: '{ viewer { id ' }));
    expectGraphQLShapedError(response, 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('unknown fields and arguments: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    for (const query of ['{ nope }', '{ viewer { id passwordHash } }', '{ viewer(id: "x") { id } }', 'mutation { dropEverything }']) {
      expectGraphQLShapedError(await postJson(platform, JSON.stringify({ query })), 400, 'GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('an operationName that names no operation, or several unnamed-by-the-client operations: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    for (const request of [
      { query: '{ viewer { id } }', operationName: 'Nope' },
      { query: 'query A { viewer { id } } query B { viewer { email } }' },
    ]) {
      expectGraphQLShapedError(await postJson(platform, JSON.stringify(request)), 400, 'OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('a subscription sent over HTTP: 400 BAD_REQUEST naming the WebSocket transport', async () => {
    const query = `subscription { orderStatusChanged(workspaceId: "${randomUUID()}") { cursor } }`;
    const response = await postJson(platform, JSON.stringify({ query }), { authorization: `Bearer ${alice.token}` });
    expectGraphQLShapedError(response, 400, 'BAD_REQUEST');
    expect((response.json as { errors: { message: string }[] }).errors[0]!.message).toMatch(/WebSocket/);
  });

  it('text Postgres cannot store (U+0000) in a query argument: BAD_USER_INPUT, not a 500', async () => {
    const response = await postJson(platform, JSON.stringify({ query: 'query Q($id: ID!) { workspace(id: $id) { id } }', variables: { id: 'a\u0000b' } }), {
      authorization: `Bearer ${alice.token}`,
    });
    expect(response.status).toBe(200);
    expect((response.json as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refusals of the body itself carry the request id too', async () => {
    const response = await postJson(platform, '{"query": ', { 'x-request-id': 'e2e-broken-body' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('e2e-broken-body');
  });

  it('variables of the wrong type, missing, or with unknown input fields: 400 BAD_USER_INPUT', async () => {
    const requests = [
      { query: 'query HttpPage($first: Int) { pendingVerifications(first: $first) { nodes { id } } }', variables: { first: 'ten' } },
      { query: 'query HttpWorkspace($id: ID!) { workspace(id: $id) { id } }', variables: {} },
      { query: 'query HttpWorkspace($id: ID!) { workspace(id: $id) { id } }', variables: { id: { nested: true } } },
      {
        query: 'mutation HttpSignUp($input: SignUpInput!) { signUp(input: $input) { token } }',
        variables: { input: { email: 'x@example.com', password: 'password 1', displayName: 'X', role: 'ADMIN' } },
      },
      {
        query: 'mutation HttpCreate($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }',
        variables: { input: { kind: 'GOVERNMENT', name: 'Ministry' } },
      },
    ];
    for (const request of requests) {
      const response = await postJson(platform, JSON.stringify(request), { authorization: `Bearer ${alice.token}` });
      expectGraphQLShapedError(response, 400, 'BAD_USER_INPUT');
    }
  });

  it('a body over 1 MiB: 413, and one just under the limit is served', async () => {
    const tooLarge = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(ONE_MIB) } });
    const refused = await postJson(platform, tooLarge);
    expectGraphQLShapedError(refused, 413, 'BAD_REQUEST');

    const justUnder = JSON.stringify({ query: '{ __typename }', extensions: { padding: 'x'.repeat(ONE_MIB - 1024) } });
    expect(Buffer.byteLength(justUnder)).toBeLessThan(ONE_MIB);
    const served = await postJson(platform, justUnder);
    expect(served.status).toBe(200);
    expect(served.json).toMatchObject({ data: { __typename: 'Query' } }); // and extensions.cost
  });

  it('methods other than GET and POST: 405', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await rawRequest(platform, { method, body: JSON.stringify({ query: '{ __typename }' }) });
      expectGraphQLShapedError(response, 405, 'BAD_REQUEST');
    }
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ viewer { id } }');

  it('refuses a GET without a preflight header, and serves it with one', async () => {
    const refused = await rawRequest(platform, { method: 'GET', path: `/graphql?query=${query}`, headers: {} });
    expectGraphQLShapedError(refused, 400, 'BAD_REQUEST');
    expect(refused.text).toMatch(CSRF_MESSAGE);

    const served = await rawRequest(platform, { method: 'GET', path: `/graphql?query=${query}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(served.status).toBe(200);
    expect(served.json).toMatchObject({ data: { viewer: null } });
  });

  it('refuses a POST a browser form could send (text/plain, form encoded, multipart)', async () => {
    const body = JSON.stringify({ query: 'mutation { signUp(input: {email: "csrf@example.com", password: "password 1", displayName: "C"}) { token } }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await rawRequest(platform, { body, headers: { 'content-type': contentType } });
      expectGraphQLShapedError(response, 400, 'BAD_REQUEST');
      expect(response.text).toMatch(CSRF_MESSAGE);
    }
    // Nothing was created behind the refusals.
    const retry = await postJson(platform, body);
    expect((retry.json as { data: { signUp: { token: string | null } } }).data.signUp.token).toEqual(expect.any(String));
  });

  it('refuses mutations over GET even with a preflight header', async () => {
    const mutation = 'mutation { signUp(input: {email: "get@example.com", password: "password 1", displayName: "G"}) { token } }';
    const response = await rawRequest(platform, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(mutation)}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    // The account was not created: signing up for real still works.
    const retry = await postJson(platform, JSON.stringify({ query: mutation }));
    expect((retry.json as { data: { signUp: { token: string | null } } }).data.signUp.token).toEqual(expect.any(String));
  });
});

describe('request ids', () => {
  it('echoes the caller\'s x-request-id in the response', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const response = await postJson(platform, JSON.stringify({ query: '{ viewer { id } }' }), { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
  });

  it('gives each request without one an id of its own', async () => {
    const [first, second] = await Promise.all([
      postJson(platform, JSON.stringify({ query: '{ __typename }' })),
      postJson(platform, JSON.stringify({ query: '{ __typename }' })),
    ]);
    expect(first.headers.get('x-request-id')).toEqual(expect.any(String));
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it('forwards the id to the subgraphs: their SQL statements and log lines carry it', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const counts = await sqlStatementsPerService(requestId, () =>
      platform.client(alice.token, { 'x-request-id': requestId }).execute(ViewerDocument),
    );
    expect(counts.accounts).toBeGreaterThan(0);

    const servicesThatLoggedIt = new Set(platform.logs.filter((line) => line.requestId === requestId).map((line) => line.service));
    expect(servicesThatLoggedIt).toEqual(new Set(['gateway', 'accounts']));
  });
});

describe('when something breaks inside', () => {
  let broken: TestPlatform;
  let bob: Actor;
  beforeAll(async () => {
    broken = await TestPlatform.start({ captureLogs: true });
    bob = await signUp(broken);
  });
  afterAll(() => broken?.stop());

  it('masks the unexpected error: "Internal server error", no stack trace, no internals; the log keeps the cause', async () => {
    // A table gone from under a running platform is the unexpected failure here (a database that
    // goes away is not: that answers SERVICE_UNAVAILABLE, see tests/faults).
    await broken.platform.database.orm({}).execute('alter table accounts.accounts rename to accounts_gone');

    const result = await broken.client(bob.token).request(ViewerDocument);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(Object.keys(result.errors?.[0]?.extensions ?? {})).toEqual(['code']);
    expect(JSON.stringify(result)).not.toMatch(/pglite|postgres|closed|ended|select|stack|at .+\.js/i);

    const errorLines = broken.logs.filter((line) => line.level >= 50 && line.service === 'accounts');
    expect(errorLines.length).toBeGreaterThan(0);
    expect(JSON.stringify(errorLines)).toMatch(/stack/);
  });

  it('GET /readyz answers 503 naming the subgraph that does not answer', async () => {
    const accounts = broken.platform.subgraphs.find((subgraph) => subgraph.name === 'accounts')!;
    await accounts.stop();

    const response = await rawRequest(broken, { method: 'GET', path: '/readyz' });
    expect(response.status).toBe(503);
    expect(response.json).toMatchObject({ status: 'unavailable', checks: { accounts: 'down' } });

    const health = await rawRequest(broken, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
  });
});
