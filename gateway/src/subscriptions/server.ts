import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  badUserInput,
  forbidden,
  runInRequestScope,
  unauthenticated,
  viewerFromAuthorization,
  type EndedSessions,
  type LoggedEvent,
  type Logger,
  type TokenKeys,
} from '@mpp/kit';
import { eventCursor, positionOf } from '@mpp/orders';
import { GraphQLError, getOperationAST, parse, print, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../gateway.js';
import { FeedWaiter, partyFilter, type OrderEventFeed } from './feed.js';
import { completionVariables, parseSubscription, type ParsedSubscription } from './operations.js';
import { selectsSharedFieldsOnly } from './shared-fields.js';

export interface SubscriptionLimits {
  perConnection: number;
  total: number;
  /** Milliseconds between keep-alive pings. */
  keepAliveMs: number;
  maxMessageBytes: number;
}

interface ConnectionState {
  authorization: string;
  accountId: string;
  sessionId: string;
  /** When the connection's token expires (ms): its subscriptions end then. */
  expiresAt: number;
  subscriptions: Set<string>;
}

interface SubscriptionContext {
  connection: ConnectionState;
  parsed?: ParsedSubscription;
  /** Deliver the events after this position: the cursor given, or the feed's head when subscribing. */
  startAfter?: number;
}

const SUBSCRIBER_MEMBERSHIPS = parse('query SubscriberMemberships { viewer { memberships { workspace { id } } } }');

/** How long a subscriber's memberships are trusted before Accounts is asked again. */
const MEMBERSHIP_RECHECK_MS = 5_000;

/**
 * graphql-ws on the gateway's `/graphql`: subscriptions follow the Orders event log and each event
 * is completed by running the client's selection as a query through the gateway (planner, every
 * subgraph, the subscriber's own token). Subscribers with the same token and selection share one
 * execution per event. Queries and mutations sent over the socket run through the gateway too.
 */
/**
 * An async generator whose `return()` also ends the wait it may be suspended in (a plain
 * generator would only stop at its next event).
 */
function closable<T>(start: (waiter: FeedWaiter) => AsyncGenerator<T>): AsyncGenerator<T> {
  const waiter = new FeedWaiter();
  const inner = start(waiter);
  const outer: AsyncGenerator<T> = {
    next: () => inner.next(),
    return: (value) => {
      waiter.close();
      return inner.return(value);
    },
    throw: (error) => {
      waiter.close();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]: () => outer,
  };
  return outer;
}

export function attachSubscriptions(options: {
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  schema: GraphQLSchema;
  feed: OrderEventFeed;
  keys: TokenKeys;
  /** Sessions ended by Accounts: their connections may start nothing, their subscriptions end. */
  sessions: EndedSessions;
  logger: Logger;
  limits: SubscriptionLimits;
}): { close(): Promise<void>; readonly active: number } {
  const { apollo, schema, feed, keys, sessions, logger, limits } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: limits.maxMessageBytes });
  let active = 0;
  const shared = new Map<string, Promise<ExecutionResult>>();

  /** Runs an operation through the gateway as `authorization`, with a request id of its own (logs, subgraphs). */
  const run = (
    document: DocumentNode,
    variables: Record<string, unknown>,
    authorization: string,
    operationName?: string | null,
  ): Promise<ExecutionResult> => {
    const requestId = randomUUID();
    return runInRequestScope(requestId, async () => {
      const response = await apollo.executeOperation(
        { query: print(document), variables, operationName: operationName ?? getOperationAST(document)?.name?.value },
        { contextValue: { authorization, requestId } },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here');
      return response.body.singleResult as ExecutionResult;
    });
  };

  /**
   * The workspaces a token's account belongs to, asked of Accounts at most every
   * MEMBERSHIP_RECHECK_MS per token: a member removed from the workspace stops receiving within
   * that bound, also when payloads are shared with other subscribers.
   */
  const memberships = new Map<string, { checkedAt: number; workspaces: Promise<Set<string>> }>();
  const memberOf = async (authorization: string, workspaceId: string): Promise<boolean> => {
    let entry = memberships.get(authorization);
    if (!entry || Date.now() - entry.checkedAt > MEMBERSHIP_RECHECK_MS) {
      if (memberships.size >= 10_000) {
        for (const [token, old] of memberships) if (Date.now() - old.checkedAt > MEMBERSHIP_RECHECK_MS) memberships.delete(token);
      }
      entry = {
        checkedAt: Date.now(),
        workspaces: run(SUBSCRIBER_MEMBERSHIPS, {}, authorization).then((result) => {
          const viewer = (result.data as { viewer?: { memberships: { workspace: { id: string } }[] } | null } | null)?.viewer;
          return new Set(viewer?.memberships.map((m) => m.workspace.id) ?? []);
        }),
      };
      memberships.set(authorization, entry);
    }
    return (await entry.workspaces).has(workspaceId);
  };

  /**
   * One execution per event and selection for all subscribers when the selection holds only fields
   * every party sees alike (`selectsSharedFieldsOnly`), else one per event, selection and token.
   * A shared answer with errors is not shared: each subscriber then asks with its own token.
   */
  const complete = async (event: LoggedEvent, parsed: ParsedSubscription, authorization: string): Promise<ExecutionResult> => {
    const key = parsed.field === 'orderStatusChanged' ? eventCursor(event.position) : event.streamId;
    const execute = (token: string, scope: string) => {
      const cacheKey = `${event.position}|${scope}|${parsed.key}`;
      let result = shared.get(cacheKey);
      if (!result) {
        result = run(parsed.completion, completionVariables(parsed, key), token);
        shared.set(cacheKey, result);
        setTimeout(() => shared.delete(cacheKey), 5_000).unref();
      }
      return result;
    };
    if (parsed.shared) {
      const result = await execute(authorization, 'shared');
      if (!result.errors?.length && (result.data as { event?: unknown } | null)?.event) return result;
    }
    return execute(authorization, authorization);
  };

  async function* stream(
    parsed: ParsedSubscription,
    connection: ConnectionState,
    startAfter: number,
    waiter: FeedWaiter,
  ): AsyncGenerator<ExecutionResult> {
    const filter =
      parsed.field === 'orderPlaced'
        ? partyFilter(String(parsed.args.isvWorkspaceId), null, true)
        : partyFilter(String(parsed.args.workspaceId), (parsed.args.orderId as string | null | undefined) ?? null);
    let after = startAfter;
    const workspaceId = String(parsed.args.workspaceId ?? parsed.args.isvWorkspaceId);
    try {
      for (;;) {
        const { events, until } = await feed.next(after, filter, waiter);
        if (waiter.closed) return;
        for (const event of events) {
          if (sessions.has(connection.sessionId)) {
            yield { errors: [unauthenticated('This session has ended; sign in again.')] };
            return;
          }
          if (connection.expiresAt <= Date.now()) {
            yield { errors: [unauthenticated('The token has expired; sign in again and resume with your last cursor.')] };
            return;
          }
          if (!(await memberOf(connection.authorization, workspaceId))) {
            yield { errors: [forbidden('You are no longer a member of this workspace.')] };
            return;
          }
          const result = await complete(event, parsed, connection.authorization);
          const data = result.data as { event?: unknown } | null | undefined;
          if (!result.errors?.length && (data?.event ?? null) === null) {
            yield { errors: [forbidden('You no longer see this workspace’s orders.')] };
            return;
          }
          yield { data: { [parsed.responseKey]: data?.event ?? null }, ...(result.errors ? { errors: result.errors } : {}) } as ExecutionResult;
        }
        after = until;
      }
    } catch (error) {
      // graphql-ws would send the raw message (SQL, hosts…): log it, send the masked one.
      logger.error({ err: error, accountId: connection.accountId }, 'subscription failed');
      yield { errors: [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
    }
  }

  const server = useServer<Record<string, unknown>, { state?: ConnectionState }>(
    {
      schema,
      async onConnect(ctx) {
        // Case-insensitive, as HTTP headers are: the playground sends its Headers editor as is.
        const params = Object.fromEntries(Object.entries(ctx.connectionParams ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const header = params.authorization;
        if (typeof header !== 'string' || header === '') return false;
        try {
          const viewer = await viewerFromAuthorization(header, keys.verifyKey);
          if (!viewer || sessions.has(viewer.sessionId)) return false;
          ctx.extra.state = {
            authorization: header,
            accountId: viewer.accountId,
            sessionId: viewer.sessionId,
            expiresAt: viewer.expiresAt ?? Number.POSITIVE_INFINITY,
            subscriptions: new Set(),
          };
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      async onSubscribe(ctx, id, payload) {
        const connection = ctx.extra.state;
        if (!connection) return [unauthenticated()];
        if (sessions.has(connection.sessionId)) return [unauthenticated('This session has ended; sign in again.')];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.')];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [badUserInput('Name the operation to run (operationName).')];
        const contextValue: SubscriptionContext = { connection };
        if (operation.operation === 'subscription') {
          let parsed: ParsedSubscription;
          try {
            parsed = parseSubscription(operation, document, variables);
          } catch (error) {
            return [error as GraphQLError];
          }
          const after = parsed.args.after == null ? null : positionOf(String(parsed.args.after));
          if (parsed.args.after != null && after === null) return [badUserInput('`after` is not an order event cursor.', 'after')];
          if (connection.subscriptions.size >= limits.perConnection) {
            return [badUserInput(`At most ${limits.perConnection} subscriptions per connection.`)];
          }
          if (active >= limits.total) {
            return [new GraphQLError('The gateway is at its subscription limit; try again later.', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
          }
          // The slot is taken before the membership check awaits: racing subscribes cannot pass the limits together.
          connection.subscriptions.add(id);
          active += 1;
          const release = () => {
            if (connection.subscriptions.delete(id)) active -= 1;
          };
          try {
            if (!(await memberOf(connection.authorization, String(parsed.args.workspaceId ?? parsed.args.isvWorkspaceId)))) {
              release();
              return [forbidden('Only members of that workspace may subscribe to its orders.')];
            }
          } catch (error) {
            release();
            throw error;
          }
          parsed.shared = selectsSharedFieldsOnly(schema, parsed.completion);
          contextValue.parsed = parsed;
          // Whatever commits after the subscription counts as active is delivered.
          contextValue.startAfter = after ?? feed.position;
        }
        return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue } satisfies ExecutionArgs;
      },
      subscribe(args) {
        const { parsed, connection, startAfter } = args.contextValue as SubscriptionContext;
        return closable((waiter) => stream(parsed!, connection, startAfter!, waiter));
      },
      async execute(args) {
        const { connection } = args.contextValue as SubscriptionContext;
        return run(args.document, (args.variableValues ?? {}) as Record<string, unknown>, connection.authorization, args.operationName);
      },
      onComplete(ctx, id) {
        if (ctx.extra.state?.subscriptions.delete(id)) active -= 1;
      },
      onClose(ctx) {
        const state = ctx.extra.state;
        if (state) {
          active -= state.subscriptions.size;
          state.subscriptions.clear();
        }
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    get active() {
      return active;
    },
    async close() {
      // Clients are told the server is going away (1001) and may resume with their cursor elsewhere.
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      logger.debug('subscriptions closed');
    },
  };
}

