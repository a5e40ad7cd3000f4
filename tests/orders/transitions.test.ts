import { randomUUID } from 'node:crypto';
import {
  ArchiveServiceDocument,
  CreateMiniProgramDocument,
  RemoveMiniProgramDocument,
  ServiceDocument,
  SubmitServiceForReviewDocument,
  UpdateServiceDocument,
  UpdateWorkspaceMemberRoleDocument,
  WithdrawServiceDocument,
  WorkspaceOrdersDocument,
  type OrderStatus,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createOnlineService,
  createService,
  createVerifiedIsv,
  createVerifiedMerchant,
  createWorkspace,
  miniProgramInput,
  prepareDeal,
  signInAdmin,
  signUp,
  TestPlatform,
  uploadLogo,
  type Actor,
  type Deal,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORBIDDEN,
  INVALID_STATE,
  NOT_FOUND,
  orderAs,
  orderIn,
  outcomeOf,
  REASONS,
  refused,
  steps,
  succeeded,
  timelineOf,
  type Outcome,
  type OrderPayload,
} from './steps.js';

let platform: TestPlatform;
let admin: Actor;
/** The merchant (OWNER, MASTER, DEVELOPER) with a mini program, the ISV (OWNER, MASTER, DEVELOPER) with an ONLINE service. */
let deal: Deal;
let merchantMaster: Actor;
let merchantDeveloper: Actor;
let isvMaster: Actor;
let isvDeveloper: Actor;
/** Owners of workspaces that are no party to the deal's orders, and an account in no workspace. */
let otherMerchant: SeededWorkspace;
let otherIsv: SeededWorkspace;
let stranger: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  [admin, deal, otherMerchant, otherIsv, stranger] = await Promise.all([
    signInAdmin(platform),
    prepareDeal(platform),
    createVerifiedMerchant(platform),
    createVerifiedIsv(platform),
    signUp(platform),
  ]);
  [merchantMaster, merchantDeveloper, isvMaster, isvDeveloper] = await Promise.all([
    addMember(platform, deal.merchant, 'MASTER'),
    addMember(platform, deal.merchant, 'DEVELOPER'),
    addMember(platform, deal.isv, 'MASTER'),
    addMember(platform, deal.isv, 'DEVELOPER'),
  ]);
});
afterAll(() => platform?.stop());

/** Another ACTIVE mini program of the deal's merchant (one may be in development per mini program). */
async function anotherMiniProgram(): Promise<string> {
  return (await createMiniProgram(deal.merchant)).id;
}

/** How many orders the merchant has, as its owner counts them. */
async function merchantOrderCount(): Promise<number> {
  const { workspace } = await deal.merchant.owner.client.execute(WorkspaceOrdersDocument, { workspaceId: deal.merchant.id, first: 1 });
  return workspace!.orders.totalCount;
}

const reasonsOf = async (orderId: string) => (await orderAs(deal.merchant.owner, orderId))!.events.map((e) => e.reason);

describe('each step of the state machine', () => {
  it('NEW → PENDING_CONFIRMATION → IN_DEVELOPMENT → CLOSURE_REQUESTED → IN_DEVELOPMENT → CLOSURE_REQUESTED → CLOSED, by the MASTERs of both parties', async () => {
    const miniProgramId = await anotherMiniProgram();
    const placed = succeeded(await steps.place(merchantMaster, { serviceId: deal.serviceId, miniProgramId }));
    expect(placed.status).toBe('NEW');
    const id = placed.id;

    expect(succeeded(await steps.accept(isvMaster, id)).status).toBe('PENDING_CONFIRMATION');
    expect(succeeded(await steps.confirm(merchantMaster, id)).status).toBe('IN_DEVELOPMENT');
    expect((await orderAs(isvMaster, id))?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);
    expect(succeeded(await steps.requestClosure(isvMaster, id)).status).toBe('CLOSURE_REQUESTED');
    expect((await orderAs(isvMaster, id))?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);
    expect(succeeded(await steps.rejectClosure(merchantMaster, id, '  Please fix the checkout first.  ')).status).toBe('IN_DEVELOPMENT');
    expect(succeeded(await steps.requestClosure(isvMaster, id)).status).toBe('CLOSURE_REQUESTED');
    const closed = succeeded(await steps.approveClosure(merchantMaster, id));
    expect(closed).toMatchObject({ id, number: placed.number, status: 'CLOSED', price: placed.price, requirements: placed.requirements });
    expect(Date.parse(closed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(placed.createdAt));

    const order = await orderAs(deal.merchant.owner, id);
    expect(order?.miniProgram.authorizedIsv).toBeNull();
    expect(order?.events.map(({ from, to, reason, actor }) => ({ from, to, reason, actor: actor?.id }))).toEqual([
      { from: null, to: 'NEW', reason: null, actor: merchantMaster.id },
      { from: 'NEW', to: 'PENDING_CONFIRMATION', reason: null, actor: isvMaster.id },
      { from: 'PENDING_CONFIRMATION', to: 'IN_DEVELOPMENT', reason: null, actor: merchantMaster.id },
      { from: 'IN_DEVELOPMENT', to: 'CLOSURE_REQUESTED', reason: null, actor: isvMaster.id },
      { from: 'CLOSURE_REQUESTED', to: 'IN_DEVELOPMENT', reason: 'Please fix the checkout first.', actor: merchantMaster.id },
      { from: 'IN_DEVELOPMENT', to: 'CLOSURE_REQUESTED', reason: null, actor: isvMaster.id },
      { from: 'CLOSURE_REQUESTED', to: 'CLOSED', reason: null, actor: merchantMaster.id },
    ]);
  });

  it('NEW → REJECTED by the ISV, with its reason', async () => {
    const { id } = await orderIn(deal, 'NEW');
    expect(succeeded(await steps.reject(deal.isv.owner, id, `  ${REASONS.reject}  `)).status).toBe('REJECTED');
    expect(await timelineOf(deal.merchant.owner, id)).toEqual(['∅ → NEW', 'NEW → REJECTED']);
    expect(await reasonsOf(id)).toEqual([null, REASONS.reject]);
  });

  it.each<OrderStatus>(['NEW', 'PENDING_CONFIRMATION'])('%s → CANCELLED by the merchant, with its reason', async (status) => {
    const { id } = await orderIn(deal, status);
    expect(succeeded(await steps.cancel(deal.merchant.owner, id)).status).toBe('CANCELLED');
    const order = await orderAs(deal.isv.owner, id);
    expect(order?.events.at(-1)).toMatchObject({ from: status, to: 'CANCELLED', reason: REASONS.cancel, actor: { id: deal.merchant.owner.id } });
  });

  it('IN_DEVELOPMENT → CANCELLED by the ISV, which abandons it: its authorization ends', async () => {
    const miniProgramId = await anotherMiniProgram();
    const { id } = await orderIn(deal, 'IN_DEVELOPMENT', miniProgramId);
    expect((await orderAs(deal.merchant.owner, id))?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);

    expect(succeeded(await steps.cancel(deal.isv.owner, id, 'We cannot staff this project.')).status).toBe('CANCELLED');
    const order = await orderAs(deal.merchant.owner, id);
    expect(order?.events.at(-1)).toMatchObject({ from: 'IN_DEVELOPMENT', to: 'CANCELLED', reason: 'We cannot staff this project.', actor: { id: deal.isv.owner.id } });
    expect(order?.miniProgram.authorizedIsv).toBeNull();

    // The mini program is free for another order to go into development.
    expect((await orderIn(deal, 'IN_DEVELOPMENT', miniProgramId)).status).toBe('IN_DEVELOPMENT');
  });
});

describe('refusals, each leaving the order as it was', () => {
  const statuses: OrderStatus[] = ['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT', 'CLOSURE_REQUESTED', 'CLOSED', 'REJECTED', 'CANCELLED'];
  /** One order of the deal in each status. */
  const orders = new Map<OrderStatus, string>();
  beforeAll(async () => {
    // An order in development holds its mini program: each gets one of its own.
    const [inDevelopment, closureRequested] = await Promise.all([anotherMiniProgram(), anotherMiniProgram()]);
    for (const status of statuses) {
      const miniProgramId = status === 'IN_DEVELOPMENT' ? inDevelopment : status === 'CLOSURE_REQUESTED' ? closureRequested : deal.miniProgramId;
      orders.set(status, (await orderIn(deal, status, miniProgramId)).id);
    }
  });

  /** Runs `attempt` on the order in `status`, expecting `expected` and an unchanged order (as its merchant sees it). */
  async function expectRefusal(status: OrderStatus, attempt: (orderId: string) => Promise<OrderPayload>, expected: Outcome) {
    const id = orders.get(status)!;
    const before = await orderAs(deal.merchant.owner, id);
    expect(await outcomeOf(attempt(id))).toEqual(expected);
    expect(await orderAs(deal.merchant.owner, id)).toEqual(before);
  }

  describe('wrong state: INVALID_STATE on input.orderId for every step from every other status', () => {
    /** Each step as the party that may take it, and the statuses it starts from. */
    const moves: Record<string, { from: OrderStatus[]; take: (orderId: string) => Promise<OrderPayload> }> = {
      'accept (ISV)': { from: ['NEW'], take: (id) => steps.accept(deal.isv.owner, id) },
      'reject (ISV)': { from: ['NEW'], take: (id) => steps.reject(deal.isv.owner, id) },
      'confirm (merchant)': { from: ['PENDING_CONFIRMATION'], take: (id) => steps.confirm(deal.merchant.owner, id) },
      'cancel (merchant)': { from: ['NEW', 'PENDING_CONFIRMATION'], take: (id) => steps.cancel(deal.merchant.owner, id) },
      'cancel (ISV)': { from: ['IN_DEVELOPMENT'], take: (id) => steps.cancel(deal.isv.owner, id) },
      'request closure (ISV)': { from: ['IN_DEVELOPMENT'], take: (id) => steps.requestClosure(deal.isv.owner, id) },
      'approve closure (merchant)': { from: ['CLOSURE_REQUESTED'], take: (id) => steps.approveClosure(deal.merchant.owner, id) },
      'reject closure (merchant)': { from: ['CLOSURE_REQUESTED'], take: (id) => steps.rejectClosure(deal.merchant.owner, id) },
    };
    const refusals = Object.entries(moves).flatMap(([move, { from }]) =>
      statuses.filter((status) => !from.includes(status)).map((status) => ({ move, status })),
    );

    it('covers the 47 step/status pairs outside the state machine', () => {
      expect(refusals).toHaveLength(47);
    });

    it.each(refusals)('refuses to $move a $status order', async ({ move, status }) => {
      await expectRefusal(status, moves[move]!.take, INVALID_STATE);
    });
  });

  describe('wrong party, wrong role, the platform: FORBIDDEN; outsiders: NOT_FOUND', () => {
    /** Each step with the status it is allowed from and the party that may take it. */
    const allowed: { step: string; status: OrderStatus; party: 'merchant' | 'isv'; take: (actor: Actor, orderId: string) => Promise<OrderPayload> }[] = [
      { step: 'accept', status: 'NEW', party: 'isv', take: steps.accept },
      { step: 'reject', status: 'NEW', party: 'isv', take: (actor, id) => steps.reject(actor, id) },
      { step: 'confirm', status: 'PENDING_CONFIRMATION', party: 'merchant', take: steps.confirm },
      { step: 'cancel', status: 'NEW', party: 'merchant', take: (actor, id) => steps.cancel(actor, id) },
      { step: 'cancel', status: 'PENDING_CONFIRMATION', party: 'merchant', take: (actor, id) => steps.cancel(actor, id) },
      { step: 'cancel', status: 'IN_DEVELOPMENT', party: 'isv', take: (actor, id) => steps.cancel(actor, id) },
      { step: 'requestClosure', status: 'IN_DEVELOPMENT', party: 'isv', take: steps.requestClosure },
      { step: 'approveClosure', status: 'CLOSURE_REQUESTED', party: 'merchant', take: steps.approveClosure },
      { step: 'rejectClosure', status: 'CLOSURE_REQUESTED', party: 'merchant', take: (actor, id) => steps.rejectClosure(actor, id) },
    ];
    const callers: Record<string, () => Actor> = {
      'the merchant DEVELOPER': () => merchantDeveloper,
      'the ISV DEVELOPER': () => isvDeveloper,
      'the platform admin': () => admin,
      'the merchant OWNER': () => deal.merchant.owner,
      'the ISV OWNER': () => deal.isv.owner,
      'another merchant OWNER': () => otherMerchant.owner,
      'another ISV OWNER': () => otherIsv.owner,
      'an account in no workspace': () => stranger,
    };
    const cases = allowed.flatMap(({ step, status, party, take }) => {
      const otherParty = party === 'merchant' ? 'the ISV OWNER' : 'the merchant OWNER';
      const forbidden = ['the merchant DEVELOPER', 'the ISV DEVELOPER', 'the platform admin'];
      // `cancelOrder` serves both parties: the other party's cancel is its own step, refused by state above.
      if (step !== 'cancel') forbidden.push(otherParty);
      return [
        ...forbidden.map((caller) => ({ step, status, caller, take, expected: FORBIDDEN })),
        ...['another merchant OWNER', 'another ISV OWNER', 'an account in no workspace'].map((caller) => ({ step, status, caller, take, expected: NOT_FOUND })),
      ];
    });

    it.each(cases)('$step on a $status order: $caller → $expected', async ({ status, caller, take, expected }) => {
      await expectRefusal(status, (id) => take(callers[caller]!(), id), expected);
    });

    it('answers NOT_FOUND for an order that does not exist, and UNAUTHENTICATED without a token', async () => {
      for (const orderId of [randomUUID(), 'not-an-id']) {
        expect(await outcomeOf(steps.accept(deal.isv.owner, orderId))).toEqual(NOT_FOUND);
        expect(await outcomeOf(steps.cancel(deal.merchant.owner, orderId))).toEqual(NOT_FOUND);
      }
      const anonymous = { ...stranger, client: platform.client() };
      await expectRefusal('NEW', (id) => steps.accept(anonymous, id), { graphQLError: 'UNAUTHENTICATED' });
      await expectRefusal('PENDING_CONFIRMATION', (id) => steps.cancel(anonymous, id), { graphQLError: 'UNAUTHENTICATED' });
    });
  });

  describe('reasons', () => {
    const withReason: { step: string; status: OrderStatus; take: (orderId: string, reason: string) => Promise<OrderPayload> }[] = [
      { step: 'rejectOrder', status: 'NEW', take: (id, reason) => steps.reject(deal.isv.owner, id, reason) },
      { step: 'cancelOrder (merchant)', status: 'PENDING_CONFIRMATION', take: (id, reason) => steps.cancel(deal.merchant.owner, id, reason) },
      { step: 'cancelOrder (ISV)', status: 'IN_DEVELOPMENT', take: (id, reason) => steps.cancel(deal.isv.owner, id, reason) },
      { step: 'rejectOrderClosure', status: 'CLOSURE_REQUESTED', take: (id, reason) => steps.rejectClosure(deal.merchant.owner, id, reason) },
    ];
    const blank = ['', '   ', 'x'.repeat(1001), 'Broken\u0000text'];
    const cases = withReason.flatMap((c) => blank.map((reason) => ({ ...c, reason, shown: reason.length > 20 ? `${reason.length} characters` : JSON.stringify(reason) })));

    it.each(cases)('$step refuses the reason $shown: INVALID on input.reason', async ({ status, take, reason }) => {
      await expectRefusal(status, (id) => take(id, reason), { userError: 'INVALID', field: 'input.reason' });
    });

    it('takes a reason of 1000 characters', async () => {
      const { id } = await orderIn(deal, 'NEW');
      expect(succeeded(await steps.reject(deal.isv.owner, id, 'y'.repeat(1000))).status).toBe('REJECTED');
      expect((await reasonsOf(id)).at(-1)).toBe('y'.repeat(1000));
    });
  });
});

describe('what an order copies when it is placed', () => {
  it("keeps the service's price and ISV; goes on after the service is archived, which no one can order any more", async () => {
    const service = await createOnlineService(platform, deal.isv, { price: { amount: 3_210_00, currency: 'SGD' } });
    const { id, price, isv } = succeeded(await steps.place(deal.merchant.owner, { serviceId: service.id, miniProgramId: deal.miniProgramId }));
    expect(price).toEqual({ amount: 3_210_00, currency: 'SGD' });
    expect(isv).toEqual({ id: deal.isv.id, name: deal.isv.name });

    // An ONLINE service cannot be edited (so its price cannot move under an order)…
    const { updateService } = await deal.isv.owner.client.execute(UpdateServiceDocument, {
      input: { serviceId: service.id, price: { amount: 1_00, currency: 'SGD' } },
    });
    expect(updateService.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const { withdrawService } = await deal.isv.owner.client.execute(WithdrawServiceDocument, { input: { serviceId: service.id } });
    expect(withdrawService.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // …but it can leave the market.
    const { archiveService } = await deal.isv.owner.client.execute(ArchiveServiceDocument, { input: { serviceId: service.id } });
    expect(archiveService.service?.status).toBe('ARCHIVED');

    refused(await steps.place(deal.merchant.owner, { serviceId: service.id, miniProgramId: deal.miniProgramId }), 'INVALID_STATE', 'serviceId');

    // The open order goes on to the end, at the price it was placed with.
    const miniProgramId = await anotherMiniProgram();
    const second = succeeded(await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId }));
    expect(second.price).toEqual({ amount: 1_500_00, currency: 'USD' });
    succeeded(await steps.cancel(deal.merchant.owner, second.id));

    for (const step of [
      () => steps.accept(deal.isv.owner, id),
      () => steps.confirm(deal.merchant.owner, id),
      () => steps.requestClosure(deal.isv.owner, id),
      () => steps.approveClosure(deal.merchant.owner, id),
    ]) {
      expect(succeeded(await step()).price).toEqual({ amount: 3_210_00, currency: 'SGD' });
    }
    const order = await orderAs(deal.merchant.owner, id);
    expect(order).toMatchObject({ status: 'CLOSED', price: { amount: 3_210_00, currency: 'SGD' }, service: { id: service.id, name: service.name }, isv: { id: deal.isv.id } });
    const { service: archived } = await deal.isv.owner.client.execute(ServiceDocument, { id: service.id });
    expect(archived?.status).toBe('ARCHIVED');
  });
});

describe('one order in development per mini program', () => {
  it('refuses to confirm a second order while one is IN_DEVELOPMENT or CLOSURE_REQUESTED; takes it once the first is CLOSED', async () => {
    const miniProgramId = await anotherMiniProgram();
    const rival = await createVerifiedIsv(platform);
    const rivalService = await createOnlineService(platform, rival);
    const rivalDeal: Deal = { ...deal, isv: rival, serviceId: rivalService.id };

    const first = await orderIn(deal, 'PENDING_CONFIRMATION', miniProgramId);
    const second = await orderIn(rivalDeal, 'PENDING_CONFIRMATION', miniProgramId);
    expect(succeeded(await steps.confirm(deal.merchant.owner, first.id)).status).toBe('IN_DEVELOPMENT');

    const before = await orderAs(deal.merchant.owner, second.id);
    refused(await steps.confirm(deal.merchant.owner, second.id), 'INVALID_STATE', 'orderId');
    // Placing and accepting more orders for the mini program is fine; developing two at once is not.
    const third = await orderIn(rivalDeal, 'PENDING_CONFIRMATION', miniProgramId);

    succeeded(await steps.requestClosure(deal.isv.owner, first.id));
    refused(await steps.confirm(deal.merchant.owner, second.id), 'INVALID_STATE', 'orderId');
    expect(await orderAs(deal.merchant.owner, second.id)).toEqual(before);
    expect((await orderAs(deal.merchant.owner, first.id))?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);

    succeeded(await steps.approveClosure(deal.merchant.owner, first.id));
    expect(succeeded(await steps.confirm(deal.merchant.owner, second.id)).status).toBe('IN_DEVELOPMENT');
    expect((await orderAs(deal.merchant.owner, second.id))?.miniProgram.authorizedIsv).toEqual({ id: rival.id, name: rival.name });
    refused(await steps.confirm(deal.merchant.owner, third.id), 'INVALID_STATE', 'orderId');
  });
});

describe('placeOrder', () => {
  it('numbers orders ORD-<year>-<6 digits>, each number its own', async () => {
    const a = await orderIn(deal, 'NEW');
    const b = await orderIn(deal, 'NEW');
    const year = new Date().getUTCFullYear();
    for (const order of [a, b]) expect(order.number).toMatch(new RegExp(`^ORD-${year}-\\d{6}$`));
    expect(a.number).not.toBe(b.number);
    expect(Number(b.number.slice(-6))).toBeGreaterThan(Number(a.number.slice(-6)));
  });

  it('answers a repeat with the same idempotency key by the same account with the first order, whatever else it says', async () => {
    const count = await merchantOrderCount();
    const idempotencyKey = `order-${randomUUID()}`;
    const first = succeeded(await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey }));
    const repeat = succeeded(
      await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey, requirements: 'Something else entirely.' }),
    );
    expect(repeat).toEqual(first);
    expect(await merchantOrderCount()).toBe(count + 1);

    // Even once the order has moved on, the repeat names it (as it is now).
    succeeded(await steps.accept(deal.isv.owner, first.id));
    const later = succeeded(await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey }));
    expect(later).toMatchObject({ id: first.id, status: 'PENDING_CONFIRMATION' });

    // The key is the account's own: another account with the same key places another order.
    const other = succeeded(await steps.place(merchantMaster, { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, idempotencyKey }));
    expect(other.id).not.toBe(first.id);
    expect(await merchantOrderCount()).toBe(count + 2);
    expect(await timelineOf(deal.merchant.owner, first.id)).toEqual(['∅ → NEW', 'NEW → PENDING_CONFIRMATION']);
  });

  it('takes requirements of 5000 characters and an idempotency key of 200', async () => {
    const order = succeeded(
      await steps.place(deal.merchant.owner, {
        serviceId: deal.serviceId,
        miniProgramId: deal.miniProgramId,
        requirements: 'r'.repeat(5000),
        idempotencyKey: 'k'.repeat(200),
      }),
    );
    expect(order.requirements).toBe('r'.repeat(5000));
  });

  describe('refusals, placing nothing', () => {
    let draftServiceId: string;
    let pendingServiceId: string;
    let archivedServiceId: string;
    let removedMiniProgramId: string;
    let otherMerchantsMiniProgramId: string;
    beforeAll(async () => {
      const [draft, pending, archived, otherMiniProgram] = await Promise.all([
        createService(deal.isv),
        createService(deal.isv),
        createOnlineService(platform, deal.isv),
        createMiniProgram(otherMerchant),
      ]);
      draftServiceId = draft.id;
      pendingServiceId = pending.id;
      archivedServiceId = archived.id;
      otherMerchantsMiniProgramId = otherMiniProgram.id;
      const { submitServiceForReview } = await deal.isv.owner.client.execute(SubmitServiceForReviewDocument, {
        input: { serviceId: pending.id },
      });
      expect(submitServiceForReview.service?.status).toBe('PENDING_REVIEW');
      const { archiveService } = await deal.isv.owner.client.execute(ArchiveServiceDocument, { input: { serviceId: archived.id } });
      expect(archiveService.service?.status).toBe('ARCHIVED');
      removedMiniProgramId = await anotherMiniProgram();
      const { removeMiniProgram } = await deal.merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: removedMiniProgramId } });
      expect(removeMiniProgram.miniProgram?.status).toBe('REMOVED');
    });

    type Case = { what: string; actor: () => Actor; input: () => Parameters<typeof steps.place>[1]; expected: Outcome };
    const ours = () => ({ serviceId: deal.serviceId, miniProgramId: deal.miniProgramId });
    const cases: Case[] = [
      { what: 'an unknown service', actor: () => deal.merchant.owner, input: () => ({ ...ours(), serviceId: randomUUID() }), expected: { userError: 'NOT_FOUND', field: 'input.serviceId' } },
      { what: 'a malformed service id', actor: () => deal.merchant.owner, input: () => ({ ...ours(), serviceId: 'svc-1' }), expected: { userError: 'NOT_FOUND', field: 'input.serviceId' } },
      { what: 'a DRAFT service', actor: () => deal.merchant.owner, input: () => ({ ...ours(), serviceId: draftServiceId }), expected: { userError: 'NOT_FOUND', field: 'input.serviceId' } },
      { what: 'a PENDING_REVIEW service', actor: () => deal.merchant.owner, input: () => ({ ...ours(), serviceId: pendingServiceId }), expected: { userError: 'NOT_FOUND', field: 'input.serviceId' } },
      { what: 'an ARCHIVED service', actor: () => deal.merchant.owner, input: () => ({ ...ours(), serviceId: archivedServiceId }), expected: { userError: 'INVALID_STATE', field: 'input.serviceId' } },
      { what: 'a REMOVED mini program', actor: () => deal.merchant.owner, input: () => ({ ...ours(), miniProgramId: removedMiniProgramId }), expected: { userError: 'INVALID_STATE', field: 'input.miniProgramId' } },
      { what: "another merchant's mini program", actor: () => deal.merchant.owner, input: () => ({ ...ours(), miniProgramId: otherMerchantsMiniProgramId }), expected: { userError: 'NOT_FOUND', field: 'input.miniProgramId' } },
      { what: 'an unknown mini program', actor: () => deal.merchant.owner, input: () => ({ ...ours(), miniProgramId: randomUUID() }), expected: { userError: 'NOT_FOUND', field: 'input.miniProgramId' } },
      { what: 'empty requirements', actor: () => deal.merchant.owner, input: () => ({ ...ours(), requirements: '' }), expected: { userError: 'INVALID', field: 'input.requirements' } },
      { what: 'blank requirements', actor: () => deal.merchant.owner, input: () => ({ ...ours(), requirements: ' \n\t ' }), expected: { userError: 'INVALID', field: 'input.requirements' } },
      { what: 'requirements of 5001 characters', actor: () => deal.merchant.owner, input: () => ({ ...ours(), requirements: 'r'.repeat(5001) }), expected: { userError: 'INVALID', field: 'input.requirements' } },
      { what: 'requirements with a NUL character', actor: () => deal.merchant.owner, input: () => ({ ...ours(), requirements: 'A shop\u0000' }), expected: { userError: 'INVALID', field: 'input.requirements' } },
      { what: 'an empty idempotency key', actor: () => deal.merchant.owner, input: () => ({ ...ours(), idempotencyKey: '' }), expected: { userError: 'INVALID', field: 'input.idempotencyKey' } },
      { what: 'a blank idempotency key', actor: () => deal.merchant.owner, input: () => ({ ...ours(), idempotencyKey: '   ' }), expected: { userError: 'INVALID', field: 'input.idempotencyKey' } },
      { what: 'an idempotency key of 201 characters', actor: () => deal.merchant.owner, input: () => ({ ...ours(), idempotencyKey: 'k'.repeat(201) }), expected: { userError: 'INVALID', field: 'input.idempotencyKey' } },
      { what: 'a merchant DEVELOPER', actor: () => merchantDeveloper, input: ours, expected: FORBIDDEN },
      { what: 'the ISV owner, for the merchant', actor: () => deal.isv.owner, input: ours, expected: { userError: 'NOT_FOUND', field: 'input.miniProgramId' } },
      { what: 'the platform admin', actor: () => admin, input: ours, expected: FORBIDDEN },
      { what: 'an account in no workspace', actor: () => stranger, input: ours, expected: { userError: 'NOT_FOUND', field: 'input.miniProgramId' } },
      { what: 'no token', actor: () => ({ ...stranger, client: platform.client() }), input: ours, expected: { graphQLError: 'UNAUTHENTICATED' } },
    ];

    it.each(cases)('refuses $what', async ({ actor, input, expected }) => {
      const count = await merchantOrderCount();
      expect(await outcomeOf(steps.place(actor(), input()))).toEqual(expected);
      expect(await merchantOrderCount()).toBe(count);
    });

    it('refuses a merchant that is not verified: it cannot have a mini program to order for, and names no other', async () => {
      const owner = await signUp(platform);
      const unverified = await createWorkspace(owner, 'MERCHANT');
      const logoUploadId = await uploadLogo(owner);
      const { createMiniProgram } = await owner.client.execute(CreateMiniProgramDocument, { input: miniProgramInput(unverified.id, logoUploadId) });
      expect(createMiniProgram.userErrors).toEqual([expect.objectContaining({ code: 'NOT_VERIFIED' })]);
      expect(await outcomeOf(steps.place(owner, ours()))).toEqual({ userError: 'NOT_FOUND', field: 'input.miniProgramId' });
    });
  });
});

describe('decisions on what was committed a moment ago', () => {
  // Each is tried a few times: Orders learns of other subgraphs' changes from their event logs and
  // must catch up before deciding, not decide on what it happened to have read so far.

  it('refuses to order a service archived, or for a mini program removed, a moment ago', async () => {
    for (let i = 0; i < 3; i++) {
      const [service, miniProgramId] = await Promise.all([createOnlineService(platform, deal.isv), anotherMiniProgram()]);
      // Both were seen ONLINE and ACTIVE by Orders once.
      succeeded(await steps.cancel(deal.merchant.owner, succeeded(await steps.place(deal.merchant.owner, { serviceId: service.id, miniProgramId })).id));

      const { archiveService } = await deal.isv.owner.client.execute(ArchiveServiceDocument, { input: { serviceId: service.id } });
      expect(archiveService.userErrors).toEqual([]);
      refused(await steps.place(deal.merchant.owner, { serviceId: service.id, miniProgramId: deal.miniProgramId }), 'INVALID_STATE', 'serviceId');

      const { removeMiniProgram } = await deal.merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId } });
      expect(removeMiniProgram.userErrors).toEqual([]);
      refused(await steps.place(deal.merchant.owner, { serviceId: deal.serviceId, miniProgramId }), 'INVALID_STATE', 'miniProgramId');
    }
  });

  it('refuses an account added to a party a moment ago for its role (FORBIDDEN), not as a stranger (NOT_FOUND)', async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await orderIn(deal, 'PENDING_CONFIRMATION');
      const developer = await addMember(platform, deal.merchant, 'DEVELOPER');
      expect(await outcomeOf(steps.confirm(developer, id))).toEqual(FORBIDDEN);
      const isvColleague = await addMember(platform, deal.isv, 'DEVELOPER');
      expect(await outcomeOf(steps.cancel(isvColleague, id))).toEqual(FORBIDDEN);
      expect((await orderAs(deal.merchant.owner, id))?.status).toBe('PENDING_CONFIRMATION');
    }
  });

  it('lets an account made MASTER a moment ago take steps, and one demoted a moment ago no longer', async () => {
    for (let i = 0; i < 3; i++) {
      const member = await addMember(platform, deal.merchant, 'DEVELOPER');
      const changeRole = async (role: 'MASTER' | 'DEVELOPER') => {
        const { updateWorkspaceMemberRole } = await deal.merchant.owner.client.execute(UpdateWorkspaceMemberRoleDocument, {
          input: { workspaceId: deal.merchant.id, accountId: member.id, role },
        });
        expect(updateWorkspaceMemberRole.userErrors).toEqual([]);
      };
      const { id } = await orderIn(deal, 'NEW');
      await changeRole('MASTER');
      expect(succeeded(await steps.cancel(member, id)).status).toBe('CANCELLED');

      const second = await orderIn(deal, 'PENDING_CONFIRMATION');
      await changeRole('DEVELOPER');
      expect(await outcomeOf(steps.cancel(member, second.id))).toEqual(FORBIDDEN);
      expect(await outcomeOf(steps.confirm(member, second.id))).toEqual(FORBIDDEN);
      expect((await orderAs(deal.merchant.owner, second.id))?.status).toBe('PENDING_CONFIRMATION');
    }
  });
});
