import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Vite would pick its ESM build for our code while Node loads the CJS
    // build for Apollo, giving two GraphQLError classes. Resolve it as Node does, so there is one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/browser/setup.ts'],
    // Integration tests start real servers and generate the seeded world; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The streaming tests measure live memory, which needs a collection before each sample.
    execArgv: ['--expose-gc'],
    maxWorkers: 2,
  },
});
