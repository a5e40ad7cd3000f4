import { CreateMiniProgramDocument, CreateServiceDocument, CreateWorkspaceDocument, UpdateMiniProgramDocument } from '@mpp/client';
import {
  createMiniProgram,
  createVerifiedIsv,
  createVerifiedMerchant,
  miniProgramInput,
  serviceInput,
  TestPlatform,
  uploadLogo,
  type SeededWorkspace,
} from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userError } from './support.js';

let platform: TestPlatform;
let merchant: SeededWorkspace;
let isv: SeededWorkspace;

beforeAll(async () => {
  platform = await TestPlatform.start();
  [merchant, isv] = await Promise.all([createVerifiedMerchant(platform), createVerifiedIsv(platform)]);
}, 300_000);
afterAll(() => platform?.stop());

/** Names that would hide or reorder what a person reads. */
const DECEPTIVE = [
  ['a right-to-left override', 'Studio \u202Egpj.exe'],
  ['a left-to-right isolate', 'Coffee \u2066Co'],
  ['a zero-width space', 'Cof\u200Bfee Co'],
  ['only zero-width spaces', '\u200B\u200B\u200B\u200B'],
  ['only Hangul fillers', '\u3164\u3164\u3164'],
] as const;

describe('names that hide or reorder text are refused in every subgraph', () => {
  it.each(DECEPTIVE)('a workspace name with %s', async (_what, name) => {
    const { createWorkspace } = await merchant.owner.client.execute(CreateWorkspaceDocument, { input: { kind: 'MERCHANT', name } });
    expect(createWorkspace.workspace).toBeNull();
    expect(createWorkspace.userErrors).toContainEqual(expect.objectContaining({ code: 'INVALID', field: ['input', 'name'] }));
  });

  it.each(DECEPTIVE)('a service name with %s', async (_what, name) => {
    const { createService } = await isv.owner.client.execute(CreateServiceDocument, { input: serviceInput(isv.id, { name }) });
    expect(createService.service).toBeNull();
    expect(createService.userErrors).toContainEqual(userError('INVALID', 'name'));
  });

  it.each(DECEPTIVE)('a mini program name with %s', async (_what, name) => {
    const logo = await uploadLogo(merchant.owner);
    const { createMiniProgram: created } = await merchant.owner.client.execute(CreateMiniProgramDocument, {
      input: miniProgramInput(merchant.id, logo, { name }),
    });
    expect(created.miniProgram).toBeNull();
    expect(created.userErrors).toContainEqual(userError('INVALID', 'name'));
  });

  it('a mini program name on update, while a plain one with CJK still passes', async () => {
    const { id } = await createMiniProgram(merchant, { name: '咖啡 Corner' });
    const { updateMiniProgram } = await merchant.owner.client.execute(UpdateMiniProgramDocument, { input: { miniProgramId: id, name: 'Corner\u202E' } });
    expect(updateMiniProgram.userErrors).toContainEqual(userError('INVALID', 'name'));
  });
});

describe('lengths are counted in code points', () => {
  it('takes a 60-character workspace name of astral characters (120 UTF-16 units)', async () => {
    const name = '𠮷'.repeat(60);
    const { createWorkspace } = await merchant.owner.client.execute(CreateWorkspaceDocument, { input: { kind: 'ISV', name } });
    expect(createWorkspace.userErrors).toEqual([]);
    expect(createWorkspace.workspace?.name).toBe(name);
  });

  it('takes a 60-character service name of emoji', async () => {
    const name = '😀'.repeat(60);
    const { createService } = await isv.owner.client.execute(CreateServiceDocument, { input: serviceInput(isv.id, { name }) });
    expect(createService.userErrors).toEqual([]);
  });
});
