import { sql } from 'drizzle-orm';
import type { Viewer } from '../auth/tokens.js';
import type { Database, Db } from '../db/database.js';
import { isUndefinedTable } from '../db/errors.js';
import { followAccountsLog, type LogFollower } from '../events/log-follower.js';
import { unauthenticated } from '../graphql/errors.js';
import type { Logger } from '../logger.js';
import { AccountsEvent, type SessionEndedPayload } from './model.js';
import { accountsEventLog, accountsEventsSince } from './read-model.js';

/**
 * How long an ended session is remembered: access tokens live at most 900 s (`TOKEN_TTL_SECONDS`
 * is capped there), plus a minute of clock skew between processes.
 */
export const SESSION_ENDING_REMEMBERED_SECONDS = 960;
const LONGEST_TOKEN_MS = SESSION_ENDING_REMEMBERED_SECONDS * 1000;

/**
 * The sessions Accounts has ended whose access tokens have not expired yet, kept in memory by
 * every process (gateway and subgraphs) so a token is refused without a database round trip.
 * It follows Accounts' event log: woken by NOTIFY within milliseconds of the commit, and polled
 * every half second so a lost notification still counts within a second. On start it reads the
 * endings of the last 16 minutes: older sessions' tokens have expired anyway.
 */
export class EndedSessions {
  private readonly ended = new Map<string, number>();
  private position = 0;
  private readonly db: Db;
  private readonly follower: LogFollower;

  constructor(
    database: Database,
    private readonly options: { pollIntervalMs: number; logger: Logger },
  ) {
    this.db = database.orm({});
    // At most half a second behind even when a notification is lost.
    this.follower = followAccountsLog(database, Math.min(500, options.pollIntervalMs), () => this.read());
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Whether the session was ended (while its tokens could still be valid). */
  has(sessionId: string): boolean {
    const until = this.ended.get(sessionId);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.ended.delete(sessionId);
    return false;
  }

  /** UNAUTHENTICATED (HTTP 401) when the viewer's session has ended. */
  assertLive(viewer: Viewer | null): void {
    if (viewer && this.has(viewer.sessionId)) {
      throw unauthenticated('This session has ended; sign in again.', { badToken: true });
    }
  }

  /** Sessions remembered now (expired ones are dropped as they are read). */
  get size(): number {
    return this.ended.size;
  }

  /** Resolves once every ending committed before the call is known. */
  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  private async read(): Promise<void> {
    try {
      const log = accountsEventLog;
      const recent = this.position === 0 ? sql`${log.occurredAt} > now() - make_interval(secs => ${SESSION_ENDING_REMEMBERED_SECONDS})` : undefined;
      const { newest, events } = await accountsEventsSince(this.db, this.position, [AccountsEvent.SessionEnded], recent);
      if (newest <= this.position) return;
      const now = Date.now();
      for (const { payload } of events) {
        const ending = payload as SessionEndedPayload;
        const until = Date.parse(ending.tokensValidUntil);
        this.ended.set(ending.sessionId, Number.isFinite(until) ? until : now + LONGEST_TOKEN_MS);
      }
      this.position = newest;
      for (const [id, until] of this.ended) if (until <= now) this.ended.delete(id);
    } catch (error) {
      if (isUndefinedTable(error)) return; // Accounts has not migrated yet: nothing has ended
      this.options.logger.error({ err: error }, 'reading ended sessions failed; will retry');
      throw error;
    }
  }
}
