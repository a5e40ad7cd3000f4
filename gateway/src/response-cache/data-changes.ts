import type { ApolloServerPlugin } from '@apollo/server';
import { DATA_CHANGED_CHANNEL, signalsChanges, type Database, type Db, type Logger } from '@mpp/kit';
import type { GatewayContext } from '../gateway.js';

/** How often the gateway looks again for a subgraph schema it could not see signalling (it may migrate later). */
const LOOK_AGAIN_MS = 30_000;

/** Where a subgraph keeps its data, and whose data its answers are also made of. */
export interface SubgraphData {
  /** Its Postgres schema. */
  schema: string;
  /**
   * The schemas whose event logs it projects into its own tables and catches up with when a request
   * needs them (`SubgraphModule.follows`): a change there shows in its answers at once, before its
   * projection commits (and signals) anything of its own.
   */
  follows?: readonly string[];
}

/**
 * What the gateway knows of changes to each subgraph's data: a counter per subgraph that moves on
 * every change it hears of, so an answer read before a change is told from one read after it.
 *
 * It hears of a change when a transaction writing the subgraph's schema, or a schema it follows,
 * commits (every table NOTIFYs `DATA_CHANGED_CHANNEL`, `installChangeSignal`), and when a mutation
 * or an upload passing through this gateway has been answered (`changed` for each subgraph it
 * asked, and so for those that follow it): the caller's next query must see what it just did,
 * before the notification arrives. A subgraph is trusted only while the LISTEN is in place and its
 * schema and those it follows signal in this gateway's database (one database per subgraph
 * elsewhere: never trusted, never cached).
 */
export class DataChanges {
  /** Per subgraph: the changes heard of. */
  private readonly counters = new Map<string, number>();
  /** Postgres schema → the subgraphs whose answers change with it (stored there, or following it). */
  private readonly subgraphsOf = new Map<string, string[]>();
  /** Schemas that signal changes in this database. */
  private readonly watched = new Set<string>();
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly db: Db;

  constructor(
    private readonly database: Database,
    private readonly subgraphs: ReadonlyMap<string, SubgraphData>,
    private readonly logger: Logger,
  ) {
    this.db = database.orm({});
    for (const [subgraph, { schema, follows = [] }] of subgraphs) {
      this.counters.set(subgraph, 0);
      for (const source of new Set([schema, ...follows])) this.subgraphsOf.set(source, [...(this.subgraphsOf.get(source) ?? []), subgraph]);
    }
  }

  /** Listens first, then looks for the signalling schemas: no change falls between the two. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(DATA_CHANGED_CHANNEL, (schema) => {
      // Empty: listened to again after the connection dropped, and what was sent meanwhile is lost.
      if (schema === '') this.changedAll();
      else this.schemaChanged(schema);
    });
    await this.lookForSignals();
    if (this.watched.size < this.subgraphsOf.size) {
      this.timer = setInterval(() => void this.lookForSignals(), LOOK_AGAIN_MS);
      this.timer.unref();
    }
  }

  /** The counter of `subgraph` now: an answer is current while it has not moved. */
  counter(subgraph: string): number {
    return this.counters.get(subgraph) ?? 0;
  }

  /** Every subgraph's counter now: taken when a reading begins, compared with when it ends. */
  countersNow(): ReadonlyMap<string, number> {
    return new Map(this.counters);
  }

  /** Whether changes to `subgraph`, and to what it follows, are heard now (see the class comment). */
  trusts(subgraph: string): boolean {
    const data = this.subgraphs.get(subgraph);
    if (!data || !this.hearing()) return false;
    return this.watched.has(data.schema) && (data.follows ?? []).every((schema) => this.watched.has(schema));
  }

  /** Whether notifications arrive now (a subgraph once watched stays so). */
  hearing(): boolean {
    return this.database.listening();
  }

  /** Every subgraph changed (or may have): a mutation was answered, or notifications were lost. */
  changedAll(): void {
    for (const subgraph of this.counters.keys()) this.changed(subgraph);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
  }

  /** `subgraph` changed: a mutation that asked it (or an upload to it) has been answered. */
  changed(subgraph: string): void {
    // A subgraph this gateway does not know has nothing kept (it is never trusted).
    const schema = this.subgraphs.get(subgraph)?.schema;
    if (schema) this.schemaChanged(schema);
  }

  /** Something in `schema` changed: the subgraph stored there and those following it. */
  private schemaChanged(schema: string): void {
    for (const subgraph of this.subgraphsOf.get(schema) ?? []) this.counters.set(subgraph, (this.counters.get(subgraph) ?? 0) + 1);
  }

  private async lookForSignals(): Promise<void> {
    for (const schema of this.subgraphsOf.keys()) {
      if (this.watched.has(schema)) continue;
      const signals = await signalsChanges(this.db, schema).catch(() => false);
      if (!signals) continue;
      // Changes before now were not heard: what was read before must not be kept.
      this.schemaChanged(schema);
      this.watched.add(schema);
      this.logger.debug({ schema }, 'response cache: changes of this schema are heard');
    }
    if (this.watched.size === this.subgraphsOf.size && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}

/**
 * Counts the changes of a mutation answered through this gateway: the subgraphs its mutation
 * fields were sent to (and those following them), not those its answer only read. Answered,
 * failed or not, what it wrote is committed: the caller's next query must see it here at once,
 * before the notification of the commit arrives.
 */
export function mutationChangesPlugin(changes: DataChanges): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      // The gateway's own operations (settling subscription events) are queries.
      if ((contextValue as { internal?: boolean }).internal) return {};
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') contextValue.subgraphsWritten = new Set();
        },
        async willSendResponse() {
          for (const subgraph of contextValue.subgraphsWritten ?? []) changes.changed(subgraph);
        },
      };
    },
  };
}
