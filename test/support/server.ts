// A real Reclaim HTTP server on an ephemeral port, over a test database, and a small GraphQL client for it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type App, buildApp } from '../../src/app.js';
import { type Clock, systemClock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createAccount } from '../../src/store/accounts.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/domain/samples');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  app: App;
  database: TestDatabase;
  config: Config;
  clock: Clock;
  /** Creates an account directly in the database and returns its token. */
  account(name?: string, region?: 'NA' | 'EU' | 'FE'): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    dataDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    maxUploadBytes: 512 * 1024 * 1024,
    ...overrides,
  };
}

export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const clock = systemClock(config.now);
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', { pretty: false });
  const app = buildApp({ config, db: database.db, log, clock });
  const address = await app.start();
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    config,
    clock,
    account: async (name = 'Test Seller', region = 'NA') => (await createAccount(database.db, { name, region })).token,
    async close() {
      await app.stop(100);
      await database.close();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function gql<T = Record<string, any>>(
  server: { url: string },
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Uploads a file with the GraphQL multipart request specification, as a browser or a client library would. */
export async function upload<T = Record<string, any>>(
  server: { url: string },
  token: string,
  file: { name: string; content: Uint8Array | string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.content as BlobPart]), file.name);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': 'reclaim-tests' },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export const IMPORT_REPORT = `mutation Import($file: File!, $kind: ReportKind) {
  importReport(file: $file, kind: $kind) {
    __typename
    ... on ImportReportSuccess { import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } } }
    ... on Error { code message }
    ... on ImportRefusedError { errors { line column message } refusedImport { id status } }
  }
}`;

export async function uploadSample(server: { url: string }, token: string, name: string) {
  return upload(server, token, { name, content: await readFile(path.join(SAMPLES, name)) }, IMPORT_REPORT);
}
