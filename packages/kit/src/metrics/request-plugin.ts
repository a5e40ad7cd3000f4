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

/**
 * Times every GraphQL operation a service answers (`platform_graphql_request_duration_seconds`)
 * and counts the errors of its answers by code (`platform_graphql_errors_total`). An operation that
 * did not parse or name an operation of its document is `unresolved`/`unknown`; one without a name
 * is `anonymous`.
 */
export function requestMetricsPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  const operationNames = new BoundedLabel(MAX_OPERATION_NAMES, MAX_OPERATION_NAME_LENGTH);
  const codes = new BoundedLabel(MAX_ERROR_CODES, 64);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const seconds = (performance.now() - started) / 1000;
          graphqlRequestDuration.observe(
            {
              service,
              operation_name: operation ? operationNames.value(operationName ?? 'anonymous') : 'unresolved',
              operation_type: operation?.operation ?? 'unknown',
            },
            seconds,
          );
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            graphqlErrors.inc({ service, code: typeof code === 'string' ? codes.value(code) : 'none' });
          }
        },
      };
    },
  };
}
