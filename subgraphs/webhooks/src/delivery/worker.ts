import { newId, rowsOf, SpanStatusCode, traceEventWork, type Database, type Logger } from '@mpp/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Agent } from 'undici';
import type { WebhooksDb } from '../db/client.js';
import { attempts, deliveries, endpoints, type DeliveryRow } from '../db/schema.js';
import { DELIVERIES_CHANNEL } from '../events/fan-out.js';
import { retryDelayMs, shouldDisable } from './schedule.js';
import { deliveryAgent, sendWebhook, type AttemptOutcome } from './sender.js';

export interface WorkerOptions {
  database: Database;
  db: WebhooksDb;
  logger: Logger;
  concurrency: number;
  timeoutMs: number;
  retryDelaysMs: readonly number[];
  disableAfterMs: number;
  allowPrivate: boolean;
  /** Longest sleep without a notification (a safety net for a lost NOTIFY). */
  pollIntervalMs: number;
}

interface Claimed {
  delivery: DeliveryRow;
  url: string;
  secrets: string[];
  token: string;
}

/** The `webhook-id` of a delivery: stable across its attempts and redeliveries. */
export function messageId(deliveryId: string): string {
  return `msg_${deliveryId}`;
}

/**
 * Sends due deliveries. Any number of workers (in any number of processes) share the table: a
 * delivery is claimed with `FOR UPDATE SKIP LOCKED` and a lease; a worker that dies mid-delivery
 * leaves a lease that expires, and another worker sends it again (at least once). An endpoint's
 * deliveries start in order: one waits while an earlier one has not had its first attempt.
 */
export class DeliveryWorker {
  private readonly agent: Agent;
  private readonly leaseMs: number;
  private inFlight = 0;
  private stopped = false;
  private wake: (() => void) | null = null;
  /** A nudge that came while the loop was busy: the next sleep returns at once. */
  private nudged = false;
  private loop: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: WorkerOptions) {
    this.agent = deliveryAgent(options.allowPrivate);
    // Longer than any attempt can take, so a live worker's lease never expires under it.
    this.leaseMs = options.timeoutMs * 2 + 5_000;
  }

  async start(): Promise<void> {
    this.unlisten = await this.options.database.listen(DELIVERIES_CHANNEL, () => this.nudge());
    this.loop = this.run();
  }

  /** Wakes the loop: deliveries may be due. */
  nudge(): void {
    const wake = this.wake;
    this.wake = null;
    if (wake) wake();
    else this.nudged = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    await this.unlisten?.();
    await this.loop;
    await Promise.allSettled([...this.running]);
    await this.agent.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      // Claims from here on see whatever a nudge announced.
      this.nudged = false;
      let sleepMs = this.options.pollIntervalMs;
      try {
        const free = this.options.concurrency - this.inFlight;
        if (free > 0) {
          const claimed = await this.claim(free);
          for (const item of claimed) this.launch(item);
          if (claimed.length === free) continue;
          sleepMs = Math.min(sleepMs, await this.msUntilNextDue());
        }
      } catch (error) {
        this.options.logger.error({ err: error }, 'webhook worker: claiming failed; will retry');
      }
      if (sleepMs > 0) await this.sleep(sleepMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private launch(item: Claimed): void {
    this.inFlight += 1;
    const task = this.deliver(item)
      .catch((error: unknown) => this.options.logger.error({ err: error, deliveryId: item.delivery.id }, 'webhook delivery failed to record'))
      .finally(() => {
        this.inFlight -= 1;
        this.running.delete(task);
        this.nudge();
      });
    this.running.add(task);
  }

  /** Leases up to `limit` due deliveries of enabled endpoints, oldest due first. */
  private async claim(limit: number): Promise<Claimed[]> {
    const token = newId();
    const result = await this.options.db.execute(sql`
      with due as (
        select d.id from webhooks.deliveries d
        join webhooks.endpoints e on e.id = d.endpoint_id and e.enabled
        where d.status = 'PENDING' and d.next_attempt_at <= now()
          and (d.leased_until is null or d.leased_until < now())
          and not exists (
            select 1 from webhooks.deliveries earlier
            where earlier.endpoint_id = d.endpoint_id and earlier.status = 'PENDING'
              and earlier.round_attempts = 0 and earlier.seq < d.seq)
        order by d.next_attempt_at, d.seq
        limit ${limit}
        for update of d skip locked
      )
      update webhooks.deliveries d
      set leased_until = now() + make_interval(secs => ${this.leaseMs / 1000}), lease_token = ${token}
      from due where d.id = due.id
      returning d.id`);
    const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
    if (ids.length === 0) return [];
    const rows = await this.options.db
      .select({ delivery: deliveries, url: endpoints.url, secret: endpoints.secret, previousSecret: endpoints.previousSecret, previousUntil: endpoints.previousSecretExpiresAt })
      .from(deliveries)
      .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
      .where(inArray(deliveries.id, ids));
    const now = Date.now();
    return rows
      .sort((a, b) => a.delivery.seq - b.delivery.seq)
      .map((row) => ({
        delivery: row.delivery,
        url: row.url,
        token,
        secrets: row.previousSecret && row.previousUntil && row.previousUntil.getTime() > now ? [row.secret, row.previousSecret] : [row.secret],
      }));
  }

  private async msUntilNextDue(): Promise<number> {
    const result = await this.options.db.execute(sql`
      select extract(epoch from (min(ready_at) - now())) * 1000 as ms from (
        select greatest(next_attempt_at, coalesce(leased_until, next_attempt_at)) as ready_at
        from webhooks.deliveries where status = 'PENDING'
      ) pending
      -- Due but not claimable (waiting for an earlier one, or its endpoint disabled): a completion
      -- or a re-enabled endpoint notifies; counting them here would spin.
      where ready_at > now()`);
    const ms = rowsOf<{ ms: string | number | null }>(result)[0]?.ms;
    if (ms === null || ms === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, Math.ceil(Number(ms)));
  }

  /** One attempt, in a span that joins the trace of the change that caused the event. */
  private async deliver(item: Claimed): Promise<void> {
    const { delivery } = item;
    const attributes = {
      'webhook.delivery_id': delivery.id,
      'webhook.type': delivery.type,
      'webhook.attempt': delivery.roundAttempts + 1,
      'http.request.method': 'POST',
      'server.address': new URL(item.url).hostname,
    };
    return traceEventWork('webhooks', `deliver webhook ${delivery.type}`, delivery.traceParent, { kind: 'client', attributes }, async (span) => {
      const at = new Date();
      const outcome = await sendWebhook(
        this.agent,
        item.url,
        { id: messageId(delivery.id), body: delivery.body, secrets: item.secrets },
        { timeoutMs: this.options.timeoutMs, allowPrivate: this.options.allowPrivate },
      );
      if (outcome.statusCode !== null) span.setAttribute('http.response.status_code', outcome.statusCode);
      if (!outcome.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error ?? 'no answer' });
      await this.record(item, at, outcome);
    });
  }

  /** Records the attempt, then settles the delivery (if this worker's lease still holds) and its endpoint's health. */
  private async record(item: Claimed, at: Date, outcome: AttemptOutcome): Promise<void> {
    const { delivery } = item;
    const made = delivery.roundAttempts + 1;
    const delay = outcome.ok ? null : retryDelayMs(made, this.options.retryDelaysMs);
    await this.options.db.transaction(async (tx) => {
      await tx.insert(attempts).values({
        id: newId(),
        deliveryId: delivery.id,
        at,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        error: outcome.error,
        responseBody: outcome.responseBody,
      });
      await tx
        .update(deliveries)
        .set({
          status: outcome.ok ? 'DELIVERED' : delay === null ? 'FAILED' : 'PENDING',
          roundAttempts: made,
          nextAttemptAt: delay === null ? null : sql`now() + make_interval(secs => ${delay / 1000})`,
          leasedUntil: null,
          leaseToken: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(deliveries.id, delivery.id), eq(deliveries.leaseToken, item.token)));
      if (outcome.ok) {
        await tx.update(endpoints).set({ failingSince: null }).where(eq(endpoints.id, delivery.endpointId));
        await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
        return;
      }
      const [endpoint] = await tx
        .update(endpoints)
        .set({ failingSince: sql`coalesce(${endpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
        .where(eq(endpoints.id, delivery.endpointId))
        .returning();
      if (endpoint?.enabled && shouldDisable(endpoint.failingSince, at, this.options.disableAfterMs)) {
        await tx
          .update(endpoints)
          .set({
            enabled: false,
            disabledAt: sql`now()`,
            disabledReason: `Every delivery failed since ${endpoint.failingSince!.toISOString()}; the last one: ${outcome.error ?? 'no answer'}. Fix the endpoint, then enable it again.`,
            updatedAt: sql`now()`,
          })
          .where(eq(endpoints.id, endpoint.id));
        this.options.logger.warn({ endpointId: endpoint.id }, 'webhook endpoint disabled: failing too long');
      }
      // Later deliveries of this endpoint may have waited for this one, in any worker.
      await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
    });
  }
}
