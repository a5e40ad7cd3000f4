import { CreateMiniProgramDocument, RemoveMiniProgramDocument, WorkspaceMiniProgramsDocument } from '@mpp/client';
import { createMiniProgram, createVerifiedMerchant, miniProgramInput, TestPlatform, uploadLogo, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from './support.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(() => platform?.stop());

async function tryCreate(merchant: SeededWorkspace, logoUploadId?: string) {
  const logo = logoUploadId ?? (await uploadLogo(merchant.owner));
  const { createMiniProgram } = await merchant.owner.client.execute(CreateMiniProgramDocument, { input: miniProgramInput(merchant.id, logo) });
  return createMiniProgram;
}

async function statuses(merchant: SeededWorkspace): Promise<string[]> {
  const { workspace } = await merchant.owner.client.execute(WorkspaceMiniProgramsDocument, { workspaceId: merchant.id, first: 50 });
  return workspace!.miniPrograms.nodes.map((node) => node.status);
}

const active = (list: string[]) => list.filter((status) => status === 'ACTIVE').length;

describe('at most 10 mini programs per merchant, REMOVED ones not counted', () => {
  it('allows 10, refuses the 11th, and takes one more once one is removed', async () => {
    const merchant = await createVerifiedMerchant(platform);
    const created: string[] = [];
    for (let i = 0; i < 10; i++) created.push((await createMiniProgram(merchant)).id);
    expect(active(await statuses(merchant))).toBe(10);

    const logo = await uploadLogo(merchant.owner);
    const eleventh = await tryCreate(merchant, logo);
    expect(eleventh.miniProgram).toBeNull();
    expect(eleventh.userErrors).toEqual([userError('QUOTA_EXCEEDED', 'merchantWorkspaceId')]);

    const { removeMiniProgram } = await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: created[3]! } });
    expect(removeMiniProgram.userErrors).toEqual([]);

    // The refused creation did not spend its logo: the same upload now succeeds.
    const retry = await tryCreate(merchant, logo);
    expect(retry.userErrors).toEqual([]);
    expect(retry.miniProgram?.status).toBe('ACTIVE');

    const full = await tryCreate(merchant);
    expect(full.userErrors).toEqual([userError('QUOTA_EXCEEDED', 'merchantWorkspaceId')]);
    const list = await statuses(merchant);
    expect(list).toHaveLength(11);
    expect(active(list)).toBe(10);
  });

  it('counts per merchant: a full merchant does not stop another one', async () => {
    const [full, other] = await Promise.all([createVerifiedMerchant(platform), createVerifiedMerchant(platform)]);
    for (let i = 0; i < 10; i++) await createMiniProgram(full);
    expect((await tryCreate(full)).userErrors).toEqual([userError('QUOTA_EXCEEDED', 'merchantWorkspaceId')]);
    expect((await tryCreate(other)).userErrors).toEqual([]);
  });
});

describe('racing creations', () => {
  it('with 9 existing, lets exactly one of 5 concurrent creations through', async () => {
    const merchant = await createVerifiedMerchant(platform);
    await Promise.all(Array.from({ length: 9 }, () => createMiniProgram(merchant)));
    expect(active(await statuses(merchant))).toBe(9);

    const logos = await Promise.all(Array.from({ length: 5 }, () => uploadLogo(merchant.owner)));
    const results = await Promise.all(logos.map((logo) => tryCreate(merchant, logo)));

    const succeeded = results.filter((result) => result.miniProgram !== null);
    const refused = results.filter((result) => result.miniProgram === null);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.userErrors).toEqual([]);
    expect(refused).toHaveLength(4);
    for (const result of refused) expect(result.userErrors).toEqual([userError('QUOTA_EXCEEDED', 'merchantWorkspaceId')]);
    expect(active(await statuses(merchant))).toBe(10);
  });
});
