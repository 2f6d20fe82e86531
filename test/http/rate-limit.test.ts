// Mutations and imports are rate-limited per account (in Redis in the Redis pass, in memory otherwise): past the
// limit a client gets 429 with Retry-After and a RATE_LIMITED error, other accounts are not affected, and queries
// are not counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ rateLimits: { mutationsPerMinute: 3, importsPerHour: 2 } });
});
afterAll(() => server?.close());

async function send(token: string, query: string, body?: FormData) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: body
      ? { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' }
      : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ?? JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions?: { code?: string; retryAfterSeconds?: number } }>;
    },
  };
}

const CHANGE = 'mutation { setProductCost(sku: "SKU-1", cost: { amount: "4.20", currency: "USD" }) { __typename } }';

function importForm(name: string): FormData {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation ($file: File!) { importReport(file: $file) { __typename } }',
      variables: { file: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob(['sku\tcost\tcurrency\nSKU-1\t4.20\tUSD\n']), name);
  return form;
}

describe('rate limits', () => {
  it('counts each operation of a batch: of five changes sent as one request, three pass and two are refused', async () => {
    const token = await server.account('Batching seller', 'NA');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 5 }, () => ({ query: CHANGE }))),
    });
    const results = (await response.json()) as Array<{ errors?: Array<{ extensions?: { code?: string } }> }>;
    expect(results).toHaveLength(5);
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'ok', 'ok', 'ok']);
  });

  it('refuses the mutation past the limit with 429, Retry-After and RATE_LIMITED; queries still answer', async () => {
    const token = await server.account('Busy seller', 'NA');
    for (let attempt = 0; attempt < 3; attempt++) {
      const allowed = await send(token, CHANGE);
      expect(allowed.status, `mutation ${attempt + 1}`).toBe(200);
      expect(allowed.body.errors).toBeUndefined();
    }
    const refused = await send(token, CHANGE);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.message).toMatch(/Too many changes for this account: try again in \d+ s/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);

    const read = await send(token, '{ viewer { name } }');
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ viewer: { name: 'Busy seller' } });

    // Another account has its own count.
    const other = await server.account('Quiet seller', 'NA');
    expect((await send(other, CHANGE)).status).toBe(200);
  });

  it('counts imports apart, and more strictly', async () => {
    const token = await server.account('Importing seller', 'NA');
    // The limit of mutations (3) is not reached by two imports, the limit of imports (2) is on the third.
    expect((await send(token, '', importForm('costs-1.tsv'))).status).toBe(200);
    expect((await send(token, '', importForm('costs-2.tsv'))).status).toBe(200);
    const refused = await send(token, '', importForm('costs-3.tsv'));
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.message).toMatch(/Too many imports/);
    const [imports] = await server.database.db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM import WHERE file_name LIKE 'costs-%'`,
    );
    expect(imports?.count).toBe(2);
  });
});
