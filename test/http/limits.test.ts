// What a public GraphQL endpoint refuses before any resolver runs (depth, aliases, tokens, cost, page size), and what
// it answers to malformed or oversized requests: always a 4xx with a message, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_LIMITS } from '../../src/server/protection.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await server.account('Limits Seller', 'NA');
});
afterAll(() => server?.close());

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | undefined;
  text: string;
}

async function post(body: string, headers: Record<string, string> = {}, target = server): Promise<Answer> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const query = (text: string) => post(JSON.stringify({ query: text }));

/** Sends an operation that must be refused before it runs: no database query is made for it. */
async function refusedBeforeRunning(text: string): Promise<string> {
  server.queries.reset();
  const answer = await query(text);
  expect(answer.status).toBe(400);
  expect(answer.body?.data).toBeUndefined();
  expect(answer.body?.errors?.length).toBeGreaterThan(0);
  // The token is looked up (context), nothing else: no resolver ran.
  expect(server.queries.count).toBeLessThanOrEqual(1);
  return answer.body?.errors?.map((error) => error.message).join('\n') ?? '';
}

describe('operation limits', () => {
  it('answers a query as deep as a client needs', async () => {
    const answer = await query(
      '{ cases(first: 5) { edges { node { items { product { byType { type missingUnits } cases { id } } } } } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });

  it(`refuses a query nested deeper than ${OPERATION_LIMITS.depth} levels`, async () => {
    let selection = 'sku';
    for (let level = 0; level < 6; level++) selection = `cases { items { product { ${selection} } } }`;
    const message = await refusedBeforeRunning(`{ product(sku: "X") { ${selection} } }`);
    expect(message).toMatch(/depth|cost/i);
  });

  it('refuses deeply nested fragments', async () => {
    const fragments = Array.from(
      { length: 40 },
      (_, level) => `fragment F${level} on Product { cases { items { product { ...F${level + 1} } } } }`,
    );
    fragments.push('fragment F40 on Product { sku }');
    const message = await refusedBeforeRunning(`{ product(sku: "X") { ...F0 } } ${fragments.join(' ')}`);
    expect(message).toMatch(/depth|cost/i);
  });

  it('refuses a 1,000-field alias bomb', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, index) => `a${index}: viewer { name }`).join(' ');
    const message = await refusedBeforeRunning(`{ ${aliases} }`);
    expect(message).toMatch(/alias|token|cost/i);
  });

  it('refuses 1,000 copies of one field (no aliases) by its size', async () => {
    const message = await refusedBeforeRunning(`{ viewer { ${'name '.repeat(1_000)} } }`);
    expect(message).toMatch(/token/i);
  });

  it('refuses more than 100 items per page, and a negative page size', async () => {
    for (const field of ['missingProducts', 'cases', 'imports']) {
      const tooMany = await query(`{ ${field}(first: 101) { edges { cursor } } }`);
      expect(tooMany.status, field).toBeLessThan(500);
      expect(tooMany.body?.errors?.[0]?.message, field).toMatch(/100/);
      expect(tooMany.body?.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      const negative = await query(`{ ${field}(first: -1) { edges { cursor } } }`);
      expect(negative.body?.errors?.length, field).toBeGreaterThan(0);
      const fine = await query(`{ ${field}(first: 100) { edges { cursor } } }`);
      expect(fine.body?.errors, field).toBeUndefined();
    }
  });
});

describe('malformed requests get a 4xx', () => {
  it('refuses malformed JSON', async () => {
    const answer = await post('{"query": "{ viewer { name } }"');
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]?.message).toBeTruthy();
  });

  it('refuses a body that is not an object, and one without a query', async () => {
    expect((await post('[1, 2, 3]')).status).toBe(400);
    expect((await post('{}')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect((await post(JSON.stringify({ query: 42 }))).status).toBe(400);
  });

  it('refuses content types it does not speak', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const answer = await post('query={viewer{name}}', { 'content-type': type });
      expect(answer.status, type).toBeGreaterThanOrEqual(400);
      expect(answer.status, type).toBeLessThan(500);
    }
  });

  it('refuses a syntax error with its place', async () => {
    const answer = await query('{ viewer { name ');
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('refuses a JSON body over 1 MiB with 413 before reading it', async () => {
    const answer = await post(JSON.stringify({ query: '{ viewer { name } }', variables: { x: 'y'.repeat(2 ** 21) } }));
    expect(answer.status).toBe(413);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a mutation sent with GET', async () => {
    const response = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { closeCase(id: "1") { __typename } }')}`,
      { headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' } },
    );
    expect(response.status).toBe(405);
  });

  it('refuses a multipart request without the CSRF preflight header', async () => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation ($file: File!) { importReport(file: $file) { __typename } }',
        variables: { file: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob(['x']), 'ledger.tsv');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(403);
  });

  it('answers a GET that carries any of the preflight headers Apollo Server accepts, and refuses one without', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`;
    const get = (headers: Record<string, string>) =>
      fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers } });
    expect((await get({})).status).toBe(403);
    // Apollo iOS and Apollo Kotlin send the operation's name with every request.
    for (const header of ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name']) {
      const response = await get({ [header]: 'Viewer' });
      expect(response.status, header).toBe(200);
      expect(((await response.json()) as { data?: { viewer?: unknown } }).data?.viewer, header).toBeTruthy();
    }
  });
});

describe('upload size', () => {
  let small: TestServer;
  let smallToken: string;
  beforeAll(async () => {
    small = await startServer({ maxUploadBytes: 1024 * 1024 });
    smallToken = await small.account('Small uploads', 'NA');
  });
  afterAll(() => small?.close());

  it('refuses a file over RECLAIM_MAX_UPLOAD_MB with 413 and stores nothing', async () => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation ($file: File!) { importReport(file: $file) { __typename } }',
        variables: { file: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob(['x'.repeat(3 * 1024 * 1024)]), 'ledger.tsv');
    const response = await fetch(`${small.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${smallToken}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(/1 MiB/);
    const [imports] = await small.database.db.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM import');
    expect(imports?.count).toBe(0);
  });
});

describe('request ids', () => {
  it('gives every response an x-request-id, and keeps the one a proxy sent', async () => {
    const fresh = await query('{ viewer { name } }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await post(JSON.stringify({ query: '{ viewer { name } }' }), { 'x-request-id': 'lb-1234.abc' });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const replaced = await post(JSON.stringify({ query: '{ viewer { name } }' }), {
      'x-request-id': 'bad id <script>',
    });
    expect(replaced.headers.get('x-request-id')).not.toContain('<');
  });
});

describe('production switches', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startServer({ introspection: false, graphiql: false });
  });
  afterAll(() => closed?.close());

  it('refuses introspection and field suggestions when introspection is off', async () => {
    const schema = await post(JSON.stringify({ query: '{ __schema { types { name } } }' }), {}, closed);
    expect(schema.status).toBe(400);
    expect(schema.body?.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(JSON.stringify({ query: '{ viewr { name } }' }), {}, closed);
    expect(typo.body?.errors?.[0]?.message).not.toMatch(/Did you mean/);
    // The open server suggests.
    const open = await query('{ viewr { name } }');
    expect(open.body?.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('serves no GraphiQL page when it is off', async () => {
    const page = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/GraphiQL/);
    const open = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await open.text()).toMatch(/GraphiQL/);
  });
});

describe('the dashboard files', () => {
  it('serves the page with a strict content security policy, and nothing outside its folder', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    await page.text();
    for (const sneaky of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/%E0%A4%A']) {
      const response = await fetch(`${server.url}${sneaky}`);
      const text = await response.text();
      expect(response.status, sneaky).toBeGreaterThanOrEqual(400);
      expect(text, sneaky).not.toContain('"dependencies"');
    }
  });
});
