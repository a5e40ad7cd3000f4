// The floor under bench:subscriptions on this machine: the fan-out alone. A process that holds
// BENCH_SUBSCRIBERS subscriptions (10 per WebSocket connection, as in bench:subscriptions) writes
// one event's `next` messages to all of them with the gateway's own writer (NextMessageWriter: one
// encoded payload, each connection's frames in one write), once a second; this process plays the
// subscribers, at the same niceness as bench:subscriptions' reader, and stamps each connection's
// bytes as it reads them off its socket. No database, no completion, no GraphQL: what is left of
// the 50 ms once the machine has written and read 10,000 messages.
//   npx tsx scripts/bench/fan-out-floor.ts   (after a build: it uses gateway/dist)
//   BENCH_SUBSCRIBERS (default 10,000), BENCH_TRANSITIONS (events measured, default 30),
//   BENCH_WARM_UP (events before, default 15), BENCH_CLIENT_NICE (default 10)
import { fork, type ChildProcess } from 'node:child_process';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { frameHeaderLength, nextEnvelope, NextMessageWriter } from '../../gateway/dist/subscriptions/delivery.js';
import { lowerOwnPriority, percentile } from './platform-process.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const EVENTS = Number(process.env.BENCH_TRANSITIONS ?? 30);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 15);
const CLIENT_NICE = Number(process.env.BENCH_CLIENT_NICE ?? 10);
const PER_CONNECTION = 10;
const CONNECTIONS = Math.ceil(SUBSCRIBERS / PER_CONNECTION);

type ToServer = { fire: true };
type Fired = { firedAt: number; passMs: number; bytesPerConnection: number };
type FromServer = { port: number } | Fired;

/** The writing side, in a process of its own (as the gateway): one `next` message per subscription per event. */
function serve(): void {
  const writer = new NextMessageWriter();
  const sockets: WebSocket[] = [];
  const envelopes = Array.from({ length: PER_CONNECTION }, (_, index) => nextEnvelope(String(index)));
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  server.on('connection', (socket, request) => {
    writer.attach(socket, request.socket as Duplex);
    sockets.push(socket);
  });
  server.on('listening', () => process.send!({ port: (server.address() as { port: number }).port } satisfies FromServer));
  let position = 0;
  process.on('message', (_message: ToServer) => {
    const firedAt = Date.now();
    position += 1;
    // The shape and size of bench:subscriptions' payload, encoded once per event.
    const payload = Buffer.from(
      JSON.stringify({
        data: {
          orderStatusChanged: {
            cursor: Buffer.from(`orders:${position}`).toString('base64url'),
            from: 'PENDING_CONFIRMATION',
            to: 'IN_DEVELOPMENT',
            at: new Date(firedAt).toISOString(),
            order: {
              number: `MP-2026-${String(position).padStart(6, '0')}`,
              status: 'IN_DEVELOPMENT',
              service: { name: 'Storefront mini program build', isv: { name: 'Bench ISV workspace' } },
              merchant: { name: 'Bench merchant workspace' },
              miniProgram: { name: 'Bench storefront' },
            },
          },
        },
      }),
    );
    for (const socket of sockets) writer.send(socket, envelopes, payload, 4 * 1024 * 1024);
    // Each message as the writer frames it: header, envelope, payload, `}`.
    const bytesPerConnection = envelopes.reduce((sum, envelope) => {
      const length = envelope.length + payload.length + 1;
      return sum + frameHeaderLength(length) + length;
    }, 0);
    process.send!({ firedAt, passMs: Date.now() - firedAt, bytesPerConnection } satisfies FromServer);
  });
}

async function measure(): Promise<void> {
  const server = fork(fileURLToPath(import.meta.url), ['serve'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const nextMessage = <T extends FromServer>() => new Promise<T>((resolve) => server.once('message', (message: FromServer) => resolve(message as T)));
  try {
    await measureWith(server, nextMessage);
  } finally {
    server.kill();
  }
}

async function measureWith(server: ChildProcess, nextMessage: <T extends FromServer>() => Promise<T>): Promise<void> {
  const { port } = await nextMessage<{ port: number }>();
  /** Bytes each connection has read since the current event was fired, and when it read the last of them. */
  const received = new Array<number>(CONNECTIONS).fill(0);
  const completedAt = new Array<number>(CONNECTIONS).fill(0);
  const clients: WebSocket[] = [];
  for (let wave = 0; wave < CONNECTIONS; wave += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CONNECTIONS - wave) }, (_, offset) => {
        const index = wave + offset;
        const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
        clients.push(client);
        return new Promise<void>((resolve, reject) => {
          client.once('error', reject);
          client.once('open', () => {
            // Stamped as read off the socket, before ws parses it (as bench:subscriptions does).
            (client as unknown as { _socket: Duplex })._socket.prependListener('data', (chunk: Buffer) => {
              received[index]! += chunk.length;
              completedAt[index] = Date.now();
            });
            resolve();
          });
        });
      }),
    );
  }
  const restorePriority = lowerOwnPriority(CLIENT_NICE);
  const latencies: number[] = [];
  const eventP99s: number[] = [];
  const lastReceipts: number[] = [];
  const passes: number[] = [];
  for (let event = 0; event < WARM_UP + EVENTS; event += 1) {
    received.fill(0);
    const fired = nextMessage<Fired>();
    server.send({ fire: true } satisfies ToServer);
    const { firedAt, passMs, bytesPerConnection } = await fired;
    // Each connection's bytes of this event have been read, or 2 s have passed.
    const deadline = Date.now() + 2000;
    while (received.some((bytes) => bytes < bytesPerConnection) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const missing = received.filter((bytes) => bytes < bytesPerConnection).length;
    if (missing > 0) throw new Error(`${missing} connections did not receive event ${event} within 2 s`);
    if (event >= WARM_UP) {
      const eventLatencies = completedAt.map((at) => at - firedAt);
      for (const latency of eventLatencies) for (let copy = 0; copy < PER_CONNECTION; copy += 1) latencies.push(latency);
      eventP99s.push(percentile(eventLatencies.sort((a, b) => a - b), 99));
      lastReceipts.push(Math.max(...eventLatencies));
      passes.push(passMs);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - firedAt))));
  }
  restorePriority();
  for (const client of clients) client.terminate();
  console.log(`\nThe fan-out alone: ${CONNECTIONS * PER_CONNECTION} subscriptions on ${CONNECTIONS} connections, ${EVENTS} events at 1/s, read at niceness +${CLIENT_NICE}`);
  const median = (values: number[]) => percentile(values.sort((a, b) => a - b), 50);
  latencies.sort((a, b) => a - b);
  console.table([
    {
      'p50 ms': percentile(latencies, 50),
      'p99 ms': percentile(latencies, 99),
      'p99 of an event, median ms': median(eventP99s),
      'last receipt, median ms': median(lastReceipts),
      'writer pass, median ms': median(passes),
    },
  ]);
}

if (process.argv[2] === 'serve') serve();
else await measure();

