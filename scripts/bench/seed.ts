// What the benchmarks load, seeded through the API as partners would.
import { randomUUID } from 'node:crypto';
import {
  AcceptOrderDocument,
  AddWorkspaceMemberDocument,
  CancelOrderDocument,
  ConfirmOrderDocument,
  CreateWorkspaceDocument,
  PlaceOrderDocument,
  RejectOrderDocument,
  SignUpDocument,
  createPlatformClient,
} from '@mpp/client';
import {
  createMiniProgram,
  createOnlineService,
  createVerifiedIsv,
  createVerifiedMerchant,
  unwrap,
  uploadVersion,
  type SeededWorkspace,
  type TestPlatform,
} from '@mpp/testkit';

export const MEMBERSHIP_WORKSPACES = 3;
export const MEMBERS_PER_WORKSPACE = 10;

/** Q1: a member's workspaces with every member's email (Accounts alone, entity fetches of accounts). */
export const MEMBERSHIPS_QUERY = `query Bench {
  viewer { memberships { workspace { name members { role account { email } } } } }
}`;

/** Q2: a merchant's dashboard, touching every subgraph. */
export const DASHBOARD_QUERY = `query Dashboard($id: ID!, $first: Int) {
  workspace(id: $id) { name kind verification { status }
    orders(first: $first) { totalCount nodes { number status createdAt price { amount currency }
      service { name price { amount currency } isv { name } }
      miniProgram { name status currentRelease { version releasedAt } versions(first: 5) { nodes { version status } pageInfo { hasNextPage } } }
      events { from to at actor { email } } } } } }`;

/** An owner of MEMBERSHIP_WORKSPACES workspaces of MEMBERS_PER_WORKSPACE members each; returns the owner's token. */
export async function seedMemberships(url: string): Promise<string> {
  const anonymous = createPlatformClient({ url });
  const signUp = async (email: string) => {
    const { signUp } = await anonymous.execute(SignUpDocument, { input: { email, password: 'a long password', displayName: email } });
    return signUp;
  };
  const owner = await signUp('owner@bench.example');
  const client = createPlatformClient({ url, token: owner.token });
  for (let w = 0; w < MEMBERSHIP_WORKSPACES; w++) {
    const { createWorkspace } = await client.execute(CreateWorkspaceDocument, { input: { kind: w % 2 ? 'ISV' : 'MERCHANT', name: `Bench ${w}` } });
    for (let m = 0; m < MEMBERS_PER_WORKSPACE; m++) {
      const email = `member${w}.${m}@bench.example`;
      await signUp(email);
      await client.execute(AddWorkspaceMemberDocument, { input: { workspaceId: createWorkspace.workspace!.id, email, role: 'DEVELOPER' } });
    }
  }
  return owner.token!;
}

/**
 * The testkit's seed helpers need only a client factory and the admin's session: this is that,
 * for a platform running in other processes.
 */
export function remotePlatform(url: string): TestPlatform {
  return { client: (token?: string) => createPlatformClient({ url, ...(token ? { token } : {}) }), adminSession: null } as unknown as TestPlatform;
}

/**
 * A verified merchant with `orders` orders in various states across 6 mini programs (two with
 * versions) and 3 ISVs; returns the merchant owner's token and workspace id.
 */
export async function seedDashboard(url: string, orders = 20): Promise<{ token: string; workspaceId: string }> {
  const platform = remotePlatform(url);
  const merchant = await createVerifiedMerchant(platform);
  const isvs: SeededWorkspace[] = [];
  for (let i = 0; i < 3; i++) isvs.push(await createVerifiedIsv(platform));
  const services = [];
  for (const isv of isvs) services.push(await createOnlineService(platform, isv));
  const miniPrograms = [];
  for (let i = 0; i < 6; i++) miniPrograms.push(await createMiniProgram(merchant, { name: `Bench shop ${i}` }));
  for (const [i, miniProgram] of miniPrograms.slice(0, 2).entries()) {
    for (let v = 1; v <= 2 + i; v++) await uploadVersion(merchant.owner, miniProgram.id, `1.0.${v}`);
  }
  const inDevelopment = new Set<string>();
  for (let i = 0; i < orders; i++) {
    const isv = isvs[i % 3]!;
    const miniProgramId = miniPrograms[i % 6]!.id;
    const { placeOrder } = await merchant.owner.client.execute(PlaceOrderDocument, {
      input: { serviceId: services[i % 3]!.id, miniProgramId, requirements: `Bench order ${i}`, idempotencyKey: randomUUID() },
    });
    const orderId = unwrap(placeOrder, placeOrder.order, 'placeOrder').id;
    const step = i % 4;
    if (step === 1) {
      const { rejectOrder } = await isv.owner.client.execute(RejectOrderDocument, { input: { orderId, reason: 'Fully booked this quarter.' } });
      unwrap(rejectOrder, rejectOrder.order, 'rejectOrder');
    } else if (step === 2) {
      const { cancelOrder } = await merchant.owner.client.execute(CancelOrderDocument, { input: { orderId, reason: 'Our plans changed.' } });
      unwrap(cancelOrder, cancelOrder.order, 'cancelOrder');
    } else if (step === 3) {
      const { acceptOrder } = await isv.owner.client.execute(AcceptOrderDocument, { input: { orderId } });
      unwrap(acceptOrder, acceptOrder.order, 'acceptOrder');
      if (!inDevelopment.has(miniProgramId)) {
        inDevelopment.add(miniProgramId);
        const { confirmOrder } = await merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId } });
        unwrap(confirmOrder, confirmOrder.order, 'confirmOrder');
      }
    }
  }
  return { token: merchant.owner.token, workspaceId: merchant.id };
}
