import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';

export { SpanStatusCode, type Span } from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { contextOfTraceParent, inService, isTracingEnabled, tracerFor } from './tracing.js';

/**
 * Starts the SERVER span of one HTTP request, a child of the caller's `traceparent` (the gateway's
 * fetch span, or a client's), ended when the response is done. Returns the context to serve the
 * request in; undefined when tracing is off.
 */
export function traceIncomingRequest(service: string, route: string, req: IncomingMessage, res: ServerResponse): Context | undefined {
  const call = traceIncomingCall(service, route, req.method ?? 'GET', req.headers);
  if (!call) return undefined;
  res.once('close', () => call.end(res.statusCode, res.writableFinished));
  return call.context;
}

/**
 * The SERVER span of a request, from its method and headers (`traceparent`), over HTTP or made
 * within the process; `end` records the status it was answered with. Undefined when tracing is off.
 */
export function traceIncomingCall(
  service: string,
  route: string,
  method: string,
  headers: Record<string, string | string[] | undefined>,
): { context: Context; end(status: number, answered: boolean): void } | undefined {
  if (!isTracingEnabled()) return undefined;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracerFor(service).startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route, 'url.path': route } },
    parent,
  );
  return {
    context: inService(trace.setSpan(parent, span), service),
    end(status, answered) {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      else if (!answered) span.setStatus({ code: SpanStatusCode.ERROR, message: 'connection closed before the response was sent' });
      span.end();
    },
  };
}

/**
 * Adds the active span's trace context (`traceparent`, `tracestate`) to an outgoing request's
 * headers; nothing when tracing is off. The internal credential does not cover these headers.
 */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  if (!isTracingEnabled()) return;
  propagation.inject(context.active(), headers, { set: (carrier, name, value) => carrier.set(name, value) });
}

/** Runs `fn` in `ctx` (a request's trace context); as it is when there is none. */
export function runInTraceContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx ? context.with(ctx, fn) : fn();
}

/** Trace and span ids of the active span for a log line (an object pino may merge into: a new one each time). */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  if (!isTracingEnabled()) return {};
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

const TRACED = Symbol('traced resolver');

/**
 * A span around each root field (`Query.*`, `Mutation.*`, `_entities`): the resolvers that reach
 * the database, whose statements' spans become its children. Nested fields resolve through
 * DataLoaders, batched across parents, and are not traced one by one. Changes the schema in place,
 * once; the schema as it is when tracing is off.
 */
export function traceRootResolvers(schema: GraphQLSchema, service: string): GraphQLSchema {
  if (!isTracingEnabled()) return schema;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown> & { [TRACED]?: true };
      if (field.name === '_service' || resolve[TRACED]) continue;
      const traced: GraphQLFieldResolver<unknown, unknown> = (source, args, ctx, info) => {
        const parent = context.active();
        const request = trace.getSpan(parent);
        if (!request) return resolve(source, args, ctx, info);
        if (info.operation.name) request.setAttribute('graphql.operation.name', info.operation.name.value);
        request.setAttribute('graphql.operation.type', info.operation.operation);
        const name = `${info.parentType.name}.${info.fieldName}`;
        return inSpan(tracerFor(service), `resolve ${name}`, { 'graphql.field.path': name }, SpanKind.INTERNAL, parent, () =>
          resolve(source, args, ctx, info),
        );
      };
      field.resolve = Object.assign(traced, { [TRACED]: true as const });
    }
  }
  return schema;
}

/** Longest statement text a span carries (drizzle's statements carry `$n` placeholders, never values). */
const MAX_STATEMENT_CHARS = 2_000;

/**
 * A CLIENT span around one SQL statement, a child of the active span (a statement outside any
 * traced work, such as an event consumer's poll, is not recorded). `run` sends the statement and
 * returns the driver's pending query, which is returned as it is (postgres.js's `.values()` still applies).
 */
export function traceStatement<P extends PromiseLike<unknown>>(text: string, run: () => P): P {
  if (!isTracingEnabled()) return run();
  const parent = context.active();
  if (!trace.getSpan(parent)) return run();
  const { operation, table } = summarizeStatement(text);
  const statement = text.length > MAX_STATEMENT_CHARS ? `${text.slice(0, MAX_STATEMENT_CHARS)}…` : text;
  const span = tracerFor().startSpan(
    table ? `${operation} ${table}` : operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        // The stable names, and those most backends still read.
        'db.system.name': 'postgresql',
        'db.query.text': statement,
        'db.operation.name': operation,
        ...(table ? { 'db.collection.name': table } : {}),
        'db.system': 'postgresql',
        'db.statement': statement,
      },
    },
    parent,
  );
  let pending: P;
  try {
    pending = run();
  } catch (error) {
    fail(span, error);
    span.end();
    throw error;
  }
  pending.then(
    () => span.end(),
    (error: unknown) => {
      fail(span, error);
      span.end();
    },
  );
  return pending;
}

/** The statement's verb and first table, for the span name: `SELECT orders.orders`. */
export function summarizeStatement(text: string): { operation: string; table: string | null } {
  const head = text.slice(0, 400);
  const operation = (/^\s*(\w+)/.exec(head)?.[1] ?? 'SQL').toUpperCase();
  const table = /\b(?:from|into|update)\s+("[^"]+"|\w+)(?:\.("[^"]+"|\w+))?/i.exec(head);
  if (!table) return { operation, table: null };
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  return { operation, table: table[2] ? `${unquote(table[1]!)}.${unquote(table[2])}` : unquote(table[1]!) };
}

/**
 * Runs work caused by a logged event (a subscription's completion, a webhook delivery) in a span
 * that is a child of the request that appended the event (its `trace_parent`), so the trace of a
 * mutation shows what it set off; a trace of its own when the event has none.
 */
export function traceEventWork<T>(
  service: string,
  name: string,
  traceParent: string | null | undefined,
  options: { kind: 'consumer' | 'client'; attributes: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!isTracingEnabled()) return work(NOT_RECORDING);
  const kind = options.kind === 'client' ? SpanKind.CLIENT : SpanKind.CONSUMER;
  return inSpan(tracerFor(service), name, options.attributes, kind, inService(contextOfTraceParent(traceParent), service), () =>
    work(trace.getActiveSpan() ?? NOT_RECORDING),
  );
}

/** What work is handed when tracing is off: a span that records nothing. */
const NOT_RECORDING = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Runs `fn` with a new active span, ended when what it returns settles. */
function inSpan<T>(tracer: Tracer, name: string, attributes: Attributes, kind: SpanKind, parent: Context, fn: () => T): T {
  return tracer.startActiveSpan(name, { kind, attributes }, parent, (span) => {
    let result: T;
    try {
      result = fn();
    } catch (error) {
      fail(span, error);
      span.end();
      throw error;
    }
    if (!isPromiseLike(result)) {
      span.end();
      return result;
    }
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        fail(span, error);
        span.end();
        throw error;
      },
    ) as T;
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * A GraphQL error with a code (FORBIDDEN, NOT_FOUND…) is an answer, not a failure of the span: its
 * code is noted. Anything else is recorded as the span's error.
 */
function fail(span: Span, error: unknown): void {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    span.setAttribute('graphql.error.code', code);
    return;
  }
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}
