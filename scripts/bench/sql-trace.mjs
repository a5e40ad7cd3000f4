// Records each SQL statement a Node process sends to Postgres on port 5432, with the time it left,
// by reading the extended and simple query protocol off the socket (Parse names a statement, Bind
// runs it, Query runs a text). Written at exit to <tmpdir>/sql-trace-<pid>.json, for
// scripts/bench/sql-per-event.ts. Load it into the platform a benchmark starts, e.g.
//   BENCH_PLATFORM_NODE_OPTIONS="--import $PWD/scripts/bench/sql-trace.mjs" BENCH_MODES=postgres \
//     BENCH_SUBSCRIBERS=200 BENCH_TRANSITIONS=20 BENCH_RATE=1 npm run bench:subscriptions
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const POSTGRES_PORT = 5432;
/** [milliseconds since the epoch, statement text] */
const sent = [];
/** Prepared statements by name, per socket (postgres.js names them per connection). */
const prepared = new WeakMap();

function cString(body, from) {
  const end = body.indexOf(0, from);
  return [body.toString('utf8', from, end), end + 1];
}

function record(socket, chunk) {
  let names = prepared.get(socket);
  if (!names) prepared.set(socket, (names = new Map()));
  const now = Date.now();
  for (let offset = 0; offset + 5 <= chunk.length; ) {
    const type = chunk[offset];
    const length = chunk.readInt32BE(offset + 1);
    const body = chunk.subarray(offset + 5, offset + 1 + length);
    if (type === 0x50) {
      // Parse: name, text. An unnamed one runs once, at its Bind.
      const [name, next] = cString(body, 0);
      names.set(name, cString(body, next)[0]);
    } else if (type === 0x42) {
      // Bind: portal, statement name.
      const [, next] = cString(body, 0);
      const [statement] = cString(body, next);
      sent.push([now, names.get(statement) ?? statement]);
    } else if (type === 0x51) {
      sent.push([now, cString(body, 0)[0]]);
    }
    offset += 1 + length;
  }
}

const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (chunk, ...rest) {
  if (this.remotePort === POSTGRES_PORT && Buffer.isBuffer(chunk)) {
    try {
      record(this, chunk);
    } catch {
      // A message split across writes is skipped: the count is a measurement, not the protocol.
    }
  }
  return write.call(this, chunk, ...rest);
};

process.on('exit', () => writeFileSync(join(tmpdir(), `sql-trace-${process.pid}.json`), JSON.stringify(sent)));
