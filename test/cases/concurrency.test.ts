// RULES.md section 5: "At most one OPEN case per (product, type)" and "The Amazon case ID ... unique within the
// account", also when two requests arrive at once (two clicks, two tabs): both go over HTTP at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startServer, type TestServer } from '../support/server.js';
import { importText, LOST_DAY, ledgerFile, NOW, openCase } from './fixtures.js';
import { CaseList, ProductNumbers } from './support.js';

const ROUNDS = 6;

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
  token = await server.account('Concurrent Seller', 'NA');
  const rows = Array.from({ length: 2 * ROUNDS }, (_, index) => ({
    day: LOST_DAY,
    sku: `SKU-RACE-${String(index).padStart(2, '0')}`,
    quantity: -(index + 1),
    reference: `40000000${String(index).padStart(4, '0')}`,
  }));
  await importText(server, token, 'ledger.tsv', ledgerFile(rows));
});
afterAll(() => server?.close());

const outcome = (result: Awaited<ReturnType<typeof openCase>>) =>
  'code' in result ? result.code : result.__typename === 'OpenCaseSuccess' ? 'success' : 'unknown';

describe('two openCase at once', () => {
  it('for the same product and type (different case IDs) give exactly one case and one CASE_ALREADY_OPEN', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const sku = `SKU-RACE-${String(round).padStart(2, '0')}`;
      const results = await Promise.all([
        openCase(server, token, { skus: [sku], amazonCaseId: `5000000${round}01` }),
        openCase(server, token, { skus: [sku], amazonCaseId: `5000000${round}02` }),
      ]);
      expect(results.map(outcome).sort(), `round ${round}`).toEqual(['CASE_ALREADY_OPEN', 'success']);
      const product = (await gql(server, ProductNumbers, { sku, asOf: NOW }, token)).data!.product!;
      expect(product.cases).toHaveLength(1);
      // Claimed once, not twice.
      expect(product).toMatchObject({ claimedUnits: round + 1, missingUnits: 0 });
    }
  });

  it('with the same case ID (different products) give exactly one case and one DUPLICATE_CASE_ID', async () => {
    // The products the first test left alone, two by two.
    for (let round = 0; round < ROUNDS / 2; round++) {
      const skus = [ROUNDS + round * 2, ROUNDS + round * 2 + 1].map((n) => `SKU-RACE-${String(n).padStart(2, '0')}`);
      const amazonCaseId = `6000000${round}00`;
      const results = await Promise.all(skus.map((sku) => openCase(server, token, { skus: [sku], amazonCaseId })));
      expect(results.map(outcome).sort(), `round ${round}`).toEqual(['DUPLICATE_CASE_ID', 'success']);
    }
    const listed = (await gql(server, CaseList, {}, token)).data!.cases.edges.map((edge) => edge.node.amazonCaseId);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
