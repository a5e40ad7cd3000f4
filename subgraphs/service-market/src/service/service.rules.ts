import { codePointLength, displayNameProblem, InputChecks, isCurrencyCode } from '@mpp/kit';
import validator from 'validator';

/** Limits of a service's fields; every one is checked server-side with a UserError on the field. */
export const SERVICE_LIMITS = {
  name: { min: 2, max: 60 },
  industry: { min: 2, max: 50 },
  description: { min: 20, max: 2000 },
  images: { min: 1, max: 9 },
  imageUrlMax: 2048,
  applicableApps: { min: 1, max: 20 },
  appName: { min: 1, max: 50 },
  companyName: { min: 2, max: 100 },
} as const;

export interface ServiceFields {
  name: string;
  industry: string;
  description: string;
  images: string[];
  applicableApps: string[];
  price: { amount: number; currency: string };
  companyInfo: { name: string; contactEmail: string; contactPhone?: string | null; website?: string | null };
}

export function isHttpsUrl(value: string): boolean {
  return (
    value.length <= SERVICE_LIMITS.imageUrlMax &&
    validator.isURL(value, { protocols: ['https'], require_protocol: true, require_valid_protocol: true, disallow_auth: true })
  );
}

const within = (value: string, { min, max }: { min: number; max: number }) => codePointLength(value) >= min && codePointLength(value) <= max;
const dedupe = (values: string[]) => [...new Set(values)];

/**
 * Trims and checks the fields present in `input` (all of them on create, some on update) and
 * returns them normalised; collects every broken rule into `checks`.
 */
export function normalizeServiceFields(checks: InputChecks, input: Partial<ServiceFields>): Partial<ServiceFields> {
  const out: Partial<ServiceFields> = {};
  const L = SERVICE_LIMITS;
  if (input.name != null) {
    out.name = input.name.trim();
    checks.check(within(out.name, L.name), 'name', `The name must have ${L.name.min} to ${L.name.max} characters.`);
    const problem = displayNameProblem(out.name);
    checks.check(problem === null, 'name', problem ?? '');
  }
  if (input.industry != null) {
    out.industry = input.industry.trim();
    checks.check(within(out.industry, L.industry), 'industry', `The industry must have ${L.industry.min} to ${L.industry.max} characters.`);
  }
  if (input.description != null) {
    out.description = input.description.trim();
    checks.check(
      within(out.description, L.description),
      'description',
      `The description must have ${L.description.min} to ${L.description.max} characters.`,
    );
  }
  if (input.images != null) {
    const urls = input.images.map((url) => url.trim());
    out.images = dedupe(urls);
    checks.check(
      out.images.length >= L.images.min && out.images.length <= L.images.max,
      'images',
      `Give ${L.images.min} to ${L.images.max} images.`,
    );
    // Checked before deduplication, so that a path names the position the client sent.
    urls.forEach((url, i) => checks.check(isHttpsUrl(url), `images.${i}`, `Image ${i + 1} must be an https URL.`));
  }
  if (input.applicableApps != null) {
    const names = input.applicableApps.map((app) => app.trim());
    out.applicableApps = dedupe(names);
    checks.check(
      out.applicableApps.length >= L.applicableApps.min && out.applicableApps.length <= L.applicableApps.max,
      'applicableApps',
      `Name ${L.applicableApps.min} to ${L.applicableApps.max} apps the service applies to.`,
    );
    names.forEach((app, i) =>
      checks.check(within(app, L.appName), `applicableApps.${i}`, `An app name must have ${L.appName.min} to ${L.appName.max} characters.`),
    );
  }
  if (input.price != null) {
    const currency = input.price.currency.trim().toUpperCase();
    out.price = { amount: input.price.amount, currency };
    checks
      .check(Number.isInteger(input.price.amount) && input.price.amount >= 0, 'price.amount', 'The amount must be a non-negative integer in the minor unit.')
      .check(isCurrencyCode(currency), 'price.currency', 'The currency must be an ISO 4217 code, such as USD or CNY.');
  }
  if (input.companyInfo != null) {
    const info = input.companyInfo;
    const phone = info.contactPhone?.trim() || null;
    const website = info.website?.trim() || null;
    out.companyInfo = { name: info.name.trim(), contactEmail: info.contactEmail.trim().toLowerCase(), contactPhone: phone, website };
    checks
      .check(within(out.companyInfo.name, L.companyName), 'companyInfo.name', `The company name must have ${L.companyName.min} to ${L.companyName.max} characters.`)
      .check(
        out.companyInfo.contactEmail.length <= 254 && validator.isEmail(out.companyInfo.contactEmail),
        'companyInfo.contactEmail',
        'Enter a valid contact email.',
      )
      .check(phone === null || /^\+?[0-9][0-9 ()-]{4,24}$/.test(phone), 'companyInfo.contactPhone', 'Enter a phone number of digits, spaces, dashes or brackets.')
      .check(website === null || isHttpsUrl(website), 'companyInfo.website', 'The website must be an https URL.');
  }
  return out;
}

/** The column values of normalised fields. */
export function serviceColumns(fields: Partial<ServiceFields>) {
  return {
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.industry !== undefined && { industry: fields.industry }),
    ...(fields.description !== undefined && { description: fields.description }),
    ...(fields.images !== undefined && { images: fields.images }),
    ...(fields.applicableApps !== undefined && { applicableApps: fields.applicableApps }),
    ...(fields.price !== undefined && { priceAmount: fields.price.amount, priceCurrency: fields.price.currency }),
    ...(fields.companyInfo !== undefined && {
      companyName: fields.companyInfo.name,
      companyContactEmail: fields.companyInfo.contactEmail,
      companyContactPhone: fields.companyInfo.contactPhone ?? null,
      companyWebsite: fields.companyInfo.website ?? null,
    }),
  };
}

/** `%`, `_` and `\` are literal in a search for what the user typed. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
