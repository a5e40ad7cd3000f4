import type { CreateServiceInput, ServiceFieldsFragment } from '@mpp/client';
import { createService, createVerifiedIsv, serviceInput, signInAdmin, TestPlatform, type Actor, type SeededWorkspace } from '@mpp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAs, serviceCount, statusOf, steps, succeeded, type ServicePayload } from './steps.js';

let platform: TestPlatform;
let isv: SeededWorkspace;
let admin: Actor;

beforeAll(async () => {
  platform = await TestPlatform.start();
  isv = await createVerifiedIsv(platform);
  admin = await signInAdmin(platform);
});
afterAll(() => platform?.stop());

type Fields = Omit<CreateServiceInput, 'isvWorkspaceId' | 'type'>;
type CompanyInfo = Fields['companyInfo'];

const text = (length: number, letter = 'a') => letter.repeat(length);
/** An https URL of exactly `length` characters. */
const urlOf = (length: number) => {
  const base = 'https://cdn.example.com/';
  return base + text(length - base.length);
};
const images = (count: number) => Array.from({ length: count }, (_, i) => `https://cdn.example.com/services/${i}.png`);
const apps = (count: number) => Array.from({ length: count }, (_, i) => `App ${i}`);
const company = (info: Partial<CompanyInfo>): CompanyInfo => ({ ...serviceInput('').companyInfo, ...info });

/**
 * One rule at one boundary: the fields sent, and either the paths of the INVALID errors expected
 * or, when accepted, what the service then shows (trimmed, deduplicated…).
 */
interface Case {
  rule: string;
  fields: Partial<Fields>;
  errors?: string[][];
  stored?: Partial<ServiceFieldsFragment>;
}

const at = (...path: string[]) => ['input', ...path];

const cases: Case[] = [
  // name: 2–60 characters once trimmed
  { rule: 'a name of 1 character', fields: { name: 'A' }, errors: [at('name')] },
  { rule: 'a name of 2 characters padded to 6 with spaces', fields: { name: '  Ab  ' }, stored: { name: 'Ab' } },
  { rule: 'a blank name', fields: { name: '     ' }, errors: [at('name')] },
  { rule: 'a name of 60 characters', fields: { name: text(60) }, stored: { name: text(60) } },
  { rule: 'a name of 61 characters', fields: { name: text(61) }, errors: [at('name')] },
  { rule: 'a name of 60 CJK characters', fields: { name: text(60, '店') }, stored: { name: text(60, '店') } },
  // industry: 2–50
  { rule: 'an industry of 1 character', fields: { industry: 'X' }, errors: [at('industry')] },
  { rule: 'an industry of 2 characters', fields: { industry: 'IT' }, stored: { industry: 'IT' } },
  { rule: 'an industry of 50 characters', fields: { industry: text(50) }, stored: { industry: text(50) } },
  { rule: 'an industry of 51 characters', fields: { industry: text(51) }, errors: [at('industry')] },
  // description: 20–2000
  { rule: 'a description of 19 characters', fields: { description: text(19) }, errors: [at('description')] },
  { rule: 'a description of 19 characters padded with spaces', fields: { description: ` ${text(19)} ` }, errors: [at('description')] },
  { rule: 'a description of 20 characters', fields: { description: text(20) }, stored: { description: text(20) } },
  { rule: 'a description of 2000 characters', fields: { description: text(2000) }, stored: { description: text(2000) } },
  { rule: 'a description of 2001 characters', fields: { description: text(2001) }, errors: [at('description')] },
  // images: 1–9 https URLs of at most 2048 characters, deduplicated
  { rule: 'no image', fields: { images: [] }, errors: [at('images')] },
  { rule: '1 image', fields: { images: images(1) }, stored: { images: images(1) } },
  { rule: '9 images', fields: { images: images(9) }, stored: { images: images(9) } },
  { rule: '10 images', fields: { images: images(10) }, errors: [at('images')] },
  {
    rule: '10 images of which 2 are the same (9 once deduplicated)',
    fields: { images: [...images(9), images(9)[3]!] },
    stored: { images: images(9) },
  },
  {
    rule: 'the same image twice, once padded with spaces',
    fields: { images: [images(1)[0]!, ` ${images(1)[0]!} `] },
    stored: { images: images(1) },
  },
  { rule: 'an image URL of 2048 characters', fields: { images: [urlOf(2048)] }, stored: { images: [urlOf(2048)] } },
  { rule: 'an image URL of 2049 characters', fields: { images: [urlOf(2049)] }, errors: [at('images', '0')] },
  { rule: 'a second image over http', fields: { images: [images(1)[0]!, 'http://cdn.example.com/b.png'] }, errors: [at('images', '1')] },
  { rule: 'an image that is no URL', fields: { images: ['cover.png'] }, errors: [at('images', '0')] },
  { rule: 'an image URL with credentials', fields: { images: ['https://user:secret@cdn.example.com/a.png'] }, errors: [at('images', '0')] },
  {
    rule: 'a bad image after a duplicate (the path names the position sent)',
    fields: { images: [images(1)[0]!, images(1)[0]!, 'ftp://cdn.example.com/c.png'] },
    errors: [at('images', '2')],
  },
  {
    rule: 'two bad images among good ones',
    fields: { images: ['http://a.example.com/1.png', images(1)[0]!, 'javascript:alert(1)'] },
    errors: [at('images', '0'), at('images', '2')],
  },
  // applicableApps: 1–20 names of 1–50 characters, deduplicated
  { rule: 'no applicable app', fields: { applicableApps: [] }, errors: [at('applicableApps')] },
  { rule: '20 applicable apps', fields: { applicableApps: apps(20) }, stored: { applicableApps: apps(20) } },
  { rule: '21 applicable apps', fields: { applicableApps: apps(21) }, errors: [at('applicableApps')] },
  {
    rule: '21 applicable apps of which 2 are the same (20 once deduplicated)',
    fields: { applicableApps: [...apps(20), ' App 7 '] },
    stored: { applicableApps: apps(20) },
  },
  { rule: 'an app name of 1 character', fields: { applicableApps: ['Q'] }, stored: { applicableApps: ['Q'] } },
  { rule: 'an app name of 50 characters', fields: { applicableApps: [text(50)] }, stored: { applicableApps: [text(50)] } },
  { rule: 'an app name of 51 characters', fields: { applicableApps: ['WeChat', text(51)] }, errors: [at('applicableApps', '1')] },
  { rule: 'a blank app name', fields: { applicableApps: ['WeChat', '   '] }, errors: [at('applicableApps', '1')] },
  {
    rule: 'a blank app name after a duplicate (the path names the position sent)',
    fields: { applicableApps: ['WeChat', 'WeChat', ''] },
    errors: [at('applicableApps', '2')],
  },
  // price: an integer amount ≥ 0 in the minor unit, an ISO 4217 currency
  { rule: 'an amount of 0 (free)', fields: { price: { amount: 0, currency: 'USD' } }, stored: { price: { amount: 0, currency: 'USD' } } },
  {
    rule: 'the largest amount an Int holds',
    fields: { price: { amount: 2_147_483_647, currency: 'EUR' } },
    stored: { price: { amount: 2_147_483_647, currency: 'EUR' } },
  },
  { rule: 'an amount of -1', fields: { price: { amount: -1, currency: 'USD' } }, errors: [at('price', 'amount')] },
  { rule: 'a lower-case currency', fields: { price: { amount: 100, currency: 'cny' } }, stored: { price: { amount: 100, currency: 'CNY' } } },
  { rule: 'a currency that is not ISO 4217', fields: { price: { amount: 100, currency: 'XYZ' } }, errors: [at('price', 'currency')] },
  { rule: 'a 2-letter currency', fields: { price: { amount: 100, currency: 'US' } }, errors: [at('price', 'currency')] },
  { rule: 'a 4-letter currency', fields: { price: { amount: 100, currency: 'USDT' } }, errors: [at('price', 'currency')] },
  { rule: 'a negative amount in no currency', fields: { price: { amount: -5, currency: '' } }, errors: [at('price', 'amount'), at('price', 'currency')] },
  // companyInfo: name 2–100, a valid email, optional phone of digits/spaces/dashes/brackets, optional https website
  { rule: 'a company name of 1 character', fields: { companyInfo: company({ name: 'Z' }) }, errors: [at('companyInfo', 'name')] },
  { rule: 'a company name of 2 characters', fields: { companyInfo: company({ name: 'ZZ' }) }, stored: { companyInfo: expect.objectContaining({ name: 'ZZ' }) } },
  { rule: 'a company name of 100 characters', fields: { companyInfo: company({ name: text(100) }) }, stored: { companyInfo: expect.objectContaining({ name: text(100) }) } },
  { rule: 'a company name of 101 characters', fields: { companyInfo: company({ name: text(101) }) }, errors: [at('companyInfo', 'name')] },
  { rule: 'a contact email without @', fields: { companyInfo: company({ contactEmail: 'sales.example.com' }) }, errors: [at('companyInfo', 'contactEmail')] },
  { rule: 'a contact email without a domain', fields: { companyInfo: company({ contactEmail: 'sales@' }) }, errors: [at('companyInfo', 'contactEmail')] },
  {
    rule: 'no contact phone and no website',
    fields: { companyInfo: company({ contactPhone: null, website: null }) },
    stored: { companyInfo: expect.objectContaining({ contactPhone: null, website: null }) },
  },
  {
    rule: 'an empty contact phone and website (taken as none)',
    fields: { companyInfo: company({ contactPhone: '', website: '  ' }) },
    stored: { companyInfo: expect.objectContaining({ contactPhone: null, website: null }) },
  },
  {
    rule: 'a contact phone with spaces, dashes and brackets',
    fields: { companyInfo: company({ contactPhone: '+86 (21) 5555-0100' }) },
    stored: { companyInfo: expect.objectContaining({ contactPhone: '+86 (21) 5555-0100' }) },
  },
  { rule: 'a contact phone with letters', fields: { companyInfo: company({ contactPhone: '021-CALL-NOW' }) }, errors: [at('companyInfo', 'contactPhone')] },
  { rule: 'a website over http', fields: { companyInfo: company({ website: 'http://studio.example.com' }) }, errors: [at('companyInfo', 'website')] },
  { rule: 'a website without a scheme', fields: { companyInfo: company({ website: 'studio.example.com' }) }, errors: [at('companyInfo', 'website')] },
  {
    rule: 'a website over https',
    fields: { companyInfo: company({ website: 'https://studio.example.com/about' }) },
    stored: { companyInfo: expect.objectContaining({ website: 'https://studio.example.com/about' }) },
  },
  // several at once
  {
    rule: 'six broken rules at once',
    fields: {
      name: 'A',
      description: 'Too short.',
      images: ['http://cdn.example.com/a.png'],
      price: { amount: -100, currency: 'dollars' },
      companyInfo: company({ contactEmail: 'not an email' }),
    },
    errors: [at('name'), at('description'), at('images', '0'), at('price', 'amount'), at('price', 'currency'), at('companyInfo', 'contactEmail')],
  },
];

const refusals = cases.filter((c) => c.errors);
const acceptances = cases.filter((c) => !c.errors);

/** The user errors must be exactly INVALID ones on these paths, in any order. */
function expectInvalid(payload: ServicePayload, paths: string[][]) {
  expect(payload.service).toBeNull();
  expect(payload.userErrors.map((e) => e.code)).toEqual(paths.map(() => 'INVALID'));
  expect(payload.userErrors.map((e) => e.field)).toEqual(expect.arrayContaining(paths));
  expect(payload.userErrors).toHaveLength(paths.length);
  for (const error of payload.userErrors) expect(error.message).not.toBe('');
}

describe('createService', () => {
  it.each(refusals)('refuses $rule, on the field, creating nothing', async ({ fields, errors }) => {
    const before = await serviceCount(isv.owner, isv.id);
    expectInvalid(await steps.create(isv.owner, serviceInput(isv.id, fields)), errors!);
    expect(await serviceCount(isv.owner, isv.id)).toBe(before);
  });

  it.each(acceptances)('accepts $rule', async ({ fields, stored }) => {
    const created = succeeded(await steps.create(isv.owner, serviceInput(isv.id, fields)));
    expect(created).toMatchObject(stored!);
    expect(await serviceAs(isv.owner, created.id)).toEqual(created);
  });

  it('checks the fields only of a caller allowed to create (FORBIDDEN before INVALID)', async () => {
    const outsider = await createVerifiedIsv(platform);
    await expect(steps.create(outsider.owner, serviceInput(isv.id, { name: 'A' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('updateService', () => {
  it.each(refusals)('refuses $rule, on the field, changing nothing', async ({ fields, errors }) => {
    const draft = await createService(isv);
    expectInvalid(await steps.update(isv.owner, draft.id, fields), errors!);
    expect(await serviceAs(isv.owner, draft.id)).toEqual(draft);
  });

  it.each(acceptances)('accepts $rule', async ({ fields, stored }) => {
    const draft = await createService(isv);
    const updated = succeeded(await steps.update(isv.owner, draft.id, fields));
    expect(updated).toMatchObject({ ...stored, status: 'DRAFT' });
    expect(await serviceAs(isv.owner, draft.id)).toEqual(updated);
  });
});

describe('rejectService', () => {
  it.each([
    ['an empty reason', ''],
    ['a blank reason', ' \n\t '],
    ['a reason of 1001 characters', text(1001)],
  ])('refuses %s with INVALID on the reason; the service stays pending', async (_rule, reason) => {
    const { id } = await createService(isv);
    succeeded(await steps.submit(isv.owner, id));
    expectInvalid(await steps.reject(admin, id, reason), [at('reason')]);
    expect(await statusOf(isv.owner, id)).toBe('PENDING_REVIEW');
  });

  it.each([
    ['a reason of 1 character', 'x', 'x'],
    ['a reason of 1000 characters', text(1000), text(1000)],
    ['a reason padded with spaces (trimmed)', `  ${text(1000)}  `, text(1000)],
  ])('accepts %s', async (_rule, reason, shown) => {
    const { id } = await createService(isv);
    succeeded(await steps.submit(isv.owner, id));
    expect(succeeded(await steps.reject(admin, id, reason))).toMatchObject({ status: 'REJECTED', rejectionReason: shown });
  });
});
