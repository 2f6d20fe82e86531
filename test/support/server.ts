// A real Reclaim HTTP server on an ephemeral port, over a test database, and a small GraphQL client for it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import type { Database, Sql } from '../../src/db/database.js';
import { createEvents, type Events, type Topics } from '../../src/events.js';
import type { JobQueue } from '../../src/jobs/kit.js';
import { createQueue } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { type App, buildApp } from '../../src/server/app.js';
import { createAccount } from '../../src/store/accounts.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { listeningEvents } from './listening.js';

export const SAMPLES = path.resolve(import.meta.dirname, '../../spec/samples');
/** The six sample files EXPECTED.md imports into one account, and the instant its numbers are asked at. */
export const SAMPLE_FILES = [
  'ledger.tsv',
  'reimbursements.tsv',
  'customer-returns.tsv',
  'settlement.tsv',
  'inbound-shipments.tsv',
  'product-costs.tsv',
];
export const SAMPLES_AS_OF = '2025-06-15T00:00:00Z';
/** What each sample file is and how many data rows it has. */
export const SAMPLE_ROWS: Record<string, { kind: string; rows: number }> = {
  'ledger.tsv': { kind: 'LEDGER', rows: 12 },
  'reimbursements.tsv': { kind: 'REIMBURSEMENTS', rows: 3 },
  'customer-returns.tsv': { kind: 'CUSTOMER_RETURNS', rows: 1 },
  'settlement.tsv': { kind: 'SETTLEMENT', rows: 10 },
  'inbound-shipments.tsv': { kind: 'INBOUND_SHIPMENTS', rows: 2 },
  'product-costs.tsv': { kind: 'PRODUCT_COSTS', rows: 3 },
  'reimbursements-after-case.tsv': { kind: 'REIMBURSEMENTS', rows: 2 },
  'removal-orders.tsv': { kind: 'REMOVAL_ORDERS', rows: 4 },
  'removal-shipments.tsv': { kind: 'REMOVAL_SHIPMENTS', rows: 2 },
};
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  app: App;
  database: TestDatabase;
  events: Events;
  /** Resolves once the next subscription to `topic` listens (take it before subscribing; see listening.ts). */
  nextSubscription(topic: keyof Topics): Promise<void>;
  /** The server's job queue, running in its process (as `reclaim serve` does). */
  jobs: JobQueue;
  /** Database queries made through the app since the last reset (raw SQL statements and Prisma operations). */
  queries: QueryCounter;
  config: Config;
  clock: Clock;
  /** Moves the server's "now" (its requests and its jobs). */
  setNow(instant: Date): void;
  /** Creates an account directly in the database and returns its token. */
  account(name?: string, region?: 'NA' | 'EU' | 'FE'): Promise<string>;
  close(): Promise<void>;
}

/** The same database, counting every query: tests show that lists make no query per row. */
export interface QueryCounter {
  count: number;
  /** What each was: the SQL text, or the Prisma model and operation. */
  made: string[];
  reset(): void;
}

function counting(db: Database, queries: QueryCounter): Database {
  const sql: Sql = {
    query: (text, params) => {
      queries.count++;
      queries.made.push(text);
      return db.sql.query(text, params);
    },
    execute: (text, params) => {
      queries.count++;
      queries.made.push(text);
      return db.sql.execute(text, params);
    },
    copyFrom: (...args) => db.sql.copyFrom(...args),
    execScript: (text) => db.sql.execScript(text),
  };
  const prisma = db.prisma.$extends({
    query: {
      $allOperations({ args, query, model, operation }) {
        queries.count++;
        queries.made.push(`${model}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as Database['prisma'];
  return { ...db, sql, prisma, transaction: db.transaction, close: db.close };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    dataDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    maxUploadBytes: 512 * 1024 * 1024,
    documentLinkSeconds: 15 * 60,
    importWaitSeconds: 60,
    // The second CI pass runs every server on Redis (BullMQ and the Redis event target), each in its own key space.
    redisUrl: process.env.TEST_REDIS_URL || undefined,
    redisPrefix: `test-${randomBytes(6).toString('hex')}`,
    introspection: true,
    graphiql: true,
    // As in production: every test that reads after a change also checks that no kept answer outlived the change.
    responseCacheBytes: 32 * 1024 * 1024,
    // Tests send changes faster than a seller could: the rate-limit tests set their own limits.
    rateLimits: { mutationsPerMinute: 1_000_000, importsPerHour: 1_000_000 },
    cors: { origins: [], credentials: false },
    // The Amazon tests point these at their fake Selling Partner API.
    amazon: {
      secretKey: randomBytes(32),
      lwaUrl: 'http://127.0.0.1:9/auth/o2/token',
      spApiUrl: 'http://127.0.0.1:9',
      syncEveryHours: 24,
      lookbackDays: 45,
      historyDays: 540,
    },
    ...overrides,
  };
}

export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  let now = config.now;
  const clock: Clock = { now: () => (now ? new Date(now) : new Date()) };
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', { pretty: false });
  const queries: QueryCounter = {
    count: 0,
    made: [],
    reset() {
      queries.count = 0;
      queries.made = [];
    },
  };
  const listening = listeningEvents(
    createEvents(config.redisUrl, config.redisPrefix),
    config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : undefined,
  );
  const { events } = listening;
  const jobs = await createQueue({ config, db: database.db, clock, events, log });
  jobs.start();
  const app = buildApp({ config, db: counting(database.db, queries), log, clock, events, jobs });
  const address = await app.start();
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    events,
    nextSubscription: listening.nextSubscription,
    jobs,
    queries,
    config,
    clock,
    setNow: (instant) => {
      now = instant;
    },
    account: async (name = 'Test Seller', region = 'NA') => (await createAccount(database.db, { name, region })).token,
    async close() {
      await app.stop(100);
      await jobs.stop(5_000);
      await events.close();
      await listening.close();
      await database.close();
    },
  };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Sends a typed GraphQL document (from test/gql, generated by codegen.ts) over HTTP. */
export async function gql<Result, Variables>(
  server: { url: string },
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<GraphQLResponse<Result>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Uploads a file with the GraphQL multipart request specification, as a browser or a client library would. */
export async function upload<Result, Variables extends { file: unknown }>(
  server: { url: string },
  token: string,
  file: { name: string; content: Uint8Array | string },
  document: TypedDocumentString<Result, Variables>,
  variables: Omit<Variables, 'file'>,
): Promise<GraphQLResponse<Result>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: document.toString(), variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.content as BlobPart]), file.name);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': 'reclaim-tests' },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export const ImportReport = graphql(`
  mutation ImportReport($file: File!, $kind: ReportKind) {
    importReport(file: $file, kind: $kind) {
      __typename
      ... on ImportReportSuccess {
        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }
      }
      ... on Error { code message }
      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }
    }
  }
`);

export async function uploadSample(server: { url: string }, token: string, name: string) {
  return upload(server, token, { name, content: await readFile(path.join(SAMPLES, name)) }, ImportReport, {});
}

/** Asserts that a union result is the given member, and narrows its type to it. */
export function member<Value extends { __typename?: string }, Name extends NonNullable<Value['__typename']>>(
  value: Value | null | undefined,
  typename: Name,
): Extract<Value, { __typename?: Name }> {
  if (value?.__typename !== typename) {
    throw new Error(`expected a ${typename}, got ${JSON.stringify(value)}`);
  }
  return value as Extract<Value, { __typename?: Name }>;
}
