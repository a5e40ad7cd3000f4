// BENCH_SUBSCRIBERS (default 1,000) concurrent subscribers of orderStatusChanged on one gateway
// process, each order transition fanned out to all of them: delivery latency p50/p99 from the
// event's commit (its `at`: when its transaction began, a little before the commit) to receipt,
// as the client reads the bytes off its TCP socket ("handled p99": to graphql-ws's handler, which
// adds this one receiving process's queue of 10,000 messages to parse), deliveries per second, the
// platform process's RSS (idle, with the subscribers, peak), and the platform's CPU time per 1,000
// deliveries (the figure to compare on a loaded machine: latency there measures the neighbours
// too), the platform's own side (commit to bytes written, from its delivery-delay histogram: the
// one receiving process here reads 1,000 sockets one after another, which subscribers on their own
// machines do not), the median over events of each event's p99 (steadier than the p99 of the run,
// which one event slowed by the machine makes), then p50/p99 by the status each event moved to.
// In the distributed mode the platform process is the gateway, its subgraphs run apart.
//   npm run bench:subscriptions     (BENCH_SUBSCRIBERS=1000, BENCH_TRANSITIONS=100, BENCH_MODES=embedded|postgres|distributed,
//                                     BENCH_RATE=5 for 5 transitions a second instead of back to back,
//                                     BENCH_CONNECT_WAVE=100 connections opened at a time)
//   BENCH_SUBSCRIBERS=10000 BENCH_TRANSITIONS=10 BENCH_RATE=1 BENCH_MODES=postgres npm run bench:subscriptions
//   SUBGRAPH_CACHE_BYTES=0: the gateway asks every subgraph afresh for each event's completion (as RESPONSE_CACHE_BYTES for answers).
//   SUBGRAPH_TRANSPORT=http or in-process: how the gateway reaches the subgraphs of its process (default: in-process on Postgres).
//   BENCH_PLATFORM_NODE_OPTIONS: NODE_OPTIONS of the platform process, e.g. a --require that profiles it.
//   BENCH_WARM_UP (default 15): transitions before measuring, each fanned out to every subscriber.
//   BENCH_CLIENT_NICE (default 10): this process's niceness while it plays the subscribers (0: as the platform's).
import { randomBytes, randomUUID } from 'node:crypto';
import {
  AcceptOrderDocument,
  AddWorkspaceMemberDocument,
  ApproveOrderClosureDocument,
  ApproveServiceDocument,
  ApproveVerificationDocument,
  ConfirmOrderDocument,
  CreateMiniProgramDocument,
  CreateServiceDocument,
  CreateUploadDocument,
  CreateWorkspaceDocument,
  PlaceOrderDocument,
  RequestOrderClosureDocument,
  SignInDocument,
  SignUpDocument,
  SubmitServiceForReviewDocument,
  SubmitVerificationDocument,
  createPlatformClient,
  type PlatformClient,
} from '@mpp/client';
import { png, sha256 } from '@mpp/testkit';
import { createClient } from 'graphql-ws';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { cacheEnvironment, lowerOwnPriority, modesToRun, percentile, startPlatform, type Mode } from './platform-process.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const TRANSITIONS = Number(process.env.BENCH_TRANSITIONS ?? 100);
const ACCOUNTS_PER_PARTY = 10;
const PER_CONNECTION = 10;
const CONNECT_WAVE = Number(process.env.BENCH_CONNECT_WAVE ?? 100);
/** Transitions per second; 0: back to back, as fast as the platform takes them. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
/**
 * The subscribers stand for clients on machines of their own: this process, which reads and parses
 * all their messages, yields the cores to the platform and its database when both want them. It
 * reads the sockets later, if anything, so the latencies it records are not flattered.
 */
const CLIENT_NICE = Number(process.env.BENCH_CLIENT_NICE ?? 10);

/**
 * When the message graphql-ws is handling arrived. All receiving clients share this one process, so
 * handling 10,000 messages one after another (ws framing, JSON, graphql-ws) would add its own
 * queue to the latency measured, which subscribers on their own machines do not have: each chunk
 * is stamped as it is read off its TCP socket, and handed to ws (and so to graphql-ws) later, a few
 * chunks at a time, so that reading (and stamping) the other sockets goes on between them.
 */
let arrivedAt = 0;
const arrivals: (() => void)[] = [];
/** Chunks handled per turn; between two turns the event loop reads (and stamps) what arrived meanwhile. */
const CHUNKS_PER_TURN = 8;
function handleArrivals(): void {
  for (const handle of arrivals.splice(0, CHUNKS_PER_TURN)) handle();
  if (arrivals.length > 0) setImmediate(handleArrivals);
}
type SocketListener = (this: Duplex, ...args: unknown[]) => void;
class ArrivalStampedWebSocket extends WebSocket {
  /**
   * ws's own hook for a socket whose upgrade succeeded (not in its typings): its readers of the
   * socket (data, and end and close after it, in order) are put behind the stamp.
   */
  setSocket(socket: Duplex, head: Buffer, options: unknown): void {
    (WebSocket.prototype as unknown as { setSocket(socket: Duplex, head: Buffer, options: unknown): void }).setSocket.call(this, socket, head, options);
    for (const event of ['data', 'end', 'close'] as const) {
      const listeners = socket.listeners(event) as SocketListener[];
      socket.removeAllListeners(event);
      socket.on(event, (...args: unknown[]) => {
        const at = Date.now();
        if (arrivals.length === 0) setImmediate(handleArrivals);
        arrivals.push(() => {
          if (event === 'data') arrivedAt = at;
          for (const listener of listeners) listener.apply(socket, args);
        });
      });
    }
  }
}

const SUBSCRIPTION = `subscription Bench($workspaceId: ID!) {
  orderStatusChanged(workspaceId: $workspaceId) {
    cursor from to at
    order { number status service { name isv { name } } merchant { name } miniProgram { name } }
  }
}`;

/**
 * The platform's `platform_subscription_delivery_delay_seconds` buckets for orderStatusChanged
 * (cumulative counts by upper bound in ms), as its /metrics says now.
 */
async function deliveryDelayBuckets(metricsUrl: string): Promise<Map<number, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const buckets = new Map<number, number>();
  for (const [, labels, count] of text.matchAll(/^platform_subscription_delivery_delay_seconds_bucket\{([^}]*)\} (\d+)$/gm)) {
    const le = /le="([^"]+)"/.exec(labels!)?.[1];
    if (!le || !labels!.includes('subscription="orderStatusChanged"')) continue;
    buckets.set(le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le) * 1000, Number(count));
  }
  return buckets;
}

/**
 * The upper bound (ms) of the bucket holding quantile `q` of the groups written (one observation
 * per group of subscribers written together: here 20 groups of equal size per event).
 */
function bucketBound(buckets: Map<number, number>, q: number): number | string {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Number.POSITIVE_INFINITY) ?? 0;
  if (total === 0) return 'n/a';
  const bound = bounds.find((le) => (buckets.get(le) ?? 0) >= q * total)!;
  return Number.isFinite(bound) ? bound : '> 10 s';
}

async function onboard(url: string) {
  const anonymous = createPlatformClient({ url });
  const signUp = async (prefix: string) => {
    const email = `${prefix}.${randomBytes(3).toString('hex')}@bench.example`;
    const { signUp } = await anonymous.execute(SignUpDocument, { input: { email, password: 'a long password', displayName: prefix } });
    return { email, token: signUp.token!, client: createPlatformClient({ url, token: signUp.token }) };
  };
  const { signIn } = await anonymous.execute(SignInDocument, { input: { email: 'admin@bench.example', password: 'bench admin password' } });
  const admin = createPlatformClient({ url, token: signIn.token });
  const party = async (kind: 'ISV' | 'MERCHANT') => {
    const owner = await signUp(kind.toLowerCase());
    const { createWorkspace } = await owner.client.execute(CreateWorkspaceDocument, { input: { kind, name: `Bench ${kind}` } });
    const id = createWorkspace.workspace!.id;
    await owner.client.execute(SubmitVerificationDocument, { input: { workspaceId: id, companyName: `${kind} Ltd`, registrationNumber: 'R-1', country: 'SG' } });
    await admin.execute(ApproveVerificationDocument, { input: { workspaceId: id } });
    const members = [owner];
    while (members.length < ACCOUNTS_PER_PARTY) {
      const member = await signUp(`${kind.toLowerCase()}-member`);
      await owner.client.execute(AddWorkspaceMemberDocument, { input: { workspaceId: id, email: member.email, role: 'DEVELOPER' } });
      members.push(member);
    }
    return { id, owner, members };
  };
  const isv = await party('ISV');
  const merchant = await party('MERCHANT');
  const { createService } = await isv.owner.client.execute(CreateServiceDocument, {
    input: {
      isvWorkspaceId: isv.id,
      name: 'Bench studio',
      industry: 'Retail',
      type: 'MINI_PROGRAM_DEVELOPMENT',
      description: 'We build mini programs end to end, quickly.',
      images: ['https://cdn.example.com/a.png'],
      applicableApps: ['Alipay+'],
      price: { amount: 100000, currency: 'USD' },
      companyInfo: { name: 'Bench Ltd', contactEmail: 'sales@bench.example' },
    },
  });
  const serviceId = createService.service!.id;
  await isv.owner.client.execute(SubmitServiceForReviewDocument, { input: { serviceId } });
  await admin.execute(ApproveServiceDocument, { input: { serviceId } });
  const logo = png(64, 64);
  const { createUpload } = await merchant.owner.client.execute(CreateUploadDocument, {
    input: { purpose: 'LOGO', filename: 'logo.png', contentType: 'image/png', byteSize: logo.length, sha256: sha256(logo) },
  });
  await fetch(createUpload.upload!.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: logo });
  const { createMiniProgram } = await merchant.owner.client.execute(CreateMiniProgramDocument, {
    input: {
      merchantWorkspaceId: merchant.id,
      targetApp: 'Alipay China',
      name: 'Bench shop',
      tagline: 'Benchmarks, delivered',
      description: 'A mini program that exists to be ordered many times.',
      logoUploadId: createUpload.upload!.uploadId,
      industry: 'Retail',
      contactPhone: '0571-88888888',
      contactEmail: 'shop@bench.example',
    },
  });
  return { isv, merchant, serviceId, miniProgramId: createMiniProgram.miniProgram!.id };
}

/** Transitions before measuring (default: three orders from placement to closing). */
const WARM_UP_TRANSITIONS = Number(process.env.BENCH_WARM_UP ?? 15);

/** The transitions of orders, one after another, as the two parties take them. */
async function* transitions(deal: Awaited<ReturnType<typeof onboard>>, merchant: PlatformClient, isv: PlatformClient) {
  for (;;) {
    const { placeOrder } = await merchant.execute(PlaceOrderDocument, {
      input: { serviceId: deal.serviceId, miniProgramId: deal.miniProgramId, requirements: 'bench', idempotencyKey: randomUUID() },
    });
    yield;
    const input = { orderId: placeOrder.order!.id };
    await isv.execute(AcceptOrderDocument, { input });
    yield;
    await merchant.execute(ConfirmOrderDocument, { input });
    yield;
    await isv.execute(RequestOrderClosureDocument, { input });
    yield;
    await merchant.execute(ApproveOrderClosureDocument, { input });
    yield;
  }
}

async function measure(mode: Mode) {
  const platform = await startPlatform(mode, {
    SUBSCRIPTIONS_PER_CONNECTION: String(PER_CONNECTION),
    SUBSCRIPTIONS_PER_ACCOUNT: String(SUBSCRIBERS),
    MAX_SUBSCRIPTIONS: String(SUBSCRIBERS * 2),
    // A few accounts open thousands of subscriptions and place orders back to back: the rate limit
    // would refuse most of it, and that is not what is measured here.
    RATE_LIMIT_POINTS: '0',
    SIGN_IN_FAILURES_PER_EMAIL: '1000000',
    SIGN_IN_FAILURES_PER_IP: '1000000',
    ...cacheEnvironment(),
    // e.g. `--require ./profiler.cjs` to profile the platform process (Node 20 refuses --cpu-prof there).
    ...(process.env.BENCH_PLATFORM_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_PLATFORM_NODE_OPTIONS } : {}),
  });
  const sockets: ReturnType<typeof createClient>[] = [];
  // Lowered only now that the platform runs (a child starts with its parent's niceness), restored at the end.
  const restorePriority = lowerOwnPriority(CLIENT_NICE);
  try {
    const deal = await onboard(platform.url);
    const rssIdle = platform.rssMiB();
    const accounts = [...deal.merchant.members.map((m) => ({ ...m, workspaceId: deal.merchant.id })), ...deal.isv.members.map((m) => ({ ...m, workspaceId: deal.isv.id }))];
    const latencies: number[] = [];
    /** From commit to graphql-ws's handler: includes the receiving process's own queue. */
    const handledLatencies: number[] = [];
    /**
     * Each event's latencies in order of receipt: its first is the path through the gateway before
     * the fan-out, and the median over events of each event's p99 moves little when one event of
     * the run is slowed by the machine (a p99 over all deliveries is that event's tail).
     */
    const byEvent = new Map<string, number[]>();
    /** Latencies by the status an event moved to: a placement (NEW) costs the platform more than a later step. */
    const byTransition = new Map<string, number[]>();
    let delivered = 0;
    let firstDelivery = 0;
    let lastDelivery = 0;
    let acknowledged = 0;
    const wsUrl = platform.url.replace(/^http/, 'ws');
    for (let s = 0; s < SUBSCRIBERS; s += PER_CONNECTION) {
      const account = accounts[(s / PER_CONNECTION) % accounts.length]!;
      const socket = createClient({ url: wsUrl, webSocketImpl: ArrivalStampedWebSocket, connectionParams: { authorization: `Bearer ${account.token}` }, retryAttempts: 0 });
      sockets.push(socket);
      for (let i = 0; i < PER_CONNECTION && s + i < SUBSCRIBERS; i++) {
        socket.subscribe(
          { query: SUBSCRIPTION, variables: { workspaceId: account.workspaceId } },
          {
            next: (result) => {
              const now = arrivedAt;
              const event = (result.data as { orderStatusChanged?: { at: string; cursor: string; to: string } } | undefined)?.orderStatusChanged;
              if (!event) return;
              const committedAt = Date.parse(event.at);
              const latency = now - committedAt;
              latencies.push(latency);
              const ofTransition = byTransition.get(event.to) ?? [];
              if (ofTransition.push(latency) === 1) byTransition.set(event.to, ofTransition);
              handledLatencies.push(Date.now() - committedAt);
              const ofEvent = byEvent.get(event.cursor);
              if (ofEvent) ofEvent.push(latency);
              else byEvent.set(event.cursor, [latency]);
              delivered += 1;
              firstDelivery ||= now;
              lastDelivery = now;
            },
            error: (error) => console.error('subscription error', error),
            complete: () => {},
          },
        );
      }
      socket.on('connected', () => (acknowledged += 1));
      // Connections open in waves (BENCH_CONNECT_WAVE at a time, each wave acknowledged first):
      // what is measured is the fan-out, not a storm of simultaneous handshakes.
      const opened = sockets.length;
      if (opened % CONNECT_WAVE === 0) {
        for (let i = 0; acknowledged < opened && i < 1200; i++) await new Promise((r) => setTimeout(r, 50));
      }
    }
    // Barrier: one warm-up transition reaches every subscriber, so all are registered before measuring.
    const expectedConnections = Math.ceil(SUBSCRIBERS / PER_CONNECTION);
    for (let i = 0; acknowledged < expectedConnections && i < 2400; i++) await new Promise((r) => setTimeout(r, 50));
    const steps = transitions(deal, deal.merchant.owner.client, deal.isv.owner.client);
    const warmUp = async () => {
      await steps.next();
      await new Promise((r) => setTimeout(r, 500));
    };
    let warmUps = 0;
    for (; warmUps < 100 && delivered < SUBSCRIBERS; warmUps++) await warmUp();
    if (delivered < SUBSCRIBERS) throw new Error(`only ${delivered} of ${SUBSCRIBERS} subscribers answer`);
    // Then more transitions, whole orders' lives: what is measured is a gateway that has been serving
    // a while (every step's plan kept, the fan-out's code optimized by V8), not a cold start.
    for (; warmUps < WARM_UP_TRANSITIONS; warmUps++) await warmUp();
    await new Promise((r) => setTimeout(r, 1000));
    latencies.length = 0;
    byTransition.clear();
    handledLatencies.length = 0;
    byEvent.clear();
    delivered = 0;
    firstDelivery = 0;

    const metricsUrl = platform.url.replace(/\/graphql$/, '/metrics');
    const delaysBefore = await deliveryDelayBuckets(metricsUrl);
    const cpuBefore = platform.cpuMs();
    const rssBefore = platform.rssMiB();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, platform.rssMiB())), 200);
    // This process's own collections while it measures: a pause here delays the stamps of whatever
    // arrives meanwhile, which the platform is not to blame for.
    const clientPauses: number[] = [];
    const collections = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) clientPauses.push(entry.duration);
    });
    collections.observe({ entryTypes: ['gc'] });
    const started = Date.now();
    for (let t = 0; t < TRANSITIONS; t++) {
      await steps.next();
      if (RATE > 0) {
        const due = started + ((t + 1) * 1000) / RATE;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      }
    }
    const mutationsDone = Date.now();
    const expected = SUBSCRIBERS * TRANSITIONS;
    for (let i = 0; delivered < expected && i < 1200; i++) await new Promise((r) => setTimeout(r, 50));
    clearInterval(sampler);
    collections.disconnect();
    const cpuUsedMs = platform.cpuMs() - cpuBefore;
    const delays = await deliveryDelayBuckets(metricsUrl);
    for (const [bound, count] of delaysBefore) delays.set(bound, (delays.get(bound) ?? 0) - count);
    latencies.sort((a, b) => a - b);
    handledLatencies.sort((a, b) => a - b);
    const firsts = [...byEvent.values()].map((values) => values[0]!).sort((a, b) => a - b);
    const eventP99s = [...byEvent.values()].map((values) => percentile([...values].sort((a, b) => a - b), 99)).sort((a, b) => a - b);
    const transitionRows = [...byTransition].map(([to, values]) => {
      values.sort((a, b) => a - b);
      return { mode, 'moved to': to, deliveries: values.length, 'p50 ms': percentile(values, 50), 'p99 ms': percentile(values, 99) };
    });
    const summary = {
      mode,
      subscribers: SUBSCRIBERS,
      transitions: TRANSITIONS,
      pace: RATE > 0 ? `${RATE}/s` : 'back to back',
      delivered: `${delivered}/${expected}`,
      'p50 ms': percentile(latencies, 50),
      'p99 ms': percentile(latencies, 99),
      'first receipt p50 ms': percentile(firsts, 50),
      'p99 of an event, median ms': percentile(eventP99s, 50),
      'handled p99 ms': percentile(handledLatencies, 99),
      // The platform's own side: commit to the bytes written, by its histogram (bucket bounds).
      'written p50 ms ≤': bucketBound(delays, 0.5),
      'written p99 ms ≤': bucketBound(delays, 0.99),
      'deliveries/s': Math.round(delivered / (Math.max(lastDelivery, mutationsDone) - Math.min(firstDelivery || started, started)) * 1000),
      // CPU time the platform spent per 1,000 deliveries: unlike latency, it hardly moves with the machine's load.
      'platform CPU ms/1k deliveries': delivered ? Math.round((cpuUsedMs * 10_000) / delivered) / 10 : NaN,
      'transitions/s': Math.round((TRANSITIONS / (mutationsDone - started)) * 1000 * 10) / 10,
      'RSS idle MiB': Math.round(rssIdle),
      'RSS subscribed MiB': Math.round(rssBefore),
      'RSS peak MiB': Math.round(rssPeak),
      'RSS growth MiB': Math.round(rssPeak - rssIdle),
      'client GC pauses ms, longest': Math.round(Math.max(0, ...clientPauses)),
    };
    return { summary, transitionRows };
  } finally {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await platform.stop();
    restorePriority();
  }
}

const runs = [];
for (const mode of modesToRun()) runs.push(await measure(mode));
console.log(
  `\nLive order subscriptions: ${SUBSCRIBERS} subscribers (${ACCOUNTS_PER_PARTY} accounts per party, ${PER_CONNECTION} per connection, ` +
    `read at niceness +${CLIENT_NICE}), ${TRANSITIONS} transitions`,
);
console.table(runs.map((run) => run.summary));
console.log('By the status each event moved to:');
console.table(runs.flatMap((run) => run.transitionRows));
