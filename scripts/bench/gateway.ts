// Load through `npm start`'s process on two queries that cross the graph's entities: Q1
//   viewer { memberships { workspace { name members { role account { email } } } } }
// and Q2, a merchant's dashboard of 20 orders across all four subgraphs (DASHBOARD_QUERY), for the
// embedded (PGlite) and the Postgres mode; prints requests/s and p50/p99 latency of each.
//   npm run bench                                  (both modes; BENCH_MODES=embedded to pick one)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench
//   RESPONSE_CACHE_BYTES=0 SUBGRAPH_CACHE_BYTES=0 npm run bench   (the gateway's caches off: every request read afresh)
//   SUBGRAPH_TRANSPORT=in-process npm run bench   (the gateway calls the subgraphs of its process without sockets; default on Postgres only)
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '@mpp/testkit';
import autocannon from 'autocannon';
import { cacheEnvironment, modesToRun, startPlatform, type Mode, type PlatformProcess } from './platform-process.js';
import { DASHBOARD_QUERY, MEMBERSHIPS_QUERY, MEMBERSHIP_WORKSPACES, MEMBERS_PER_WORKSPACE, seedDashboard, seedMemberships } from './seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function load(mode: Mode, query: string, platform: PlatformProcess, token: string, body: string) {
  const options = {
    url: platform.url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections,
  };
  await autocannon({ ...options, duration: 3 }); // warm-up: query plans, JIT, connection pools
  const cpuBefore = platform.cpuMs();
  const result = await autocannon({ ...options, duration: seconds });
  const cpu = platform.cpuMs() - cpuBefore;
  return {
    mode,
    query,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: result.requests.total,
    'non-2xx': result.non2xx,
    errors: result.errors,
    // Steadier than req/s on a shared machine: the platform's own work per request.
    'platform CPU ms/req': Math.round((cpu / result.requests.total) * 100) / 100,
  };
}

async function measure(mode: Mode) {
  // Limits on, with a bucket no load of this script empties (RATE_LIMIT_POINTS=0: bucket off, to compare).
  const platform = await startPlatform(mode, {
    RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS ?? '1000000000',
    RATE_LIMIT_RESTORE_PER_SECOND: process.env.RATE_LIMIT_RESTORE_PER_SECOND ?? '1000000',
    ...cacheEnvironment(),
    // The dashboard's seed verifies workspaces as the testkit's admin.
    PLATFORM_ADMIN_EMAIL: ADMIN_EMAIL,
    PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  try {
    const q1Token = await seedMemberships(platform.url);
    const dashboard = await seedDashboard(platform.url);
    const q1 = await load(mode, 'Q1', platform, q1Token, JSON.stringify({ query: MEMBERSHIPS_QUERY, operationName: 'Bench' }));
    const q2Body = JSON.stringify({ query: DASHBOARD_QUERY, operationName: 'Dashboard', variables: { id: dashboard.workspaceId, first: 20 } });
    const q2 = await load(mode, 'Q2', platform, dashboard.token, q2Body);
    const rss = Math.round(platform.rssMiB());
    return [q1, q2].map((row) => ({ ...row, 'platform RSS MiB': rss }));
  } finally {
    await platform.stop();
  }
}

const rows = [];
for (const mode of modesToRun()) rows.push(...(await measure(mode)));
console.log(
  `\nGateway load: ${connections} connections, ${seconds} s; Q1: ${MEMBERSHIP_WORKSPACES} workspaces × ${MEMBERS_PER_WORKSPACE + 1} members per response, Q2: a dashboard of 20 orders`,
);
console.table(rows);
