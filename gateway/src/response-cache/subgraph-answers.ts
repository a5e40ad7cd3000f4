import { subgraphCacheLookups } from '@mpp/kit';
import { ByteBudget } from './byte-budget.js';
import type { DataChanges } from './data-changes.js';

/** One subgraph answer kept: its text, and the subgraph's change counter when it was asked. */
interface Entry {
  subgraph: string;
  text: string;
  counter: number;
  storedAt: number;
  bytes: number;
}

export interface SubgraphAnswersOptions {
  /** Memory the texts kept may take (two bytes per character, keys included); the least recently used go first. */
  maxBytes: number;
  /** A text is asked again after this long even without a change heard (answers that depend on the date). */
  maxAgeMs: number;
}

/**
 * The gateway's fetches of one subgraph, kept as the subgraph answered them until that subgraph
 * changes (`DataChanges`, with the logs it follows): when a query is read afresh because one of
 * the subgraphs it asks changed, the others are not asked again. An order's transition changes
 * Orders (and MiniPrograms, which follows it), so the completion of its subscription event and the
 * next dashboard ask only those two; the services, workspaces and accounts come from here.
 *
 * The key is every header that the same caller sends alike (its `Authorization` above all: each
 * answer is only ever given back to the credential it was asked with) and the request's body: the
 * same query of the same caller. Only queries (never a mutation), only complete answers (no
 * error), only from subgraphs whose changes are heard. The text is kept, not the parsed answer:
 * the gateway merges entities into the objects it is given, so each use parses its own.
 */
export class SubgraphAnswers {
  private readonly entries: ByteBudget<Entry>;

  constructor(
    readonly changes: DataChanges,
    private readonly options: SubgraphAnswersOptions,
  ) {
    this.entries = new ByteBudget(options.maxBytes);
  }

  /** Whether fetches of `subgraph` may be kept now (its changes, and those it follows, are heard). */
  keeps(subgraph: string): boolean {
    return this.changes.trusts(subgraph);
  }

  /** The text `subgraph` answered to `key` while it is current; a stale one is dropped. */
  lookUp(subgraph: string, key: string, now = Date.now()): string | null {
    const entry = this.entries.get(key);
    const current = entry !== undefined && this.changes.hearing() && now - entry.storedAt <= this.options.maxAgeMs && this.changes.counter(subgraph) === entry.counter;
    if (!current) {
      if (entry) this.entries.delete(key);
      subgraphCacheLookups.inc({ subgraph, outcome: 'miss' });
      return null;
    }
    subgraphCacheLookups.inc({ subgraph, outcome: 'hit' });
    return entry.text;
  }

  /** Keeps what `subgraph` answered to `key`, asked when its counter was `counterBefore`. */
  keep(subgraph: string, key: string, text: string, counterBefore: number, now = Date.now()): boolean {
    // Changed while it was asked: it would never be given back.
    if (!this.keeps(subgraph) || this.changes.counter(subgraph) !== counterBefore) return false;
    return this.entries.set(key, { subgraph, text, counter: counterBefore, storedAt: now, bytes: (key.length + text.length) * 2 });
  }

  /** Memory the texts kept take now (estimated). */
  get bytesKept(): number {
    return this.entries.bytes;
  }
}
