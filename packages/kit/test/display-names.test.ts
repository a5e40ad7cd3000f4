import { describe, expect, it } from 'vitest';
import { codePointLength, displayNameProblem } from '../src/graphql/display-names.js';

describe('displayNameProblem', () => {
  it('accepts ordinary names in any script, with spaces, accents, emoji and joiners between visible characters', () => {
    for (const name of ['Coffee Co', '咖啡小站', 'Café Müller', 'Студия', 'قهوة', '커피', '👨‍👩‍👧 Family shop', 'नमस्ते', 'می‌خواهم', 'e\u0301clair']) {
      expect(displayNameProblem(name), name).toBeNull();
    }
  });

  it.each([
    ['U+202E right-to-left override', 'gpj\u202Eexe.doc'],
    ['U+202A left-to-right embedding', '\u202AStudio'],
    ['U+202D left-to-right override', 'Studio\u202D'],
    ['U+2066 left-to-right isolate', 'Stu\u2066dio'],
    ['U+2067 right-to-left isolate', 'Stu\u2067dio'],
    ['U+2069 pop directional isolate', 'Studio\u2069'],
    ['U+200F right-to-left mark', 'Studio\u200F'],
  ])('refuses a name with a bidirectional control (%s)', (_what, name) => {
    expect(displayNameProblem(name)).toMatch(/bidirectional/);
  });

  it.each([
    ['zero-width space', 'Stu\u200Bdio'],
    ['word joiner', 'Stu\u2060dio'],
    ['byte order mark', 'Studio\uFEFF'],
    ['Hangul filler', 'Studio\u3164'],
    ['tag character', 'Studio\u{E0041}'],
    ['zero-width joiner at the end', 'Studio\u200D'],
    ['zero-width non-joiner beside a space', 'Stu \u200Cdio'],
  ])('refuses a name with a %s', (_what, name) => {
    expect(displayNameProblem(name)).toMatch(/invisible/);
  });

  it('refuses names made only of invisible characters', () => {
    for (const name of ['\u200B\u200B\u200B', '\u3164\u3164', '\u2800\u2800\u2800', '   ', '\u00A0\u2003', '\u200D\u200C']) {
      expect(displayNameProblem(name), JSON.stringify(name)).not.toBeNull();
    }
    expect(displayNameProblem('\u2800\u2800\u2800')).toMatch(/visible characters/);
    expect(displayNameProblem('\u00A0\u2003')).toMatch(/visible characters/);
  });

  it('refuses control characters', () => {
    expect(displayNameProblem('Studio\nLtd')).toMatch(/control/);
    expect(displayNameProblem('Studio\tLtd')).toMatch(/control/);
    expect(displayNameProblem('Studio\u0085')).toMatch(/control/);
  });
});

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('𠮷𠮷')).toBe(2);
    expect('𠮷𠮷'.length).toBe(4);
    expect(codePointLength('😀')).toBe(1);
  });
});
