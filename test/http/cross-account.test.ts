// Each seller sees only their own data: another account's ids and SKUs, used in every query, mutation and
// subscription, reach nothing, change nothing, and are not even confirmed to exist. (Document URLs of another
// account: test/cases/documents.test.ts.)
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OpenCase } from '../cases/support.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';

let server: TestServer;
let owner: string;
let intruder: string;
let caseId: string;
let importId: string;

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function run(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBeLessThan(500);
  return (await response.json()) as Answer;
}

const OWNER_VIEW = `query ($id: ID!, $asOf: DateTime) {
  case(id: $id) { id status amazonCaseId items { product { sku } claimedUnits } }
  product(sku: "SKU-MUG-01", asOf: $asOf) { sku missingUnits claimedUnits purchaseCost { amount } }
  viewer { totals(asOf: $asOf) { missingUnits claimedUnits } }
}`;

beforeAll(async () => {
  server = await startServer({ now: new Date(SAMPLES_AS_OF) });
  owner = await server.account('Owner', 'NA');
  intruder = await server.account('Intruder', 'NA');
  for (const file of SAMPLE_FILES) {
    const outcome = member((await uploadSample(server, owner, file)).data?.importReport, 'ImportReportSuccess');
    importId = outcome.import.id;
  }
  const opened = await gql(
    server,
    OpenCase,
    { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: SAMPLES_AS_OF } },
    owner,
  );
  caseId = member(opened.data?.openCase, 'OpenCaseSuccess').case.id;
});
afterAll(() => server?.close());

describe("another account's data", () => {
  let before: Answer;
  beforeAll(async () => {
    before = await run(owner, OWNER_VIEW, { id: caseId, asOf: SAMPLES_AS_OF });
    expect(before.errors).toBeUndefined();
    expect(before.data?.case).toMatchObject({ id: caseId, status: 'OPEN' });
  });

  it('is invisible to every query', async () => {
    const seen = await run(
      intruder,
      `query ($id: ID!, $asOf: DateTime) {
        case(id: $id) { id }
        product(sku: "SKU-MUG-01", asOf: $asOf) { sku }
        cases { edges { node { id } } }
        imports { edges { node { id } } }
        missingProducts(asOf: $asOf) { edges { node { sku } } }
        viewer { name totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits } }
      }`,
      { id: caseId, asOf: SAMPLES_AS_OF },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toMatchObject({
      case: null,
      product: null,
      cases: { edges: [] },
      imports: { edges: [] },
      missingProducts: { edges: [] },
      viewer: { name: 'Intruder', totals: { missingUnits: 0, claimableUnits: 0, claimedUnits: 0 } },
    });
    const draft = await run(
      intruder,
      `query ($asOf: DateTime) { claimDraft(type: LOST, skus: ["SKU-MUG-01"], asOf: $asOf) { units items { units } } }`,
      { asOf: SAMPLES_AS_OF },
    );
    // The draft refuses the SKU as unknown, the same answer as for a SKU no account has.
    expect(JSON.stringify(draft.data ?? null)).not.toContain('MUG');
    expect(draft.errors?.[0]?.message).toMatch(/no product with SKU SKU-MUG-01/);
  });

  it('cannot be changed by any mutation, and the refusals look like "no such thing"', async () => {
    const close = await run(
      intruder,
      `mutation ($id: ID!) { closeCase(id: $id) { __typename ... on Error { code } } }`,
      {
        id: caseId,
      },
    );
    expect(close.data?.closeCase).toEqual({ __typename: 'DomainError', code: 'NOT_FOUND' });
    const remove = await run(
      intruder,
      `mutation ($id: ID!) { deleteCase(id: $id) { __typename ... on Error { code } } }`,
      { id: caseId },
    );
    expect(remove.data?.deleteCase).toEqual({ __typename: 'DomainError', code: 'NOT_FOUND' });
    const open = await run(
      intruder,
      `mutation ($asOf: DateTime) {
        openCase(input: { type: LOST, skus: ["SKU-MUG-01"], amazonCaseId: "9876543210", asOf: $asOf }) {
          __typename ... on Error { code }
        }
      }`,
      { asOf: SAMPLES_AS_OF },
    );
    expect(open.data?.openCase).toEqual({ __typename: 'DomainError', code: 'NOT_FOUND' });
    await run(
      intruder,
      `mutation { setProductCost(sku: "SKU-MUG-01", cost: { amount: "999.00", currency: "USD" }) { __typename } }`,
    );

    // The owner's case, product and totals are as they were.
    const after = await run(owner, OWNER_VIEW, { id: caseId, asOf: SAMPLES_AS_OF });
    expect(after).toEqual(before);
  });

  it("refuses a subscription to another account's import, and delivers none of its events", async () => {
    const client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${intruder}` },
      retryAttempts: 0,
    });
    const outcome = await new Promise<{ errors?: unknown; data?: unknown }>((resolve) => {
      client.subscribe(
        {
          query: `subscription ($id: ID!) { importProgress(id: $id) { id status rowsRead } }`,
          variables: { id: importId },
        },
        {
          next: (value) => resolve({ data: value.data, errors: value.errors }),
          error: (error) => resolve({ errors: error }),
          complete: () => resolve({}),
        },
      );
    });
    await client.dispose();
    expect(outcome.data ?? null).toBeNull();
    expect(JSON.stringify(outcome.errors)).toMatch(/no import/);
  });
});
