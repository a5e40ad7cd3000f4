import type { Database } from '../db/database.js';
import { outsideRequestScope } from '../request-scope.js';
import { eventChannel } from './append.js';

/**
 * Why a read runs: the producer NOTIFYed (there is something new), the poll came round (usually
 * there is nothing new: a reader may check cheaply first), or a caller asked (`catchUp`).
 */
export type ReadReason = 'notified' | 'polled' | 'asked';

/**
 * Follows one producer's event log: `read` runs when the producer NOTIFYs, on a poll in case a
 * notification is lost, and on demand (`catchUp`). One read at a time; a call that arrives while
 * one runs gets one more read after it (that read may have started before the caller's commit).
 */
export class LogFollower {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stoppedFlag = false;

  constructor(
    private readonly database: Database,
    private readonly options: { schema: string; pollIntervalMs: number; read: (reason: ReadReason) => Promise<void> },
  ) {}

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Listens, starts the poll and reads once; a failed first read is retried by the poll. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(eventChannel(this.options.schema), () => {
      outsideRequestScope(() => void this.catchUp('notified').catch(() => {}));
    });
    this.timer = setInterval(() => void this.catchUp('polled').catch(() => {}), this.options.pollIntervalMs);
    this.timer.unref();
    await this.catchUp().catch(() => {});
  }

  /** Resolves once a read that started after this call has finished. */
  catchUp(reason: ReadReason = 'asked'): Promise<void> {
    if (this.stoppedFlag) return Promise.resolve();
    if (!this.running) {
      this.running = this.options.read(reason).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => {})
      .then(() => {
        this.queued = null;
        return this.catchUp();
      });
    return this.queued;
  }

  async stop(): Promise<void> {
    this.stoppedFlag = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.running?.catch(() => {});
  }
}

/** A follower of Accounts' event log, whose facts every process keeps in memory: its reads run outside any request's scope. */
export function followAccountsLog(database: Database, pollIntervalMs: number, read: () => Promise<void>): LogFollower {
  return new LogFollower(database, { schema: 'accounts', pollIntervalMs, read: () => outsideRequestScope(read) });
}
