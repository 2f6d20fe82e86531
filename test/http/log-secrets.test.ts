// No secret reaches a log line, at the most talkative level: account tokens (good and bad, over HTTP, SSE and
// graphql-ws), the admin token, the document-link secret, and the password of the database URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingChangesDocument } from '../gql/graphql.js';
import { subscribeSse, subscribeWs } from '../live/subscriber.js';
import { type ProcessDatabase, processDatabase, type ReclaimServer, startReclaim } from '../support/process.js';
import { uploadSample } from '../support/server.js';

const ADMIN = 'admin-secret-token-5b1d7c0e9f';
const DOCUMENT_SECRET = 'document-secret-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
let database: ProcessDatabase;
let server: ReclaimServer;

beforeAll(async () => {
  database = await processDatabase();
  const env: Record<string, string> = {
    ...database.env,
    LOG_LEVEL: 'trace',
    RECLAIM_ADMIN_TOKEN: ADMIN,
    RECLAIM_DOCUMENT_SECRET: DOCUMENT_SECRET,
  };
  if (env.DATABASE_URL) {
    // Trust authentication ignores a password, so one can be given to see that it is never logged.
    const url = new URL(env.DATABASE_URL);
    url.password = 'database-password-31337';
    env.DATABASE_URL = url.toString();
  }
  server = await startReclaim(['serve'], env);
});
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

async function post(query: string, authorization?: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, never>; errors?: unknown[] };
}

describe('log lines', () => {
  it('never hold a token or a secret', async () => {
    const created = await post(
      'mutation { createAccount(name: "Secret Seller", region: NA) { token account { id } } }',
      `Bearer ${ADMIN}`,
    );
    const token = (created.data?.createAccount as { token?: string } | undefined)?.token ?? '';
    expect(token).toMatch(/^rcl_/);
    await post('{ viewer { name } }', `Bearer ${token}`);
    await post('{ viewer { name } }', 'Bearer rcl_wrong-token-that-is-also-secret');
    await post('{ viewer { name } }', 'Basic dXNlcjpwYXNzd29yZA==');
    await uploadSample(server, token, 'ledger.tsv');
    const draft = await post(
      'query { claimDraft(type: LOST, skus: ["SKU-MUG-01"], asOf: "2025-06-15T00:00:00Z") { documentUrl } }',
      `Bearer ${token}`,
    );
    const documentUrl = (draft.data?.claimDraft as { documentUrl?: string } | undefined)?.documentUrl ?? '';
    expect((await fetch(documentUrl)).status).toBe(200);
    // Only what the connections log matters here, not what they hear: no need to wait until they listen.
    const ws = await subscribeWs(server.url, token, MissingChangesDocument, {}, Promise.resolve());
    await ws.close();
    const sse = await subscribeSse(server.url, token, MissingChangesDocument, {}, Promise.resolve());
    await sse.close();
    await server.stop();

    const everything = `${JSON.stringify(server.logs)}\n${server.output()}\n${server.stderr()}`;
    expect(server.logs.length).toBeGreaterThan(10);
    for (const secret of [
      token,
      token.slice(4),
      'rcl_wrong-token-that-is-also-secret',
      'dXNlcjpwYXNzd29yZA==',
      ADMIN,
      DOCUMENT_SECRET,
      'database-password-31337',
      new URL(documentUrl).searchParams.get('signature') ?? 'no signature parameter',
    ]) {
      expect(everything, `a log line holds ${secret.slice(0, 8)}…`).not.toContain(secret);
    }
  });
});
