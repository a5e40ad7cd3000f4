import {
  CreateServiceDocument,
  RemoveWorkspaceMemberDocument,
  ServiceDocument,
  UpdateWorkspaceMemberRoleDocument,
} from '@mpp/client';
import { addMember, createService, createVerifiedIsv, eventually, serviceInput, TestPlatform } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGraphQLError } from '../support/expectations.js';

// Every subgraph but Accounts authorizes from its own copy of Accounts' events. These tests show
// how soon a change of membership counts there (README: "within 5 seconds", typically at once).
let platform: TestPlatform;
beforeAll(async () => {
  // The poll that bounds a lost notification, as in production.
  platform = await TestPlatform.start({ env: { EVENT_POLL_INTERVAL_MS: '5000' } });
});
afterAll(() => platform?.stop());

describe('a change of membership in Accounts, as seen by ServiceMarket', () => {
  it('counts for the very next write: promoted may act, demoted and removed may not', async () => {
    const isv = await createVerifiedIsv(platform);
    const member = await addMember(platform, isv, 'DEVELOPER');
    const create = () => member.client.execute(CreateServiceDocument, { input: serviceInput(isv.id) });
    await expectGraphQLError(create(), 'FORBIDDEN');

    await isv.owner.client.execute(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId: isv.id, accountId: member.id, role: 'MASTER' } });
    expect((await create()).createService.userErrors).toEqual([]);

    await isv.owner.client.execute(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId: isv.id, accountId: member.id, role: 'DEVELOPER' } });
    await expectGraphQLError(create(), 'FORBIDDEN');

    await isv.owner.client.execute(UpdateWorkspaceMemberRoleDocument, { input: { workspaceId: isv.id, accountId: member.id, role: 'MASTER' } });
    await isv.owner.client.execute(RemoveWorkspaceMemberDocument, { input: { workspaceId: isv.id, accountId: member.id } });
    await expectGraphQLError(create(), 'FORBIDDEN');
  });

  it('counts for reads within the stated bound: a removed member stops seeing the drafts', async () => {
    const isv = await createVerifiedIsv(platform);
    const draft = await createService(isv, { name: 'A draft nobody outside sees' });
    const member = await addMember(platform, isv, 'DEVELOPER');
    // ServiceMarket alone decides who sees a draft.
    const drafts = async () => ((await member.client.execute(ServiceDocument, { id: draft.id })).service ? 1 : 0);
    expect(await drafts()).toBe(1);

    await isv.owner.client.execute(RemoveWorkspaceMemberDocument, { input: { workspaceId: isv.id, accountId: member.id } });
    const removedAt = Date.now();
    await eventually(async () => (await drafts()) === 0, 5000, 'the removal to count in ServiceMarket');
    expect(Date.now() - removedAt).toBeLessThanOrEqual(5000);
  });
});
