import { displayNameProblem, InputChecks } from '@mpp/kit';
import validator from 'validator';

/** Han, kana, Hangul and full-width forms: each counts as two characters in a name. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** A name's length as the console counts it: CJK characters 2, every other character 1. */
export function nameLength(name: string): number {
  let length = 0;
  for (const character of name) length += CJK.test(character) ? 2 : 1;
  return length;
}

const characters = (value: string) => [...value].length;

export const MINI_PROGRAM_LIMITS = {
  name: { min: 3, max: 30 },
  tagline: { min: 10, max: 30 },
  description: { min: 20, max: 200 },
  industry: { min: 2, max: 50 },
  targetApp: { min: 2, max: 50 },
  /** Per merchant, not counting REMOVED ones. */
  quota: 10,
} as const;

/** Customer service landline: 3–4 digits, a dash, 7–8 digits (XXXX-XXXXXXX). */
export const PHONE_PATTERN = /^\d{3,4}-\d{7,8}$/;

export interface MiniProgramFields {
  targetApp: string;
  name: string;
  tagline: string;
  description: string;
  industry: string;
  contactPhone: string;
  contactEmail: string;
}

/** Trims and checks the fields present; every broken rule of seed 004 is a UserError on its field. */
export function normalizeMiniProgramFields(
  checks: InputChecks,
  input: { [K in keyof MiniProgramFields]?: string | null },
): Partial<MiniProgramFields> {
  const out: Partial<MiniProgramFields> = {};
  const L = MINI_PROGRAM_LIMITS;
  if (input.targetApp != null) {
    out.targetApp = input.targetApp.trim();
    checks.check(
      characters(out.targetApp) >= L.targetApp.min && characters(out.targetApp) <= L.targetApp.max,
      'targetApp',
      `The target app must have ${L.targetApp.min} to ${L.targetApp.max} characters.`,
    );
  }
  if (input.name != null) {
    out.name = input.name.trim();
    const length = nameLength(out.name);
    checks.check(
      length >= L.name.min && length <= L.name.max,
      'name',
      `The name must have ${L.name.min} to ${L.name.max} characters, each Chinese character counting as two (this one counts ${length}).`,
    );
    const problem = displayNameProblem(out.name);
    checks.check(problem === null, 'name', problem ?? '');
  }
  if (input.tagline != null) {
    out.tagline = input.tagline.trim();
    checks.check(
      characters(out.tagline) >= L.tagline.min && characters(out.tagline) <= L.tagline.max,
      'tagline',
      `The tagline must have ${L.tagline.min} to ${L.tagline.max} characters.`,
    );
  }
  if (input.description != null) {
    out.description = input.description.trim();
    checks.check(
      characters(out.description) >= L.description.min && characters(out.description) <= L.description.max,
      'description',
      `The description must have ${L.description.min} to ${L.description.max} characters.`,
    );
  }
  if (input.industry != null) {
    out.industry = input.industry.trim();
    checks.check(
      characters(out.industry) >= L.industry.min && characters(out.industry) <= L.industry.max,
      'industry',
      `Choose an industry (${L.industry.min} to ${L.industry.max} characters).`,
    );
  }
  if (input.contactPhone != null) {
    out.contactPhone = input.contactPhone.trim();
    checks.check(PHONE_PATTERN.test(out.contactPhone), 'contactPhone', 'Enter the landline as XXXX-XXXXXXX (3–4 digits, a dash, 7–8 digits).');
  }
  if (input.contactEmail != null) {
    out.contactEmail = input.contactEmail.trim().toLowerCase();
    checks.check(
      out.contactEmail.length <= 254 && validator.isEmail(out.contactEmail),
      'contactEmail',
      'Enter a valid contact email.',
    );
  }
  return out;
}
