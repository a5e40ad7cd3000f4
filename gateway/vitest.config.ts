import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One `graphql` module for the tests and Apollo (which loads its CommonJS build).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    server: { deps: { external: [/\/(packages|subgraphs)\/[^/]+\/dist\//] } },
  },
});
