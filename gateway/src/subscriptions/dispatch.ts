import type { LoggedEvent } from '@mpp/kit';
import type { ExecutionResult } from 'graphql';
import { FeedWaiter, type EventFilter, type OrderEventFeed } from './feed.js';

/**
 * A subscription served by a dispatch. Its own generator is parked meanwhile: it resumes only when
 * the subscriber leaves (its waiter is closed) or the dispatch ends it (with a last result, or none).
 */
export interface LiveSubscriber {
  /** The position of the last event this subscriber has seen; it is sent only what comes after. */
  after: number;
  readonly waiter: FeedWaiter;
  /** What its generator yields before it ends, once the dispatch ends it. */
  ending?: ExecutionResult;
}

/**
 * Serves every live subscription of one account with the same arguments and selection from one
 * loop: woken once per advance of the feed (not once per subscriber), it settles each event once
 * (`deliver`) and writes it to all of them in one synchronous pass. A subscriber behind what the
 * dispatch has read (resuming from an old cursor) cannot join yet: it replays on its own and joins
 * once caught up, so no event is missed or sent twice.
 */
export class LiveDispatch<S extends LiveSubscriber> {
  readonly members = new Set<S>();
  /** Closed when the last member leaves: ends a wait on the feed and any completion only they needed. */
  readonly waiter = new FeedWaiter();
  /** Everything up to here has been read from the feed (and is being, or has been, delivered). */
  private fetched: number;
  private ended = false;
  /** The members as last grouped, until the members change (a fan-out groups the same ones event after event). */
  private grouping: { keyOf: (member: S) => unknown; groups: Map<unknown, S[]> } | null = null;

  constructor(
    private readonly feed: OrderEventFeed,
    private readonly filter: EventFilter,
    after: number,
    /** Settles one event for the members and sends it to each; may end members (`end`). */
    private readonly deliver: (event: LoggedEvent, dispatch: LiveDispatch<S>) => Promise<void>,
    /** The last result of every member when the dispatch fails (the database, a check that cannot run). */
    private readonly failure: (error: unknown, dispatch: LiveDispatch<S>) => ExecutionResult,
    /** Called once, when the dispatch ends: it must no longer be found by subscribers. */
    private readonly onEnd: () => void,
  ) {
    this.fetched = after;
  }

  get closed(): boolean {
    return this.ended;
  }

  /**
   * The members grouped by `keyOf` (a fan-out groups them by connection), in the order they
   * joined; grouped again only after members joined or left. The arrays must not be changed.
   */
  grouped<K>(keyOf: (member: S) => K): ReadonlyMap<K, readonly S[]> {
    if (this.grouping?.keyOf !== keyOf) {
      const groups = new Map<unknown, S[]>();
      for (const member of this.members) {
        const key = keyOf(member);
        const group = groups.get(key);
        if (group) group.push(member);
        else groups.set(key, [member]);
      }
      this.grouping = { keyOf, groups };
    }
    return this.grouping.groups as Map<K, S[]>;
  }

  /** Adds a subscriber; false when it is behind what this dispatch has read, or the dispatch ended. */
  join(member: S): boolean {
    if (this.ended || member.after < this.fetched) return false;
    const first = this.members.size === 0;
    this.members.add(member);
    this.grouping = null;
    if (first) void this.run();
    return true;
  }

  /** A member left (its waiter is closed). */
  leave(member: S): void {
    if (this.members.delete(member)) this.grouping = null;
    if (this.members.size === 0) this.finish();
  }

  /** Ends a member's subscription: its generator yields `ending`, if any, then completes. */
  end(member: S, ending?: ExecutionResult): void {
    member.ending = ending;
    if (this.members.delete(member)) this.grouping = null;
    member.waiter.wake?.();
    if (this.members.size === 0) this.finish();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.waiter.close();
    this.onEnd();
  }

  private async run(): Promise<void> {
    try {
      while (!this.ended) {
        const { events, until } = await this.feed.next(this.fetched, this.filter, this.waiter);
        if (this.ended) return;
        if (this.waiter.closed) break; // the feed stopped
        // Set before delivering: a subscriber joining meanwhile must have seen this batch already.
        this.fetched = until;
        for (const event of events) {
          await this.deliver(event, this);
          if (this.ended) return;
        }
        for (const member of this.members) if (member.after < until) member.after = until;
      }
      for (const member of [...this.members]) this.end(member);
    } catch (error) {
      const ending = this.failure(error, this);
      for (const member of [...this.members]) this.end(member, ending);
    } finally {
      this.finish();
    }
  }
}
