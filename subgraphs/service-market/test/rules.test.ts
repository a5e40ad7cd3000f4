import { InputChecks, UserErrors } from '@mpp/kit';
import { describe, expect, it } from 'vitest';
import { isHttpsUrl, likePattern, normalizeServiceFields } from '../src/service/service.rules.js';

function errorsOf(input: Parameters<typeof normalizeServiceFields>[1]) {
  const checks = new InputChecks();
  const fields = normalizeServiceFields(checks, input);
  try {
    checks.done();
    return { fields, errors: [] };
  } catch (error) {
    return { fields, errors: (error as UserErrors).errors.map((e) => e.field?.slice(1).join('.')) };
  }
}

describe('service fields', () => {
  it('trims, de-duplicates and upper-cases what it may, then checks it', () => {
    const { fields, errors } = errorsOf({
      name: '  Studio  ',
      images: ['https://a.example/1.png', 'https://a.example/1.png'],
      applicableApps: [' Alipay+ ', 'Alipay+'],
      price: { amount: 0, currency: 'usd' },
    });
    expect(errors).toEqual([]);
    expect(fields).toMatchObject({ name: 'Studio', images: ['https://a.example/1.png'], applicableApps: ['Alipay+'], price: { amount: 0, currency: 'USD' } });
  });

  it('names the offending field of each broken rule, the element of a list included', () => {
    const { errors } = errorsOf({
      name: 'S',
      images: ['https://a.example/1.png', 'http://a.example/2.png'],
      price: { amount: -1, currency: 'XXY' },
      companyInfo: { name: 'Co', contactEmail: 'nope', website: 'ftp://co.example' },
    });
    expect(errors).toEqual(['name', 'images.1', 'price.amount', 'price.currency', 'companyInfo.contactEmail', 'companyInfo.website']);
  });

  it('accepts https URLs only, without credentials', () => {
    expect(isHttpsUrl('https://cdn.example.com/a.png')).toBe(true);
    expect(isHttpsUrl('http://cdn.example.com/a.png')).toBe(false);
    expect(isHttpsUrl('https://user:pass@cdn.example.com/a.png')).toBe(false);
    expect(isHttpsUrl(`https://cdn.example.com/${'a'.repeat(2040)}`)).toBe(false);
  });

  it('searches for what was typed: %, _ and \\ are literal', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
