import {
  AcceptOrderDocument,
  AddWorkspaceMemberDocument,
  ApproveServiceDocument,
  ConfirmOrderDocument,
  RemoveMiniProgramDocument,
  SubmitServiceForReviewDocument,
} from '@mpp/client';
import { addMember, createService, placeOrder, prepareDeal, TestPlatform, uniqueEmail, type Actor, type Deal } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLError } from '../support/expectations.js';

let platform: TestPlatform;
let deal: Deal;
let merchantDeveloper: Actor;
let isvDeveloper: Actor;
beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
  [merchantDeveloper, isvDeveloper] = await Promise.all([addMember(platform, deal.merchant, 'DEVELOPER'), addMember(platform, deal.isv, 'DEVELOPER')]);
});
afterAll(() => platform?.stop());

/** The message of the FORBIDDEN error a request is refused with. */
async function refusal(request: Promise<unknown>): Promise<string> {
  const error = await expectGraphQLError(request, 'FORBIDDEN');
  return error.errors[0]!.message;
}

describe('a FORBIDDEN refusal names who may act and what', () => {
  it('order steps: the party whose OWNER or MASTER takes the step', async () => {
    const order = await placeOrder(deal);
    expect(await refusal(isvDeveloper.client.execute(AcceptOrderDocument, { input: { orderId: order.id } }))).toBe(
      "Only the ISV's OWNER or MASTER may accept this order.",
    );
    await deal.isv.owner.client.execute(AcceptOrderDocument, { input: { orderId: order.id } });
    expect(await refusal(merchantDeveloper.client.execute(ConfirmOrderDocument, { input: { orderId: order.id } }))).toBe(
      "Only the merchant's OWNER or MASTER may confirm this order.",
    );
  });

  it('services: the ISV’s managers submit, platform members review', async () => {
    const service = await createService(deal.isv);
    expect(await refusal(isvDeveloper.client.execute(SubmitServiceForReviewDocument, { input: { serviceId: service.id } }))).toBe(
      "Only the ISV's OWNER or MASTER may submit this service for review.",
    );
    expect(await refusal(deal.merchant.owner.client.execute(ApproveServiceDocument, { input: { serviceId: deal.serviceId } }))).toBe(
      'Only platform members may review services.',
    );
  });

  it('workspaces and mini programs: the owner adds members, the merchant’s managers remove a mini program', async () => {
    const addition = { input: { workspaceId: deal.merchant.id, email: uniqueEmail(), role: 'DEVELOPER' as const } };
    expect(await refusal(merchantDeveloper.client.execute(AddWorkspaceMemberDocument, addition))).toBe(
      "Only the workspace's OWNER may add members.",
    );
    expect(await refusal(merchantDeveloper.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: deal.miniProgramId } }))).toBe(
      "Only the merchant's OWNER or MASTER may remove this mini program.",
    );
  });
});
