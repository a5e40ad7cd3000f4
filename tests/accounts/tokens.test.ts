import {
  CreateWorkspaceDocument,
  PendingVerificationsDocument,
  SignUpDocument,
  ViewerDocument,
  WorkspaceDocument,
  type PlatformClient,
} from '@mpp/client';
import { createWorkspace, signUp, TestPlatform, uniqueEmail, type Actor } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLError } from '../support/expectations.js';
import { askAccountsSubgraph } from '../support/subgraph.js';
import {
  claimsFor,
  decodeClaims,
  platformSigningKey,
  signToken,
  strangerSigningKey,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  withTamperedClaims,
} from '../support/tokens.js';

let platform: TestPlatform;
let alice: Actor;
let bob: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start();
  [alice, bob] = await Promise.all([signUp(platform), signUp(platform)]);
});
afterAll(() => platform?.stop());

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** A client sending exactly this Authorization header. */
function clientWithAuthorization(value: string): PlatformClient {
  return platform.client(null, { authorization: value });
}

/**
 * A refused token fails the whole request before any resolver runs: HTTP 401, UNAUTHENTICATED,
 * no data. Checked for a query and a mutation, public or not.
 */
async function expectRefusedWith401(client: PlatformClient): Promise<void> {
  const attempts = [
    client.request(ViewerDocument),
    client.request(CreateWorkspaceDocument, { input: { kind: 'ISV', name: 'Should not exist' } }),
    client.request(SignUpDocument, { input: { email: uniqueEmail('refused'), password: 'password 123', displayName: 'Nope' } }),
  ];
  for (const result of await Promise.all(attempts)) {
    expect(result.status).toBe(401);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  }
}

describe('tokens the platform issues', () => {
  it('are EdDSA JWTs naming the account, from Accounts for the platform, with an expiry', () => {
    const header = JSON.parse(Buffer.from(alice.token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(header.alg).toBe('EdDSA');

    const claims = decodeClaims(alice.token);
    expect(claims).toMatchObject({ sub: alice.id, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
    expect(claims.exp).toBeGreaterThan(nowInSeconds());
  });

  it('are accepted when signed by hand with the platform key and the same claims (the forgeries below differ in one thing)', async () => {
    const handMade = signToken(claimsFor(alice.id), platformSigningKey(platform));
    const { viewer } = await platform.client(handMade).execute(ViewerDocument);
    expect(viewer?.id).toBe(alice.id);
  });
});

describe('without a token', () => {
  it('viewer is null', async () => {
    const result = await platform.client().request(ViewerDocument);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });

  it('protected fields are refused with UNAUTHENTICATED', async () => {
    const workspace = await createWorkspace(alice, 'MERCHANT');
    const anonymous = platform.client();

    await expectGraphQLError(anonymous.execute(CreateWorkspaceDocument, { input: { kind: 'ISV', name: 'Anonymous Ltd' } }), 'UNAUTHENTICATED');
    await expectGraphQLError(anonymous.execute(WorkspaceDocument, { id: workspace.id }), 'UNAUTHENTICATED');
    await expectGraphQLError(anonymous.execute(PendingVerificationsDocument, {}), 'UNAUTHENTICATED');
  });
});

describe('a token that cannot be trusted is refused with HTTP 401', () => {
  it('when the header is not "Bearer <token>"', async () => {
    await expectRefusedWith401(clientWithAuthorization(`Basic ${Buffer.from('alice:secret').toString('base64')}`));
    await expectRefusedWith401(clientWithAuthorization(`Token ${alice.token}`));
    await expectRefusedWith401(clientWithAuthorization('Bearer'));
    await expectRefusedWith401(clientWithAuthorization(`Bearer ${alice.token} ${alice.token}`));
  });

  it('when the token is malformed', async () => {
    await expectRefusedWith401(clientWithAuthorization('Bearer not-a-jwt'));
    await expectRefusedWith401(clientWithAuthorization('Bearer a.b.c'));
    await expectRefusedWith401(clientWithAuthorization(`Bearer ${alice.token.split('.').slice(0, 2).join('.')}`));
  });

  it('when it is signed with another key', async () => {
    await expectRefusedWith401(platform.client(signToken(claimsFor(alice.id), strangerSigningKey())));
  });

  it('when it is unsigned (alg none)', async () => {
    const unsigned = signToken(claimsFor(alice.id), strangerSigningKey(), { alg: 'none', typ: 'JWT' }).split('.');
    await expectRefusedWith401(platform.client(`${unsigned[0]}.${unsigned[1]}.`));
  });

  it('when it has expired, even though the platform key signed it', async () => {
    const hourAgo = nowInSeconds() - 3600;
    const expired = signToken(claimsFor(alice.id, { iat: hourAgo - 600, exp: hourAgo }), platformSigningKey(platform));
    await expectRefusedWith401(platform.client(expired));
  });

  it('when it is not valid yet', async () => {
    const inAnHour = nowInSeconds() + 3600;
    await expectRefusedWith401(platform.client(signToken(claimsFor(alice.id, { nbf: inAnHour }), platformSigningKey(platform))));
  });

  it('when its issuer or audience is not the platform', async () => {
    const key = platformSigningKey(platform);
    await expectRefusedWith401(platform.client(signToken(claimsFor(alice.id, { iss: 'someone-else' }), key)));
    await expectRefusedWith401(platform.client(signToken(claimsFor(alice.id, { aud: 'another-service' }), key)));
  });

  it('when it names no account', async () => {
    const { sub: _sub, ...withoutSubject } = claimsFor(alice.id);
    await expectRefusedWith401(platform.client(signToken(withoutSubject, platformSigningKey(platform))));
  });

  it('when its payload was changed after signing (another account, a later expiry)', async () => {
    const claims = decodeClaims(alice.token);
    await expectRefusedWith401(platform.client(withTamperedClaims(alice.token, { ...claims, sub: bob.id })));
    await expectRefusedWith401(platform.client(withTamperedClaims(alice.token, { ...claims, exp: Number(claims.exp) + 86_400 })));
  });

  it('while the genuine token keeps working', async () => {
    const { viewer } = await alice.client.execute(ViewerDocument);
    expect(viewer?.id).toBe(alice.id);
  });
});

describe('the Accounts subgraph, reached without the gateway', () => {
  // Subgraphs verify tokens themselves: a caller inside the network cannot bypass the gateway's check.
  const viewerQuery = '{ viewer { id } }';

  it('refuses a forged token with 401 too', async () => {
    const forged = await askAccountsSubgraph(platform, { query: viewerQuery, token: signToken(claimsFor(alice.id), strangerSigningKey()) });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const genuine = await askAccountsSubgraph(platform, { query: viewerQuery, token: alice.token });
    expect(genuine).toEqual({ status: 200, data: { viewer: { id: alice.id } } });
  });
});
