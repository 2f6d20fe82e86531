// Apollo Client, the most common GraphQL client, against the server as its users configure it: batched operations
// (BatchHttpLink) and automatic persisted queries over GET (PersistedQueryLink), counting what goes over the wire.
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await server.account('Apollo Seller', 'FE');
});
afterAll(() => server?.close());

/** A fetch that notes each request's method and whether it carried the operation's text. */
function countingFetch() {
  const sent: Array<{ method: string; operations: number; hasQuery: boolean }> = [];
  const fetcher: typeof fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET') {
      sent.push({ method, operations: 1, hasQuery: new URL(String(input)).searchParams.has('query') });
    } else {
      const body = JSON.parse(String(init?.body)) as unknown;
      const operations = Array.isArray(body) ? body : [body];
      sent.push({ method, operations: operations.length, hasQuery: operations.every((op) => 'query' in op) });
    }
    return fetch(input, init);
  };
  return { sent, fetcher };
}

// Documents made with graphql's parse, not a gql tag: codegen.ts would take a tagged one for one of the tests'.
const NAME = parse('query ApolloName { viewer { id name } }');
const REGION = parse('query ApolloRegion { viewer { id region } }');
const PRODUCTS = parse('query ApolloProducts { products(first: 5) { edges { cursor } } }');

describe('Apollo Client', () => {
  it('BatchHttpLink: three queries asked at once go as one request and each gets its answer', async () => {
    const { sent, fetcher } = countingFetch();
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new BatchHttpLink({
        uri: `${server.url}/graphql`,
        headers: { authorization: `Bearer ${token}` },
        fetch: fetcher,
        batchInterval: 20,
      }),
    });
    const [name, region, products] = await Promise.all([
      client.query({ query: NAME, fetchPolicy: 'network-only' }),
      client.query({ query: REGION, fetchPolicy: 'network-only' }),
      client.query({ query: PRODUCTS, fetchPolicy: 'network-only' }),
    ]);
    expect(name.data).toMatchObject({ viewer: { name: 'Apollo Seller' } });
    expect(region.data).toMatchObject({ viewer: { region: 'FE' } });
    expect(products.data).toMatchObject({ products: { edges: [] } });
    expect(sent).toEqual([{ method: 'POST', operations: 3, hasQuery: true }]);
  });

  it('PersistedQueryLink over GET: the hash, then the text once; the next time the hash alone', async () => {
    const { sent, fetcher } = countingFetch();
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink({
          sha256: (text) => createHash('sha256').update(text).digest('hex'),
          useGETForHashedQueries: true,
        }),
        new HttpLink({
          uri: `${server.url}/graphql`,
          // A GET must carry a preflight header (docs/api.md, Transport).
          headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
          fetch: fetcher,
        }),
      ]),
    });
    const first = await client.query({ query: NAME, fetchPolicy: 'network-only' });
    expect(first.data).toMatchObject({ viewer: { name: 'Apollo Seller' } });
    expect(sent).toEqual([
      { method: 'GET', operations: 1, hasQuery: false },
      { method: 'POST', operations: 1, hasQuery: true },
    ]);
    const again = await client.query({ query: NAME, fetchPolicy: 'network-only' });
    expect(again.data).toEqual(first.data);
    expect(sent.slice(2)).toEqual([{ method: 'GET', operations: 1, hasQuery: false }]);
  });
});
