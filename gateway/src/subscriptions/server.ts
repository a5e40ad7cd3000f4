import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  badUserInput,
  forbidden,
  recordErrors,
  recordOperation,
  runInRequestScope,
  subscriptionDeliveryDelay,
  subscriptionEventsDelivered,
  trackSubscriptionServer,
  unauthenticated,
  viewerFromAuthorization,
  type EndedSessions,
  type LoggedEvent,
  type Logger,
  type TokenKeys,
  type Viewer,
} from '@mpp/kit';
import { eventCursor, positionOf } from '@mpp/orders';
import { GraphQLError, getOperationAST, parse, print, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GatewayContext } from '../gateway.js';
import type { Caller } from '../limits/index.js';
import { encodedEvent, formatErrors, formatResult, nextEnvelope, NextMessageWriter, traceEventDelivery, WorkQueue } from './delivery.js';
import { LiveDispatch, type LiveSubscriber } from './dispatch.js';
import { FeedWaiter, partyFilter, type EventFilter, type OrderEventFeed } from './feed.js';
import type { MembershipWatch } from './membership-changes.js';
import { completionVariables, parseSubscription, type ParsedSubscription } from './operations.js';
import { selectsSharedFieldsOnly } from './shared-fields.js';

export interface SubscriptionLimits {
  perConnection: number;
  /** Subscriptions of one account across all its connections to this process. */
  perAccount: number;
  total: number;
  /** Bytes waiting to be sent on a socket above which its subscriber is dropped as too slow. */
  maxBufferedBytes: number;
  /** Milliseconds between keep-alive pings. */
  keepAliveMs: number;
  maxMessageBytes: number;
  /** Lexical tokens a document may have; counted while parsing, so a huge one stops early. */
  maxTokens?: number;
}

/** Limits an operation received over the socket before it runs (query cost, depth…); no errors: it runs. */
export type CheckOperation = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  caller: { viewer: Viewer; clientIp: string | null; operationName: string | null },
) => readonly GraphQLError[] | Promise<readonly GraphQLError[]>;

interface ConnectionState {
  authorization: string;
  accountId: string;
  sessionId: string;
  /** The client's address, for the limits of what it runs over the socket. */
  clientIp: string | null;
  /** When the connection's token expires (ms): its subscriptions end then. */
  expiresAt: number;
  socket: WebSocket;
  /** Live subscriptions by id, with the key of their selection. */
  subscriptions: Map<string, string>;
}

type SubscribePayload = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null; extensions?: unknown };

/**
 * Metrics of what a socket starts: a subscription is timed until it is served (a query or mutation
 * is timed by the gateway's plugin when it runs), and the errors of a refused start are counted.
 */
function recordStart(outcome: ExecutionArgs | readonly GraphQLError[], started: number): void {
  if (isErrors(outcome)) {
    recordErrors('gateway', outcome);
    return;
  }
  const operation = getOperationAST(outcome.document, outcome.operationName);
  if (operation?.operation === 'subscription') recordOperation('gateway', { name: operation.name?.value ?? null, type: 'subscription' }, (performance.now() - started) / 1000);
}

function isErrors(outcome: ExecutionArgs | readonly GraphQLError[]): outcome is readonly GraphQLError[] {
  return Array.isArray(outcome);
}

/**
 * What every subscription with the same text, operation and variables has alike, made once and
 * shared by all of them (a thousand front ends with the same generated document hold one copy):
 * the document, its parts, the events it wants and the keys it is grouped under.
 */
interface SubscriptionShape {
  /** Without the locations of its nodes, which hold every token of the text. */
  document: DocumentNode;
  parsed: ParsedSubscription;
  filter: EventFilter;
  workspaceId: string;
  /** `${workspaceId}|${parsed.key}`: with the account in front, the key of an outcome group. */
  groupTail: string;
  /** With the account in front, the key of a dispatch: also the field, the order and the response key. */
  dispatchTail: string;
}

/** Distinct subscription shapes kept for reuse; one no longer kept still lives with its subscriptions. */
const SHAPES_KEPT = 1_000;

/** What a subscription needs to be served by a dispatch. */
interface LiveMember extends LiveSubscriber {
  readonly connection: ConnectionState;
  readonly envelope: Buffer;
}

/**
 * The text of a document the gateway runs, printed once: a subscription's completion query runs
 * for every event (Apollo Server takes text, and finds its parsed and validated document by it).
 */
const printedDocuments = new WeakMap<DocumentNode, string>();
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

/** A dispatch's members are written to (and checked) by connection. */
const connectionOf = (member: LiveMember): ConnectionState => member.connection;

interface SubscriptionContext {
  connection: ConnectionState;
  id?: string;
  shape?: SubscriptionShape;
  /** Deliver the events after this position: the cursor given, or the feed's head when subscribing. */
  startAfter?: number;
}

/** What one account holds in this process: subscriptions, and how many use each distinct selection. */
interface AccountUsage {
  subscriptions: number;
  selections: Map<string, number>;
}

/** Whoever waits for a completion: it is skipped once all have left. */
interface Waiting {
  readonly closed: boolean;
}

/** One completion of an event for a selection and scope, shared by the subscribers waiting for it. */
interface Completion {
  result: Promise<ExecutionResult | null>;
  waiters: Set<Waiting>;
}

/** An event's membership check and completion for one account and selection (null: all its subscribers left). */
type Outcome = ExecutionResult | 'not a member' | null;

/**
 * The subscribers of one account and selection at the same event: when a change fans out, they
 * wait on one promise together (one membership check, one completion) instead of each running its
 * own chain of checks.
 */
interface OutcomeGroup {
  outcome: Promise<Outcome>;
  members: Set<FeedWaiter>;
}

/** Distinct selections one account may subscribe with: each costs one execution per event. */
const SELECTIONS_PER_ACCOUNT = 10;
/** Completion queries running at once in this process: an event for many parties queues, it does not stampede. */
const COMPLETION_CONCURRENCY = 16;

function internalError(): GraphQLError {
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function quotaExceeded(message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUOTA_EXCEEDED', limit } });
}

const SUBSCRIBER_MEMBERSHIPS = parse('query SubscriberMemberships { viewer { memberships { workspace { id } } } }');

/**
 * How long a subscriber's memberships are trusted while the gateway cannot read Accounts' changes;
 * they are asked again once half of it has passed.
 */
const MEMBERSHIP_RECHECK_MS = 5_000;
/**
 * How long they are trusted while it can: a change drops them at once (`MembershipWatch`); asking
 * again now and then is only a safety net.
 */
const MEMBERSHIP_WATCHED_MS = 5 * 60_000;

/** How long after it ends an event's read of membership changes still serves the event's later subscribers. */
const CATCH_UP_SHARED_MS = 1_000;

/** An account's memberships as Accounts answered when asked at `checkedAt`. */
interface MembershipCheck {
  checkedAt: number;
  workspaces: Promise<Set<string>>;
  /** A newer check is scheduled or under way (started ahead of expiry). */
  refreshing: boolean;
}

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
  /** Memberships changed by Accounts: a subscriber's known memberships are dropped when they change. */
  membershipChanges: MembershipWatch;
  logger: Logger;
  limits: SubscriptionLimits;
  /** Checked for every operation received over the socket, before it runs; unset: none. */
  checkOperation?: CheckOperation;
  /** The text of a persisted document a subscribe message names by `extensions.persistedQuery`; throws the error to answer. */
  resolveDocument?: (query: string, extensions: unknown) => string | null;
}): { close(): Promise<void>; readonly active: number } {
  const { apollo, schema, feed, keys, sessions, membershipChanges, logger, limits, checkOperation, resolveDocument } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: limits.maxMessageBytes });
  let active = 0;
  const accounts = new Map<string, AccountUsage>();
  const completions = new Map<string, Completion>();
  const queue = new WorkQueue(COMPLETION_CONCURRENCY);
  const writer = new NextMessageWriter();
  // Registered before graphql-ws's own listener: a connection's transport is known before it can subscribe.
  wss.on('connection', (socket, request) => writer.attach(socket, request.socket));

  /** Frees a subscription's slots (connection, account, selection, process); false if it held none. */
  const release = (connection: ConnectionState, id: string): boolean => {
    const key = connection.subscriptions.get(id);
    if (key === undefined) return false;
    connection.subscriptions.delete(id);
    active -= 1;
    const usage = accounts.get(connection.accountId);
    if (usage) {
      usage.subscriptions -= 1;
      const users = (usage.selections.get(key) ?? 1) - 1;
      if (users > 0) usage.selections.set(key, users);
      else usage.selections.delete(key);
      if (usage.subscriptions <= 0) accounts.delete(connection.accountId);
    }
    return true;
  };

  /** Takes a subscription's slots, or says which limit refuses it. Synchronous: racing subscribes cannot pass a limit together. */
  const reserve = (connection: ConnectionState, id: string, selection: string): GraphQLError | null => {
    if (connection.subscriptions.size >= limits.perConnection) {
      return badUserInput(`At most ${limits.perConnection} subscriptions per connection.`);
    }
    const usage = accounts.get(connection.accountId) ?? { subscriptions: 0, selections: new Map<string, number>() };
    if (usage.subscriptions >= limits.perAccount) {
      return quotaExceeded(`At most ${limits.perAccount} subscriptions per account; end one before starting another.`, limits.perAccount);
    }
    if (!usage.selections.has(selection) && usage.selections.size >= SELECTIONS_PER_ACCOUNT) {
      return quotaExceeded(
        `At most ${SELECTIONS_PER_ACCOUNT} different subscription selections per account; subscribe with one you already use.`,
        SELECTIONS_PER_ACCOUNT,
      );
    }
    if (active >= limits.total) {
      return new GraphQLError('The gateway is at its subscription limit; try again later.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }
    connection.subscriptions.set(id, selection);
    active += 1;
    usage.subscriptions += 1;
    usage.selections.set(selection, (usage.selections.get(selection) ?? 0) + 1);
    accounts.set(connection.accountId, usage);
    return null;
  };

  /**
   * Runs an operation through the gateway as `authorization`, with a request id of its own (logs,
   * subgraphs). A client's query or mutation over the socket is charged to its account by the
   * limits, as over HTTP; the gateway's own runs (completing events, checking memberships) are not.
   */
  const run = (
    document: DocumentNode,
    variables: Record<string, unknown>,
    authorization: string,
    charge: { accountId: string; clientIp: string | null } | 'internal',
    operationName?: string | null,
  ): Promise<ExecutionResult> => {
    const requestId = randomUUID();
    const contextValue: GatewayContext & Caller =
      charge === 'internal'
        ? { authorization, requestId, accountId: null, clientIp: null, internal: true }
        : { authorization, requestId, accountId: charge.accountId, clientIp: charge.clientIp };
    return runInRequestScope(requestId, async () => {
      const response = await apollo.executeOperation(
        { query: printed(document), variables, operationName: operationName ?? getOperationAST(document)?.name?.value },
        { contextValue },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here');
      return response.body.singleResult as ExecutionResult;
    });
  };

  /**
   * The workspaces an account belongs to, as Accounts last answered: kept until Accounts changes
   * the account's memberships (its log says so: `membershipChanges`), and in any case asked again
   * after MEMBERSHIP_WATCHED_MS, or after MEMBERSHIP_RECHECK_MS while that log cannot be read. An
   * event is settled only once the changes committed before it are known (`outcomeOf`), so a member
   * removed from the workspace is not sent the events that follow, also when payloads are shared
   * with other subscribers. When Accounts cannot answer, the last answer holds.
   */
  const memberships = new Map<string, MembershipCheck>();
  const unwatch = membershipChanges.onChange((accountId) => memberships.delete(accountId));
  /** Ahead-of-time checks waiting for their turn; cleared when the server closes. */
  const refreshes = new Set<NodeJS.Timeout>();
  let closed = false;
  /** How long the answer of a check started at `checkedAt` is trusted. */
  const trustedFor = (checkedAt: number) => (membershipChanges.trusts(checkedAt) ? MEMBERSHIP_WATCHED_MS : MEMBERSHIP_RECHECK_MS);
  const checkMemberships = (connection: ConnectionState, previous: Promise<Set<string>> | undefined): MembershipCheck => ({
    checkedAt: Date.now(),
    workspaces: run(SUBSCRIBER_MEMBERSHIPS, {}, connection.authorization, 'internal').then(async (result) => {
      const viewer = (result.data as { viewer?: { memberships: { workspace: { id: string } }[] } | null } | null)?.viewer;
      if (viewer) return new Set(viewer.memberships.map((m) => m.workspace.id));
      // Only a refused token means "member of nothing"; any other failure keeps the last answer.
      if (result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return new Set<string>();
      if (previous) return previous;
      throw new GraphQLError('Memberships cannot be checked now; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }),
    refreshing: false,
  });
  /** Asks Accounts for the account's memberships now, sharing the answer with later calls. */
  const askMemberships = (connection: ConnectionState, previous: MembershipCheck | undefined): MembershipCheck => {
    const account = connection.accountId;
    if (memberships.size >= 10_000) {
      for (const [other, old] of memberships) if (Date.now() - old.checkedAt > trustedFor(old.checkedAt)) memberships.delete(other);
    }
    const created = checkMemberships(connection, previous?.workspaces);
    memberships.set(account, created);
    created.workspaces.catch(() => memberships.get(account) === created && memberships.delete(account));
    return created;
  };
  /** Whether the account is a member of `workspaceId`; with `freshBeforeRefusing`, a "no" is asked of Accounts again. */
  const memberOf = async (connection: ConnectionState, workspaceId: string, freshBeforeRefusing = false): Promise<boolean> => {
    const account = connection.accountId;
    const known = memberships.get(account);
    const trusted = known ? trustedFor(known.checkedAt) : 0;
    const age = known ? Date.now() - known.checkedAt : Number.POSITIVE_INFINITY;
    const askedNow = !known || age > trusted;
    const entry = askedNow ? askMemberships(connection, known) : known;
    if (!askedNow && age > trusted / 2 && !entry.refreshing) {
      // Asked again ahead of time, off the delivery path: events flow on the last answer, still
      // within the bound. The accounts an event reaches pass half-age together: each asks after its
      // own random delay, so that their checks spread out instead of joining one event's completion.
      const current = entry;
      current.refreshing = true;
      const refresh = setTimeout(() => {
        refreshes.delete(refresh);
        if (closed || !accounts.has(account) || memberships.get(account) !== current) {
          current.refreshing = false;
          return;
        }
        const next = checkMemberships(connection, current.workspaces);
        next.workspaces.then(
          () => memberships.get(account) === current && memberships.set(account, next),
          () => (current.refreshing = false),
        );
      }, Math.random() * (trusted / 4));
      refresh.unref();
      refreshes.add(refresh);
    }
    if ((await entry.workspaces).has(workspaceId)) return true;
    if (!freshBeforeRefusing || askedNow) return false;
    return (await askMemberships(connection, entry).workspaces).has(workspaceId);
  };

  /**
   * One execution per event and selection for all subscribers when the selection holds only fields
   * every party sees alike (`selectsSharedFieldsOnly`), else one per event, selection and account.
   * A shared answer with errors is not shared: each account then asks with its own token.
   * Executions wait their turn in `queue`, and are skipped when every subscriber waiting for them left.
   */
  const complete = async (event: LoggedEvent, parsed: ParsedSubscription, connection: ConnectionState, waiter: Waiting): Promise<ExecutionResult | null> => {
    const key = parsed.field === 'orderStatusChanged' ? eventCursor(event.position) : event.streamId;
    const execute = async (scope: string): Promise<ExecutionResult | null> => {
      const cacheKey = `${event.position}|${scope}|${parsed.key}`;
      for (let attempt = 0; attempt < 2 && !waiter.closed; attempt++) {
        let completion = completions.get(cacheKey);
        if (!completion) {
          const waiters = new Set<Waiting>([waiter]);
          const authorization = connection.authorization;
          completion = {
            waiters,
            result: queue.run(
              () => traceEventDelivery(event, parsed.field, () => run(parsed.completion, completionVariables(parsed, key), authorization, 'internal')),
              () => [...waiters].some((w) => !w.closed),
              null,
            ),
          };
          const created = completion;
          completions.set(cacheKey, created);
          setTimeout(() => completions.get(cacheKey) === created && completions.delete(cacheKey), 5_000).unref();
        }
        completion.waiters.add(waiter);
        const result = await completion.result;
        if (result) return result;
        // Skipped because its subscribers had left before this one joined: ask again.
        if (completions.get(cacheKey) === completion) completions.delete(cacheKey);
      }
      return null;
    };
    if (parsed.shared) {
      const result = await execute('shared');
      if (!result || (!result.errors?.length && (result.data as { event?: unknown } | null)?.event)) return result;
    }
    return execute(connection.accountId);
  };

  const outcomeGroups = new Map<string, OutcomeGroup>();
  /**
   * The read of membership changes each event's settlement waits for, by the event's position: one
   * for all its groups. Any read started after the event was read from the log (so after its commit)
   * knows every change committed before it; kept a moment after it ends for groups that come later.
   */
  const catchUps = new Map<number, Promise<boolean>>();
  const changesKnownBefore = (event: LoggedEvent): Promise<boolean> => {
    let read = catchUps.get(event.position);
    if (!read) {
      const started = membershipChanges.catchUp();
      catchUps.set(event.position, (read = started));
      void started.finally(() => setTimeout(() => catchUps.get(event.position) === started && catchUps.delete(event.position), CATCH_UP_SHARED_MS).unref());
    }
    return read;
  };
  /**
   * The membership check and completion of `event` for a subscriber, shared with the other
   * subscribers of its account and selection that reach the event at the same time. The group
   * lives until its outcome is known: a subscriber reaching the event later checks anew, so the
   * membership bound holds.
   */
  const outcomeOf = (
    event: LoggedEvent,
    parsed: ParsedSubscription,
    connection: ConnectionState,
    workspaceId: string,
    /** `${accountId}|${shape.groupTail}`. */
    groupKey: string,
    waiter: FeedWaiter,
  ): Promise<Outcome> => {
    const key = `${event.position}|${groupKey}`;
    let group = outcomeGroups.get(key);
    if (!group) {
      const members = new Set<FeedWaiter>();
      const everyoneLeft: Waiting = {
        get closed() {
          for (const member of members) if (!member.closed) return false;
          return true;
        },
      };
      const created: OutcomeGroup = {
        members,
        outcome: (async () => {
          // Membership changes committed before the event are read first (one read shared by the
          // event's subscribers). Meanwhile the completion starts for a known member: it takes far
          // longer, and a member who was just removed is rare.
          const caughtUp = changesKnownBefore(event);
          const known = memberships.get(connection.accountId);
          const early = known && Date.now() - known.checkedAt <= trustedFor(known.checkedAt) && (await known.workspaces.catch(() => null))?.has(workspaceId)
            ? complete(event, parsed, connection, everyoneLeft)
            : null;
          early?.catch(() => {}); // awaited below unless the subscriber turns out not to be a member
          await caughtUp;
          if (!(await memberOf(connection, workspaceId))) return 'not a member';
          if (everyoneLeft.closed) return null;
          return early ?? complete(event, parsed, connection, everyoneLeft);
        })(),
      };
      const forget = () => outcomeGroups.get(key) === created && outcomeGroups.delete(key);
      created.outcome.then(forget, forget);
      outcomeGroups.set(key, (group = created));
    }
    group.members.add(waiter);
    return group.outcome;
  };

  const dispatches = new Map<string, LiveDispatch<LiveMember>>();
  /** The dispatch serving an account's subscriptions of one shape (field, arguments and selection), made when there is none. */
  const dispatchFor = (accountId: string, shape: SubscriptionShape, after: number) => {
    // Made on each look-up, not kept by the subscription: a key holds the whole selection's text.
    const key = `${accountId}|${shape.dispatchTail}`;
    const existing = dispatches.get(key);
    if (existing && !existing.closed) return existing;
    const groupKey = `${accountId}|${shape.groupTail}`;
    const created: LiveDispatch<LiveMember> = new LiveDispatch<LiveMember>(
      feed,
      shape.filter,
      after,
      (event, dispatch) => deliverLive(event, dispatch, shape.parsed, shape.workspaceId, groupKey),
      (error, dispatch) => {
        if (error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE') return { errors: [error] };
        const [member] = dispatch.members;
        logger.error({ err: error, accountId: member?.connection.accountId }, 'subscription failed');
        return { errors: [internalError()] };
      },
      () => dispatches.get(key) === created && dispatches.delete(key),
    );
    dispatches.set(key, created);
    return created;
  };

  /** Why a subscriber may no longer receive events (its session ended, its token expired); null while it may. */
  const endedFor = (connection: ConnectionState, now = Date.now()): ExecutionResult | null => {
    if (sessions.has(connection.sessionId)) return { errors: [unauthenticated('This session has ended; sign in again.')] };
    if (connection.expiresAt <= now) {
      return { errors: [unauthenticated('The token has expired; sign in again and resume with your last cursor.')] };
    }
    return null;
  };

  /** Why an event's outcome ends the subscription instead of being sent; null when it is sent. */
  const refusalOf = (result: Exclude<Outcome, null>): ExecutionResult | null => {
    if (result === 'not a member') return { errors: [forbidden('Only members of this workspace may follow its orders; you are no longer one.')] };
    if (!result.errors?.length && ((result.data as { event?: unknown } | null)?.event ?? null) === null) {
      return { errors: [forbidden('Only members of a party to these orders may follow them; you no longer see this workspace’s orders.')] };
    }
    return null;
  };

  /** How long after its transaction began (its `occurred_at`) an event was written to subscribers' sockets. */
  const observeDelay = (event: LoggedEvent, field: string) => {
    subscriptionDeliveryDelay.observe({ subscription: field }, Math.max(0, Date.now() - event.occurredAt.getTime()) / 1000);
  };

  /**
   * One event for every member of a dispatch: one membership check and completion (shared with
   * the account's other subscribers of the event), then one synchronous pass writing the same
   * payload bytes to each member, all the members of a connection in one write. Sessions and
   * tokens are checked per connection (its members share them), not per member.
   */
  const deliverLive = async (event: LoggedEvent, dispatch: LiveDispatch<LiveMember>, parsed: ParsedSubscription, workspaceId: string, groupKey: string) => {
    const now = Date.now();
    let representative: LiveMember | undefined;
    for (const [connection, members] of dispatch.grouped(connectionOf)) {
      const ended = endedFor(connection, now);
      if (ended) {
        for (const member of members) if (member.after < event.position) dispatch.end(member, ended);
      } else {
        representative ??= members.find((member) => member.after < event.position);
      }
    }
    if (!representative) return;
    const result = await outcomeOf(event, parsed, representative.connection, workspaceId, groupKey, dispatch.waiter);
    if (!result) return; // every member left meanwhile
    const refusal = refusalOf(result);
    if (refusal) {
      for (const member of [...dispatch.members]) if (member.after < event.position) dispatch.end(member, refusal);
      return;
    }
    // Errors (a field of a subgraph that is down, a field this subscriber may not see) travel with the event.
    const payload = encodedEvent(result as ExecutionResult, parsed.responseKey);
    let delivered = 0;
    for (const [connection, all] of dispatch.grouped(connectionOf)) {
      // Joined while the event was settled: it had seen the event already.
      const members = all.every((member) => member.after < event.position) ? all : all.filter((member) => member.after < event.position);
      if (members.length === 0) continue;
      const sent = writer.send(connection.socket, members.map((member) => member.envelope), payload, limits.maxBufferedBytes);
      if (sent === 'sent') {
        for (const member of members) member.after = event.position;
        delivered += members.length;
        continue;
      }
      if (sent === 'slow') logger.warn({ accountId: connection.accountId, bufferedBytes: connection.socket.bufferedAmount }, 'slow subscriber dropped');
      for (const member of members) dispatch.end(member);
    }
    if (delivered) {
      subscriptionEventsDelivered.inc({ subscription: parsed.field }, delivered);
      observeDelay(event, parsed.field);
    }
  };

  /**
   * A subscription's events. Caught up with the feed, it joins the dispatch of its account, field,
   * arguments and selection and waits parked; behind it (resuming from an old cursor), it replays
   * on its own, event by event, until it can join.
   */
  async function* stream(context: Required<SubscriptionContext>, waiter: FeedWaiter): AsyncGenerator<ExecutionResult> {
    const { shape, connection, id } = context;
    const { parsed, filter, workspaceId } = shape;
    const member: LiveMember = { connection, envelope: nextEnvelope(id), waiter, after: context.startAfter };
    try {
      for (;;) {
        const dispatch = dispatchFor(connection.accountId, shape, member.after);
        if (dispatch.join(member)) {
          await new Promise<void>((resolve) => {
            waiter.wake = resolve;
          });
          waiter.wake = null;
          if (waiter.closed) dispatch.leave(member);
          else if (member.ending) yield member.ending;
          return;
        }
        const { events, until } = await feed.next(member.after, filter, waiter);
        if (waiter.closed) return;
        for (const event of events) {
          const ended = endedFor(connection);
          if (ended) {
            yield ended;
            return;
          }
          const result = await outcomeOf(event, parsed, connection, workspaceId, `${connection.accountId}|${shape.groupTail}`, waiter);
          // Nothing is sent, and nothing more is done, for a subscriber that left meanwhile.
          if (waiter.closed || !result) return;
          const refusal = refusalOf(result);
          if (refusal) {
            yield refusal;
            return;
          }
          const sent = writer.send(connection.socket, [member.envelope], encodedEvent(result as ExecutionResult, parsed.responseKey), limits.maxBufferedBytes);
          if (sent === 'sent') {
            subscriptionEventsDelivered.inc({ subscription: parsed.field });
            observeDelay(event, parsed.field);
          }
          if (sent === 'slow') logger.warn({ accountId: connection.accountId, bufferedBytes: connection.socket.bufferedAmount }, 'slow subscriber dropped');
          if (sent !== 'sent') return;
          member.after = event.position;
        }
        member.after = until;
      }
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE') {
        yield { errors: [error] };
        return;
      }
      // graphql-ws would send the raw message (SQL, hosts…): log it, send the masked one.
      logger.error({ err: error, accountId: connection.accountId }, 'subscription failed');
      yield { errors: [internalError()] };
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
            clientIp: ctx.extra.request.socket.remoteAddress ?? null,
            expiresAt: viewer.expiresAt ?? Number.POSITIVE_INFINITY,
            socket: ctx.extra.socket,
            subscriptions: new Map(),
          };
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      async onSubscribe(ctx, id, payload) {
        const started = performance.now();
        const outcome = await start(ctx.extra.state, id, payload);
        recordStart(outcome, started);
        return outcome;
      },
      subscribe(args) {
        const context = args.contextValue as Required<SubscriptionContext>;
        return closable((waiter) => stream(context, waiter));
      },
      async execute(args) {
        const { connection } = args.contextValue as SubscriptionContext;
        try {
          return await run(
            args.document,
            (args.variableValues ?? {}) as Record<string, unknown>,
            connection.authorization,
            { accountId: connection.accountId, clientIp: connection.clientIp },
            args.operationName,
          );
        } catch (error) {
          logger.error({ err: error, accountId: connection.accountId }, 'operation over WebSocket failed');
          return { errors: [internalError()] };
        }
      },
      // The gateway's results carry formatted (masked) errors, not GraphQLError instances: sent as they are.
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as ExecutionResult),
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
      onComplete(ctx, id) {
        if (ctx.extra.state) release(ctx.extra.state, id);
      },
      onClose(ctx) {
        const state = ctx.extra.state;
        if (state) for (const id of [...state.subscriptions.keys()]) release(state, id);
      },
    },
    wss,
    limits.keepAliveMs,
  );

  const untrackMetrics = trackSubscriptionServer({ connections: () => wss.clients.size, subscriptions: () => active });

  const shapes = new Map<string, SubscriptionShape>();
  /** Texts that passed validation against the schema (at most SHAPES_KEPT). */
  const validSources = new Set<string>();
  /** The shape of a subscription whose text was validated already; throws a GraphQLError for a subscription the graph cannot serve. */
  function shapeOf(source: string, operationName: string | null, variables: Record<string, unknown>): SubscriptionShape {
    const key = `${operationName ?? ''}|${JSON.stringify(variables)}|${source}`;
    const known = shapes.get(key);
    if (known) return known;
    const document = parse(source, { noLocation: true });
    const parsed = parseSubscription(getOperationAST(document, operationName)!, document, variables);
    parsed.shared = selectsSharedFieldsOnly(schema, parsed.completion);
    const orderId = parsed.field === 'orderPlaced' ? null : ((parsed.args.orderId as string | null | undefined) ?? null);
    const workspaceId = String(parsed.args.workspaceId ?? parsed.args.isvWorkspaceId);
    const groupTail = `${workspaceId}|${parsed.key}`;
    const shape: SubscriptionShape = {
      document,
      parsed,
      filter: parsed.field === 'orderPlaced' ? partyFilter(workspaceId, null, true) : partyFilter(workspaceId, orderId),
      workspaceId,
      groupTail,
      dispatchTail: `${groupTail}|${parsed.field}|${orderId ?? ''}|${parsed.responseKey}`,
    };
    if (shapes.size >= SHAPES_KEPT) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, shape);
    return shape;
  }

  async function start(connection: ConnectionState | undefined, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
    if (!connection) return [unauthenticated()];
    if (sessions.has(connection.sessionId)) return [unauthenticated('This session has ended; sign in again.')];
    try {
      return await prepare(connection, id, payload);
    } catch (error) {
      // A throw here would close the socket (4500) and every subscription on it: this one fails alone.
      logger.error({ err: error, accountId: connection.accountId }, 'subscribe failed');
      return [error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE' ? error : internalError()];
    }
  }

  /** Checks an operation received over the socket and, for a subscription, takes its slots. */
  async function prepare(
    connection: ConnectionState,
    id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    let document: DocumentNode;
    let source: string;
    try {
      source = resolveDocument?.(payload.query, payload.extensions) ?? payload.query;
      document = parse(source, limits.maxTokens ? { maxTokens: limits.maxTokens } : undefined);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.')];
    }
    // Validation depends on the text alone: a text that passed once is not walked again (a storm
    // of reconnecting front ends sends the same few documents thousands of times).
    if (!validSources.has(source)) {
      const errors = validate(schema, document);
      if (errors.length) return errors;
      if (validSources.size >= SHAPES_KEPT) validSources.delete(validSources.values().next().value!);
      validSources.add(source);
    }
    const variables = (payload.variables ?? {}) as Record<string, unknown>;
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [badUserInput('Name the operation to run (operationName).')];
    const refused = await checkOperation?.(document, variables, {
      viewer: { accountId: connection.accountId, sessionId: connection.sessionId, expiresAt: connection.expiresAt },
      clientIp: connection.clientIp,
      operationName: payload.operationName ?? null,
    });
    if (refused?.length) return refused;
    const contextValue: SubscriptionContext = { connection, id };
    if (operation.operation === 'subscription') {
      let shape: SubscriptionShape;
      try {
        shape = shapeOf(source, payload.operationName ?? null, variables);
      } catch (error) {
        return [error as GraphQLError];
      }
      const { parsed } = shape;
      // Kept while the subscription lives: the shared copy without locations. This one was checked
      // above with them, so errors still point into the text.
      document = shape.document;
      const after = parsed.args.after == null ? null : positionOf(String(parsed.args.after));
      if (parsed.args.after != null && after === null) return [badUserInput('`after` is not an order event cursor.', 'after')];
      // The slots are taken before the membership check awaits: racing subscribes cannot pass the limits together.
      const limited = reserve(connection, id, parsed.key);
      if (limited) return [limited];
      try {
        if (!(await memberOf(connection, shape.workspaceId, true))) {
          release(connection, id);
          return [forbidden('Only members of that workspace may subscribe to its orders.')];
        }
      } catch (error) {
        release(connection, id);
        throw error;
      }
      contextValue.shape = shape;
      // Whatever commits after the subscription counts as active is delivered.
      contextValue.startAfter = after ?? feed.position;
    }
    return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue } satisfies ExecutionArgs;
  }

  return {
    get active() {
      return active;
    },
    async close() {
      closed = true;
      unwatch();
      for (const refresh of refreshes) clearTimeout(refresh);
      refreshes.clear();
      untrackMetrics();
      // Clients are told the server is going away (1001) and may resume with their cursor elsewhere.
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      logger.debug('subscriptions closed');
    },
  };
}
