// docs/rules.md section 6 (what a product row shows), the worked example of section 8, and the products
// of spec/samples/EXPECTED.md computed from hand-written facts mirroring the sample files.
import { describe, expect, it } from 'vitest';
import { type Lot, type ProductFacts, productPool } from '../../src/domain/detection.js';
import type { RefundFact } from '../../src/domain/missing-events.js';
import { Decimal, formatAmount, type Money, money, sumByCurrency } from '../../src/domain/money.js';
import { defaultPolicy, policyOf } from '../../src/domain/policy.js';
import type { ReimbursementFact } from '../../src/domain/reimbursement-types.js';
import {
  countByState,
  type DatedUnits,
  type ProductSummary,
  salePrice,
  summarise,
  summaryFromCounts,
  totalsOf,
  unitValue,
} from '../../src/domain/summary.js';
import { facts, ledger, reasonsIn, reimbursementLine } from './facts.js';

/** Money as it is shown: the amount written with the currency's decimals. */
function shown(value: Money | null): { amount: string; currency: string } | null {
  return value === null ? null : { amount: formatAmount(value), currency: value.currency };
}

const usd = (amount: string) => money(amount, 'USD');

/** The pool as summarise reads it: a type, a date and units per lot. */
function dated(lots: readonly Lot[]): DatedUnits[] {
  return lots.map((lot) => ({ type: lot.event.type, date: lot.event.date, units: lot.units }));
}

/** The numbers of a row (or of one type of it), money as shown. */
function numbers(row: Omit<ProductSummary, 'byType' | 'payoutParts'>) {
  return {
    missingUnits: row.missingUnits,
    claimableUnits: row.claimableUnits,
    claimedUnits: row.claimedUnits,
    expiredUnits: row.expiredUnits,
    nextDeadline: row.nextDeadline,
    reimbursable: shown(row.reimbursable),
  };
}

const NA = defaultPolicy('NA');

describe('docs/rules.md 6. missingUnits = WAITING + CLAIMABLE; expired units are shown apart', () => {
  // LOST 30/60, asOf 2025-06-15: 06-01 is WAITING (opens 07-01), 05-01 CLAIMABLE (05-31 … 06-30),
  // 03-01 EXPIRED (deadline 04-30).
  const pool: DatedUnits[] = [
    { type: 'LOST', date: '2025-06-01', units: 2 },
    { type: 'LOST', date: '2025-05-01', units: 3 },
    { type: 'LOST', date: '2025-03-01', units: 4 },
  ];

  it('counts each unit in its window state', () => {
    const [lost] = countByState(pool, {}, NA, '2025-06-15');
    expect(lost).toEqual({
      type: 'LOST',
      waiting: 2,
      claimable: 3,
      expired: 4,
      claimed: 0,
      nextDeadline: '2025-06-30',
      payoutParts: [],
    });
  });

  it('missing 5 (2 waiting + 3 claimable), claimable 3, expired 4', () => {
    const row = summarise(pool, {}, NA, '2025-06-15', null);
    expect(row.missingUnits).toBe(5);
    expect(row.claimableUnits).toBe(3);
    expect(row.expiredUnits).toBe(4);
    expect(row.byType.map((type) => type.type)).toEqual(['LOST']);
  });

  it('claimedUnits are the pending units of the OPEN cases, given apart from the pool', () => {
    const row = summarise(pool, { LOST: 2, DAMAGED: 1 }, NA, '2025-06-15', null);
    expect(row.claimedUnits).toBe(3);
    // A type with only claimed units still has a row; its missing units stay 0.
    expect(row.byType.map((type) => [type.type, type.missingUnits, type.claimedUnits])).toEqual([
      ['LOST', 5, 2],
      ['DAMAGED', 0, 1],
    ]);
    expect(row.missingUnits).toBe(5);
  });

  it('types with nothing missing, claimed or expired have no row; rows come LOST, DAMAGED, INBOUND, UNRETURNED', () => {
    const row = summarise(
      [
        { type: 'UNRETURNED', date: '2025-03-20', units: 1 },
        { type: 'LOST', date: '2025-05-01', units: 1 },
        { type: 'INBOUND', date: '2025-05-10', units: 4 },
      ],
      {},
      NA,
      '2025-06-15',
      null,
    );
    expect(row.byType.map((type) => type.type)).toEqual(['LOST', 'INBOUND', 'UNRETURNED']);
    expect(row.missingUnits).toBe(6);
  });

  it('an empty pool is all zeros, no deadline', () => {
    expect(numbers(summarise([], {}, NA, '2025-06-15', usd('10')))).toEqual({
      missingUnits: 0,
      claimableUnits: 0,
      claimedUnits: 0,
      expiredUnits: 0,
      nextDeadline: undefined,
      reimbursable: { amount: '0.00', currency: 'USD' },
    });
  });
});

describe('docs/rules.md 6. nextDeadline = the earliest date + E among CLAIMABLE units only', () => {
  it('the earliest deadline among claimable units of one type', () => {
    const row = summarise(
      [
        { type: 'LOST', date: '2025-05-10', units: 1 }, // deadline 07-09
        { type: 'LOST', date: '2025-04-20', units: 1 }, // deadline 06-19
      ],
      {},
      NA,
      '2025-06-15',
      null,
    );
    expect(row.nextDeadline).toBe('2025-06-19');
  });

  it('an expired unit (deadline passed) is not a next deadline', () => {
    const row = summarise(
      [
        { type: 'LOST', date: '2025-03-01', units: 1 }, // EXPIRED, deadline 04-30
        { type: 'LOST', date: '2025-05-10', units: 1 }, // CLAIMABLE, deadline 07-09
      ],
      {},
      NA,
      '2025-06-15',
      null,
    );
    expect(row.nextDeadline).toBe('2025-07-09');
  });

  it('a WAITING unit is not a next deadline, even when its deadline is earlier than a claimable one', () => {
    // DAMAGED 10/10 here: the unit of 06-10 waits until 06-20, its deadline. LOST 05-10 is claimable until 07-09.
    const policy = policyOf('NA', [{ type: 'DAMAGED', waitDays: 10, deadlineDays: 10 }]);
    const row = summarise(
      [
        { type: 'DAMAGED', date: '2025-06-10', units: 1 },
        { type: 'LOST', date: '2025-05-10', units: 1 },
      ],
      {},
      policy,
      '2025-06-15',
      null,
    );
    expect(row.byType.find((type) => type.type === 'DAMAGED')?.nextDeadline).toBeUndefined();
    expect(row.nextDeadline).toBe('2025-07-09');
  });

  it('nothing claimable: no next deadline', () => {
    const row = summarise(
      [
        { type: 'LOST', date: '2025-06-10', units: 1 }, // WAITING
        { type: 'LOST', date: '2025-03-01', units: 1 }, // EXPIRED
      ],
      {},
      NA,
      '2025-06-15',
      null,
    );
    expect(row.nextDeadline).toBeUndefined();
  });

  it('the row takes the earliest over its types', () => {
    const row = summarise(
      [
        { type: 'DAMAGED', date: '2025-06-01', units: 2 }, // deadline 07-31
        { type: 'INBOUND', date: '2025-05-10', units: 4 }, // deadline 07-09
      ],
      {},
      NA,
      '2025-06-15',
      null,
    );
    expect(row.byType.map((type) => type.nextDeadline)).toEqual(['2025-07-31', '2025-07-09']);
    expect(row.nextDeadline).toBe('2025-07-09');
  });
});

describe('docs/rules.md 6. reimbursable = missingUnits × unit value, in the unit value currency', () => {
  const pool: DatedUnits[] = [
    { type: 'LOST', date: '2025-06-10', units: 1 }, // WAITING
    { type: 'LOST', date: '2025-05-01', units: 2 }, // CLAIMABLE
    { type: 'LOST', date: '2025-03-01', units: 5 }, // EXPIRED: not valued
  ];

  it('3 missing units at 12.99 USD are 38.97 USD (expired units are not counted)', () => {
    const row = summarise(pool, {}, NA, '2025-06-15', usd('12.99'));
    expect(shown(row.reimbursable)).toEqual({ amount: '38.97', currency: 'USD' });
    expect(shown(row.byType[0]?.reimbursable ?? null)).toEqual({ amount: '38.97', currency: 'USD' });
  });

  it('the currency of the unit value is kept: 3 × 9.50 EUR = 28.50 EUR', () => {
    const row = summarise(pool, {}, NA, '2025-06-15', money('9.50', 'EUR'));
    expect(shown(row.reimbursable)).toEqual({ amount: '28.50', currency: 'EUR' });
  });

  it('null without a unit value', () => {
    const row = summarise(pool, {}, NA, '2025-06-15', null);
    expect(row.reimbursable).toBeNull();
    expect(row.byType[0]?.reimbursable).toBeNull();
  });

  it('claimed units are not reimbursable (they are claimed, not missing)', () => {
    const row = summarise([], { LOST: 2 }, NA, '2025-06-15', usd('12.99'));
    expect(shown(row.reimbursable)).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('the amount is exact: 3 × 19.99 = 59.97, not 59.970000000000006', () => {
    const row = summarise([{ type: 'LOST', date: '2025-05-01', units: 3 }], {}, NA, '2025-06-15', usd('19.99'));
    expect(row.reimbursable?.amount.toString()).toBe('59.97');
  });

  it('JPY is shown without decimals: 2 × 1500 JPY = 3000', () => {
    const row = summarise([{ type: 'LOST', date: '2025-05-01', units: 2 }], {}, NA, '2025-06-15', money('1500', 'JPY'));
    expect(shown(row.reimbursable)).toEqual({ amount: '3000', currency: 'JPY' });
  });

  it('summaryFromCounts alone gives the same numbers as summarise', () => {
    const counts = countByState(pool, { LOST: 1 }, NA, '2025-06-15');
    expect(numbers(summaryFromCounts(counts, usd('12.99')))).toEqual(
      numbers(summarise(pool, { LOST: 1 }, NA, '2025-06-15', usd('12.99'))),
    );
  });
});

describe('docs/rules.md 6. Unit value by the valuation setting', () => {
  const sale = usd('12.99');
  const cost = usd('5.10');

  it('LAST_SALE_PRICE (default): the latest sale price', () => {
    expect(unitValue({ lastSalePrice: sale, purchaseCost: cost }, 'LAST_SALE_PRICE')).toBe(sale);
  });

  it('LAST_SALE_PRICE: the purchase cost when the SKU never sold', () => {
    expect(unitValue({ lastSalePrice: null, purchaseCost: cost }, 'LAST_SALE_PRICE')).toBe(cost);
  });

  it('PURCHASE_COST: the purchase cost', () => {
    expect(unitValue({ lastSalePrice: sale, purchaseCost: cost }, 'PURCHASE_COST')).toBe(cost);
  });

  it('PURCHASE_COST: the latest sale price when no cost is set', () => {
    expect(unitValue({ lastSalePrice: sale, purchaseCost: null }, 'PURCHASE_COST')).toBe(sale);
  });

  it('neither: no unit value, under either setting', () => {
    expect(unitValue({ lastSalePrice: null, purchaseCost: null }, 'LAST_SALE_PRICE')).toBeNull();
    expect(unitValue({ lastSalePrice: null, purchaseCost: null }, 'PURCHASE_COST')).toBeNull();
  });
});

describe('docs/rules.md 6. Latest sale price = amount ÷ quantity-purchased, in exact decimals', () => {
  it('25.98 for 2 is 12.99 exactly', () => {
    const price = salePrice('25.98', 2, 'USD');
    expect(price.currency).toBe('USD');
    expect(price.amount.toString()).toBe('12.99');
    expect(price.amount.equals(new Decimal('12.99'))).toBe(true);
  });

  it('a missing quantity counts 1: 34.00 without quantity-purchased is 34.00', () => {
    expect(salePrice('34.00', undefined, 'USD').amount.toString()).toBe('34');
    expect(salePrice('34.00', null, 'USD').amount.toString()).toBe('34');
    expect(formatAmount(salePrice('34.00', null, 'USD'))).toBe('34.00');
  });

  it('10 for 3 is 3.33… and 3 units of it are worth 10.00, not 9.99', () => {
    const price = salePrice('10', 3, 'USD');
    expect(formatAmount(price)).toBe('3.33');
    const row = summarise([{ type: 'LOST', date: '2025-05-01', units: 3 }], {}, NA, '2025-06-15', price);
    expect(formatAmount(row.reimbursable!)).toBe('10.00');
    // decimal.js keeps 20 significant digits: 10 ÷ 3 × 3 = 9.9999999999999999999, 10 to the cent.
    expect(row.reimbursable!.amount.toDecimalPlaces(2).equals(10)).toBe(true);
  });

  it('0.1 for 1, 3 units: 0.3 exactly (no float error)', () => {
    const row = summarise(
      [{ type: 'LOST', date: '2025-05-01', units: 3 }],
      {},
      NA,
      '2025-06-15',
      salePrice('0.1', 1, 'USD'),
    );
    expect(row.reimbursable?.amount.toString()).toBe('0.3');
  });

  it('the currency of the sale is kept', () => {
    expect(salePrice('39.90', 2, 'EUR')).toEqual({ amount: new Decimal('19.95'), currency: 'EUR' });
  });
});

describe('docs/rules.md 6. Account totals: per currency, over every product', () => {
  it('sums units over products and reimbursable amounts per currency (products of two currencies)', () => {
    const totals = totalsOf([
      summarise([{ type: 'LOST', date: '2025-05-01', units: 2 }], {}, NA, '2025-06-15', usd('12.99')),
      summarise([{ type: 'DAMAGED', date: '2025-06-01', units: 2 }], { DAMAGED: 1 }, NA, '2025-06-15', usd('22.50')),
      summarise([{ type: 'INBOUND', date: '2025-05-10', units: 1 }], {}, NA, '2025-06-15', money('9.95', 'EUR')),
      summarise([{ type: 'LOST', date: '2025-06-10', units: 1 }], {}, NA, '2025-06-15', null),
      summarise([{ type: 'LOST', date: '2025-03-01', units: 1 }], {}, NA, '2025-06-15', usd('3.00')),
    ]);
    expect(totals.missingUnits).toBe(6);
    expect(totals.claimableUnits).toBe(5);
    expect(totals.claimedUnits).toBe(1);
    expect(totals.expiredUnits).toBe(1);
    // USD: 2 × 12.99 + 2 × 22.50 + 0 × 3.00 = 25.98 + 45.00 = 70.98. EUR: 9.95. The unvalued product adds nothing.
    expect(totals.reimbursable.map(shown)).toEqual([
      { amount: '9.95', currency: 'EUR' },
      { amount: '70.98', currency: 'USD' },
    ]);
  });

  it('sumByCurrency keeps currencies apart, in alphabetical order', () => {
    expect(sumByCurrency([usd('1.10'), money('2', 'EUR'), usd('2.20'), money('3', 'EUR')]).map(shown)).toEqual([
      { amount: '5.00', currency: 'EUR' },
      { amount: '3.30', currency: 'USD' },
    ]);
  });

  it('no valued product: no reimbursable total', () => {
    expect(totalsOf([summarise([{ type: 'LOST', date: '2025-06-10', units: 1 }], {}, NA, '2025-06-15', null)])).toEqual(
      {
        missingUnits: 1,
        claimableUnits: 0,
        claimedUnits: 0,
        expiredUnits: 0,
        reimbursable: [],
        expectedPayout: [],
      },
    );
  });
});

function reimbursement(
  approvalDate: string,
  reimbursementId: string,
  reason: string,
  units: number,
  amount: string,
  fields: Partial<ReimbursementFact> = {},
) {
  return reimbursementLine(reason, { approvalDate: new Date(approvalDate), reimbursementId, units, amount, ...fields });
}

describe('docs/rules.md 8. Worked example: LOST, one product', () => {
  // ledger M −2 on 03-02; F +1 on 03-20; Lost_Warehouse 1 unit, id 9000001, on 04-01; its reversal −1 on 04-20.
  // Gross 2, found 1, unattributed reimbursed 1 − 1 = 0: one unit in the pool, dated 03-02.
  // W = 30 → claimable from 04-01; E = 60 → deadline 05-01.
  const ledgerRows = [ledger('M', -2, '2025-03-02', 'Adjustments'), ledger('F', 1, '2025-03-20', 'Adjustments')];
  const original = reimbursement('2025-04-01T08:00:00Z', '9000001', 'Lost_Warehouse', 1, '12.99');

  describe.each([
    ['with original-reimbursement-type on the reversal', 'Lost_Warehouse'],
    ['without original-reimbursement-type (typed by original-reimbursement-id)', undefined],
  ])('%s', (_name, originalType) => {
    const reversal = reimbursement('2025-04-20T08:00:00Z', '9000002', 'Reimbursement_Reversal', -1, '-12.99', {
      originalReimbursementId: '9000001',
      originalReimbursementType: originalType,
    });
    const lines = [original, reversal];
    const pool = () => productPool(facts({ ledger: ledgerRows, reimbursements: lines }), reasonsIn(lines));

    it('the pool is one unit dated 2025-03-02', () => {
      expect(pool().map((lot) => [lot.event.type, lot.event.date, lot.units])).toEqual([['LOST', '2025-03-02', 1]]);
    });

    it('on 2025-05-10 it is EXPIRED: missingUnits 0, expiredUnits 1', () => {
      const row = summarise(dated(pool()), {}, NA, '2025-05-10', null);
      expect(numbers(row)).toEqual({
        missingUnits: 0,
        claimableUnits: 0,
        claimedUnits: 0,
        expiredUnits: 1,
        nextDeadline: undefined,
        reimbursable: null,
      });
    });

    it('on 2025-04-15: missingUnits 1, claimableUnits 1, nextDeadline 2025-05-01', () => {
      const row = summarise(dated(pool()), {}, NA, '2025-04-15', null);
      expect(numbers(row)).toEqual({
        missingUnits: 1,
        claimableUnits: 1,
        claimedUnits: 0,
        expiredUnits: 0,
        nextDeadline: '2025-05-01',
        reimbursable: null,
      });
    });

    it('on the window edges: 03-31 WAITING, 04-01 CLAIMABLE, 05-01 CLAIMABLE, 05-02 EXPIRED', () => {
      const states = ['2025-03-31', '2025-04-01', '2025-05-01', '2025-05-02'].map((day) => {
        const row = summarise(dated(pool()), {}, NA, day, null);
        return [row.missingUnits - row.claimableUnits, row.claimableUnits, row.expiredUnits];
      });
      expect(states).toEqual([
        [1, 0, 0],
        [0, 1, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]);
    });
  });

  it('without the reversal, the reimbursement pays the unit: nothing in the pool', () => {
    expect(productPool(facts({ ledger: ledgerRows, reimbursements: [original] }), reasonsIn([original]))).toEqual([]);
  });
});

describe('EXPECTED.md: the sample products, NA, default settings, asOf 2025-06-15', () => {
  const AS_OF = '2025-06-15';
  const noOriginals = (): readonly string[] => [];

  /** The row of a product, valued LAST_SALE_PRICE (the default). */
  function row(
    productFacts: ProductFacts,
    prices: { lastSalePrice: Money | null; purchaseCost: Money | null },
    reasons: (id: string) => readonly string[] = noOriginals,
  ): ProductSummary {
    const pool = productPool(productFacts, reasons);
    return summarise(dated(pool), {}, NA, AS_OF, unitValue(prices, 'LAST_SALE_PRICE'));
  }

  // SKU-MUG-01: M −3 on 04-20, F +1 on 05-02; 5000001 Lost_Warehouse 1 (05-15) reversed by 5000002 (05-28).
  // Pool: 3 − 1 − (1 − 1) = 2 units of 04-20: claimable from 05-20, deadline 06-19.
  // Last sale: 25.98 for 2 on 06-03 (the 14.00 sale of 02-03 is older) = 12.99; the cost 5.10 is not used.
  const mugLines = [
    reimbursement('2025-05-15T08:00:00Z', '5000001', 'Lost_Warehouse', 1, '12.99'),
    reimbursement('2025-05-28T08:00:00Z', '5000002', 'Reimbursement_Reversal', -1, '-12.99', {
      originalReimbursementId: '5000001',
      originalReimbursementType: 'Lost_Warehouse',
    }),
  ];
  const mug = () =>
    row(
      facts({
        ledger: [
          ledger('M', -3, '2025-04-20', 'Adjustments'),
          ledger('F', 1, '2025-05-02', 'Adjustments'),
          ledger(undefined, -2, '2025-06-03', 'Shipments'),
        ],
        reimbursements: mugLines,
      }),
      { lastSalePrice: salePrice('25.98', 2, 'USD'), purchaseCost: usd('5.10') },
      reasonsIn(mugLines),
    );

  // SKU-LAMP-02: E −1 on 05-25 (paid by 5000003 on 06-05), E −2 on 06-01; the P twins and the H row do not count.
  // Pool: 3 − 1 = 2 units of 06-01 (the 05-25 unit is the oldest, it is the one paid): claimable from 06-11,
  // deadline 07-31. No sale: purchase cost 22.50.
  const lamp = () =>
    row(
      facts({
        ledger: [
          ledger('E', -1, '2025-05-25', 'Adjustments'),
          ledger('P', 1, '2025-05-25', 'Adjustments'),
          ledger('E', -2, '2025-06-01', 'Adjustments'),
          ledger('P', 2, '2025-06-01', 'Adjustments'),
          ledger('H', -1, '2025-06-12', 'Adjustments'),
        ],
        reimbursements: [reimbursement('2025-06-05T08:00:00Z', '5000003', 'Damaged_Warehouse', 1, '18.00')],
      }),
      { lastSalePrice: null, purchaseCost: usd('22.50') },
    );

  // SKU-BAG-03: FBA15ABCDE1 CLOSED 05-10, 24 shipped, 20 received: 4 units, claimable from 05-25, deadline 07-09.
  // FBA15ABCDE2 is RECEIVING. Last sale 34.00 for 1.
  const bag = () =>
    row(
      facts({
        ledger: [ledger(undefined, 20, '2025-05-08', 'Receipts'), ledger(undefined, 0, '2025-05-10', 'Receipts')],
        shipments: [
          {
            shipmentId: 'FBA15ABCDE1',
            status: 'CLOSED',
            closedDate: '2025-05-10',
            latestReceiptDay: '2025-05-10',
            destination: 'ONT8',
            quantityShipped: 24,
            quantityReceived: 20,
          },
          {
            shipmentId: 'FBA15ABCDE2',
            status: 'RECEIVING',
            destination: 'ONT8',
            quantityShipped: 12,
            quantityReceived: 6,
          },
        ],
      }),
      { lastSalePrice: salePrice('34.00', 1, 'USD'), purchaseCost: null },
    );

  // SKU-CAP-04: refunds (no quantity-purchased: 1 unit each) of …03 on 01-10, …01 on 03-20, …02 on 03-25 (returned),
  // …04 on 05-30 (its Tax row is not a refund of a unit, so it is not a fact here). UNRETURNED NA 60/120:
  // …03: deadline 05-10, EXPIRED; …01: 05-19 … 07-18, CLAIMABLE; …04: opens 07-29, WAITING.
  // Last sale: 19.99 for 1 on 06-01.
  const capRefund = (orderId: string, postedDay: string): RefundFact => ({
    key: `refund:${orderId}`,
    orderId,
    postedDay,
    fulfillmentId: 'AFN',
  });
  const cap = () =>
    row(
      facts({
        refunds: [
          capRefund('111-0000003-0000003', '2025-01-10'),
          capRefund('111-0000001-0000001', '2025-03-20'),
          capRefund('111-0000002-0000002', '2025-03-25'),
          capRefund('111-0000004-0000004', '2025-05-30'),
        ],
        returns: [{ orderId: '111-0000002-0000002', quantity: 1 }],
      }),
      { lastSalePrice: salePrice('19.99', 1, 'USD'), purchaseCost: null },
    );

  // SKU-PEN-05: M −1 on 03-01: deadline 04-30, EXPIRED. Cost 3.00.
  const pen = () =>
    row(facts({ ledger: [ledger('M', -1, '2025-03-01', 'Adjustments')] }), {
      lastSalePrice: null,
      purchaseCost: usd('3.00'),
    });

  // SKU-CUP-06: M −1 on 06-10: claimable from 07-10, WAITING. No sale, no cost.
  const cup = () =>
    row(facts({ ledger: [ledger('M', -1, '2025-06-10', 'Adjustments')] }), { lastSalePrice: null, purchaseCost: null });

  it.each([
    ['SKU-MUG-01', mug, 'LOST', 2, 2, 0, '2025-06-19', '25.98'],
    ['SKU-LAMP-02', lamp, 'DAMAGED', 2, 2, 0, '2025-07-31', '45.00'],
    ['SKU-BAG-03', bag, 'INBOUND', 4, 4, 0, '2025-07-09', '136.00'],
    ['SKU-CAP-04', cap, 'UNRETURNED', 2, 1, 1, '2025-07-18', '39.98'],
    ['SKU-PEN-05', pen, 'LOST', 0, 0, 1, undefined, '0.00'],
    ['SKU-CUP-06', cup, 'LOST', 1, 0, 0, undefined, null],
  ] as const)(
    '%s: %s missing %i, claimable %i, expired %i, next deadline %s, reimbursable %s',
    (_sku, product, type, missing, claimable, expired, nextDeadline, reimbursable) => {
      const summary = product();
      const expected = {
        missingUnits: missing,
        claimableUnits: claimable,
        claimedUnits: 0,
        expiredUnits: expired,
        nextDeadline,
        reimbursable: reimbursable === null ? null : { amount: reimbursable, currency: 'USD' },
      };
      expect(numbers(summary)).toEqual(expected);
      // One type per product in the samples.
      expect(summary.byType.map((byType) => byType.type)).toEqual([type]);
      expect(numbers(summary.byType[0]!)).toEqual(expected);
    },
  );

  it('SKU-MUG-01: the 2 missing units are those lost on 04-20', () => {
    const lots = productPool(
      facts({
        ledger: [ledger('M', -3, '2025-04-20', 'Adjustments'), ledger('F', 1, '2025-05-02', 'Adjustments')],
        reimbursements: mugLines,
      }),
      reasonsIn(mugLines),
    );
    expect(lots.map((lot) => [lot.event.date, lot.units])).toEqual([['2025-04-20', 2]]);
  });

  it('SKU-MUG-01 valued PURCHASE_COST: 2 × 5.10 = 10.20', () => {
    const value = unitValue(
      { lastSalePrice: salePrice('25.98', 2, 'USD'), purchaseCost: usd('5.10') },
      'PURCHASE_COST',
    );
    expect(
      shown(summarise([{ type: 'LOST', date: '2025-04-20', units: 2 }], {}, NA, AS_OF, value).reimbursable),
    ).toEqual({ amount: '10.20', currency: 'USD' });
  });

  it('totals: missing 11, claimable 9, claimed 0, expired 2, reimbursable 246.96 USD', () => {
    const totals = totalsOf([mug(), lamp(), bag(), cap(), pen(), cup()]);
    // The expected payout of these products is section 9's (test/domain/rules-payout.test.ts).
    expect({ ...totals, reimbursable: totals.reimbursable.map(shown) }).toMatchObject({
      missingUnits: 11,
      claimableUnits: 9,
      claimedUnits: 0,
      expiredUnits: 2,
      // 25.98 + 45.00 + 136.00 + 39.98 + 0.00 = 246.96
      reimbursable: [{ amount: '246.96', currency: 'USD' }],
    });
  });
});
