import { readFileSync } from 'node:fs';
import { AcceptOrderDocument, ApproveOrderClosureDocument, ConfirmOrderDocument, MiniProgramDocument, RequestOrderClosureDocument } from '@mpp/client';
import {
  createMiniProgram,
  createOnlineService,
  createService,
  createVerifiedIsv,
  createVerifiedMerchant,
  eventually,
  placeOrder,
  signUp,
  TestPlatform,
  unwrap,
  uploadVersion,
  type Actor,
  type Deal,
  type SeededWorkspace,
} from '@mpp/testkit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { askSubgraph } from '../support/subgraph.js';

const OrderPublicProfile = graphql(`
  query VisibilityOrderPublicProfile($id: ID!) {
    order(id: $id) {
      id
      miniProgram {
        id
        name
        tagline
        logoUrl
        industry
        status
        createdAt
        merchant {
          id
          name
        }
      }
    }
  }
`);

const OrderContactDetails = graphql(`
  query VisibilityOrderContactDetails($id: ID!) {
    order(id: $id) {
      miniProgram {
        description
        contactPhone
        contactEmail
      }
    }
  }
`);

const OrderMiniProgramInsides = graphql(`
  query VisibilityOrderMiniProgramInsides($id: ID!) {
    order(id: $id) {
      miniProgram {
        members {
          role
        }
        versions(first: 5) {
          nodes {
            version
          }
        }
        statistics(days: 1) {
          totalVisits
        }
      }
    }
  }
`);

const OrderParties = graphql(`
  query VisibilityOrderParties($id: ID!) {
    order(id: $id) {
      merchant {
        id
        name
        verification {
          status
          companyName
        }
      }
      service {
        id
        name
        isv {
          id
          name
        }
      }
    }
  }
`);

const OrderMerchantMembers = graphql(`
  query VisibilityOrderMerchantMembers($id: ID!) {
    order(id: $id) {
      merchant {
        members {
          account {
            email
          }
        }
      }
    }
  }
`);

const OrderIsvMembers = graphql(`
  query VisibilityOrderIsvMembers($id: ID!) {
    order(id: $id) {
      service {
        isv {
          members {
            account {
              email
            }
          }
        }
      }
    }
  }
`);

type Stage = 'NEW' | 'IN_DEVELOPMENT' | 'CLOSED';

let platform: TestPlatform;
let merchant: SeededWorkspace;
let isv: SeededWorkspace;
let outsider: Actor;
/** One order per stage, each on its own mini program of the same merchant, all from the same ISV. */
const orders = {} as Record<Stage, { orderId: string; miniProgramId: string }>;

async function orderAt(stage: Stage, serviceId: string) {
  const miniProgram = await createMiniProgram(merchant);
  await uploadVersion(merchant.owner, miniProgram.id, '1.0.0');
  const deal: Deal = { merchant, isv, miniProgramId: miniProgram.id, serviceId };
  const order = await placeOrder(deal);
  if (stage !== 'NEW') {
    const { acceptOrder } = await isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
    unwrap(acceptOrder, acceptOrder.order, 'acceptOrder');
    const { confirmOrder } = await merchant.owner.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } });
    unwrap(confirmOrder, confirmOrder.order, 'confirmOrder');
  }
  if (stage === 'CLOSED') {
    const { requestOrderClosure } = await isv.owner.client.execute(RequestOrderClosureDocument, { input: { orderId: order.id } });
    unwrap(requestOrderClosure, requestOrderClosure.order, 'requestOrderClosure');
    const { approveOrderClosure } = await merchant.owner.client.execute(ApproveOrderClosureDocument, { input: { orderId: order.id } });
    unwrap(approveOrderClosure, approveOrderClosure.order, 'approveOrderClosure');
  }
  orders[stage] = { orderId: order.id, miniProgramId: miniProgram.id };
}

/** The `extensions.code` of each error of a response, in order. */
async function errorCodes<TData>(actor: Actor, document: TypedDocumentNode<TData, { id: string }>, id: string): Promise<unknown[]> {
  const result = await actor.client.request(document, { id });
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

beforeAll(async () => {
  platform = await TestPlatform.start();
  [merchant, isv, outsider] = await Promise.all([createVerifiedMerchant(platform), createVerifiedIsv(platform), signUp(platform)]);
  const service = await createOnlineService(platform, isv);
  for (const stage of ['NEW', 'IN_DEVELOPMENT', 'CLOSED'] as const) await orderAt(stage, service.id);
  // Orders' events reach MiniPrograms within milliseconds; the authorization decides what follows.
  await eventually(async () => (await isv.owner.client.execute(MiniProgramDocument, { id: orders.IN_DEVELOPMENT.miniProgramId })).miniProgram !== null);
}, 300_000);
afterAll(() => platform?.stop());

describe('a mini program seen through an order', () => {
  it.each(['NEW', 'IN_DEVELOPMENT', 'CLOSED'] as const)('shows its public profile to the ISV of a %s order', async (stage) => {
    const { order } = await isv.owner.client.execute(OrderPublicProfile, { id: orders[stage].orderId });
    expect(order?.miniProgram).toMatchObject({ id: orders[stage].miniProgramId, status: 'ACTIVE', merchant: { id: merchant.id } });
    expect(order?.miniProgram.name.length).toBeGreaterThan(0);
    expect(order?.miniProgram.logoUrl).toMatch(/^http/);
  });

  it.each(['NEW', 'CLOSED'] as const)('refuses contact details, members, versions and statistics to the ISV of a %s order', async (stage) => {
    const { orderId } = orders[stage];
    const contact = await errorCodes(isv.owner, OrderContactDetails, orderId);
    expect(contact.length).toBeGreaterThan(0);
    expect(new Set(contact)).toEqual(new Set(['FORBIDDEN']));
    const insides = await errorCodes(isv.owner, OrderMiniProgramInsides, orderId);
    expect(insides.length).toBeGreaterThan(0);
    expect(new Set(insides)).toEqual(new Set(['FORBIDDEN']));
    const body = JSON.stringify(await isv.owner.client.request(OrderContactDetails, { id: orderId }));
    expect(body).not.toContain('0571-');
    expect(body).not.toContain('@');
  });

  it('gives contact details, members, versions and statistics to the ISV holding the authorization', async () => {
    const { orderId } = orders.IN_DEVELOPMENT;
    const { order } = await isv.owner.client.execute(OrderContactDetails, { id: orderId });
    expect(order?.miniProgram.contactEmail).toContain('@');
    expect(order?.miniProgram.description.length).toBeGreaterThan(0);
    const insides = await isv.owner.client.execute(OrderMiniProgramInsides, { id: orderId });
    expect(insides.order?.miniProgram.versions.nodes).toEqual([{ version: '1.0.0' }]);
  });

  it.each(['NEW', 'IN_DEVELOPMENT', 'CLOSED'] as const)('gives everything to the merchant of a %s order', async (stage) => {
    const { order } = await merchant.owner.client.execute(OrderContactDetails, { id: orders[stage].orderId });
    expect(order?.miniProgram.contactEmail).toContain('@');
    const insides = await merchant.owner.client.execute(OrderMiniProgramInsides, { id: orders[stage].orderId });
    expect(insides.order?.miniProgram.versions.nodes).toHaveLength(1);
  });

  it.each([
    ['NEW', null],
    ['IN_DEVELOPMENT', 'found'],
    ['CLOSED', null],
  ] as const)('answers miniProgram(id) to the ISV of a %s order as the order does (%s)', async (stage, expected) => {
    const { miniProgram } = await isv.owner.client.execute(MiniProgramDocument, { id: orders[stage].miniProgramId });
    expect(miniProgram === null ? null : 'found').toBe(expected);
  });

  it('shows nothing to an account that is not a party', async () => {
    for (const stage of ['NEW', 'IN_DEVELOPMENT', 'CLOSED'] as const) {
      expect((await outsider.client.execute(OrderPublicProfile, { id: orders[stage].orderId })).order).toBeNull();
      expect((await outsider.client.execute(MiniProgramDocument, { id: orders[stage].miniProgramId })).miniProgram).toBeNull();
    }
  });
});

describe("the other party's workspace seen through an order", () => {
  it.each(['NEW', 'CLOSED'] as const)('shows public facts of both parties to the ISV of a %s order, not the verification details', async (stage) => {
    const { order } = await isv.owner.client.execute(OrderParties, { id: orders[stage].orderId });
    expect(order?.merchant).toMatchObject({ id: merchant.id, name: merchant.name, verification: { status: 'VERIFIED', companyName: null } });
    expect(order?.service.isv).toMatchObject({ id: isv.id, name: isv.name });
  });

  it("refuses the merchant's members (and their emails) to the ISV, and the ISV's to the merchant", async () => {
    for (const stage of ['NEW', 'IN_DEVELOPMENT', 'CLOSED'] as const) {
      expect(await errorCodes(isv.owner, OrderMerchantMembers, orders[stage].orderId)).toEqual(['FORBIDDEN']);
      expect(await errorCodes(merchant.owner, OrderIsvMembers, orders[stage].orderId)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('entity references asked of the subgraphs directly', () => {
  const miniProgramEntities = (ids: string[], selection: string, token: string | null) =>
    askSubgraph<{ _entities: (Record<string, unknown> | null)[] }>(platform, 'mini-programs', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiniProgram { ${selection} } } }`,
      variables: { r: ids.map((id) => ({ __typename: 'MiniProgram', id })) },
      token,
    });

  it('resolve a mini program as its root field and the order do: profile for parties, null for others', async () => {
    const ids = [orders.NEW.miniProgramId, orders.IN_DEVELOPMENT.miniProgramId, orders.CLOSED.miniProgramId];
    const asIsv = await miniProgramEntities(ids, 'id name', isv.owner.token);
    expect(asIsv.data?._entities.map((entity) => entity?.id)).toEqual(ids);
    const asOutsider = await miniProgramEntities(ids, 'id name', outsider.token);
    expect(asOutsider.data?._entities).toEqual([null, null, null]);
    const anonymous = await miniProgramEntities(ids, 'id name', null);
    expect(anonymous.data?._entities ?? [null, null, null]).toEqual([null, null, null]);
  });

  it("refuse a NEW order's ISV the contact details, give them to the authorized one", async () => {
    const refused = await miniProgramEntities([orders.NEW.miniProgramId], 'contactPhone', isv.owner.token);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const given = await miniProgramEntities([orders.IN_DEVELOPMENT.miniProgramId], 'contactPhone', isv.owner.token);
    expect(given.data?._entities[0]?.contactPhone).toMatch(/^\d{3,4}-\d{7,8}$/);
  });

  it('resolve an order only for its parties, a draft service only for its ISV, accounts and workspaces only for the signed-in', async () => {
    const orderEntities = (token: string | null) =>
      askSubgraph<{ _entities: ({ id: string } | null)[] }>(platform, 'orders', {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id } } }`,
        variables: { r: [{ __typename: 'Order', id: orders.NEW.orderId }] },
        token,
      });
    expect((await orderEntities(isv.owner.token)).data?._entities).toEqual([{ id: orders.NEW.orderId }]);
    expect((await orderEntities(outsider.token)).data?._entities).toEqual([null]);

    const { id: draftId } = await createService(isv);
    const serviceEntities = (token: string | null) =>
      askSubgraph<{ _entities: ({ id: string } | null)[] }>(platform, 'service-market', {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Service { id } } }`,
        variables: { r: [{ __typename: 'Service', id: draftId }] },
        token,
      });
    expect((await serviceEntities(isv.owner.token)).data?._entities).toEqual([{ id: draftId }]);
    expect((await serviceEntities(merchant.owner.token)).data?._entities).toEqual([null]);

    const accountEntities = (token: string | null) =>
      askSubgraph<{ _entities: ({ email: string } | null)[] }>(platform, 'accounts', {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { email } ... on Workspace { name } } }`,
        variables: { r: [{ __typename: 'Account', id: merchant.owner.id }, { __typename: 'Workspace', id: merchant.id }] },
        token,
      });
    expect((await accountEntities(null)).data?._entities ?? [null, null]).toEqual([null, null]);
    expect((await accountEntities(merchant.owner.token)).data?._entities).toEqual([{ email: merchant.owner.email }, { name: merchant.name }]);
  });
});

describe('order parties recorded before the party table existed', () => {
  it('are restored by the backfill migration from Orders’ event log', async () => {
    const { orderId, miniProgramId } = orders.NEW;
    const db = platform.platform.database.orm({});
    // As a database upgraded from before `order_parties`: the ISV's placement is only in Orders' log.
    await db.execute(`delete from mini_programs.order_parties where mini_program_id = '${miniProgramId}'`);
    // Without its party row the ISV of a NEW order is nobody to the mini program: the order cannot be shown.
    expect((await isv.owner.client.request(OrderPublicProfile, { id: orderId })).data?.order).toBeNull();

    const backfill = readFileSync(new URL('../../subgraphs/mini-programs/drizzle/0003_order_parties_backfill.sql', import.meta.url), 'utf8');
    await db.execute(backfill);
    const { order } = await isv.owner.client.execute(OrderPublicProfile, { id: orderId });
    expect(order?.miniProgram).toMatchObject({ id: miniProgramId, merchant: { id: merchant.id } });
  });
});
