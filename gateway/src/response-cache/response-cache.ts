import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { responseCacheLookups } from '@mpp/kit';
import type { GatewayContext } from '../gateway.js';
import { ByteBudget } from './byte-budget.js';
import type { DataChanges } from './data-changes.js';

/** One answer kept: its data, and what it was read from. */
interface Entry {
  data: Record<string, unknown>;
  /** The subgraphs asked for it, and each one's change counter when the reading began. */
  subgraphs: string[];
  counters: number[];
  storedAt: number;
  bytes: number;
}

export interface ResponseCacheOptions {
  /** Memory the answers kept may take (estimated, `HEAP_BYTES_PER_JSON_BYTE`); the least recently used go first. */
  maxBytes: number;
  /** An answer is read again after this long even without a change heard (answers that depend on the date). */
  maxAgeMs: number;
}

/**
 * What an answer kept takes in memory per byte of its JSON: Apollo builds answers of objects
 * without a prototype, which V8 keeps as dictionaries (a 20-order dashboard of 13.8 kB of JSON
 * measured 72.9 kB of heap, 5.3×). Rounded up: the budget is of memory, not of JSON.
 */
const HEAP_BYTES_PER_JSON_BYTE = 6;

/**
 * Answers of queries kept per caller until what they were read from changes. The key is the
 * caller's `Authorization` (each caller's rights apply: an answer is only ever given back to the
 * credential it was read with), the document's hash, the operation name and the variables.
 *
 * Kept only when it is complete (no error), asked at least one subgraph (`{ __typename }` is cheaper
 * to answer than to look up) and every subgraph it asked is one whose changes are heard
 * (`DataChanges.trusts`). Given back only while none of those subgraphs changed since the reading
 * began. Everything that limits a request (shape, cost, the caller's bucket, an ended session or an
 * expired token) runs before the cache is looked at: a kept answer costs its caller as much.
 */
export class ResponseCache {
  private readonly entries: ByteBudget<Entry>;
  /** Each kept answer's data as JSON, written once: giving it back does not serialize it again. */
  private readonly texts = new WeakMap<object, string>();

  constructor(
    readonly changes: DataChanges,
    private readonly options: ResponseCacheOptions,
  ) {
    this.entries = new ByteBudget(options.maxBytes);
  }

  /** The answer kept under `key` while it is current; a stale one is dropped. */
  lookUp(key: string, now = Date.now()): Record<string, unknown> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    // While the LISTEN is being re-established, changes go unheard: nothing is given back.
    if (!this.changes.hearing()) return null;
    if (now - entry.storedAt > this.options.maxAgeMs || !this.current(entry)) {
      this.entries.delete(key);
      return null;
    }
    return entry.data;
  }

  /** Keeps an answer read from `subgraphs`, whose reading began at `startedWith`. */
  keep(key: string, data: Record<string, unknown>, subgraphs: Iterable<string>, startedWith: ReadonlyMap<string, number>, now = Date.now()): boolean {
    const asked = [...subgraphs];
    if (asked.length === 0 || !asked.every((subgraph) => this.changes.trusts(subgraph))) return false;
    const counters = asked.map((subgraph) => startedWith.get(subgraph) ?? -1);
    const entry: Entry = { data, subgraphs: asked, counters, storedAt: now, bytes: 0 };
    // Changed already while it was read: it would never be given back.
    if (!this.current(entry)) return false;
    const text = JSON.stringify(data);
    entry.bytes = (key.length + text.length) * HEAP_BYTES_PER_JSON_BYTE;
    if (!this.entries.set(key, entry)) return false;
    this.texts.set(data, text);
    return true;
  }

  /**
   * A response body as Apollo Server writes it (`JSON.stringify(body)` and a newline), the data of
   * a kept answer as the JSON written when it was kept: serializing a dashboard again took a sixth
   * of the gateway's time per answer given back.
   */
  stringify(body: { errors?: unknown; data?: unknown; extensions?: unknown }): string {
    const text = body.data && typeof body.data === 'object' && body.errors === undefined ? this.texts.get(body.data) : undefined;
    if (text === undefined) return `${JSON.stringify(body)}\n`;
    return body.extensions === undefined ? `{"data":${text}}\n` : `{"data":${text},"extensions":${JSON.stringify(body.extensions)}}\n`;
  }

  /** Memory the answers kept take now (estimated). */
  get bytesKept(): number {
    return this.entries.bytes;
  }

  private current(entry: Entry): boolean {
    for (let index = 0; index < entry.subgraphs.length; index += 1) {
      if (this.changes.counter(entry.subgraphs[index]!) !== entry.counters[index]) return false;
    }
    return true;
  }
}

/** The cache key of a request: the credential, the document, the operation and its variables. */
function cacheKeyOf(authorization: string | null, queryHash: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return `${authorization ?? ''}\n${queryHash}\n${operationName ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
}

/**
 * The Apollo Server plugin: looks a query up after every limit has run (`responseForOperation`
 * comes after `didResolveOperation`, where the limits charge) and keeps complete answers. A
 * mutation's changes are told by `mutationChangesPlugin`.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      // The gateway's own operations (settling subscription events) keep their own answers.
      if ((contextValue as { internal?: boolean }).internal) return {};
      let reading: { key: string; startedWith: ReadonlyMap<string, number> } | null = null;
      return {
        async responseForOperation(request: GraphQLRequestContext<GatewayContext>) {
          if (request.operation?.operation !== 'query') return null;
          const key = cacheKeyOf(contextValue.authorization, request.queryHash!, request.operationName, request.request.variables);
          const data = cache.lookUp(key);
          if (data) {
            responseCacheLookups.inc({ outcome: 'hit' });
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
          }
          responseCacheLookups.inc({ outcome: 'miss' });
          reading = { key, startedWith: cache.changes.countersNow() };
          contextValue.subgraphsAsked = new Set();
          return null;
        },
        async willSendResponse(request) {
          if (!reading || request.response.body.kind !== 'single') return;
          const { data, errors } = request.response.body.singleResult;
          if (!data || (errors && errors.length > 0)) return;
          cache.keep(reading.key, data, contextValue.subgraphsAsked ?? [], reading.startedWith);
        },
      };
    },
  };
}
