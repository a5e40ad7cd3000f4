import { randomUUID } from 'node:crypto';
import {
  AddMiniProgramMemberDocument,
  ArchiveServiceDocument,
  RemoveMiniProgramDocument,
  ServiceMarketDocument,
  type HttpResult,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createOnlineService,
  createVerifiedMerchant,
  prepareDeal,
  TestPlatform,
  type Deal,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { orderAs } from './steps.js';

/** placeOrder selecting only what Orders and Accounts answer. */
const PlaceOrderOwnFields = graphql(`
  mutation DependenciesDownPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        number
        status
        price {
          amount
          currency
        }
        service {
          id
        }
        miniProgram {
          id
        }
        merchant {
          id
          name
        }
        isv {
          id
          name
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AcceptOwnFields = graphql(`
  mutation DependenciesDownAcceptOrder($input: OrderRefInput!) {
    acceptOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
      }
    }
  }
`);

const ConfirmOwnFields = graphql(`
  mutation DependenciesDownConfirmOrder($input: OrderRefInput!) {
    confirmOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
      }
    }
  }
`);

/** The same order twice: once with the service's name (ServiceMarket), once without. */
const OrderWithServiceName = graphql(`
  query DependenciesDownOrderWithServiceName($id: ID!) {
    withoutService: order(id: $id) {
      id
      number
      status
      price {
        amount
        currency
      }
      service {
        id
      }
      merchant {
        name
      }
      isv {
        name
      }
      miniProgram {
        id
        name
        authorizedIsv {
          id
        }
      }
      events {
        to
      }
    }
    withService: order(id: $id) {
      id
      service {
        id
        name
      }
    }
  }
`);

/** The same order twice: once with the mini program's name (MiniPrograms), once without. */
const OrderWithMiniProgramName = graphql(`
  query DependenciesDownOrderWithMiniProgramName($id: ID!) {
    withoutMiniProgram: order(id: $id) {
      id
      status
      service {
        id
        name
      }
      merchant {
        name
      }
      miniProgram {
        id
        authorizedIsv {
          id
          name
        }
      }
    }
    withMiniProgram: order(id: $id) {
      id
      miniProgram {
        id
        name
      }
    }
  }
`);

const WorkspaceOrdersWithServiceNames = graphql(`
  query DependenciesDownWorkspaceOrders($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      orders(first: 10) {
        nodes {
          id
          service {
            name
          }
        }
      }
    }
  }
`);

let platform: TestPlatform;
let deal: Deal;
/** The order taken into development while MiniPrograms was down. */
let confirmedWhileDown: string;

beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
});
afterAll(() => platform?.stop());

function stopSubgraph(name: 'service-market' | 'mini-programs'): Promise<void> {
  return platform.platform.subgraphs.find((s) => s.name === name)!.stop();
}

/**
 * A readable GraphQL error for the fields of a subgraph that does not answer: HTTP 200 with the
 * data the running subgraphs could give, SERVICE_UNAVAILABLE, nothing internal.
 */
function expectUnavailable(result: HttpResult<unknown>): void {
  expect(result.status).toBe(200);
  expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
  for (const error of result.errors!) {
    expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).not.toMatch(/internal server error/i);
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }
  expect(result.data).toBeDefined();
}

async function place(serviceId: string, miniProgramId: string) {
  const { placeOrder } = await deal.merchant.owner.client.execute(PlaceOrderOwnFields, {
    input: { serviceId, miniProgramId, requirements: 'A points shop, while a subgraph is down.', idempotencyKey: randomUUID() },
  });
  return placeOrder;
}

describe('while ServiceMarket is down', () => {
  let freshServiceId: string;
  let archivedServiceId: string;
  let orderId: string;

  beforeAll(async () => {
    // Services created (and one archived) just before it stops: Orders learns them from ServiceMarket's log.
    const [fresh, archived] = await Promise.all([
      createOnlineService(platform, deal.isv, { price: { amount: 4_200_00, currency: 'EUR' } }),
      createOnlineService(platform, deal.isv),
    ]);
    const { archiveService } = await deal.isv.owner.client.execute(ArchiveServiceDocument, { input: { serviceId: archived.id } });
    expect(archiveService.userErrors).toEqual([]);
    freshServiceId = fresh.id;
    archivedServiceId = archived.id;
    await stopSubgraph('service-market');
  });
  afterAll(() => platform.restart());

  it('places an order for an ONLINE service, at its price, from what Orders learned of it', async () => {
    const payload = await place(freshServiceId, deal.miniProgramId);
    expect(payload.userErrors).toEqual([]);
    expect(payload.order).toMatchObject({
      status: 'NEW',
      price: { amount: 4_200_00, currency: 'EUR' },
      service: { id: freshServiceId },
      miniProgram: { id: deal.miniProgramId },
      merchant: { id: deal.merchant.id, name: deal.merchant.name },
      isv: { id: deal.isv.id, name: deal.isv.name },
    });
    orderId = payload.order!.id;
  });

  it('still refuses an ARCHIVED service and an unknown one', async () => {
    expect((await place(archivedServiceId, deal.miniProgramId)).userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'serviceId'], message: expect.any(String) },
    ]);
    expect((await place(randomUUID(), deal.miniProgramId)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'serviceId'], message: expect.any(String) },
    ]);
  });

  it('takes the next steps', async () => {
    const { acceptOrder } = await deal.isv.owner.client.execute(AcceptOwnFields, { input: { orderId } });
    expect(acceptOrder).toEqual({ order: { id: orderId, status: 'PENDING_CONFIRMATION' }, userErrors: [] });
  });

  it("answers the service's fields with a SERVICE_UNAVAILABLE error, and the order's other fields normally", async () => {
    const result = await deal.merchant.owner.client.request(OrderWithServiceName, { id: orderId });
    expectUnavailable(result);
    expect(result.data?.withService ?? null).toBeNull();
    expect(result.data?.withoutService).toMatchObject({
      id: orderId,
      status: 'PENDING_CONFIRMATION',
      price: { amount: 4_200_00, currency: 'EUR' },
      service: { id: freshServiceId },
      merchant: { name: deal.merchant.name },
      isv: { name: deal.isv.name },
      miniProgram: { id: deal.miniProgramId, authorizedIsv: null },
      events: [{ to: 'NEW' }, { to: 'PENDING_CONFIRMATION' }],
    });
    expect(result.data?.withoutService?.miniProgram.name).toBeTruthy();
  });

  it('answers lists needing the service, and the market itself, with SERVICE_UNAVAILABLE, not a server error', async () => {
    expectUnavailable(await deal.isv.owner.client.request(WorkspaceOrdersWithServiceNames, { workspaceId: deal.isv.id }));
    const market = await deal.merchant.owner.client.request(ServiceMarketDocument, { first: 5 });
    expectUnavailable(market);
    expect(market.data).toBeNull();
  });
});

describe('once ServiceMarket is back', () => {
  it('answers the service of the orders placed while it was down', async () => {
    const { workspace } = await deal.isv.owner.client.execute(WorkspaceOrdersWithServiceNames, { workspaceId: deal.isv.id });
    expect(workspace?.orders.nodes).toHaveLength(1);
    expect(workspace?.orders.nodes[0]?.service.name).toBeTruthy();
  });
});

describe('while MiniPrograms is down', () => {
  let freshMiniProgramId: string;
  let removedMiniProgramId: string;
  let otherMerchantsMiniProgramId: string;
  let orderId: string;

  beforeAll(async () => {
    // Mini programs created (and one removed) just before it stops: Orders learns them from MiniPrograms' log.
    const otherMerchant = await createVerifiedMerchant(platform);
    const [fresh, removed, others] = await Promise.all([createMiniProgram(deal.merchant), createMiniProgram(deal.merchant), createMiniProgram(otherMerchant)]);
    const { removeMiniProgram } = await deal.merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: removed.id } });
    expect(removeMiniProgram.userErrors).toEqual([]);
    freshMiniProgramId = fresh.id;
    removedMiniProgramId = removed.id;
    otherMerchantsMiniProgramId = others.id;
    await stopSubgraph('mini-programs');
  });
  afterAll(() => platform.restart());

  it('places an order for an ACTIVE mini program of the merchant, from what Orders learned of it', async () => {
    const payload = await place(deal.serviceId, freshMiniProgramId);
    expect(payload.userErrors).toEqual([]);
    expect(payload.order).toMatchObject({ status: 'NEW', miniProgram: { id: freshMiniProgramId }, service: { id: deal.serviceId } });
    orderId = payload.order!.id;
  });

  it("still refuses a REMOVED mini program and another merchant's", async () => {
    expect((await place(deal.serviceId, removedMiniProgramId)).userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'miniProgramId'], message: expect.any(String) },
    ]);
    expect((await place(deal.serviceId, otherMerchantsMiniProgramId)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'miniProgramId'], message: expect.any(String) },
    ]);
  });

  it('takes the order into development: Orders authorizes the ISV on its own', async () => {
    const { acceptOrder } = await deal.isv.owner.client.execute(AcceptOwnFields, { input: { orderId } });
    expect(acceptOrder.order?.status).toBe('PENDING_CONFIRMATION');
    const { confirmOrder } = await deal.merchant.owner.client.execute(ConfirmOwnFields, { input: { orderId } });
    expect(confirmOrder.order?.status).toBe('IN_DEVELOPMENT');
    confirmedWhileDown = orderId;
  });

  it("answers the mini program's fields with a SERVICE_UNAVAILABLE error, and the order's other fields normally", async () => {
    const result = await deal.merchant.owner.client.request(OrderWithMiniProgramName, { id: orderId });
    expectUnavailable(result);
    expect(result.data?.withMiniProgram ?? null).toBeNull();
    expect(result.data?.withoutMiniProgram).toMatchObject({
      id: orderId,
      status: 'IN_DEVELOPMENT',
      service: { id: deal.serviceId },
      merchant: { name: deal.merchant.name },
      miniProgram: { id: freshMiniProgramId, authorizedIsv: { id: deal.isv.id, name: deal.isv.name } },
    });
    expect(result.data?.withoutMiniProgram?.service.name).toBeTruthy();
  });
});

describe('once MiniPrograms is back', () => {
  it('lets the ISV confirmed while it was down act on the mini program', async () => {
    const order = await orderAs(deal.merchant.owner, confirmedWhileDown);
    expect(order).toMatchObject({ status: 'IN_DEVELOPMENT', miniProgram: { authorizedIsv: { id: deal.isv.id } } });
    const developer = await addMember(platform, deal.isv, 'DEVELOPER');
    const { addMiniProgramMember } = await deal.isv.owner.client.execute(AddMiniProgramMemberDocument, {
      input: { miniProgramId: order!.miniProgram.id, email: developer.email, role: 'DEVELOPER' },
    });
    expect(addMiniProgramMember.userErrors).toEqual([]);
  });
});
