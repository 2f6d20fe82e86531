// Issue 14, F9, F7 and I: every bad value gets a typed refusal naming what was wrong (never "Unexpected error."),
// IDs are read strictly, a search is literal, and a claim's Excel link carries any SKU.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { importText, LOST_DAY, ledgerFile, NOW } from '../cases/fixtures.js';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/server.js';
import { type Answer, answersWithinASecond, send } from './support.js';

let server: TestServer;
let token: string;
let other: string;

const SKUS = ['SKU,WITH,COMMAS', '50%OFF', 'PLAIN_1', 'PLAINX1'];

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
  token = await server.account('Typed', 'NA');
  other = await server.account('Bystander', 'NA');
  const rows = SKUS.map((sku, index) => ({
    day: LOST_DAY,
    sku,
    fnsku: `X00TYPED0${index}`,
    quantity: -(index + 1),
    reference: `4100000000${index}`,
  }));
  await importText(server, token, 'ledger.tsv', ledgerFile(rows));
});
afterAll(() => server?.close());

function refusedAsInvalid(answer: Answer, naming: RegExp) {
  expect(answer.errors, JSON.stringify(answer)).toBeDefined();
  const error = answer.errors![0]!;
  expect(error.message).not.toMatch(/Unexpected error/);
  expect(error.extensions?.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(naming);
}

describe('F9: control characters in arguments', () => {
  const NUL = 'SKU\u0000X';
  const cases: Array<[string, string, Record<string, unknown>, RegExp, string?]> = [
    ['product(sku)', 'query ($s: String!) { product(sku: $s) { sku } }', { s: NUL }, /sku of product/],
    ['products(search)', 'query ($s: String) { products(search: $s) { edges { cursor } } }', { s: NUL }, /search/],
    ['a literal', '{ product(sku: "A\\u0000B") { sku } }', {}, /sku of product/],
    [
      'claimDraft(skus)',
      'query ($s: [String!]!) { claimDraft(type: LOST, skus: $s) { units } }',
      { s: ['PLAIN_1', NUL] },
      /skus\[1\] of claimDraft/,
    ],
    [
      'openCase(input)',
      'mutation ($i: OpenCaseInput!) { openCase(input: $i) { __typename } }',
      { i: { type: 'LOST', skus: ['PLAIN_1'], amazonCaseId: '1234567890\u0007' } },
      /input\.amazonCaseId of openCase/,
    ],
    [
      'setProductCost(sku)',
      'mutation ($s: String!) { setProductCost(sku: $s, cost: { amount: "1.00", currency: "USD" }) { __typename } }',
      { s: NUL },
      /sku of setProductCost/,
    ],
    [
      'createAccount(name)',
      'mutation ($n: String!) { createAccount(name: $n, region: NA) { token } }',
      { n: 'Evil\u0000Corp' },
      /name of createAccount/,
      ADMIN_TOKEN,
    ],
  ];
  for (const [what, query, variables, naming, as] of cases) {
    it(`refuses a control character in ${what} with INVALID_INPUT`, async () => {
      const answer = await send(server, as ?? token, query, variables);
      refusedAsInvalid(answer, naming);
      expect(answer.status).toBe(400);
      await answersWithinASecond(server, other);
    });
  }

  it('keeps tabs and line breaks, which free text may hold', async () => {
    const answer = await send(server, token, 'query ($s: String!) { product(sku: $s) { sku } }', { s: 'A\tB\nC' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.product).toBeNull();
  });
});

describe('F9: impossible dates and years out of range', () => {
  for (const asOf of ['2025-02-30T00:00:00Z', '2025-02-29T12:00:00Z', '0000-01-01T00:00:00Z', '2025-13-01T00:00:00Z']) {
    it(`refuses asOf ${asOf} with INVALID_INPUT`, async () => {
      const byVariable = await send(
        server,
        token,
        'query ($a: DateTime) { viewer { totals(asOf: $a) { missingUnits } } }',
        {
          a: asOf,
        },
      );
      refusedAsInvalid(byVariable, /\$a/);
      expect(byVariable.status).toBe(400);
      const literal = await send(server, token, `{ product(sku: "PLAIN_1", asOf: "${asOf}") { sku } }`);
      refusedAsInvalid(literal, /DateTime/);
      await answersWithinASecond(server, other);
    });
  }

  it('still reads a leap day and an offset', async () => {
    for (const asOf of ['2024-02-29T00:00:00Z', '2025-06-15T08:00:00+02:00']) {
      const answer = await send(server, token, `{ product(sku: "PLAIN_1", asOf: "${asOf}") { sku } }`);
      expect(answer.errors, asOf).toBeUndefined();
    }
  });
});

describe('I: IDs are read strictly', () => {
  it('refuses 0x1, 1e0, " 1", +1 and 01 as case IDs', async () => {
    for (const id of ['0x1', '1e0', ' 1', '+1', '01', '1.0', '']) {
      const answer = await send(server, token, 'query ($id: ID!) { case(id: $id) { id } }', { id });
      expect(answer.errors?.[0]?.message, id).toMatch(/is not a case id/);
      const close = await send(server, token, 'mutation ($id: ID!) { closeCase(id: $id) { __typename } }', { id });
      expect(close.errors?.[0]?.message, id).toMatch(/is not a case id/);
    }
    await answersWithinASecond(server, other);
  });
});

describe('I: importProgress reads its ID strictly', () => {
  /** The first answer of an importProgress subscription over graphql-ws. */
  async function firstProgress(id: string) {
    const client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise<{ data?: unknown; errors?: unknown }>((resolve) => {
        client.subscribe(
          { query: 'subscription ($id: ID!) { importProgress(id: $id) { id status } }', variables: { id } },
          {
            next: (value) => resolve({ data: value.data, errors: value.errors }),
            error: (error) => resolve({ errors: error }),
            complete: () => resolve({}),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('follows the import by its ID, and refuses the same number written otherwise', async () => {
    const listed = await send(server, token, '{ imports(first: 1) { edges { node { id } } } }');
    const id = (listed.data as { imports: { edges: Array<{ node: { id: string } }> } }).imports.edges[0]!.node.id;
    expect(await firstProgress(id)).toMatchObject({ data: { importProgress: { id, status: 'SUCCEEDED' } } });
    const number = Number(id);
    for (const written of [`0x${number.toString(16)}`, `${id}e0`, ` ${id}`, `+${id}`, `0${id}`, `${id}.0`]) {
      const answer = await firstProgress(written);
      expect(answer.data ?? null, written).toBeNull();
      expect(JSON.stringify(answer.errors), written).toMatch(/has no import/);
    }
    await answersWithinASecond(server, other);
  });
});

describe('I: a search is literal', () => {
  const search = async (text: string) => {
    const answer = await send(server, token, 'query ($s: String) { products(search: $s) { edges { node { sku } } } }', {
      s: text,
    });
    expect(answer.errors).toBeUndefined();
    const products = answer.data?.products as { edges: Array<{ node: { sku: string } }> };
    return products.edges.map((edge) => edge.node.sku);
  };

  it('finds a % and an _ as such, not as wildcards', async () => {
    expect(await search('%')).toEqual(['50%OFF']);
    expect(await search('PLAIN_')).toEqual(['PLAIN_1']);
    expect(await search('\\')).toEqual([]);
    expect(await search('plain')).toEqual(['PLAIN_1', 'PLAINX1']);
  });
});

describe('F7: the claim document link carries any SKU', () => {
  it('downloads the workbook of a claim on a SKU with commas', async () => {
    const answer = await send(
      server,
      token,
      'query ($s: [String!]!) { claimDraft(type: LOST, skus: $s) { units documentUrl } }',
      { s: ['SKU,WITH,COMMAS', '50%OFF'] },
    );
    expect(answer.errors).toBeUndefined();
    const draft = answer.data?.claimDraft as { units: number; documentUrl: string };
    expect(draft.units).toBe(3);
    const response = await fetch(draft.documentUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheet/);
    await answersWithinASecond(server, other);
  });
});
