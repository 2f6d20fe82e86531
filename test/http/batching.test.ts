// Batched operations (src/server/yoga.ts, batching): a JSON array of operations answered by an array of results, as
// Apollo's BatchHttpLink and graphql-request's batchRequests send them, each operation on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCHED_OPERATIONS } from '../../src/server/yoga.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await server.account('Batching Seller', 'NA');
});
afterAll(() => server?.close());

async function post(body: unknown, authorization = `Bearer ${token}`) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as unknown };
}

interface Result {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('batched operations', () => {
  it('answers an array of operations with an array of their results, in order', async () => {
    const { status, answer } = await post([
      { query: 'query A { viewer { name } }' },
      { query: 'query B($first: Int) { products(first: $first) { edges { cursor } } }', variables: { first: 1 } },
      { query: '{ viewer { region } }' },
    ]);
    expect(status).toBe(200);
    expect(answer).toEqual([
      { data: { viewer: { name: 'Batching Seller' } } },
      { data: { products: { edges: [] } } },
      { data: { viewer: { region: 'NA' } } },
    ]);
  });

  it('answers each operation on its own: one that is refused leaves the others answered', async () => {
    const { answer } = await post([{ query: '{ viewer { name } }' }, { query: '{ viewer { noSuchField } }' }]);
    const results = answer as Result[];
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({ data: { viewer: { name: 'Batching Seller' } } });
    expect(results[1]?.data ?? undefined).toBeUndefined();
    expect(results[1]?.errors?.[0]?.message).toMatch(/noSuchField/);
  });

  it(`refuses more than ${MAX_BATCHED_OPERATIONS} operations at once with 413, running none`, async () => {
    const operations = Array.from({ length: MAX_BATCHED_OPERATIONS + 1 }, () => ({ query: '{ viewer { name } }' }));
    const { status, answer } = await post(operations);
    expect(status).toBe(413);
    expect(JSON.stringify(answer)).toMatch(new RegExp(`${MAX_BATCHED_OPERATIONS}`));
    const exactly = await post(operations.slice(1));
    expect(exactly.status).toBe(200);
    expect(exactly.answer).toHaveLength(MAX_BATCHED_OPERATIONS);
  });

  it('asks for a token for each operation, as for one', async () => {
    const { answer } = await post([{ query: '{ viewer { name } }' }], 'Bearer rcl_not-a-token');
    const results = (Array.isArray(answer) ? answer : [answer]) as Result[];
    expect(results[0]?.data?.viewer ?? undefined).toBeUndefined();
    expect(results[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a malformed batch', () => {
  it.each([
    ['[]', /at least one operation/],
    ['[1, 2]', /Operation 1 of the batch is not an object/],
    ['[{ "query": "{ viewer { name } }" }, null]', /Operation 2 of the batch is not an object/],
  ])('%s is refused with 400 and says why', async (body, message) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as Result;
    expect(answer.errors?.[0]?.message).toMatch(message);
  });
});
