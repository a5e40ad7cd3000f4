// Load through the gateway on a query that crosses the graph's entities:
//   viewer { memberships { workspace { name members { role account { email } } } } }
// for the embedded (PGlite) and the Postgres mode; prints requests/s and p50/p99 latency.
//   npm run bench                                  (both modes; BENCH_MODES=embedded to pick one)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench
import autocannon from 'autocannon';
import { AddWorkspaceMemberDocument, CreateWorkspaceDocument, SignUpDocument, createPlatformClient } from '@mpp/client';
import { modesToRun, startPlatform, type Mode } from './platform-process.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WORKSPACES = 3;
const MEMBERS_PER_WORKSPACE = 10;

const QUERY = `query Bench {
  viewer { memberships { workspace { name members { role account { email } } } } }
}`;

async function seed(url: string): Promise<string> {
  const anonymous = createPlatformClient({ url });
  const signUp = async (email: string) => {
    const { signUp } = await anonymous.execute(SignUpDocument, { input: { email, password: 'a long password', displayName: email } });
    return signUp;
  };
  const owner = await signUp('owner@bench.example');
  const client = createPlatformClient({ url, token: owner.token });
  for (let w = 0; w < WORKSPACES; w++) {
    const { createWorkspace } = await client.execute(CreateWorkspaceDocument, { input: { kind: w % 2 ? 'ISV' : 'MERCHANT', name: `Bench ${w}` } });
    for (let m = 0; m < MEMBERS_PER_WORKSPACE; m++) {
      const email = `member${w}.${m}@bench.example`;
      await signUp(email);
      await client.execute(AddWorkspaceMemberDocument, { input: { workspaceId: createWorkspace.workspace!.id, email, role: 'DEVELOPER' } });
    }
  }
  return owner.token!;
}

async function measure(mode: Mode) {
  // Limits on, with a bucket no load of this script empties (RATE_LIMIT_POINTS=0: bucket off, to compare).
  const platform = await startPlatform(mode, {
    RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS ?? '1000000000',
    RATE_LIMIT_RESTORE_PER_SECOND: process.env.RATE_LIMIT_RESTORE_PER_SECOND ?? '1000000',
  });
  try {
    const token = await seed(platform.url);
    const options = {
      url: platform.url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, operationName: 'Bench' }),
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
console.log(`\nGateway load: ${connections} connections, ${seconds} s, ${WORKSPACES} workspaces × ${MEMBERS_PER_WORKSPACE + 1} members per response`);
console.table(rows);
