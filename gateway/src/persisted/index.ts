import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Request, RequestHandler } from 'express';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
// A well-kept LRU with a size cap (what Apollo Server's own caches use), so the documents
// registered at run time stay within a fixed amount of memory whatever a caller sends.
import { LRUCache } from 'lru-cache';
import { fragmentsOf, rootFields } from '../limits/operation.js';

/** The typed client's persisted documents (SHA-256 hex → text), written by codegen and committed. */
export const PERSISTED_DOCUMENTS_FILE = fileURLToPath(new URL('../../../packages/client/persisted-documents.json', import.meta.url));

/** How many documents registered at run time are kept, and how many characters in all. */
export const REGISTERED_DOCUMENTS = 5_000;
export const REGISTERED_CHARACTERS = 5_000_000;
/** A longer document runs but is not kept: its client sends it again with its hash. */
export const LARGEST_REGISTERED_DOCUMENT = 20_000;

/** Reads a persisted document list and checks that each key is the SHA-256 of its text. */
export function loadPersistedDocuments(file = PERSISTED_DOCUMENTS_FILE): Map<string, string> {
  const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  const documents = new Map<string, string>();
  for (const [hash, text] of entries) {
    if (typeof text !== 'string' || sha256(text) !== hash) throw new Error(`${file}: the entry ${hash} is not the SHA-256 of its document`);
    documents.set(hash, text);
  }
  return documents;
}

export interface PersistedDocumentsOptions {
  /** The documents known from the start (`persisted-documents.json`). */
  listed: ReadonlyMap<string, string>;
  /** Run only the listed documents: no other text, nothing registered (`PERSISTED_DOCUMENTS_ONLY`). */
  only: boolean;
  /**
   * Whether a document sent with its hash may be kept for later hash-only runs; throws the
   * GraphQL error that refuses it outright (a shape limit).
   */
  admit(source: string): boolean;
  /** A document without a hash that runs even when `only` is set (introspection for the playground). */
  allowedWithoutHash?(source: string): boolean;
  maxDocuments?: number;
  maxCharacters?: number;
}

/**
 * Documents run by their SHA-256 alone, as Apollo's automatic persisted queries (APQ) name them:
 * `extensions.persistedQuery { version: 1, sha256Hash }`. A hash alone runs the listed or
 * registered document, else PERSISTED_QUERY_NOT_FOUND; a hash with its text is verified, the text
 * registered (after the shape limits and validation) and run. What is run is always a text, so the
 * gateway's usual checks (shape, cost, rate limit) then see it as any document.
 */
export class PersistedDocuments {
  private readonly registered: LRUCache<string, string>;

  constructor(private readonly options: PersistedDocumentsOptions) {
    this.registered = new LRUCache<string, string>({
      max: options.maxDocuments ?? REGISTERED_DOCUMENTS,
      maxSize: options.maxCharacters ?? REGISTERED_CHARACTERS,
      maxEntrySize: LARGEST_REGISTERED_DOCUMENT,
      sizeCalculation: (text) => Math.max(1, text.length),
    });
  }

  /** Documents registered at run time and kept now. */
  get registeredCount(): number {
    return this.registered.size;
  }

  /**
   * The document text to run for a request's `query` and `extensions`, or null when the request
   * names no persisted document and runs as it is. Throws the GraphQL error to answer with.
   */
  resolve(query: unknown, extensions: unknown): string | null {
    const persistedQuery = isRecord(extensions) ? extensions.persistedQuery : undefined;
    const text = typeof query === 'string' && query !== '' ? query : null;
    if (persistedQuery === undefined || persistedQuery === null) {
      if (this.options.only && text !== null && !this.options.allowedWithoutHash?.(text)) throw persistedDocumentRequired();
      return null;
    }
    if (text === null && query !== undefined && query !== null && query !== '') throw badRequest('`query` must be a string.');
    const hash = hashOf(persistedQuery);
    const known = this.options.listed.get(hash) ?? (this.options.only ? undefined : this.registered.get(hash));
    if (text === null) {
      if (known === undefined) throw persistedQueryNotFound();
      return known;
    }
    if (sha256(text) !== hash) throw badRequest('extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.');
    if (known !== undefined) return known;
    if (this.options.only) throw persistedDocumentRequired();
    if (this.options.admit(text)) this.registered.set(hash, text);
    return text;
  }

  /**
   * Express step on `/graphql`, before the gateway's shape check: a request naming a persisted
   * document (POST body or GET parameters) is rewritten to carry its text and no `persistedQuery`,
   * so the limits that follow check it like any document and Apollo Server runs it.
   */
  readonly httpStep: RequestHandler = (req, res, next) => {
    const request = graphqlRequestOf(req);
    if (!request) return next();
    let text: string | null;
    try {
      text = this.resolve(request.query, request.extensions);
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const http = error.extensions.http as { status: number; headers?: Record<string, string> };
      for (const [name, value] of Object.entries(http.headers ?? {})) res.setHeader(name, value);
      res.status(http.status).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
      return;
    }
    if (text !== null) request.replace(text);
    next();
  };
}

/** The query and extensions of a GraphQL request over HTTP, and how to replace them by a text. */
function graphqlRequestOf(req: Request): { query: unknown; extensions: unknown; replace(text: string): void } | null {
  if (req.method === 'POST') {
    const body = req.body as Record<string, unknown> | undefined;
    if (!isRecord(body)) return null;
    return {
      query: body.query,
      extensions: body.extensions,
      replace(text) {
        body.query = text;
        const { persistedQuery: _persisted, ...rest } = body.extensions as Record<string, unknown>;
        body.extensions = rest;
      },
    };
  }
  if (req.method === 'GET') {
    const url = new URL(req.url, 'http://gateway');
    const raw = url.searchParams.get('extensions');
    let extensions: unknown;
    try {
      extensions = raw === null ? undefined : JSON.parse(raw);
    } catch {
      return null; // Apollo Server answers the malformed parameter
    }
    return {
      query: url.searchParams.get('query') ?? undefined,
      extensions,
      replace(text) {
        url.searchParams.set('query', text);
        const { persistedQuery: _persisted, ...rest } = extensions as Record<string, unknown>;
        url.searchParams.set('extensions', JSON.stringify(rest));
        // Apollo's Express integration reads the parameters from `req.url`.
        req.url = `${url.pathname}${url.search}`;
      },
    };
  }
  return null;
}

/** Whether a document sent with its hash may be kept: within the shape limits (else refused) and valid for the schema. */
export function admitWithin(schema: GraphQLSchema, checkShape: (source: string) => void, maxTokens: number): (source: string) => boolean {
  return (source) => {
    checkShape(source);
    const document = parseOrNull(source, maxTokens);
    return document !== null && validate(schema, document).length === 0;
  };
}

/** Whether a document only asks for introspection (`__schema`, `__type`, `__typename`): what the playground sends by itself. */
export function introspectionOnly(maxTokens: number): (source: string) => boolean {
  return (source) => {
    const document = parseOrNull(source, maxTokens);
    if (!document) return false;
    const fragments = fragmentsOf(document);
    return document.definitions.every(
      (definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ||
        (definition.kind === Kind.OPERATION_DEFINITION &&
          definition.operation === 'query' &&
          rootFields(definition.selectionSet, fragments).every((field) => field.name.value.startsWith('__'))),
    );
  };
}

function parseOrNull(source: string, maxTokens: number): DocumentNode | null {
  try {
    return parse(source, { maxTokens, noLocation: true });
  } catch {
    return null;
  }
}

function hashOf(persistedQuery: unknown): string {
  if (!isRecord(persistedQuery) || persistedQuery.version !== 1) {
    throw badRequest('Unsupported persisted query version: send extensions.persistedQuery { version: 1, sha256Hash }.');
  }
  const hash = persistedQuery.sha256Hash;
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash)) {
    throw badRequest('extensions.persistedQuery.sha256Hash must be the SHA-256 of the document, 64 hexadecimal digits.');
  }
  return hash.toLowerCase();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** As Apollo Server answers it (message, code and 200), so APQ clients send the text next. */
function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError('PersistedQueryNotFound', {
    extensions: {
      code: 'PERSISTED_QUERY_NOT_FOUND',
      http: { status: 200, headers: { 'cache-control': 'private, no-cache, must-revalidate' } },
    },
  });
}

function persistedDocumentRequired(): GraphQLError {
  return new GraphQLError(
    'This gateway runs only the persisted documents of the platform client: send extensions.persistedQuery { version: 1, sha256Hash } of a document in persisted-documents.json.',
    { extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } } },
  );
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}
