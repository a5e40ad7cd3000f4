import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphqlErrors, graphqlRequestDuration } from './registry.js';

/** Distinct operation names one service reports; later ones are counted as `other`. */
export const MAX_OPERATION_NAMES = 200;
/** Longer operation names are counted as `other`. */
export const MAX_OPERATION_NAME_LENGTH = 64;
/** Distinct error codes one service reports (codes are ours and Apollo's: a guard, not a limit). */
const MAX_ERROR_CODES = 50;

/**
 * Label values chosen by clients, bounded: the first `limit` distinct values (each at most
 * `maxLength` characters) are kept, anything else is `other`, so a client cannot grow the
 * number of series without end.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly maxLength: number,
  ) {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (raw.length > this.maxLength || this.seen.size >= this.limit) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

/** Per service: operation names and error codes are bounded for each service of the process. */
const operationNames = new Map<string, BoundedLabel>();
const errorCodes = new Map<string, BoundedLabel>();

function boundedFor(labels: Map<string, BoundedLabel>, service: string, limit: number, maxLength: number): BoundedLabel {
  let label = labels.get(service);
  if (!label) labels.set(service, (label = new BoundedLabel(limit, maxLength)));
  return label;
}

/**
 * Records one operation a service answered. `operation` is null when the document did not parse or
 * name one of its operations (`unresolved`, `unknown`); a null name is `anonymous`.
 */
export function recordOperation(service: string, operation: { name: string | null; type: string } | null, seconds: number): void {
  graphqlRequestDuration.observe(
    {
      service,
      operation_name: operation ? boundedFor(operationNames, service, MAX_OPERATION_NAMES, MAX_OPERATION_NAME_LENGTH).value(operation.name ?? 'anonymous') : 'unresolved',
      operation_type: operation?.type ?? 'unknown',
    },
    seconds,
  );
}

/** Counts the errors of an answer by `extensions.code` (`none` without one). */
export function recordErrors(service: string, errors: readonly { extensions?: Record<string, unknown> | undefined }[] | undefined): void {
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    graphqlErrors.inc({ service, code: typeof code === 'string' ? boundedFor(errorCodes, service, MAX_ERROR_CODES, 64).value(code) : 'none' });
  }
}

/**
 * Times every GraphQL operation a service answers (`platform_graphql_request_duration_seconds`)
 * and counts the errors of its answers by code (`platform_graphql_errors_total`).
 */
export function requestMetricsPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          recordOperation(service, operation ? { name: operationName ?? null, type: operation.operation } : null, (performance.now() - started) / 1000);
          recordErrors(service, response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors);
        },
      };
    },
  };
}
