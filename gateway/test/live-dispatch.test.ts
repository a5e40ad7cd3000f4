import type { LoggedEvent } from '@mpp/kit';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LiveDispatch, type LiveSubscriber } from '../src/subscriptions/dispatch.js';
import { FeedWaiter, type EventFilter, type OrderEventFeed } from '../src/subscriptions/feed.js';

/**
 * A log that grows when the test appends, with the feed's contract: `next(after)` answers the
 * events after `after` up to the head, or waits until there are some (or the waiter is closed).
 */
class AppendOnlyLog {
  readonly events: LoggedEvent[] = [];
  private readonly waiters = new Set<FeedWaiter>();

  append(count = 1): void {
    for (let i = 0; i < count; i++) {
      const position = this.events.length + 1;
      this.events.push({ position, streamId: `order-${position}`, type: 'OrderStatusChanged', payload: {} } as unknown as LoggedEvent);
    }
    for (const waiter of [...this.waiters]) waiter.wake?.();
    this.waiters.clear();
  }

  get head(): number {
    return this.events.length;
  }

  async next(after: number, _filter: EventFilter, waiter: FeedWaiter): Promise<{ events: LoggedEvent[]; until: number }> {
    while (!waiter.closed) {
      if (after < this.head) return { events: this.events.slice(after), until: this.head };
      await new Promise<void>((resolve) => {
        waiter.wake = resolve;
        this.waiters.add(waiter);
      });
      waiter.wake = null;
      this.waiters.delete(waiter);
    }
    return { events: [], until: after };
  }
}

interface Member extends LiveSubscriber {
  name: string;
}

const everything: EventFilter = { matches: () => true, sql: undefined };
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function setUp(deliverEvent?: (event: LoggedEvent) => Promise<void>) {
  const log = new AppendOnlyLog();
  const received: string[] = [];
  let ended = 0;
  const dispatch: LiveDispatch<Member> = new LiveDispatch<Member>(
    log as unknown as OrderEventFeed,
    everything,
    log.head,
    async (event, live) => {
      await deliverEvent?.(event);
      for (const member of live.members) {
        if (member.after >= event.position) continue;
        received.push(`${member.name}:${event.position}`);
        member.after = event.position;
      }
    },
    (error): ExecutionResult => ({ errors: [{ message: String(error) } as never] }),
    () => (ended += 1),
  );
  const member = (name: string, after: number): Member => ({ name, after, waiter: new FeedWaiter() });
  return { log, dispatch, received, member, ended: () => ended };
}

describe('live dispatch', () => {
  it('sends each event once and in order to every member, from where each joined', async () => {
    const { log, dispatch, received, member } = setUp();
    const early = member('early', 0);
    expect(dispatch.join(early)).toBe(true);
    log.append(2);
    await settle();
    const late = member('late', log.head);
    expect(dispatch.join(late)).toBe(true);
    log.append();
    await settle();
    expect(received).toEqual(['early:1', 'early:2', 'early:3', 'late:3']);
  });

  it('refuses a subscriber behind what it has read, which catches up on its own first', async () => {
    let release = () => {};
    const { log, dispatch, received, member } = setUp((event) => (event.position === 2 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()));
    expect(dispatch.join(member('first', 0))).toBe(true);
    log.append(3);
    await settle(); // the dispatch read 1–3 and waits on event 2
    expect(dispatch.join(member('behind', 1))).toBe(false);
    const caughtUp = member('caught-up', 3);
    expect(dispatch.join(caughtUp)).toBe(true);
    release();
    await settle();
    // Joined while 1–3 were delivered, having seen them: nothing of them again.
    expect(received).toEqual(['first:1', 'first:2', 'first:3']);
    expect(caughtUp.after).toBe(3);
  });

  it('ends when its last member leaves, and can no longer be joined', async () => {
    const { log, dispatch, member, ended } = setUp();
    const only = member('only', 0);
    dispatch.join(only);
    dispatch.leave(only);
    expect(dispatch.closed).toBe(true);
    expect(ended()).toBe(1);
    expect(dispatch.join(member('next', log.head))).toBe(false);
  });

  it('ends every member with the failure when an event cannot be settled', async () => {
    const { log, dispatch, member, ended } = setUp(() => Promise.reject(new Error('accounts is down')));
    const first = member('first', 0);
    const second = member('second', 0);
    dispatch.join(first);
    dispatch.join(second);
    log.append();
    await settle();
    expect(first.ending?.errors?.[0]?.message).toBe('Error: accounts is down');
    expect(second.ending).toBe(first.ending);
    expect(dispatch.members.size).toBe(0);
    expect(ended()).toBe(1);
  });

  it('groups its members by a key, again only once members joined or left', async () => {
    const { dispatch, member } = setUp();
    const byFirstLetter = (m: Member) => m.name[0];
    const [ann, amy, bob] = [member('ann', 0), member('amy', 0), member('bob', 0)];
    for (const m of [ann, amy, bob]) dispatch.join(m);
    const first = dispatch.grouped(byFirstLetter);
    expect([...first].map(([key, members]) => [key, members.map((m) => m.name)])).toEqual([
      ['a', ['ann', 'amy']],
      ['b', ['bob']],
    ]);
    expect(dispatch.grouped(byFirstLetter)).toBe(first);
    dispatch.leave(amy);
    dispatch.join(member('ben', 0));
    expect([...dispatch.grouped(byFirstLetter)].map(([key, members]) => [key, members.map((m) => m.name)])).toEqual([
      ['a', ['ann']],
      ['b', ['bob', 'ben']],
    ]);
    dispatch.end(bob);
    expect(dispatch.grouped(byFirstLetter).get('b')?.map((m) => m.name)).toEqual(['ben']);
  });
});
