import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextEnvelope, NextMessageWriter, SLOW_SUBSCRIBER_CLOSE_CODE, writeTextFrameHeader } from '../src/subscriptions/delivery.js';

/** The header the writer lays out before a text frame of `length` bytes. */
function textFrameHeader(length: number): Buffer {
  const header = Buffer.alloc(10);
  return header.subarray(0, writeTextFrameHeader(header, 0, length));
}

// The delivery of one event to the many subscriptions of a connection, on a real socket pair.
let httpServer: Server;
let wss: WebSocketServer;
let writer: NextMessageWriter;
let serverSide: { socket: WebSocket; transport: Socket };
let client: WebSocket;
let received: string[];

beforeEach(async () => {
  httpServer = createServer();
  wss = new WebSocketServer({ server: httpServer });
  writer = new NextMessageWriter();
  const accepted = new Promise<{ socket: WebSocket; transport: Socket }>((resolve) =>
    wss.on('connection', (socket, request) => {
      writer.attach(socket, request.socket);
      resolve({ socket, transport: request.socket });
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  client = new WebSocket(`ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}`);
  received = [];
  client.on('message', (data) => received.push(data.toString()));
  serverSide = await accepted;
  await new Promise((resolve) => client.once('open', resolve));
});

afterEach(async () => {
  client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => httpServer.close(resolve));
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the messages of one event to the subscriptions of a connection', () => {
  it('leave in one write, each a whole graphql-ws next message', async () => {
    const writev = vi.spyOn(serverSide.transport, '_writev');
    const write = vi.spyOn(serverSide.transport, '_write');
    const payload = Buffer.from(JSON.stringify({ data: { orderStatusChanged: { cursor: 'c1' } } }));
    expect(writer.send(serverSide.socket, ['1', '2', '3'].map(nextEnvelope), payload, 1 << 20)).toBe('sent');
    expect(write).toHaveBeenCalledTimes(1);
    expect(writev).not.toHaveBeenCalled();
    await until(() => received.length === 3);
    expect(received.map((message) => JSON.parse(message))).toEqual(
      ['1', '2', '3'].map((id) => ({ id, type: 'next', payload: { data: { orderStatusChanged: { cursor: 'c1' } } } })),
    );
  });

  it('arrive whole at every frame length: one byte of length, two, and eight', async () => {
    // Messages of 125 bytes and less, up to 65,535, and beyond, as the client's ws reads them.
    const envelopeLength = nextEnvelope('7').length;
    const messageLengths = [40, 125, 126, 65_535, 65_536, 200_000];
    for (const [i, messageLength] of messageLengths.entries()) {
      const text = 'y'.repeat(messageLength - envelopeLength - 1 - 2);
      const payload = Buffer.from(JSON.stringify(text));
      expect(writer.send(serverSide.socket, [nextEnvelope(String(i))], payload, 1 << 24)).toBe('sent');
    }
    await until(() => received.length === messageLengths.length);
    expect(received.map((message) => Buffer.byteLength(message))).toEqual(messageLengths);
    expect(received.map((message) => JSON.parse(message).id)).toEqual(messageLengths.map((_, i) => String(i)));
    expect([...textFrameHeader(125)]).toEqual([0x81, 125]);
    expect([...textFrameHeader(126)]).toEqual([0x81, 126, 0, 126]);
    expect([...textFrameHeader(65_536)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('each get the frame of its own length when the ids differ in length', async () => {
    // 125 and 126 bytes: one header byte of length, then the two-byte form.
    const payload = Buffer.from(JSON.stringify('z'.repeat(125 - nextEnvelope('1').length - 1 - 2)));
    expect(writer.send(serverSide.socket, [nextEnvelope('1'), nextEnvelope('12'), nextEnvelope('3')], payload, 1 << 20)).toBe('sent');
    await until(() => received.length === 3);
    expect(received.map((message) => JSON.parse(message).id)).toEqual(['1', '12', '3']);
    expect(received.map((message) => Buffer.byteLength(message))).toEqual([125, 126, 125]);
  });

  it('keep their order with the messages ws sends on the same socket', async () => {
    const payload = Buffer.from('{"data":null}');
    writer.send(serverSide.socket, [nextEnvelope('1')], payload, 1 << 20);
    serverSide.socket.send('{"id":"1","type":"complete"}');
    writer.send(serverSide.socket, [nextEnvelope('2')], payload, 1 << 20);
    await until(() => received.length === 3);
    expect(received.map((message) => JSON.parse(message))).toEqual([
      { id: '1', type: 'next', payload: { data: null } },
      { id: '1', type: 'complete' },
      { id: '2', type: 'next', payload: { data: null } },
    ]);
  });

  it('do not count against the limit of unsent bytes: only what was waiting before them does', async () => {
    const quoted = Buffer.concat([Buffer.from('"'), Buffer.alloc(2048, 'x'), Buffer.from('"')]);
    expect(writer.send(serverSide.socket, ['1', '2', '3'].map(nextEnvelope), quoted, 1024)).toBe('sent');
    await until(() => received.length === 3);
    expect(received).toHaveLength(3);
  });

  it('close a socket that still had more than the limit waiting', async () => {
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    // A reader that stopped reading: the bytes wait in the server's socket.
    serverSide.transport.cork();
    serverSide.socket.send(Buffer.alloc(4096, 'x'));
    expect(writer.send(serverSide.socket, [nextEnvelope('1')], Buffer.from('"x"'), 1024)).toBe('slow');
    serverSide.transport.uncork();
    expect(await closed).toBe(SLOW_SUBSCRIBER_CLOSE_CODE);
  });

  it('are not written to a socket that is closing', async () => {
    serverSide.socket.close(1000, 'bye');
    expect(writer.send(serverSide.socket, [nextEnvelope('1')], Buffer.from('"x"'), 1 << 20)).toBe('closed');
  });
});

describe('the messages of one event to many connections', () => {
  /** Opens `count` more clients: each one's server side, and what it receives. */
  async function connectMore(count: number) {
    const port = (httpServer.address() as AddressInfo).port;
    const peers: { socket: WebSocket; transport: Socket; received: string[]; client: WebSocket }[] = [];
    for (let i = 0; i < count; i++) {
      const accepted = new Promise<{ socket: WebSocket; transport: Socket }>((resolve) =>
        wss.once('connection', (socket, request) => resolve({ socket, transport: request.socket })),
      );
      const other = new WebSocket(`ws://127.0.0.1:${port}`);
      const messages: string[] = [];
      other.on('message', (data) => messages.push(data.toString()));
      const { socket, transport } = await accepted;
      writer.attach(socket, transport);
      await new Promise((resolve) => other.once('open', resolve));
      peers.push({ socket, transport, received: messages, client: other });
    }
    return peers;
  }

  it('reach each connection whole and in one write, one after another', async () => {
    const peers = await connectMore(3);
    const writes = peers.map(({ transport }) => vi.spyOn(transport, '_write'));
    const envelopes = ['1', '2', '10'].map(nextEnvelope);
    for (const [i, { socket }] of peers.entries()) {
      expect(writer.send(socket, envelopes, Buffer.from(JSON.stringify({ data: { to: `peer ${i}` } })), 1 << 24)).toBe('sent');
    }
    for (const write of writes) expect(write).toHaveBeenCalledTimes(1);
    await until(() => peers.every((peer) => peer.received.length === 3));
    for (const [i, peer] of peers.entries()) {
      expect(peer.received.map((message) => JSON.parse(message))).toEqual(['1', '2', '10'].map((id) => ({ id, type: 'next', payload: { data: { to: `peer ${i}` } } })));
      peer.client.terminate();
    }
  });

  it('leave bytes a socket could not send at once as they were, whatever is written to the next connection', async () => {
    const [held, next] = await connectMore(2);
    // The held socket's write waits in its stream (as one the kernel could not take at once).
    held!.transport.cork();
    expect(writer.send(held!.socket, [nextEnvelope('1')], Buffer.from('{"data":"for the held one"}'), 1 << 24)).toBe('sent');
    expect(writer.send(next!.socket, [nextEnvelope('1')], Buffer.from('{"data":"for the next one"}'), 1 << 24)).toBe('sent');
    held!.transport.uncork();
    await until(() => held!.received.length === 1 && next!.received.length === 1);
    expect(JSON.parse(held!.received[0]!)).toEqual({ id: '1', type: 'next', payload: { data: 'for the held one' } });
    expect(JSON.parse(next!.received[0]!)).toEqual({ id: '1', type: 'next', payload: { data: 'for the next one' } });
    for (const peer of [held!, next!]) peer.client.terminate();
  });

  it('larger than the memory kept for them still arrive whole', async () => {
    const [peer] = await connectMore(1);
    const big = Buffer.from(JSON.stringify({ data: 'b'.repeat(50_000) }));
    expect(writer.send(peer!.socket, ['1', '2'].map(nextEnvelope), big, 1 << 24)).toBe('sent');
    expect(writer.send(peer!.socket, [nextEnvelope('3')], Buffer.from('{"data":"small"}'), 1 << 24)).toBe('sent');
    await until(() => peer!.received.length === 3);
    expect(peer!.received.map((message) => JSON.parse(message).payload.data.length)).toEqual([50_000, 50_000, 5]);
    peer!.client.terminate();
  });
});
