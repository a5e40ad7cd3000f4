import type { ExecutionResult } from 'graphql';

/** What codegen embeds in each of the client's documents (`__meta__`): its persisted hash and text. */
export interface PersistedDocument {
  /** SHA-256 (hex) of `text`: the key of `persisted-documents.json`. */
  hash: string;
  /** The text the gateway runs for `hash`. */
  text: string;
}

/** The persisted form of a generated document, or null for a document written elsewhere (no hash). */
export function persistedDocumentOf(document: object): PersistedDocument | null {
  const meta = (document as { __meta__?: { hash?: unknown; text?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' && typeof meta.text === 'string' ? { hash: meta.hash, text: meta.text } : null;
}

/** The request's `extensions` naming a persisted document, in Apollo's APQ shape. */
export function persistedQueryExtensions(persisted: PersistedDocument): { persistedQuery: { version: 1; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: persisted.hash } };
}

/** The gateway does not know the hash (yet): send it again with the text, as APQ clients do. */
export function persistedQueryNotFound(result: ExecutionResult<unknown>): boolean {
  return result.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') ?? false;
}
