import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  currentTraceParent,
  isTracingEnabled,
  startTracing,
  summarizeStatement,
  traceEventWork,
  traceLogFields,
  traceStatement,
  tracerFor,
  type Database,
  type Db,
  type Tracing,
} from '../src/index.js';
import { testDatabase } from '../src/testing.js';

let database: Database;
let drop: () => Promise<void>;
let db: Db;
beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  db = database.orm({});
});
afterAll(() => drop?.());

function logLines(): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

// In this order: a process starts with tracing off, and these tests turn it on.
describe('tracing off (no OTLP endpoint)', () => {
  it('registers nothing: spans do not record, statements run as they are, logs and events carry no trace', async () => {
    const tracing = await startTracing({ serviceName: 'accounts', env: {} });
    expect(tracing.enabled).toBe(false);
    expect(isTracingEnabled()).toBe(false);
    const span = trace.getTracer('any').startSpan('work');
    expect(span.isRecording()).toBe(false);
    const pending = Promise.resolve(1);
    expect(traceStatement('select 1', () => pending)).toBe(pending);
    await db.execute(sql`select 1`);
    expect(currentTraceParent()).toBeNull();
    expect(traceLogFields()).toEqual({});
    const { lines, logger } = logLines();
    logger.info('hello');
    expect(lines[0]).not.toHaveProperty('trace_id');
  });
});

describe('tracing on', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  beforeAll(async () => {
    tracing = await startTracing({ serviceName: 'accounts', exporter });
  });
  afterAll(() => tracing?.stop());

  it('makes a span of each statement under the active span (transactions included), none outside traced work', async () => {
    exporter.reset();
    await db.execute(sql`select 'outside' as untraced`);
    const parent = await tracerFor().startActiveSpan('work', async (span) => {
      await db.execute(sql`select ${'secret value'}::text as kept`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 2 as inside_transaction`);
      });
      span.end();
      return span.spanContext().spanId;
    });
    const statements = exporter.getFinishedSpans().filter((s) => s.attributes['db.system'] === 'postgresql');
    expect(statements.map((s) => s.attributes['db.statement'])).toEqual(['select $1::text as kept', 'select 2 as inside_transaction']);
    for (const statement of statements) {
      expect(statement.parentSpanContext?.spanId).toBe(parent);
      expect(statement.resource.attributes['service.name']).toBe('accounts');
      expect(statement.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'db.operation.name': 'SELECT' });
    }
    expect(JSON.stringify(statements.map((s) => s.attributes))).not.toContain('secret value');
  });

  it('records a failed statement as an error of its span', async () => {
    exporter.reset();
    await tracerFor().startActiveSpan('work', async (span) => {
      await expect(db.execute(sql`select * from no_such_table`)).rejects.toThrow();
      span.end();
    });
    const [failed] = exporter.getFinishedSpans().filter((s) => s.attributes['db.system'] === 'postgresql');
    expect(failed?.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(failed?.name).toBe('SELECT no_such_table');
  });

  it('puts the trace id in log lines, and carries the trace parent to work an event sets off', async () => {
    exporter.reset();
    const { lines, logger } = logLines();
    let traceParent: string | null = null;
    const cause = tracerFor().startActiveSpan('mutation', (span) => {
      logger.info('inside');
      traceParent = currentTraceParent();
      span.end();
      return span;
    });
    const { traceId, spanId } = cause.spanContext();
    expect(lines[0]).toMatchObject({ trace_id: traceId, span_id: spanId });
    expect(traceParent).toBe(`00-${traceId}-${spanId}-01`);

    await traceEventWork('webhooks', 'deliver', traceParent, { kind: 'client', attributes: { attempt: 1 } }, async (span) => {
      span.setAttribute('http.response.status_code', 200);
    });
    const delivery = exporter.getFinishedSpans().find((s: ReadableSpan) => s.name === 'deliver');
    expect(delivery?.spanContext().traceId).toBe(traceId);
    expect(delivery?.parentSpanContext?.spanId).toBe(spanId);
    expect(delivery?.resource.attributes['service.name']).toBe('webhooks');
    expect(delivery?.attributes).toMatchObject({ attempt: 1, 'http.response.status_code': 200 });

    // A malformed or missing trace parent starts a trace of its own.
    await traceEventWork('webhooks', 'orphan', 'not a traceparent', { kind: 'consumer', attributes: {} }, async () => {});
    const orphan = exporter.getFinishedSpans().find((s) => s.name === 'orphan');
    expect(orphan?.parentSpanContext).toBeUndefined();
  });

  it('names statements by verb and first table', () => {
    expect(summarizeStatement('select "id" from "orders"."orders" where "id" = $1')).toEqual({ operation: 'SELECT', table: 'orders.orders' });
    expect(summarizeStatement('insert into "accounts"."event_log" ("id") values ($1)')).toEqual({ operation: 'INSERT', table: 'accounts.event_log' });
    expect(summarizeStatement('update webhooks.deliveries set x = 1')).toEqual({ operation: 'UPDATE', table: 'webhooks.deliveries' });
    expect(summarizeStatement('select pg_notify($1, $2)')).toEqual({ operation: 'SELECT', table: null });
  });

  it('unregisters on stop: the API is a no-op again', async () => {
    await tracing.stop();
    expect(isTracingEnabled()).toBe(false);
    expect(trace.getTracer('any').startSpan('after').isRecording()).toBe(false);
  });
});
