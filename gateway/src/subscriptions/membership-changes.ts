import {
  AccountsEvent,
  accountsEventsSince,
  isUndefinedTable,
  followAccountsLog,
  type LogFollower,
  type Database,
  type Db,
  type Logger,
  type MemberPayload,
  type WorkspaceCreatedPayload,
} from '@mpp/kit';

/** What the subscription server needs of it: a stand-in is enough where nobody's memberships change. */
export interface MembershipWatch {
  /**
   * Whether an answer Accounts gave to a check started at `checkedAt` (ms) stays true until a change
   * is reported: the log was being followed by then, and its last read succeeded.
   */
  trusts(checkedAt: number): boolean;
  /** Resolves once every change committed before the call is known; false when they could not be read. */
  catchUp(): Promise<boolean>;
  /** Calls `listener` with each account whose memberships changed; returns the unsubscribe. */
  onChange(listener: (accountId: string) => void): () => void;
}

/** How long settling an event waits for the changes before it goes on without trusting old answers. */
const CATCH_UP_WAIT_MS = 1_000;

/** The events that add an account to a workspace or remove it from one. */
const MEMBERSHIP_EVENTS = [AccountsEvent.MemberAdded, AccountsEvent.MemberRemoved, AccountsEvent.WorkspaceCreated];

/**
 * The accounts whose memberships Accounts changed, read from its event log (on NOTIFY, on demand,
 * and on a poll in case a notification is lost): the gateway keeps a subscriber's memberships until
 * they change instead of asking Accounts again every few seconds for every subscribed account.
 * Changes committed before it starts do not matter: nothing was cached then.
 */
export class MembershipChanges implements MembershipWatch {
  /** The log's position read up to; null until the first read. */
  private position: number | null = null;
  /** When the first read succeeded: changes committed after then are all reported. */
  private followingSince: number | null = null;
  private failure: string | null = 'not started';
  /** A catch-up took longer than CATCH_UP_WAIT_MS (a database in trouble): trust nothing until a read succeeds. */
  private lagging = false;
  private readonly listeners = new Set<(accountId: string) => void>();
  private readonly db: Db;
  private readonly follower: LogFollower;

  constructor(
    database: Database,
    private readonly options: { pollIntervalMs: number; logger: Logger },
  ) {
    this.db = database.orm({});
    // The poll is a safety net: every event's settlement catches up first (`catchUp`), and a refusal asks Accounts again.
    this.follower = followAccountsLog(database, options.pollIntervalMs, () => this.read());
  }

  trusts(checkedAt: number): boolean {
    return this.failure === null && !this.lagging && this.followingSince !== null && checkedAt >= this.followingSince;
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  async catchUp(): Promise<boolean> {
    // A failed read is logged by `read`; `failure` says so.
    const read = this.follower.catchUp().then(
      () => true,
      () => false,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        this.lagging = true;
        resolve(false);
      }, CATCH_UP_WAIT_MS);
      timer.unref();
    });
    const done = await Promise.race([read, late]);
    clearTimeout(timer);
    return done && this.failure === null;
  }

  onChange(listener: (accountId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async read(): Promise<void> {
    try {
      const { newest, events } = await accountsEventsSince(this.db, this.position, MEMBERSHIP_EVENTS);
      for (const { type, payload } of events) {
        const accountId = type === AccountsEvent.WorkspaceCreated ? (payload as WorkspaceCreatedPayload).ownerId : (payload as MemberPayload).accountId;
        for (const listener of this.listeners) listener(accountId);
      }
      this.position = Math.max(this.position ?? 0, newest);
      this.followingSince ??= Date.now();
      this.failure = null;
      this.lagging = false;
    } catch (error) {
      if (isUndefinedTable(error)) {
        // Accounts has not migrated yet: nobody is a member of anything.
        this.position ??= 0;
        this.followingSince ??= Date.now();
        this.failure = null;
        return;
      }
      this.failure = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ err: error }, 'reading membership changes failed; memberships are asked again every few seconds meanwhile');
      throw error;
    }
  }
}
