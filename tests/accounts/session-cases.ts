import {
  ChangePasswordDocument,
  RefreshSessionDocument,
  SignInDocument,
  SignOutDocument,
  ViewerDocument,
  type PlatformClient,
} from '@mpp/client';
import { signUp, type TestPlatform } from '@mpp/testkit';
import { describe, expect, it } from 'vitest';
import { expectGraphQLError, userError } from '../support/expectations.js';
import { msUntilRefusedEverywhere, statusesAt, type Doors } from '../support/sessions.js';
import { decodeClaims } from '../support/tokens.js';

/** What the cases run against: a platform and every gateway and subgraph URL of it. */
export interface SessionTarget {
  platform: TestPlatform;
  doors: Doors;
  /** Clients of each gateway (sessions begin on one and are checked on all). */
  clients: ((token?: string | null) => PlatformClient)[];
}

interface Pair {
  token: string;
  refreshToken: string;
}

async function signInPair(client: PlatformClient, email: string, password: string): Promise<Pair> {
  const { signIn } = await client.execute(SignInDocument, { input: { email, password } });
  expect(signIn.userErrors).toEqual([]);
  return { token: signIn.token!, refreshToken: signIn.refreshToken! };
}

/** Sessions: access tokens, rotation, reuse detection, sign-out and password change, seen by every process. */
export function sessionCases(target: () => SessionTarget): void {
  const anyGateway = (index: number, token: string | null = null) => {
    const { clients } = target();
    return clients[index % clients.length]!(token);
  };

  describe('sessions', () => {
    it('signIn gives an access token of at most 15 minutes naming its session, and a refresh token', async () => {
      const { platform } = target();
      const alice = await signUp(platform);
      const pair = await signInPair(anyGateway(0), alice.email, alice.password);
      const claims = decodeClaims(pair.token) as { exp: number; iat: number; sid: string; sub: string };
      expect(claims.sub).toBe(alice.id);
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
      expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
      expect(claims.sid).not.toBe((decodeClaims(alice.token) as { sid: string }).sid);
      expect(pair.refreshToken.length).toBeGreaterThanOrEqual(43);
    });

    it('refreshSession returns a new pair in the same session and retires the refresh token it was given', async () => {
      const { platform, doors } = target();
      const alice = await signUp(platform);
      const first = await signInPair(anyGateway(0), alice.email, alice.password);
      const { refreshSession } = await anyGateway(1).execute(RefreshSessionDocument, { input: { refreshToken: first.refreshToken } });
      expect(refreshSession.account?.id).toBe(alice.id);
      const second = { token: refreshSession.token!, refreshToken: refreshSession.refreshToken! };
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((decodeClaims(second.token) as { sid: string }).sid).toBe((decodeClaims(first.token) as { sid: string }).sid);
      expect(await statusesAt(platform, doors, second.token)).toEqual(doors.gateways.concat(doors.subgraphs).map(() => 200));
      const { viewer } = await anyGateway(1, second.token).execute(ViewerDocument);
      expect(viewer?.id).toBe(alice.id);
      // The next rotation works from the new refresh token.
      const { refreshSession: third } = await anyGateway(0).execute(RefreshSessionDocument, { input: { refreshToken: second.refreshToken } });
      expect(third.token).toEqual(expect.any(String));
    });

    it('a retired refresh token presented again ends the whole session: every process refuses its tokens within a second', async () => {
      const { platform, doors } = target();
      const alice = await signUp(platform);
      const stolen = await signInPair(anyGateway(0), alice.email, alice.password);
      const { refreshSession } = await anyGateway(0).execute(RefreshSessionDocument, { input: { refreshToken: stolen.refreshToken } });
      const current = { token: refreshSession.token!, refreshToken: refreshSession.refreshToken! };
      const other = await signInPair(anyGateway(1), alice.email, alice.password);

      const reuse = await expectGraphQLError(anyGateway(1).execute(RefreshSessionDocument, { input: { refreshToken: stolen.refreshToken } }), 'UNAUTHENTICATED');
      expect(reuse.message).toMatch(/used already/);
      expect(await msUntilRefusedEverywhere(platform, doors, current.token)).toBeLessThan(1000);
      await expectGraphQLError(anyGateway(0).execute(RefreshSessionDocument, { input: { refreshToken: current.refreshToken } }), 'UNAUTHENTICATED');
      // Another session of the same account goes on.
      expect(await statusesAt(platform, doors, other.token)).toEqual(doors.gateways.concat(doors.subgraphs).map(() => 200));
    });

    it('an unknown refresh token is refused with UNAUTHENTICATED', async () => {
      await expectGraphQLError(anyGateway(0).execute(RefreshSessionDocument, { input: { refreshToken: 'not-a-refresh-token' } }), 'UNAUTHENTICATED');
    });

    it('signOut ends the current session only: its tokens are refused by every process within a second', async () => {
      const { platform, doors } = target();
      const alice = await signUp(platform);
      const leaving = await signInPair(anyGateway(0), alice.email, alice.password);
      const staying = await signInPair(anyGateway(1), alice.email, alice.password);
      const { signOut } = await anyGateway(0, leaving.token).execute(SignOutDocument);
      expect(signOut).toEqual({ signedOut: true, userErrors: [] });
      expect(await msUntilRefusedEverywhere(platform, doors, leaving.token)).toBeLessThan(1000);
      const refused = await anyGateway(1, leaving.token).request(ViewerDocument);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await expectGraphQLError(anyGateway(1).execute(RefreshSessionDocument, { input: { refreshToken: leaving.refreshToken } }), 'UNAUTHENTICATED');
      expect(await statusesAt(platform, doors, staying.token)).toEqual(doors.gateways.concat(doors.subgraphs).map(() => 200));
      // Signing out needs a session.
      await expectGraphQLError(anyGateway(0).execute(SignOutDocument), 'UNAUTHENTICATED');
    });

    it('changePassword checks both passwords, ends every session within a second and returns a working pair', async () => {
      const { platform, doors } = target();
      const alice = await signUp(platform);
      const here = await signInPair(anyGateway(0), alice.email, alice.password);
      const elsewhere = await signInPair(anyGateway(1), alice.email, alice.password);
      const client = anyGateway(0, here.token);

      const wrong = await client.execute(ChangePasswordDocument, { input: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' } });
      expect(wrong).toEqual({ changePassword: { token: null, refreshToken: null, account: null, userErrors: [userError('INVALID', 'currentPassword')] } });
      const short = await client.execute(ChangePasswordDocument, { input: { currentPassword: alice.password, newPassword: 'short' } });
      expect(short.changePassword.userErrors).toEqual([userError('INVALID', 'newPassword')]);
      expect(await statusesAt(platform, doors, elsewhere.token)).toEqual(doors.gateways.concat(doors.subgraphs).map(() => 200));

      const { changePassword } = await client.execute(ChangePasswordDocument, {
        input: { currentPassword: alice.password, newPassword: 'a brand new passphrase' },
      });
      expect(changePassword.userErrors).toEqual([]);
      expect(await msUntilRefusedEverywhere(platform, doors, elsewhere.token)).toBeLessThan(1000);
      expect(await msUntilRefusedEverywhere(platform, doors, here.token)).toBeLessThan(1000);
      await expectGraphQLError(anyGateway(1).execute(RefreshSessionDocument, { input: { refreshToken: elsewhere.refreshToken } }), 'UNAUTHENTICATED');
      expect(await statusesAt(platform, doors, changePassword.token!)).toEqual(doors.gateways.concat(doors.subgraphs).map(() => 200));
      const { refreshSession } = await anyGateway(1).execute(RefreshSessionDocument, { input: { refreshToken: changePassword.refreshToken! } });
      expect(refreshSession.token).toEqual(expect.any(String));

      const { signIn: withOld } = await anyGateway(0).execute(SignInDocument, { input: { email: alice.email, password: alice.password } });
      expect(withOld.userErrors).toEqual([userError('INVALID')]);
      await signInPair(anyGateway(1), alice.email, 'a brand new passphrase');
    });
  });
}
