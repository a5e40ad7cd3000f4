import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPersistedDocuments, PersistedDocuments } from '@mpp/gateway';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

// The store of documents registered at run time, on its own: bounded whatever a caller sends.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const withHash = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });
const notFound = (store: PersistedDocuments, text: string) => {
  try {
    store.resolve(undefined, withHash(text));
    return false;
  } catch (error) {
    return (error as GraphQLError).extensions?.code === 'PERSISTED_QUERY_NOT_FOUND';
  }
};
const documentNumber = (n: number) => `query Q${String(n).padStart(4, '0')} { viewer { id } }`;

describe('documents registered at run time', () => {
  it('keeps at most maxDocuments, the least recently used going first; listed ones always stay', () => {
    const listedText = 'query Listed { viewer { id } }';
    const store = new PersistedDocuments({ listed: new Map([[sha256(listedText), listedText]]), only: false, admit: () => true, maxDocuments: 3 });
    for (let n = 0; n < 10; n++) expect(store.resolve(documentNumber(n), withHash(documentNumber(n)))).toBe(documentNumber(n));
    expect(store.registeredCount).toBe(3);
    expect(notFound(store, documentNumber(0))).toBe(true);
    expect(store.resolve(undefined, withHash(documentNumber(9)))).toBe(documentNumber(9));
    expect(store.resolve(undefined, withHash(listedText))).toBe(listedText);
  });

  it('keeps at most maxCharacters in all, and no document longer than 20,000 characters', () => {
    const store = new PersistedDocuments({ listed: new Map(), only: false, admit: () => true, maxCharacters: 100 });
    for (let n = 0; n < 5; n++) store.resolve(documentNumber(n), withHash(documentNumber(n)));
    expect(store.registeredCount).toBe(Math.floor(100 / documentNumber(0).length));
    const long = `query Long { viewer { id } } # ${'x'.repeat(20_000)}`;
    const roomy = new PersistedDocuments({ listed: new Map(), only: false, admit: () => true });
    expect(roomy.resolve(long, withHash(long))).toBe(long); // runs
    expect(notFound(roomy, long)).toBe(true); // not kept
  });

  it('keeps nothing its admission refuses (a shape limit) or finds invalid', () => {
    const refusing = new PersistedDocuments({
      listed: new Map(),
      only: false,
      admit: () => {
        throw new GraphQLError('too deep', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      },
    });
    expect(() => refusing.resolve(documentNumber(1), withHash(documentNumber(1)))).toThrow('too deep');
    expect(refusing.registeredCount).toBe(0);
    const invalid = new PersistedDocuments({ listed: new Map(), only: false, admit: () => false });
    expect(invalid.resolve(documentNumber(1), withHash(documentNumber(1)))).toBe(documentNumber(1));
    expect(notFound(invalid, documentNumber(1))).toBe(true);
  });
});

describe('the persisted document list at start', () => {
  it('loads the committed list, and refuses a list whose key is not the SHA-256 of its text', () => {
    const listed = loadPersistedDocuments();
    expect(listed.size).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'persisted-'));
    try {
      const [hash, text] = [...listed][0]!;
      const tampered = join(dir, 'persisted-documents.json');
      writeFileSync(tampered, JSON.stringify({ [hash]: `${text} # changed` }));
      expect(() => loadPersistedDocuments(tampered)).toThrow(/not the SHA-256/);
      writeFileSync(tampered, JSON.stringify({ [hash]: text }));
      expect(loadPersistedDocuments(tampered).get(hash)).toBe(JSON.parse(readFileSync(tampered, 'utf8'))[hash]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
