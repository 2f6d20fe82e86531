import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One graphql for everything: Vite would give src/ graphql's ESM build while graphql-yoga, loaded by Node, gets the
// CommonJS one, and a GraphQLError of one copy is not an error to the other (it would be masked as "Unexpected error").
const graphql = createRequire(import.meta.url).resolve('graphql');

// Files that must each have a process of their own. The Amazon client keeps its rate-limit buckets per process, by
// connection ID, and every test database numbers its connections from 1, so one file's spent tokens would slow (or
// change) the next file's sync. The readers' complexity check compares the times of 4 and 16 MB rows: in a heap
// the previous files filled, the collector's pauses weigh on the larger ones (9.0 times against a bound of 8, once).
const OWN_PROCESS = ['test/amazon/**/*.test.ts', 'test/ingest/unit/records.test.ts'];

// What both groups of files share. Not given by `extends: true`: a project extending the root takes its maxWorkers
// as its own, and `--maxWorkers=1` on the command line would then no longer hold.
function project(test: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration {
  return {
    resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
    test: {
      // Each file has a database (and servers) of its own.
      pool: 'forks',
      // Each file opens a PGlite of its own: with Liftoff alone, V8 does not spend seconds of CPU having TurboFan
      // recompile the database's hot functions (test/cases: 155 s of CPU, 120 s with it; a demo load runs as fast).
      // Only how V8 generates code differs (test/support/process.ts gives the same flag to the processes it starts).
      execArgv: ['--liftoff-only'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...test,
    },
  };
}

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // Two files at a time on a two-core machine.
    maxWorkers: 2,
    projects: [
      // These files share their worker processes and the modules loaded in them (src/, Prisma, the GraphQL schema,
      // vite's transforms): a new process and a fresh import of all of it took seconds per file. Nothing of a file
      // outlives it but those modules' caches: each opens and closes its own database, servers and queues.
      project({ name: 'shared', include: ['test/**/*.test.ts'], exclude: OWN_PROCESS, isolate: false }),
      project({ name: 'own-process', include: OWN_PROCESS }),
    ],
  },
});
