import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/** What we know about the request being served, wherever in its call tree we are. */
export interface RequestScope {
  requestId: string;
  /** SQL statements issued while serving this request (the N+1 detector of tests and logs). */
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, sqlStatements: 0 }, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Counts one SQL statement against the current request, if there is one. */
export function countSqlStatement(): void {
  const scope = storage.getStore();
  if (scope) scope.sqlStatements += 1;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accepts a caller's request id when it is a sane token, else makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

export interface CompletedRequest {
  service: string;
  requestId: string;
  operationName: string | null;
  sqlStatements: number;
  durationMs: number;
  errors: number;
}

/** Emits `completed` with a `CompletedRequest` after each GraphQL request a server answers. */
export const requestMetrics = new EventEmitter<{ completed: [CompletedRequest] }>();
requestMetrics.setMaxListeners(100);

/**
 * Runs background work (woken by a notification, say) without charging it to whichever request is
 * current, nor adding its spans to that request's trace.
 */
export function outsideRequestScope<T>(fn: () => T): T {
  return context.with(ROOT_CONTEXT, () => storage.exit(fn));
}
