import { ServiceMarketDocument, WorkspaceServicesDocument } from '@mpp/client';
import { createOnlineService, createService, createVerifiedIsv, signUp, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

it('lists an approved service in the market with its ISV', async () => {
  const isv = await createVerifiedIsv(platform);
  const online = await createOnlineService(platform, isv);
  await createService(isv, { name: 'Still a draft' });
  expect(online.status).toBe('ONLINE');
  const merchant = await signUp(platform);
  const { serviceMarket } = await merchant.client.execute(ServiceMarketDocument, { first: 10 });
  expect(serviceMarket.totalCount).toBe(1);
  expect(serviceMarket.edges[0]!.node.isv.name).toBe(isv.name);
  const own = await isv.owner.client.execute(WorkspaceServicesDocument, { workspaceId: isv.id });
  expect(own.workspace!.services.totalCount).toBe(2);
});
