import { defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts need a Postgres server (several processes on one database):
// they run in the suite's Postgres pass, when TEST_DATABASE_URL is set.
const postgresOnly = '**/*.postgres.test.ts';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'generated/**', ...(process.env.TEST_DATABASE_URL ? [] : [postgresOnly])],
    // Each file starts a whole platform (database, four subgraphs, gateway). Generous: on a loaded
    // 2-core CI machine a platform start with its seed takes minutes; a test still fails on its
    // own shorter waits (`take`, `eventually`) when an event does not come.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    // The workspaces' compiled code runs natively, sharing one `graphql` module with Apollo's.
    server: { deps: { external: [/\/(packages|subgraphs|gateway)\/[^/]+\/dist\//, /\/gateway\/dist\//] } },
  },
});
