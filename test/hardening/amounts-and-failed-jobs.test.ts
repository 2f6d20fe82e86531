// Issue 14, F5: an amount too large for the money columns is refused where it comes in, naming what and where
// (setProductCost's argument, a costs file's line and column); and an import whose job fails on every try ends
// FAILED with the reason, never RUNNING for ever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { gql, ImportReport, startServer, type TestServer, upload } from '../support/server.js';

const TOO_LARGE = '99999999999999999999999999999.99';

const SetCost = graphql(`
  mutation SetCostOfAmounts($sku: String!, $amount: String!) {
    setProductCost(sku: $sku, cost: { amount: $amount, currency: "USD" }) {
      __typename
      ... on Error { code message }
      ... on SetProductCostSuccess { product { purchaseCost { amount } } }
    }
  }
`);

const ImportStatus = graphql(`
  query ImportStatusOfAmounts($first: Int) {
    imports(first: $first) { edges { node { id fileName status errors { line column message } } } }
  }
`);

const CostOf = graphql(`
  query CostOfAmounts($sku: String!) {
    product(sku: $sku) { purchaseCost { amount currency } }
  }
`);

let server: TestServer;
let token: string;

const costs = (rows: string[][]) =>
  `${['sku', 'cost', 'currency'].join('\t')}\n${rows.map((row) => row.join('\t')).join('\n')}\n`;

async function importCosts(name: string, content: string) {
  return (await upload(server, token, { name, content }, ImportReport, {})).data!.importReport;
}

beforeAll(async () => {
  server = await startServer();
  token = await server.account('Amounts', 'NA');
  const first = await importCosts('costs.tsv', costs([['SKU-AMOUNT-1', '4.10', 'USD']]));
  expect(first.__typename).toBe('ImportReportSuccess');
});
afterAll(() => server?.close());

describe('F5: an amount too large for its column', () => {
  it('setProductCost refuses it with INVALID_INPUT naming the cost, and keeps the stored cost', async () => {
    const answer = (await gql(server, SetCost, { sku: 'SKU-AMOUNT-1', amount: TOO_LARGE }, token)).data!.setProductCost;
    expect(answer).toMatchObject({ code: 'INVALID_INPUT' });
    expect('message' in answer && answer.message).toMatch(/cost is too large/);
    const product = (await gql(server, CostOf, { sku: 'SKU-AMOUNT-1' }, token)).data!.product!;
    expect(product.purchaseCost).toEqual({ amount: '4.10', currency: 'USD' });
  });

  it('a costs file holding it is refused with its line and column', async () => {
    const answer = await importCosts(
      'big-costs.tsv',
      costs([
        ['SKU-AMOUNT-1', '5.00', 'USD'],
        ['SKU-AMOUNT-2', TOO_LARGE, 'USD'],
      ]),
    );
    const errors =
      answer.__typename === 'ImportRefusedError'
        ? answer.errors
        : answer.__typename === 'ImportReportSuccess'
          ? answer.import.errors
          : [];
    expect(errors, JSON.stringify(answer)).toContainEqual({
      line: 3,
      column: 'cost',
      message: expect.stringMatching(/too large/),
    });
    const listed = (await gql(server, ImportStatus, { first: 1 }, token)).data!.imports.edges[0]!.node;
    expect(listed).toMatchObject({ fileName: 'big-costs.tsv', status: 'FAILED' });
  });
});

describe('an import job that fails on every try', () => {
  it('leaves its import FAILED with the reason', async () => {
    // The database itself refuses the product of this file: the job fails on each of its tries.
    await server.database.db.sql.execScript(`
      CREATE FUNCTION refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the disk is full'; END $$;
      CREATE TRIGGER refuse_doomed BEFORE INSERT ON product FOR EACH ROW
        WHEN (NEW.sku = 'SKU-DOOMED') EXECUTE FUNCTION refuse_doomed();
    `);
    await importCosts('doomed.tsv', costs([['SKU-DOOMED', '1.00', 'USD']]));
    // Three tries, a second and then two apart; an import left RUNNING stays so, and this gives up after 30 s.
    let node: { fileName: string; status: string; errors: Array<{ message: string }> } | undefined;
    for (let wait = 0; wait < 300; wait++) {
      node = (await gql(server, ImportStatus, { first: 1 }, token)).data!.imports.edges[0]!.node;
      if (node.status !== 'QUEUED' && node.status !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(node).toMatchObject({ fileName: 'doomed.tsv', status: 'FAILED' });
    expect(node!.errors[0]!.message).toMatch(/the disk is full/);
  });
});
