import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql for everything: Vite would give src/ graphql's ESM build while graphql-yoga, loaded by Node, gets the
// CommonJS one, and a GraphQLError of one copy is not an error to the other (it would be masked as "Unexpected error").
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file runs in its own process with its own database; two at a time on a two-core machine.
    pool: 'forks',
    maxWorkers: 2,
    // Each file opens a PGlite of its own: with Liftoff alone, V8 does not spend seconds of CPU having TurboFan
    // recompile the database's hot functions (test/cases: 155 s of CPU, 120 s with it; a demo load runs as fast).
    // Only how V8 generates code differs (test/support/process.ts gives the same flag to the processes it starts).
    execArgv: ['--liftoff-only'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
