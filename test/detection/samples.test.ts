// spec/samples/EXPECTED.md, every number of its table, through the GraphQL API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import {
  EXPECTED_ORDER,
  EXPECTED_PAYOUTS,
  EXPECTED_TOTALS,
  expectRow,
  MissingView,
  PayoutView,
  TABLE,
  usd,
} from '../support/expected-samples.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';

const AS_OF = SAMPLES_AS_OF;

const ProductEvidence = graphql(`
  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {
    product(sku: $sku, asOf: $asOf) {
      sku nextDeadline
      evidence(type: $type) { type date units state deadline source reference reasonCode }
    }
  }
`);

describe('the sample files give the numbers of EXPECTED.md (NA, default settings, asOf 2025-06-15)', () => {
  let server: TestServer;
  let token: string;

  async function view() {
    const result = await gql(server, MissingView, { asOf: AS_OF, first: 50 }, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Sample Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('lists the products, the most urgent first, then those without a deadline by SKU', async () => {
    const { missingProducts } = await view();
    expect(missingProducts.edges.map((edge) => edge.node.sku)).toEqual(EXPECTED_ORDER);
    expect(missingProducts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  for (const row of TABLE) {
    it(`${row.sku}: ${row.type} missing ${row.missing}, claimable ${row.claimable}, claimed ${row.claimed}, expired ${row.expired}`, async () => {
      expectRow((await view()).missingProducts.edges.find((edge) => edge.node.sku === row.sku)!.node, row);
    });
  }

  it('totals the account: 11 missing, 9 claimable, 0 claimed, 2 expired, 246.96 USD reimbursable', async () => {
    expect((await view()).viewer.totals).toEqual(EXPECTED_TOTALS);
  });

  describe("docs/rules.md 9. expected payout by Amazon's current policy (NA: the cost from 2025-03-10)", () => {
    async function payouts() {
      const result = await gql(server, PayoutView, { asOf: AS_OF }, token);
      expect(result.errors).toBeUndefined();
      return result.data!;
    }

    for (const [sku, { expectedPayout, payoutBasis }] of Object.entries(EXPECTED_PAYOUTS)) {
      it(`${sku}: ${expectedPayout ?? 'null'} (${payoutBasis})`, async () => {
        const node = (await payouts()).missingProducts.edges.find((edge) => edge.node.sku === sku)!.node;
        expect(node).toMatchObject({ expectedPayout: usd(expectedPayout), payoutBasis });
        expect(node.byType).toEqual([
          { type: TABLE.find((row) => row.sku === sku)!.type, expectedPayout: usd(expectedPayout), payoutBasis },
        ]);
      });
    }

    it('totals: expected payout 95.18 USD, underpaid 4.50 USD', async () => {
      expect((await payouts()).viewer.totals).toEqual({
        expectedPayout: [{ amount: '95.18', currency: 'USD' }],
        underpaid: [{ amount: '4.50', currency: 'USD' }],
      });
    });

    it('lists line 5000003 as underpaid (18.00 paid against a cost of 22.50), and 5000001 (12.99 against 5.10) not', async () => {
      const { underpaidReimbursements } = await payouts();
      expect(underpaidReimbursements.totalCount).toBe(1);
      expect(underpaidReimbursements.edges.map((edge) => edge.node)).toEqual([
        {
          reimbursementId: '5000003',
          approvalDate: '2025-06-05T08:00:00.000Z',
          product: { sku: 'SKU-LAMP-02' },
          type: 'DAMAGED',
          cashUnits: 1,
          basis: 'MANUFACTURING_COST',
          amountPerUnit: usd('18.00'),
          expectedPerUnit: usd('22.50'),
          underpaidBy: usd('4.50'),
        },
      ]);
    });
  });

  it('shows the evidence behind each number, with its window state and deadline', async () => {
    const cap = await gql(server, ProductEvidence, { sku: 'SKU-CAP-04', asOf: AS_OF }, token);
    expect(cap.data!.product!.evidence).toEqual([
      {
        type: 'UNRETURNED',
        date: '2025-01-10',
        units: 1,
        state: 'EXPIRED',
        deadline: '2025-05-10',
        source: 'REFUND',
        reference: '111-0000003-0000003',
        reasonCode: null,
      },
      {
        type: 'UNRETURNED',
        date: '2025-03-20',
        units: 1,
        state: 'CLAIMABLE',
        deadline: '2025-07-18',
        source: 'REFUND',
        reference: '111-0000001-0000001',
        reasonCode: null,
      },
      {
        type: 'UNRETURNED',
        date: '2025-05-30',
        units: 1,
        state: 'WAITING',
        deadline: '2025-09-27',
        source: 'REFUND',
        reference: '111-0000004-0000004',
        reasonCode: null,
      },
    ]);
    const mug = await gql(server, ProductEvidence, { sku: 'SKU-MUG-01', asOf: AS_OF, type: 'LOST' }, token);
    expect(mug.data!.product!.evidence).toEqual([
      {
        type: 'LOST',
        date: '2025-04-20',
        units: 2,
        state: 'CLAIMABLE',
        deadline: '2025-06-19',
        source: 'LEDGER',
        reference: '100000000001',
        reasonCode: 'M',
      },
    ]);
    const bag = await gql(server, ProductEvidence, { sku: 'SKU-BAG-03', asOf: AS_OF }, token);
    expect(bag.data!.product!.evidence).toEqual([
      {
        type: 'INBOUND',
        date: '2025-05-10',
        units: 4,
        state: 'CLAIMABLE',
        deadline: '2025-07-09',
        source: 'SHIPMENT',
        reference: 'FBA15ABCDE1',
        reasonCode: null,
      },
    ]);
  });

  it('pages through the list with cursors', async () => {
    const first = await gql(server, MissingView, { asOf: AS_OF, first: 4 }, token);
    const page = first.data!.missingProducts;
    expect(page.edges.map((edge) => edge.node.sku)).toEqual(['SKU-MUG-01', 'SKU-BAG-03', 'SKU-CAP-04', 'SKU-LAMP-02']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await gql(server, MissingView, { asOf: AS_OF, first: 4, after: page.pageInfo.endCursor }, token);
    expect(second.data!.missingProducts.edges.map((edge) => edge.node.sku)).toEqual(['SKU-CUP-06', 'SKU-PEN-05']);
    expect(second.data!.missingProducts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('changes no number when every file is imported a second time', async () => {
    const before = await view();
    for (const file of SAMPLE_FILES) {
      const outcome = member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
      expect(outcome.import.inserted + outcome.import.updated, file).toBe(0);
    }
    expect(await view()).toEqual(before);
  });
});

describe('docs/rules.md 9. with settlement-fees.tsv: the refund of order …01 is paid at its order price less its fees', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Sample Seller', 'NA');
    for (const file of [...SAMPLE_FILES, 'settlement-fees.tsv'])
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('SKU-CAP-04: …01 at 19.99 − 3.00 − 5.49 = 11.50, …04 at its refund, 19.99: 31.49 USD, ORDER_PRICE_LESS_FEES (a tie, the first basis)', async () => {
    const result = await gql(server, PayoutView, { asOf: AS_OF }, token);
    expect(result.errors).toBeUndefined();
    const cap = result.data!.missingProducts.edges.find((edge) => edge.node.sku === 'SKU-CAP-04')!.node;
    expect(cap).toMatchObject({ expectedPayout: usd('31.49'), payoutBasis: 'ORDER_PRICE_LESS_FEES' });
    // The other rows and the reimbursable numbers are those of EXPECTED.md: only the payout of CAP-04 moved.
    expect(result.data!.viewer.totals.expectedPayout).toEqual([usd('86.69')]);
    const claimable = await gql(server, ProductEvidence, { sku: 'SKU-CAP-04', asOf: AS_OF }, token);
    expect(claimable.data!.product!.evidence.map((line) => line.reference)).toEqual([
      '111-0000003-0000003',
      '111-0000001-0000001',
      '111-0000004-0000004',
    ]);
  });
});
