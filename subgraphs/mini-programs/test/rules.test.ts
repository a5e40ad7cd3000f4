import { InputChecks, UserErrors } from '@mpp/kit';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../src/domain/domain.rules.js';
import { nameLength, normalizeMiniProgramFields, PHONE_PATTERN } from '../src/mini-program/mini-program.rules.js';
import { deepLink, isValidPage } from '../src/qr-code/qr-code.service.js';

describe('mini program names (seed 004)', () => {
  it('count each CJK character as two and every other character as one', () => {
    expect(nameLength('abc')).toBe(3);
    expect(nameLength('咖啡')).toBe(4);
    expect(nameLength('咖啡 Bar')).toBe(8);
    expect(nameLength('カフェ한국')).toBe(10);
    expect(nameLength('咖'.repeat(15))).toBe(30);
  });

  it('must count 3 to 30', () => {
    const fails = (name: string) => {
      const checks = new InputChecks();
      normalizeMiniProgramFields(checks, { name });
      return checks.failed;
    };
    expect([fails('ab'), fails('abc'), fails('a'.repeat(30)), fails('a'.repeat(31))]).toEqual([true, false, false, true]);
    expect([fails('咖'.repeat(15)), fails('咖'.repeat(16)), fails('咖')]).toEqual([false, true, true]);
  });

  it('take a landline as 3–4 digits, a dash, 7–8 digits', () => {
    for (const ok of ['0571-8888888', '0571-88888888', '010-12345678']) expect(PHONE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['057188888888', '05711-8888888', '0571-888888', '+86-571-8888888']) expect(PHONE_PATTERN.test(bad)).toBe(false);
  });

  it('report every broken field at once', () => {
    const checks = new InputChecks();
    normalizeMiniProgramFields(checks, { tagline: 'short', description: 'too short', contactEmail: 'x' });
    expect(() => checks.done()).toThrow(UserErrors);
    try {
      checks.done();
    } catch (error) {
      expect((error as UserErrors).errors.map((e) => e.field?.[1])).toEqual(['tagline', 'description', 'contactEmail']);
    }
  });
});

describe('domain whitelists', () => {
  it('keep https hostnames, stored as https://host', () => {
    expect(normalizeDomain('API.Example.com')).toBe('https://api.example.com');
    expect(normalizeDomain('https://api.example.com/')).toBe('https://api.example.com');
  });

  it('refuse other schemes, IPs, localhost, ports, paths and credentials', () => {
    for (const bad of ['http://api.example.com', '10.0.0.1', 'https://[::1]', 'localhost', 'app.localhost', 'api.example.com:8443', 'api.example.com/v1', 'https://u@api.example.com', 'nodot']) {
      expect(normalizeDomain(bad), bad).toBeNull();
    }
  });
});

describe('QR deep links', () => {
  const miniProgram = { id: '0195e9c4-0000-7000-8000-000000000001' } as Parameters<typeof deepLink>[0];

  it('open the released mini program, or its trial version, at a page', () => {
    expect(deepLink(miniProgram, 'pages/index/index?from=qr', null)).toBe(
      'miniprogram://launch?appId=0195e9c4-0000-7000-8000-000000000001&page=pages%2Findex%2Findex%3Ffrom%3Dqr',
    );
    expect(deepLink(miniProgram, null, { version: '1.2.0' } as Parameters<typeof deepLink>[2])).toContain('&version=1.2.0&mode=trial');
  });

  it('accept page paths only', () => {
    expect(isValidPage('pages/index/index')).toBe(true);
    for (const bad of ['/pages/index', '../etc/passwd', 'pages/a b', 'https://evil.example']) expect(isValidPage(bad), bad).toBe(false);
  });
});
