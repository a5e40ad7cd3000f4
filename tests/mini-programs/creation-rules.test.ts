import {
  CreateMiniProgramDocument,
  MiniProgramDocument,
  RemoveMiniProgramDocument,
  UpdateMiniProgramDocument,
  WorkspaceMiniProgramsDocument,
  type CreateMiniProgramInput,
} from '@mpp/client';
import {
  addMember,
  createMiniProgram,
  createVerifiedIsv,
  createVerifiedMerchant,
  createWorkspace,
  miniProgramInput,
  signInAdmin,
  signUp,
  TestPlatform,
  unwrap,
  uploadLogo,
  type Actor,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, userError } from './support.js';

let platform: TestPlatform;
let merchant: SeededWorkspace;

beforeAll(async () => {
  platform = await TestPlatform.start();
  merchant = await createVerifiedMerchant(platform);
});
afterAll(() => platform?.stop());

/** `createMiniProgram` by `actor` in `workspaceId` (the merchant by default), with a fresh logo of theirs. */
async function create(overrides: Partial<CreateMiniProgramInput>, actor: Actor = merchant.owner, workspaceId = merchant.id) {
  const logo = await uploadLogo(actor);
  const { createMiniProgram } = await actor.client.execute(CreateMiniProgramDocument, { input: miniProgramInput(workspaceId, logo, overrides) });
  return createMiniProgram;
}

/** Creates the mini program, expects success, then removes it so the quota never gets in the way. */
async function accepted(overrides: Partial<CreateMiniProgramInput>) {
  const payload = await create(overrides);
  expect(payload.userErrors).toEqual([]);
  const created = payload.miniProgram!;
  const { removeMiniProgram } = await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: created.id } });
  expect(removeMiniProgram.userErrors).toEqual([]);
  return created;
}

/** Creates the mini program, expects it refused, returns the user errors. */
async function refused(overrides: Partial<CreateMiniProgramInput>) {
  const payload = await create(overrides);
  expect(payload.miniProgram).toBeNull();
  return payload.userErrors;
}

async function activeCount(workspace: SeededWorkspace): Promise<number> {
  const { workspace: seen } = await workspace.owner.client.execute(WorkspaceMiniProgramsDocument, { workspaceId: workspace.id, first: 50 });
  return seen!.miniPrograms.nodes.filter((node) => node.status === 'ACTIVE').length;
}

describe('name: 3 to 30 characters, each Chinese character counting two', () => {
  it.each([
    ['3 letters', 'abc'],
    ['30 letters', 'a'.repeat(30)],
    ['15 Chinese characters (30)', '咖'.repeat(15)],
    ['1 Chinese character and a letter (3)', '店A'],
    ['14 Chinese characters and 2 digits (30)', '咖'.repeat(14) + '24'],
    ['Chinese characters, letters and a space', '星巴克 Coffee'],
  ])('accepts %s', async (_case, name) => {
    const created = await accepted({ name });
    expect(created.name).toBe(name);
  });

  it.each([
    ['2 letters', 'ab'],
    ['31 letters', 'a'.repeat(31)],
    ['16 Chinese characters (32)', '咖'.repeat(16)],
    ['1 Chinese character (2)', '店'],
    ['14 Chinese characters and 3 digits (31)', '咖'.repeat(14) + '247'],
    ['2 letters padded with spaces', '  ab  '],
    ['nothing', ''],
  ])('refuses %s', async (_case, name) => {
    expect(await refused({ name })).toEqual([userError('INVALID', 'name')]);
  });

  it('stores the name trimmed', async () => {
    const created = await accepted({ name: '  Tea House  ' });
    expect(created.name).toBe('Tea House');
  });
});

describe('tagline, description, industry, target app, phone and email', () => {
  it.each([
    ['a tagline of 10 characters', { tagline: 'a'.repeat(10) }],
    ['a tagline of 30 characters', { tagline: 'a'.repeat(30) }],
    ['a tagline of 10 Chinese characters', { tagline: '新鲜咖啡每天送到家门' }],
    ['a description of 20 characters', { description: 'd'.repeat(20) }],
    ['a description of 200 characters', { description: 'd'.repeat(200) }],
    ['a landline of 4 + 8 digits', { contactPhone: '0571-88888888' }],
    ['a landline of 3 + 7 digits', { contactPhone: '010-1234567' }],
    ['an email', { contactEmail: 'care@tea.example.cn' }],
    ['an industry of 2 characters', { industry: 'IT' }],
    ['an industry of 50 characters', { industry: 'i'.repeat(50) }],
    ['a target app of 2 characters', { targetApp: 'A+' }],
  ] as [string, Partial<CreateMiniProgramInput>][])('accepts %s', async (_case, overrides) => {
    const created = await accepted(overrides);
    expect(created).toMatchObject(overrides);
  });

  it.each([
    ['a tagline of 9 characters', { tagline: 'a'.repeat(9) }, 'tagline'],
    ['a tagline of 31 characters', { tagline: 'a'.repeat(31) }, 'tagline'],
    ['a description of 19 characters', { description: 'd'.repeat(19) }, 'description'],
    ['a description of 201 characters', { description: 'd'.repeat(201) }, 'description'],
    ['no industry', { industry: '' }, 'industry'],
    ['an industry of 1 character', { industry: 'x' }, 'industry'],
    ['an industry of 51 characters', { industry: 'i'.repeat(51) }, 'industry'],
    ['a target app of 51 characters', { targetApp: 'a'.repeat(51) }, 'targetApp'],
    ['no target app', { targetApp: ' ' }, 'targetApp'],
    ['a landline of 2 + 7 digits', { contactPhone: '12-1234567' }, 'contactPhone'],
    ['a landline of 5 + 7 digits', { contactPhone: '01234-1234567' }, 'contactPhone'],
    ['a landline of 4 + 6 digits', { contactPhone: '0571-123456' }, 'contactPhone'],
    ['a landline of 4 + 9 digits', { contactPhone: '0571-123456789' }, 'contactPhone'],
    ['a landline without the dash', { contactPhone: '057188888888' }, 'contactPhone'],
    ['an international number', { contactPhone: '+86 571 8888 8888' }, 'contactPhone'],
    ['an email without a domain', { contactEmail: 'care@' }, 'contactEmail'],
    ['an email without an at sign', { contactEmail: 'care.tea.example.cn' }, 'contactEmail'],
    ['no email', { contactEmail: '' }, 'contactEmail'],
  ] as [string, Partial<CreateMiniProgramInput>, string][])('refuses %s', async (_case, overrides, field) => {
    expect(await refused(overrides)).toEqual([userError('INVALID', field)]);
  });

  it('reports every broken rule at once, each on its field, and creates nothing', async () => {
    const before = await activeCount(merchant);
    const errors = await refused({ name: 'a', tagline: 'short', description: 'too short', contactPhone: '12345', contactEmail: 'nobody' });
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(
      expect.arrayContaining([
        userError('INVALID', 'name'),
        userError('INVALID', 'tagline'),
        userError('INVALID', 'description'),
        userError('INVALID', 'contactPhone'),
        userError('INVALID', 'contactEmail'),
      ]),
    );
    expect(await activeCount(merchant)).toBe(before);
  });
});

describe('who may create a mini program', () => {
  it('lets a MASTER of the merchant create one', async () => {
    const master = await addMember(platform, merchant, 'MASTER');
    const payload = await create({}, master);
    expect(payload.userErrors).toEqual([]);
    expect(payload.miniProgram?.merchant.id).toBe(merchant.id);
    await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: payload.miniProgram!.id } });
  });

  it('refuses a DEVELOPER of the merchant, an ISV, another merchant and the platform (FORBIDDEN)', async () => {
    const [developer, isv, otherMerchant, admin] = await Promise.all([
      addMember(platform, merchant, 'DEVELOPER'),
      createVerifiedIsv(platform),
      createVerifiedMerchant(platform),
      signInAdmin(platform),
    ]);
    const before = await activeCount(merchant);
    for (const outsider of [developer, isv.owner, otherMerchant.owner, admin]) {
      expect(await errorCode(create({}, outsider))).toBe('FORBIDDEN');
    }
    expect(await activeCount(merchant)).toBe(before);
  });

  it('refuses a workspace that is not a merchant (INVALID on merchantWorkspaceId)', async () => {
    const isv = await createVerifiedIsv(platform);
    const payload = await create({}, isv.owner, isv.id);
    expect(payload.userErrors).toEqual([userError('INVALID', 'merchantWorkspaceId')]);
  });

  it('refuses a merchant that has not passed verification (NOT_VERIFIED)', async () => {
    const owner = await signUp(platform);
    const unverified = await createWorkspace(owner, 'MERCHANT');
    const payload = await create({}, owner, unverified.id);
    expect(payload.userErrors).toEqual([userError('NOT_VERIFIED', 'merchantWorkspaceId')]);
  });

  it('refuses an unknown workspace (NOT_FOUND) and a signed-out caller (UNAUTHENTICATED)', async () => {
    const payload = await create({}, merchant.owner, '01890a5d-ac96-774b-bcce-b302099a8057');
    expect(payload.userErrors).toEqual([userError('NOT_FOUND', 'merchantWorkspaceId')]);
    const logo = await uploadLogo(merchant.owner);
    expect(await errorCode(platform.client().execute(CreateMiniProgramDocument, { input: miniProgramInput(merchant.id, logo) }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('updating and removing', () => {
  it('updates the fields given and keeps the others, under the same rules', async () => {
    const original = await createMiniProgram(merchant);
    const { updateMiniProgram } = await merchant.owner.client.execute(UpdateMiniProgramDocument, {
      input: { miniProgramId: original.id, name: '茶馆 Tea', contactPhone: '021-12345678', contactEmail: 'Tea@Shop.Example.com' },
    });
    expect(updateMiniProgram.userErrors).toEqual([]);
    expect(updateMiniProgram.miniProgram).toMatchObject({
      name: '茶馆 Tea',
      contactPhone: '021-12345678',
      contactEmail: 'tea@shop.example.com',
      tagline: original.tagline,
      description: original.description,
      industry: original.industry,
      logoUrl: original.logoUrl,
    });

    const refused = await merchant.owner.client.execute(UpdateMiniProgramDocument, {
      input: { miniProgramId: original.id, name: '咖'.repeat(16), tagline: 'too short' },
    });
    expect(refused.updateMiniProgram.userErrors).toEqual(
      expect.arrayContaining([userError('INVALID', 'name'), userError('INVALID', 'tagline')]),
    );
    const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: original.id });
    expect(miniProgram?.name).toBe('茶馆 Tea');
    expect(miniProgram?.tagline).toBe(original.tagline);
    await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: original.id } });
  });

  it('lets only the merchant OWNER and MASTER update or remove', async () => {
    const target = await createMiniProgram(merchant);
    const [master, developer, stranger] = await Promise.all([
      addMember(platform, merchant, 'MASTER'),
      addMember(platform, merchant, 'DEVELOPER'),
      signUp(platform),
    ]);
    const { updateMiniProgram } = await master.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: target.id, industry: 'Tea' } });
    expect(updateMiniProgram.miniProgram?.industry).toBe('Tea');

    // A developer of the merchant sees the mini program but may not change it.
    expect(await errorCode(developer.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: target.id, industry: 'Books' } }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(developer.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: target.id } }))).toBe('FORBIDDEN');
    // Someone who cannot see it is told it does not exist.
    const strangerUpdate = await stranger.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: target.id, industry: 'Books' } });
    expect(strangerUpdate.updateMiniProgram.userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);
    const strangerRemove = await stranger.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: target.id } });
    expect(strangerRemove.removeMiniProgram.userErrors).toEqual([userError('NOT_FOUND', 'miniProgramId')]);

    const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: target.id });
    expect(miniProgram).toMatchObject({ industry: 'Tea', status: 'ACTIVE' });
    const { removeMiniProgram } = await master.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: target.id } });
    expect(removeMiniProgram.miniProgram?.status).toBe('REMOVED');
  });

  it('keeps a removed mini program visible to its merchant but refuses any further change (INVALID_STATE)', async () => {
    const target = await createMiniProgram(merchant);
    const { removeMiniProgram } = await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: target.id } });
    expect(removeMiniProgram.userErrors).toEqual([]);
    expect(removeMiniProgram.miniProgram?.status).toBe('REMOVED');

    const again = await merchant.owner.client.execute(RemoveMiniProgramDocument, { input: { miniProgramId: target.id } });
    expect(again.removeMiniProgram.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);
    const update = await merchant.owner.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: target.id, name: 'Revived' } });
    expect(update.updateMiniProgram.userErrors).toEqual([userError('INVALID_STATE', 'miniProgramId')]);

    const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: target.id });
    expect(miniProgram).toMatchObject({ status: 'REMOVED', name: target.name });
  });
});

it('creates a mini program whose fields read back as given', async () => {
  const logo = await uploadLogo(merchant.owner);
  const input = miniProgramInput(merchant.id, logo, { name: '咖啡 Corner', contactEmail: 'Care@Coffee.Example.com' });
  const { createMiniProgram: payload } = await merchant.owner.client.execute(CreateMiniProgramDocument, { input });
  const created = unwrap(payload, payload.miniProgram, 'createMiniProgram');
  const { miniProgram } = await merchant.owner.client.execute(MiniProgramDocument, { id: created.id });
  expect(miniProgram).toMatchObject({
    name: '咖啡 Corner',
    targetApp: input.targetApp,
    tagline: input.tagline,
    description: input.description,
    industry: input.industry,
    contactPhone: input.contactPhone,
    contactEmail: 'care@coffee.example.com',
    status: 'ACTIVE',
    merchant: { id: merchant.id },
    members: [],
    versions: { nodes: [] },
    currentRelease: null,
    trialVersion: null,
  });
  expect(miniProgram?.logoUrl).toMatch(/\/files\/[\w-]+$/);
});
