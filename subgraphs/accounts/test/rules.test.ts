import { describe, expect, it } from 'vitest';
import { isValidEmail, normalizeEmail } from '../src/account/account.service.js';
import { hashPassword, needsRehash, verifyPassword } from '../src/account/passwords.js';
import { isCountryCode } from '../src/verification/verification.service.js';

describe('passwords', () => {
  it('hashes with argon2id, verifies, and never verifies a wrong password or a broken hash', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
});

describe('emails and countries', () => {
  it('compares emails case-insensitively and without surrounding spaces', () => {
    expect(normalizeEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
    expect(isValidEmail('ann@example.com')).toBe(true);
    expect(isValidEmail('ann@')).toBe(false);
    expect(isValidEmail(`${'a'.repeat(243)}@example.com`)).toBe(false); // 255 characters
  });

  it('knows ISO 3166-1 alpha-2 codes, upper-case', () => {
    expect(isCountryCode('SG')).toBe(true);
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('sg')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('SGP')).toBe(false);
  });
});
