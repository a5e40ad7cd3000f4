import { AddMiniProgramMemberDocument, OrderDocument } from '@mpp/client';
import { addMember, orderInDevelopment, prepareDeal, TestPlatform, uploadVersion } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

it('authorizes the ISV once the merchant confirms', async () => {
  const deal = await prepareDeal(platform);
  const order = await orderInDevelopment(deal);
  expect(order.status).toBe('IN_DEVELOPMENT');
  expect(order.service.name).toBeTruthy();
  const developer = await addMember(platform, deal.isv, 'DEVELOPER');
  const { addMiniProgramMember } = await deal.isv.owner.client.execute(AddMiniProgramMemberDocument, {
    input: { miniProgramId: deal.miniProgramId, email: developer.email, role: 'DEVELOPER' },
  });
  expect(addMiniProgramMember.userErrors).toEqual([]);
  const version = await uploadVersion(developer, deal.miniProgramId, '0.1.0');
  expect(version.status).toBe('UPLOADED');
  const { order: seen } = await deal.merchant.owner.client.execute(OrderDocument, { id: order.id });
  expect(seen?.events.map((e) => e.to)).toEqual(['NEW', 'PENDING_CONFIRMATION', 'IN_DEVELOPMENT']);
  expect(seen?.miniProgram.authorizedIsv?.id).toBe(deal.isv.id);
});
