import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'generated/**'],
    // Each file starts a whole platform (database, four subgraphs, gateway).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // The workspaces' compiled code runs natively, sharing one `graphql` module with Apollo's.
    server: { deps: { external: [/\/(packages|subgraphs|gateway)\/[^/]+\/dist\//, /\/gateway\/dist\//] } },
  },
});
