import { describe, expect, it } from 'vitest';
import { maySee, miniProgramView, PUBLIC_PROFILE_FIELDS } from '../src/authorization/visibility.js';

const EVERY_FIELD = [
  'id', 'merchant', 'targetApp', 'name', 'tagline', 'description', 'logoUrl', 'industry', 'contactPhone', 'contactEmail',
  'status', 'members', 'versions', 'currentRelease', 'trialVersion', 'domains', 'qrCode', 'statistics', 'createdAt',
];

describe('miniProgramView', () => {
  it('is FULL for those who may read it, whether or not they are also an order party', () => {
    expect(miniProgramView({ read: true, orderParty: false })).toBe('FULL');
    expect(miniProgramView({ read: true, orderParty: true })).toBe('FULL');
  });

  it('is PROFILE for an order party without the authorization, NONE for anybody else', () => {
    expect(miniProgramView({ read: false, orderParty: true })).toBe('PROFILE');
    expect(miniProgramView({ read: false, orderParty: false })).toBe('NONE');
  });
});

describe('maySee', () => {
  it('gives every field to FULL and none to NONE', () => {
    for (const field of EVERY_FIELD) {
      expect(maySee('FULL', field)).toBe(true);
      expect(maySee('NONE', field)).toBe(false);
    }
  });

  it('gives PROFILE exactly the public profile (name, tagline, logo, industry, status, with id, merchant and creation time)', () => {
    const seen = EVERY_FIELD.filter((field) => maySee('PROFILE', field));
    expect(seen).toEqual(['id', 'merchant', 'name', 'logoUrl', 'tagline', 'industry', 'status', 'createdAt'].sort((a, b) => EVERY_FIELD.indexOf(a) - EVERY_FIELD.indexOf(b)));
    expect([...PUBLIC_PROFILE_FIELDS].sort()).toEqual([...seen].sort());
  });

  it('refuses PROFILE the contact details, the description and the target app', () => {
    for (const field of ['contactPhone', 'contactEmail', 'description', 'targetApp', 'members', 'versions', 'statistics', 'qrCode', 'domains']) {
      expect(maySee('PROFILE', field)).toBe(false);
    }
  });
});
