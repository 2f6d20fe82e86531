// Automatic persisted queries (src/server/persisted-queries.ts): the protocol as Apollo's and urql's clients speak it,
// then urql's own persistedExchange against the server, over POST and GET.
import { createHash } from 'node:crypto';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await server.account('Persisting Seller', 'EU');
});
afterAll(() => server?.close());

const VIEWER = 'query PersistedViewer { viewer { name region } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer {
  data?: { viewer?: { name: string; region: string } } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(body: object): Promise<{ status: number; cacheControl: string | null; answer: Answer }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    answer: (await response.json()) as Answer,
  };
}

const persisted = (hash: string, version = 1) => ({ extensions: { persistedQuery: { version, sha256Hash: hash } } });
const OWN_VIEWER = { viewer: { name: 'Persisting Seller', region: 'EU' } };

describe('automatic persisted queries', () => {
  it('answers an unknown hash PersistedQueryNotFound (200, not cached), then runs it once its text was sent', async () => {
    const query = `${VIEWER} # first`;
    const hash = sha256(query);
    const unknown = await post(persisted(hash));
    expect(unknown.status).toBe(200);
    expect(unknown.cacheControl).toContain('no-cache');
    expect(unknown.answer.data ?? undefined).toBeUndefined();
    expect(unknown.answer.errors).toEqual([
      expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }),
    ]);

    const registered = await post({ query, ...persisted(hash) });
    expect(registered).toMatchObject({ status: 200, answer: { data: OWN_VIEWER } });
    expect(registered.answer.errors).toBeUndefined();

    // The hash alone now, in upper case as well: the same answer.
    for (const sent of [hash, hash.toUpperCase()]) {
      const known = await post(persisted(sent));
      expect(known).toMatchObject({ status: 200, answer: { data: OWN_VIEWER } });
      expect(known.answer.errors).toBeUndefined();
    }
  });

  it('refuses a text that does not have the hash sent with it, and keeps nothing under that hash', async () => {
    const hash = sha256('query Other { viewer { id } }');
    const mismatch = await post({ query: VIEWER, ...persisted(hash) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_MISMATCH');
    const after = await post(persisted(hash));
    expect(after.answer.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });

  it.each([
    ['another version', { version: 2, sha256Hash: sha256(VIEWER) }, 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED'],
    ['a hash that is not 64 hexadecimal digits', { version: 1, sha256Hash: 'abc' }, 'PERSISTED_QUERY_INVALID'],
    ['no hash', { version: 1 }, 'PERSISTED_QUERY_INVALID'],
    ['not an object', 'abc', 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED'],
  ])('refuses %s with 400 and says what is expected', async (_, persistedQuery, code) => {
    const refused = await post({ query: VIEWER, extensions: { persistedQuery } });
    expect(refused.status).toBe(400);
    expect(refused.answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(refused.answer.errors?.[0]?.message).toMatch(/persistedQuery/);
  });

  it('still asks for a token: a known hash without one is refused like the query itself', async () => {
    const hash = sha256(VIEWER);
    await post({ query: VIEWER, ...persisted(hash) });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(persisted(hash)),
    });
    const answer = (await response.json()) as Answer;
    expect(answer.data?.viewer ?? undefined).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("works with urql's persistedExchange: GET with the hash, the text sent once, then the hash alone", async () => {
    const sent: Array<{ method: string; hasQuery: boolean }> = [];
    const client = new Client({
      url: `${server.url}/graphql`,
      exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
      requestPolicy: 'network-only',
      // A GET must carry a preflight header (docs/api.md, Transport).
      fetchOptions: { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } },
      fetch: async (input, init) => {
        const url = new URL(String(input));
        const method = init?.method ?? 'GET';
        const hasQuery = method === 'GET' ? url.searchParams.has('query') : String(init?.body).includes('"query"');
        sent.push({ method, hasQuery });
        return fetch(input, init);
      },
    });
    // A plain string: urql parses it (a gql tag here would be picked up by codegen.ts as one of the tests' documents).
    const document = 'query UrqlViewer { viewer { name region } }';
    const first = await client.query(document, {}).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual(OWN_VIEWER);
    // The hash alone, refused as unknown; then the hash with the text.
    expect(sent[0]).toEqual({ method: 'GET', hasQuery: false });
    expect(sent.at(-1)?.hasQuery).toBe(true);
    const before = sent.length;

    const again = await client.query(document, {}).toPromise();
    expect(again.error).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(sent.slice(before)).toEqual([{ method: 'GET', hasQuery: false }]);
  });
});
