import { traceEventWork, type LoggedEvent } from '@mpp/kit';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';

/**
 * Close code of a subscriber whose socket has more than the allowed bytes waiting to be sent: it
 * does not read as fast as events come. graphql-ws clients treat it as retryable; a client
 * reconnects and resumes with the cursor of the last event it received.
 */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4008;
export const SLOW_SUBSCRIBER_CLOSE_REASON = 'Subscriber too slow: resume with your last cursor';

/**
 * Errors as they go on the wire: ours are GraphQLErrors, the gateway's come already formatted (and
 * masked). `extensions.http` is the HTTP status an error asks for: it means nothing on a socket.
 */
export function formatErrors(errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (!(error instanceof GraphQLError)) return error;
    const formatted = error.toJSON();
    if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
    const { http: _http, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  });
}

/** A result as the payload of a `next` message. */
export function formatResult(result: ExecutionResult): Record<string, unknown> {
  const { errors, ...rest } = result;
  return errors?.length ? { ...rest, errors: formatErrors(errors) } : rest;
}

/**
 * Payloads encoded once per completion result and response key: every subscriber sharing that
 * result is sent the same bytes (weakly held: gone with the result).
 */
const encodedPayloads = new WeakMap<ExecutionResult, Map<string, Buffer>>();

/** The `next` payload of one event for a subscription whose field answers under `responseKey`, encoded once. */
export function encodedEvent(result: ExecutionResult, responseKey: string): Buffer {
  let byKey = encodedPayloads.get(result);
  if (!byKey) encodedPayloads.set(result, (byKey = new Map()));
  let encoded = byKey.get(responseKey);
  if (!encoded) {
    const event = (result.data as { event?: unknown } | null | undefined)?.event ?? null;
    // The field is non-null: without it there is no data, only the errors saying why.
    const payload = formatResult({ data: event === null ? null : { [responseKey]: event }, ...(result.errors ? { errors: result.errors } : {}) });
    encoded = Buffer.from(JSON.stringify(payload));
    byKey.set(responseKey, encoded);
  }
  return encoded;
}

/** What comes before the payload in a subscription's `next` messages (after it: `}`). */
export function nextEnvelope(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

const NEXT_SUFFIX = 0x7d; // '}'

/** The bytes of the header `writeTextFrameHeader` writes for a frame of `length` bytes. */
export function frameHeaderLength(length: number): number {
  return length < 126 ? 2 : length < 65_536 ? 4 : 10;
}

/**
 * Writes the header of an unmasked, unfragmented WebSocket text frame of `length` bytes (RFC 6455,
 * 5.2) at `offset`; returns the offset after it.
 */
export function writeTextFrameHeader(target: Buffer, offset: number, length: number): number {
  target[offset] = 0x81;
  if (length < 126) {
    target[offset + 1] = length;
    return offset + 2;
  }
  if (length < 65_536) {
    target[offset + 1] = 126;
    target.writeUInt16BE(length, offset + 2);
    return offset + 4;
  }
  target[offset + 1] = 127;
  target.writeBigUInt64BE(BigInt(length), offset + 2);
  return offset + 10;
}

/** The messages of a connection larger than this are laid out in a buffer of their own. */
const SCRATCH_BYTES = 64 * 1024;

/**
 * Sends graphql-ws `next` messages whose payload is already encoded: each subscription's envelope
 * around the shared payload bytes (no JSON per socket), framed here as WebSocket text frames, and
 * all the messages of one connection written to its TCP socket in one call. A fan-out costs about
 * one system call per connection, whatever its number of subscriptions: ws would copy each
 * message, frame it and write it in two pieces, each with its own callback, and even corked
 * writes leave through writev with a callback per piece. The order of messages holds: ws writes
 * to the same socket, synchronously. A connection that negotiated an extension (the server offers
 * none) is sent through ws.
 */
export class NextMessageWriter {
  /** The TCP socket under each WebSocket, from its upgrade request. */
  private readonly transports = new WeakMap<WebSocket, Duplex>();
  /**
   * Where a connection's messages are laid out before their write. A write to a socket usually
   * goes to the kernel at once (copied there): the same memory then serves the next connection,
   * already touched and in cache, where a fresh buffer per connection cost a page fault or two
   * each (in a fan-out to 1,000 connections, as much as the copying). Replaced when a write could
   * not leave at once: the socket still holds its bytes.
   */
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  attach(socket: WebSocket, transport: Duplex): void {
    this.transports.set(socket, transport);
  }

  /**
   * One `next` message per envelope, all carrying `payload`, to `socket`. A socket with more than
   * `maxBufferedBytes` still unsent from earlier writes is closed with SLOW_SUBSCRIBER_CLOSE_CODE
   * instead: the messages given here together never count against it.
   */
  send(socket: WebSocket, envelopes: readonly Buffer[], payload: Buffer, maxBufferedBytes: number): 'sent' | 'closed' | 'slow' {
    if (socket.readyState !== WebSocket.OPEN) return 'closed';
    if (socket.bufferedAmount > maxBufferedBytes) {
      socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_CLOSE_REASON);
      return 'slow';
    }
    const transport = this.transports.get(socket);
    if (!transport || socket.extensions !== '') {
      for (const envelope of envelopes) socket.send(Buffer.concat([envelope, payload, Buffer.of(NEXT_SUFFIX)]), { binary: false });
      return 'sent';
    }
    let bytes = 0;
    for (const envelope of envelopes) {
      const length = envelope.length + payload.length + 1;
      bytes += frameHeaderLength(length) + length;
    }
    const buffer = bytes <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(bytes);
    let offset = 0;
    for (const envelope of envelopes) {
      offset = writeTextFrameHeader(buffer, offset, envelope.length + payload.length + 1);
      offset += envelope.copy(buffer, offset);
      offset += payload.copy(buffer, offset);
      buffer[offset++] = NEXT_SUFFIX;
    }
    transport.write(buffer.subarray(0, bytes));
    // Bytes the socket could not hand to the kernel at once (or queued behind earlier ones) stay
    // referenced until they leave: that memory must not be written again.
    if (buffer === this.scratch && transport.writableLength > 0) this.scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
    return 'sent';
  }
}

/**
 * Runs at most `concurrency` tasks at a time, in arrival order; a task whose `wanted()` no longer
 * holds when its turn comes is skipped (its subscribers left). Small enough not to need a library.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(task: () => Promise<T>, wanted: () => boolean, skipped: T): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return wanted() ? await task() : skipped;
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes on as it is
      else this.running -= 1;
    }
  }
}

/**
 * Completes an event for a subscription field in a span that is a child of the request that logged
 * the event (its `trace_parent`): the trace of a mutation shows the deliveries it caused. The
 * completion is shared by every subscriber waiting for it, and so is its span.
 */
export function traceEventDelivery<T>(event: LoggedEvent, field: string, complete: () => Promise<T>): Promise<T> {
  const attributes = { 'graphql.operation.type': 'subscription', 'graphql.field.name': field, 'event.type': event.type, 'event.position': event.position };
  return traceEventWork('gateway', `deliver ${field}`, event.traceParent, { kind: 'consumer', attributes }, complete);
}
