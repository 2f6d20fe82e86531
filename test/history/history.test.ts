// The `history` query on the sample files (docs/api.md): every number worked by hand from spec/samples.
//
// Unit values (docs/rules.md section 6, LAST_SALE_PRICE): MUG 12.99, LAMP 22.50 (cost), BAG 34.00, CAP 19.99,
// PEN 3.00 (cost), CUP none.
// Gross events (section 1): CAP refund …03 2025-01-10 (1); PEN M 2025-03-01 (1); CAP refund …01 2025-03-20 (1; …02 was
// returned); MUG M 2025-04-20 (3); BAG FBA15ABCDE1 closed 2025-05-10 (4); LAMP E 2025-05-25 (1); CAP refund …04
// 2025-05-30 (1); LAMP E 2025-06-01 (2); CUP M 2025-06-10 (1).
// Reimbursed: 5000001 +1 12.99 and its reversal 5000002 −1 −12.99 in May; 5000003 1 × 18.00 in June.
// Expired on 2025-06-15: PEN (deadline 2025-04-30), CAP …03 (deadline 2025-05-10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenCase } from '../cases/support.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';

const History = graphql(`
  query History($from: Date, $to: Date, $type: MissingType, $asOf: DateTime) {
    history(from: $from, to: $to, type: $type, asOf: $asOf) {
      from to
      months {
        month missingUnits claimedUnits reimbursedUnits expiredUnits
        values {
          currency
          missing { amount currency } claimed { amount currency }
          reimbursed { amount currency } expired { amount currency }
        }
      }
    }
  }
`);

interface Month {
  month: string;
  units: [missing: number, claimed: number, reimbursed: number, expired: number];
  /** USD amounts of the same four, or none when the month has no valued unit. */
  usd?: [missing: string, claimed: string, reimbursed: string, expired: string];
}

function expected(months: Month[]) {
  return months.map(({ month, units, usd }) => ({
    month,
    missingUnits: units[0],
    claimedUnits: units[1],
    reimbursedUnits: units[2],
    expiredUnits: units[3],
    values: usd
      ? [
          {
            currency: 'USD',
            missing: { amount: usd[0], currency: 'USD' },
            claimed: { amount: usd[1], currency: 'USD' },
            reimbursed: { amount: usd[2], currency: 'USD' },
            expired: { amount: usd[3], currency: 'USD' },
          },
        ]
      : [],
  }));
}

const FIRST_HALF: Month[] = [
  { month: '2025-01-01', units: [1, 0, 0, 0], usd: ['19.99', '0.00', '0.00', '0.00'] },
  { month: '2025-02-01', units: [0, 0, 0, 0] },
  { month: '2025-03-01', units: [2, 0, 0, 0], usd: ['22.99', '0.00', '0.00', '0.00'] },
  { month: '2025-04-01', units: [3, 0, 0, 1], usd: ['38.97', '0.00', '0.00', '3.00'] },
  // 22.50 (LAMP) + 4 × 34.00 (BAG) + 19.99 (CAP); the reimbursement and its reversal make 0 units and 0.00.
  { month: '2025-05-01', units: [6, 0, 0, 1], usd: ['178.49', '0.00', '0.00', '19.99'] },
  // CUP's unit has no value: in the units, not in the amount.
  { month: '2025-06-01', units: [3, 0, 1, 0], usd: ['45.00', '0.00', '18.00', '0.00'] },
];

describe('history: units and value missing, claimed, reimbursed and expired per month (samples, NA, asOf 2025-06-15)', () => {
  let server: TestServer;
  let token: string;

  async function history(variables: { from?: string; to?: string; type?: 'LOST'; asOf?: string }, as = token) {
    const result = await gql(server, History, { asOf: SAMPLES_AS_OF, ...variables }, as);
    return result;
  }

  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Sample Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('gives every month from January to June 2025 with the numbers worked from the samples', async () => {
    const result = await history({ from: '2025-01-15', to: '2025-06-30' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.history).toEqual({ from: '2025-01-01', to: '2025-06-30', months: expected(FIRST_HALF) });
  });

  it('counts as expired only deadlines passed on asOf: on 2025-05-10 CAP …03 can still be claimed', async () => {
    const result = await history({ from: '2025-04-01', to: '2025-05-31', asOf: '2025-05-10T12:00:00Z' });
    expect(result.data!.history.months.map((month) => month.expiredUnits)).toEqual([1, 0]);
    const later = await history({ from: '2025-04-01', to: '2025-05-31', asOf: '2025-05-11T00:00:00Z' });
    expect(later.data!.history.months.map((month) => month.expiredUnits)).toEqual([1, 1]);
  });

  it('keeps the numbers of one type with `type`', async () => {
    const result = await history({ from: '2025-01-01', to: '2025-06-30', type: 'LOST' });
    expect(result.data!.history.months).toEqual(
      expected([
        { month: '2025-01-01', units: [0, 0, 0, 0] },
        { month: '2025-02-01', units: [0, 0, 0, 0] },
        { month: '2025-03-01', units: [1, 0, 0, 0], usd: ['3.00', '0.00', '0.00', '0.00'] },
        { month: '2025-04-01', units: [3, 0, 0, 1], usd: ['38.97', '0.00', '0.00', '3.00'] },
        { month: '2025-05-01', units: [0, 0, 0, 0], usd: ['0.00', '0.00', '0.00', '0.00'] },
        { month: '2025-06-01', units: [1, 0, 0, 0] },
      ]),
    );
  });

  it("defaults to the 12 months that end with asOf's", async () => {
    const result = await history({});
    const { from, to, months } = result.data!.history;
    expect({ from, to, count: months.length }).toEqual({ from: '2024-07-01', to: '2025-06-30', count: 12 });
    expect(months.slice(6)).toEqual(expected(FIRST_HALF));
  });

  it('refuses a range that ends before it starts, or longer than 36 months', async () => {
    const backwards = await history({ from: '2025-06-01', to: '2025-01-31' });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const tooLong = await history({ from: '2022-01-01', to: '2025-01-31' });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const longest = await history({ from: '2022-02-01', to: '2025-01-31' });
    expect(longest.data?.history.months).toHaveLength(36);
  });

  it("shows another account none of this account's history", async () => {
    const other = await server.account('Other Seller', 'NA');
    const result = await history({ from: '2025-01-01', to: '2025-06-30' }, other);
    expect(result.data!.history.months.every((month) => month.missingUnits === 0 && month.values.length === 0)).toBe(
      true,
    );
  });

  it('counts a case in the month it was opened and its payments in the months they were approved', async () => {
    // EXPECTED.md's case scenario, steps 1 and 2: the case claims MUG's 2 units on 2025-06-15 (2 × 12.99), then
    // 5000010 (06-20, naming the case) and 5000011 (06-25, inventory) pay 12.99 each.
    const opened = await gql(
      server,
      OpenCase,
      { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: SAMPLES_AS_OF } },
      token,
    );
    member(opened.data?.openCase, 'OpenCaseSuccess');
    member(
      (await uploadSample(server, token, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    const result = await history({ from: '2025-01-01', to: '2025-06-30' });
    expect(result.data!.history.months).toEqual(
      expected([
        ...FIRST_HALF.slice(0, 5),
        // Missing stays what the events found (gross); claimed 2 (25.98); reimbursed 1 + 2 units, 18.00 + 25.98.
        { month: '2025-06-01', units: [3, 2, 3, 0], usd: ['45.00', '25.98', '43.98', '0.00'] },
      ]),
    );
  });
});
