// Load through the gateway on a query that crosses the graph's entities:
//   viewer { memberships { workspace { name members { role account { email } } } } }
// for the embedded (PGlite) and the Postgres mode; prints requests/s and p50/p99 latency.
//   npm run bench                                  (both modes; BENCH_MODES=embedded to pick one)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench
import autocannon from 'autocannon';
import { modesToRun, startPlatform, type Mode } from './platform-process.js';
import { MEMBERSHIPS_QUERY, MEMBERSHIP_WORKSPACES, MEMBERS_PER_WORKSPACE, seedMemberships } from './seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function measure(mode: Mode) {
  // Limits on, with a bucket no load of this script empties (RATE_LIMIT_POINTS=0: bucket off, to compare).
  const platform = await startPlatform(mode, {
    RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS ?? '1000000000',
    RATE_LIMIT_RESTORE_PER_SECOND: process.env.RATE_LIMIT_RESTORE_PER_SECOND ?? '1000000',
  });
  try {
    const token = await seedMemberships(platform.url);
    const options = {
      url: platform.url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MEMBERSHIPS_QUERY, operationName: 'Bench' }),
      connections,
    };
    await autocannon({ ...options, duration: 3 }); // warm-up: query plans, JIT, connection pools
    const result = await autocannon({ ...options, duration: seconds });
    return {
      mode,
      'requests/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      requests: result.requests.total,
      'non-2xx': result.non2xx,
      errors: result.errors,
      'platform RSS MiB': Math.round(platform.rssMiB()),
    };
  } finally {
    await platform.stop();
  }
}

const rows = [];
for (const mode of modesToRun()) rows.push(await measure(mode));
console.log(`\nGateway load: ${connections} connections, ${seconds} s, ${MEMBERSHIP_WORKSPACES} workspaces × ${MEMBERS_PER_WORKSPACE + 1} members per response`);
console.table(rows);
