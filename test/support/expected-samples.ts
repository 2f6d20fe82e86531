// The table of spec/samples/EXPECTED.md and the query that reads it back, for every test that loads the samples
// (uploaded, or fetched from the fake Selling Partner API).
import { expect } from 'vitest';
import type { MissingViewQuery, MissingViewQueryVariables } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { gql } from './server.js';

export const MissingView = graphql(`
  query MissingView($asOf: DateTime, $first: Int, $after: String) {
    missingProducts(asOf: $asOf, first: $first, after: $after) {
      edges {
        cursor
        node {
          sku
          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
          unitValue { amount currency }
          reimbursable { amount currency }
          byType {
            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
            reimbursable { amount currency }
          }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
    viewer {
      totals(asOf: $asOf) {
        missingUnits claimableUnits claimedUnits expiredUnits
        reimbursable { amount currency }
        reimbursed { amount currency }
      }
    }
  }
`);

/** A row of the table of EXPECTED.md: one type per product there. */
export interface ExpectedRow {
  sku: string;
  type: string;
  missing: number;
  claimable: number;
  claimed: number;
  expired: number;
  nextDeadline: string | null;
  unitValue: string | null;
  reimbursable: string | null;
}

export const TABLE: ExpectedRow[] = [
  {
    sku: 'SKU-MUG-01',
    type: 'LOST',
    missing: 2,
    claimable: 2,
    claimed: 0,
    expired: 0,
    nextDeadline: '2025-06-19',
    unitValue: '12.99',
    reimbursable: '25.98',
  },
  {
    sku: 'SKU-LAMP-02',
    type: 'DAMAGED',
    missing: 2,
    claimable: 2,
    claimed: 0,
    expired: 0,
    nextDeadline: '2025-07-31',
    unitValue: '22.50',
    reimbursable: '45.00',
  },
  {
    sku: 'SKU-BAG-03',
    type: 'INBOUND',
    missing: 4,
    claimable: 4,
    claimed: 0,
    expired: 0,
    nextDeadline: '2025-07-09',
    unitValue: '34.00',
    reimbursable: '136.00',
  },
  {
    sku: 'SKU-CAP-04',
    type: 'UNRETURNED',
    missing: 2,
    claimable: 1,
    claimed: 0,
    expired: 1,
    nextDeadline: '2025-07-18',
    unitValue: '19.99',
    reimbursable: '39.98',
  },
  {
    sku: 'SKU-PEN-05',
    type: 'LOST',
    missing: 0,
    claimable: 0,
    claimed: 0,
    expired: 1,
    nextDeadline: null,
    unitValue: '3.00',
    reimbursable: '0.00',
  },
  {
    sku: 'SKU-CUP-06',
    type: 'LOST',
    missing: 1,
    claimable: 0,
    claimed: 0,
    expired: 0,
    nextDeadline: null,
    unitValue: null,
    reimbursable: null,
  },
];

export const usd = (amount: string | null) => (amount === null ? null : { amount, currency: 'USD' });

export const EXPECTED_ORDER = ['SKU-MUG-01', 'SKU-BAG-03', 'SKU-CAP-04', 'SKU-LAMP-02', 'SKU-CUP-06', 'SKU-PEN-05'];

export const EXPECTED_TOTALS = {
  missingUnits: 11,
  claimableUnits: 9,
  claimedUnits: 0,
  expiredUnits: 2,
  reimbursable: [{ amount: '246.96', currency: 'USD' }],
  reimbursed: [],
};

type ProductNode = NonNullable<
  Awaited<ReturnType<typeof gql<MissingViewQuery, MissingViewQueryVariables>>>['data']
>['missingProducts']['edges'][number]['node'];

/** Asserts one row of the table: the product's numbers, and the same numbers for its one type. */
export function expectRow(node: ProductNode, row: ExpectedRow) {
  const numbers = {
    missingUnits: row.missing,
    claimableUnits: row.claimable,
    claimedUnits: row.claimed,
    expiredUnits: row.expired,
    nextDeadline: row.nextDeadline,
    reimbursable: usd(row.reimbursable),
  };
  expect(node, row.sku).toMatchObject({ ...numbers, unitValue: usd(row.unitValue) });
  expect(node.byType, row.sku).toEqual([{ type: row.type, ...numbers }]);
}

/** Asserts every number of the table, the order and the totals, as of the samples' day. */
export async function expectSampleNumbers(server: { url: string }, token: string, asOf: string) {
  const result = await gql(server, MissingView, { asOf, first: 50 }, token);
  expect(result.errors).toBeUndefined();
  const { missingProducts, viewer } = result.data!;
  expect(missingProducts.edges.map((edge) => edge.node.sku)).toEqual(EXPECTED_ORDER);
  for (const row of TABLE) expectRow(missingProducts.edges.find((edge) => edge.node.sku === row.sku)!.node, row);
  expect(viewer.totals).toEqual(EXPECTED_TOTALS);
}

/** EXPECTED.md "Expected payout" (docs/rules.md section 9): each row's payout and basis, the totals, the underpaid line. */
export const PayoutView = graphql(`
  query PayoutView($asOf: DateTime) {
    missingProducts(asOf: $asOf, first: 50) {
      edges { node { sku expectedPayout { amount currency } payoutBasis byType { type expectedPayout { amount currency } payoutBasis } } }
    }
    viewer { totals(asOf: $asOf) { expectedPayout { amount currency } underpaid { amount currency } } }
    underpaidReimbursements(first: 10) {
      totalCount
      edges {
        node {
          reimbursementId approvalDate product { sku } type cashUnits basis
          amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency }
        }
      }
    }
  }
`);

export const EXPECTED_PAYOUTS: Record<string, { expectedPayout: string | null; payoutBasis: string }> = {
  'SKU-MUG-01': { expectedPayout: '10.20', payoutBasis: 'MANUFACTURING_COST' },
  'SKU-LAMP-02': { expectedPayout: '45.00', payoutBasis: 'MANUFACTURING_COST' },
  'SKU-BAG-03': { expectedPayout: null, payoutBasis: 'COST_UNKNOWN' },
  'SKU-CAP-04': { expectedPayout: '39.98', payoutBasis: 'ORDER_PRICE_FEES_UNKNOWN' },
  'SKU-PEN-05': { expectedPayout: '0.00', payoutBasis: 'MANUFACTURING_COST' },
  'SKU-CUP-06': { expectedPayout: null, payoutBasis: 'COST_UNKNOWN' },
};

/** EXPECTED.md "Removals": the receipt the seller records once both removal files are in. */
export const MUG_RECEIPT = { orderId: 'RMV-0002', trackingNumber: '1Z0002', sku: 'SKU-MUG-01', receivedUnits: 2 };

export const RecordReceipt = graphql(`
  mutation RecordReceipt($input: RemovalReceiptInput!) {
    recordRemovalReceipt(input: $input) {
      __typename
      ... on RecordRemovalReceiptSuccess {
        shipment { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits }
      }
      ... on Error { code message }
    }
  }
`);

/** The rows of EXPECTED.md once the removals are in: LAMP and MUG gain their REMOVAL units. */
export const REMOVAL_ROWS = {
  'SKU-LAMP-02': {
    numbers: {
      missingUnits: 4,
      claimableUnits: 4,
      claimedUnits: 0,
      expiredUnits: 0,
      nextDeadline: '2025-07-19',
      reimbursable: usd('90.00'),
    },
    removal: { missingUnits: 2, claimableUnits: 2, expiredUnits: 0, nextDeadline: '2025-07-19', reimbursable: '45.00' },
  },
  'SKU-MUG-01': {
    numbers: {
      missingUnits: 3,
      claimableUnits: 3,
      claimedUnits: 0,
      expiredUnits: 0,
      nextDeadline: '2025-06-19',
      reimbursable: usd('38.97'),
    },
    removal: { missingUnits: 1, claimableUnits: 1, expiredUnits: 0, nextDeadline: '2025-08-05', reimbursable: '12.99' },
  },
} as const;

export const REMOVAL_TOTALS = {
  missingUnits: 14,
  claimableUnits: 12,
  claimedUnits: 0,
  expiredUnits: 2,
  reimbursable: [usd('304.95')],
  reimbursed: [],
};

type MissingViewData = NonNullable<
  Awaited<ReturnType<typeof gql<MissingViewQuery, MissingViewQueryVariables>>>['data']
>;

/** Asserts the rows, the order and the totals of EXPECTED.md "Removals" in an answer of MissingView. */
export function expectRemovalRows(data: MissingViewData) {
  expect(data.missingProducts.edges.map((edge) => edge.node.sku)).toEqual(EXPECTED_ORDER);
  for (const [sku, expected] of Object.entries(REMOVAL_ROWS)) {
    const node = data.missingProducts.edges.find((edge) => edge.node.sku === sku)!.node;
    expect(node, sku).toMatchObject(expected.numbers);
    const { reimbursable, ...removal } = expected.removal;
    expect(
      node.byType.find((row) => row.type === 'REMOVAL'),
      sku,
    ).toEqual({ type: 'REMOVAL', claimedUnits: 0, ...removal, reimbursable: usd(reimbursable) });
  }
  // The other rows keep the numbers of the main table.
  for (const row of TABLE.filter((row) => !(row.sku in REMOVAL_ROWS))) {
    const node = data.missingProducts.edges.find((edge) => edge.node.sku === row.sku)!.node;
    expectRow(node, row);
  }
  expect(data.viewer.totals).toEqual(REMOVAL_TOTALS);
}

/**
 * The numbers of EXPECTED.md "Removals" for an account that has the six files and both removal reports (uploaded or
 * synced): the seller records the receipt of shipment 1Z0002 (again: a second receipt replaces the first), then every
 * number is asked for as of the samples' day.
 */
export async function expectRemovalNumbers(server: { url: string }, token: string, asOf: string) {
  const recorded = await gql(server, RecordReceipt, { input: MUG_RECEIPT }, token);
  expect(recorded.data?.recordRemovalReceipt.__typename, JSON.stringify(recorded)).toBe('RecordRemovalReceiptSuccess');
  const result = await gql(server, MissingView, { asOf, first: 50 }, token);
  expect(result.errors).toBeUndefined();
  expectRemovalRows(result.data!);
}
