import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { limitRefusals, type Logger, type PlatformConfig } from '@mpp/kit';
import type { RequestHandler } from 'express';
import {
  GraphQLError,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Bucket, BucketStore } from './buckets.js';
import { actualCost, requestedCost, selectOperation } from './cost.js';
import { fragmentsOf, parseWithinLimits, rootFields, shapeErrors, type OperationLimits } from './operation.js';

export { openBucketStore } from './buckets.js';

/** Who is asking: the verified account, else the client's address. */
export interface Caller {
  accountId: string | null;
  clientIp: string | null;
  /** The gateway's own operations (completing subscription events, checking memberships): not limited. */
  internal?: boolean;
}

export interface CostReport {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

export interface LimitsOptions {
  config: PlatformConfig;
  store: BucketStore;
  /** The API schema operations are checked against (over WebSocket, where no Apollo pipeline runs). */
  schema: GraphQLSchema;
  logger: Logger;
}

/** Documents already checked, by source hash: a client repeats the same few operations. */
const VERDICTS_KEPT = 1000;

/**
 * Abuse limits of the whole graph, at the gateway: the shape of an operation (before it is even
 * fully parsed), its cost (before it is planned), the caller's leaky bucket of cost points, and the
 * failed sign-ins per email and per address.
 */
export function createLimits(options: LimitsOptions) {
  const { config, store, logger } = options;
  const shape: OperationLimits = {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxQueryAliases,
    maxRootFields: config.maxRootFields,
    maxTokens: config.maxQueryTokens,
    maxDirectives: config.maxQueryDirectives,
  };
  const costBucket: Bucket | null =
    config.rateLimitPoints > 0 ? { capacity: config.rateLimitPoints, restorePerSecond: config.rateLimitRestorePerSecond } : null;
  const perSecond = (failures: number) => failures / config.signInFailureWindowSeconds;
  const emailBucket: Bucket = { capacity: config.signInFailuresPerEmail, restorePerSecond: perSecond(config.signInFailuresPerEmail) };
  const ipBucket: Bucket = { capacity: config.signInFailuresPerIp, restorePerSecond: perSecond(config.signInFailuresPerIp) };
  const verdicts = new Map<string, GraphQLError | null>();

  /** Token, depth, alias, root field and directive limits of a source text; throws the first broken one. */
  function checkShape(schema: GraphQLSchema, source: string): void {
    // Keyed by the text itself; long texts are not kept (they are the rare, refused ones).
    const hash = source.length <= 20_000 ? source : null;
    let verdict = hash === null ? undefined : verdicts.get(hash);
    if (verdict === undefined) {
      let error: GraphQLError | null = null;
      try {
        const document = parseWithinLimits(source, shape.maxTokens);
        error = document ? (shapeErrors(schema, document, shape)[0] ?? null) : null;
      } catch (tooLong) {
        error = tooLong as GraphQLError;
      }
      verdict = error;
      if (hash !== null) {
        if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value!);
        verdicts.set(hash, verdict);
      }
    }
    if (verdict) {
      limitRefusals.inc({ kind: 'shape' });
      throw verdict;
    }
  }

  /** Refuses an operation whose requested cost is over `MAX_QUERY_COST`. */
  function refuseIfTooCostly(cost: number): void {
    if (cost > config.maxQueryCost) {
      limitRefusals.inc({ kind: 'cost' });
      throw new GraphQLError(`The query costs ${cost} points; at most ${config.maxQueryCost} are allowed. Ask for smaller pages or fewer nested lists.`, {
        extensions: { code: 'QUERY_TOO_COSTLY', cost: { requestedQueryCost: cost, maxQueryCost: config.maxQueryCost }, http: { status: 400 } },
      });
    }
  }

  const bucketKey = (caller: Caller) => (caller.accountId ? `account:${caller.accountId}` : `ip:${caller.clientIp ?? 'unknown'}`);

  /** Spends the operation's cost from the caller's bucket; throws RATE_LIMITED when it is short. */
  async function spend(caller: Caller, cost: number): Promise<number | null> {
    if (!costBucket) return null;
    // Even a free operation takes a point: no caller gets unlimited requests.
    const taken = await store.take(bucketKey(caller), Math.max(1, cost), costBucket);
    if (!taken.taken) {
      limitRefusals.inc({ kind: 'rate_limit' });
      throw rateLimited(
        `Rate limited: this operation costs ${Math.max(1, cost)} points and ${Math.floor(taken.available)} are available (${costBucket.restorePerSecond} restored per second).`,
        taken.retryAfterSeconds,
      );
    }
    return taken.available;
  }

  /**
   * Reserves one failed password attempt for its subject (the email of a sign-in, the account of a
   * password change) and for the address; given back when it succeeds.
   */
  async function reservePasswordAttempt(caller: Caller, attempt: PasswordAttempt): Promise<() => Promise<void>> {
    const keys: [string, Bucket][] = [
      [`sign-in-ip:${caller.clientIp ?? 'unknown'}`, ipBucket],
      [attempt.subjectKey, emailBucket],
    ];
    const results = await Promise.all(keys.map(([key, bucket]) => store.take(key, 1, bucket)));
    const refused = results.findIndex((result) => !result.taken);
    const giveBack = async () => {
      await Promise.all(keys.map(([key, bucket], index) => (results[index]!.taken ? store.give(key, 1, bucket) : undefined)));
    };
    if (refused >= 0) {
      await giveBack();
      limitRefusals.inc({ kind: 'sign_in' });
      throw rateLimited(
        refused === 0 ? 'Too many failed sign-ins from this address; try again later.' : attempt.refusal,
        results[refused]!.retryAfterSeconds,
      );
    }
    return giveBack;
  }

  /**
   * What the subscription server calls for an operation received over WebSocket: the same shape and
   * cost rules as over HTTP. A subscription takes its cost from the caller's bucket when it starts;
   * a query or mutation is charged when it runs, by the plugin, as over HTTP. Throws the GraphQL
   * error to answer with.
   */
  async function checkOperation(
    document: DocumentNode,
    variables: Record<string, unknown>,
    caller: { accountId: string; clientIp: string | null; operationName: string | null },
  ): Promise<void> {
    const errors = shapeErrors(options.schema, document, shape);
    if (errors[0]) {
      limitRefusals.inc({ kind: 'shape' });
      throw errors[0];
    }
    const cost = requestedCost(options.schema, document, variables, caller.operationName);
    refuseIfTooCostly(cost);
    if (selectOperation(document, caller.operationName)?.operation === 'subscription') await spend(caller, cost);
  }

  function plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      async requestDidStart() {
        let requested = 0;
        let charged = 0;
        let available: number | null = null;
        let caller: Caller | null = null;
        let passwordAttemptDone: (() => Promise<void>) | null = null;
        let passwordAttemptKey = '';
        return {
          async didResolveOperation(context) {
            const { document, operation, request, schema, contextValue } = context;
            if (!operation) return; // refused by the operation-resolution check
            const asked = contextValue as Partial<Caller>;
            if (asked.internal) return;
            caller = { accountId: asked.accountId ?? null, clientIp: asked.clientIp ?? null };
            // Set before the check: a refusal's answer reports the cost it was refused for.
            requested = requestedCost(schema, document, request.variables ?? {}, request.operationName);
            refuseIfTooCostly(requested);
            available = await spend(caller, requested);
            if (available !== null) charged = Math.max(1, requested);
            const attempt = operation.operation === 'mutation' ? passwordAttemptOf(document, operation, request.variables ?? {}, caller.accountId) : null;
            if (attempt) {
              passwordAttemptKey = attempt.responseKey;
              passwordAttemptDone = await reservePasswordAttempt(caller, attempt);
            }
          },
          async willSendResponse(context) {
            const { response, operation } = context;
            if (response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            const executed = operation && result.data !== undefined;
            const actual = executed ? actualCost(result.data, operation.operation) : null;
            if (passwordAttemptDone && executed && tokenIssued(result.data, passwordAttemptKey)) {
              await passwordAttemptDone().catch((error: unknown) => logger.warn({ err: error }, 'password attempt refund failed'));
            }
            // A mutation costs what it asked even when it failed: it did its work.
            // The answer cost less than asked (shorter pages): give the difference back.
            const refund = actual === null ? 0 : charged - Math.max(1, actual);
            if (caller && costBucket && available !== null && refund > 0 && operation?.operation !== 'mutation') {
              available = Math.min(costBucket.capacity, available + refund);
              // Given back before the answer leaves: a client's next request must find it in the bucket.
              await store.give(bucketKey(caller), refund, costBucket).catch((error: unknown) => logger.warn({ err: error }, 'rate-limit refund failed'));
            }
            // Nothing to report where nothing was limited (an operation the gateway ran for itself).
            if (!operation || !caller) return;
            const cost: CostReport = {
              requestedQueryCost: requested,
              actualQueryCost: actual,
              throttleStatus:
                costBucket && available !== null
                  ? { maximumAvailable: costBucket.capacity, currentlyAvailable: Math.floor(available), restoreRate: costBucket.restorePerSecond }
                  : null,
            };
            result.extensions = { ...result.extensions, cost };
          },
        };
      },
    };
  }

  /**
   * Express middleware on `/graphql`, after the body parser and before Apollo Server: refuses a
   * document breaking a shape limit before Apollo parses and validates it in full (validation
   * compares fields pairwise, so 10,000 aliases would hold the event loop for seconds).
   */
  const shapeCheck: RequestHandler = (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : null;
    if (query === null) return next();
    try {
      checkShape(options.schema, query);
    } catch (error) {
      const refusal = error as GraphQLError;
      res.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
      return;
    }
    next();
  };

  return { plugin, shapeCheck, checkShape: (source: string) => checkShape(options.schema, source), checkOperation, close: () => store.close() };
}

export type Limits = ReturnType<typeof createLimits>;

function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** A mutation field that tries a password, and what its failures count against. */
interface PasswordAttempt {
  responseKey: string;
  subjectKey: string;
  refusal: string;
}

/**
 * The password this mutation tries (at most one `signIn` or `changePassword` per request, by the
 * shape rules): a sign-in counts against its email, a password change against the signed-in
 * account (a stolen access token must not allow guessing the current password).
 */
function passwordAttemptOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  accountId: string | null,
): PasswordAttempt | null {
  const field = rootFields(operation.selectionSet, fragmentsOf(document)).find((node) => node.name.value === 'signIn' || node.name.value === 'changePassword');
  if (!field) return null;
  const responseKey = field.alias?.value ?? field.name.value;
  if (field.name.value === 'changePassword') {
    // Not signed in: refused before any password is compared.
    return accountId ? { responseKey, subjectKey: `password-change:${accountId}`, refusal: 'Too many wrong current passwords for this account; try again later.' } : null;
  }
  const input = field.arguments?.find((argument) => argument.name.value === 'input');
  const value = input ? (valueFromASTUntyped(input.value, variables) as { email?: unknown } | null) : null;
  const email = typeof value?.email === 'string' ? value.email : '';
  // Hashed: the key is stored (on a Postgres server) and the email is the caller's text, NUL included.
  const subjectKey = `sign-in-email:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;
  return { responseKey, subjectKey, refusal: 'Too many failed sign-ins for this email; try again later.' };
}

/** A password attempt succeeded only when the answer shows its token (a caller not asking learns nothing). */
function tokenIssued(data: Record<string, unknown> | null | undefined, responseKey: string): boolean {
  const payload = data?.[responseKey] as { token?: unknown } | null | undefined;
  return typeof payload?.token === 'string' && payload.token.length > 0;
}

