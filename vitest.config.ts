import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Vite would pick its ESM build for our code while Node loads the CJS
    // build for Apollo, giving two GraphQLError classes. Resolve it as Node does, so there is one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Integration tests start real servers and generate the seeded world; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The streaming tests measure live memory, which needs a collection before each sample.
    execArgv: ['--expose-gc'],
    maxWorkers: 2,
    // `npm test` runs the two one after the other, so that Chromium does not compete with the gateway's own
    // timing-sensitive tests for the same cores; `npx vitest` runs both together.
    projects: [
      {
        extends: true,
        test: {
          name: 'gateway',
          include: ['test/{unit,integration,contract}/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'portal',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/browser/setup.ts'],
        },
      },
    ],
  },
});
