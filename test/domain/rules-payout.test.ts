// docs/rules.md section 9: the expected payout by Amazon's current policy, underpaid lines, Amazon's reconciliation.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claims/claim.js';
import { DESCRIPTION_LANGUAGES, describeClaim } from '../../src/domain/claims/description.js';
import { formatAmount, type Money, money } from '../../src/domain/money.js';
import {
  amazonReconciled,
  combinePayouts,
  orderLineOf,
  type PayoutBasis,
  partOf,
  underpayment,
  unitPayoutBeforeOrder,
  unitPayoutByOrder,
} from '../../src/domain/payout.js';
import { defaultCostBasisDay } from '../../src/domain/policy.js';

const usd = (amount: string) => money(amount, 'USD');
const shown = (value: Money | null) => (value ? { amount: formatAmount(value), currency: value.currency } : null);
const NA = defaultCostBasisDay('NA');

describe('docs/rules.md 9. LOST, DAMAGED, INBOUND: the sale price before the cost-basis day, the manufacturing cost from it', () => {
  const prices = { purchaseCost: usd('5.10'), lastSalePrice: usd('12.99') };

  it('paid 2025-03-09 (NA): the sale price, 12.99', () => {
    const payout = unitPayoutBeforeOrder(prices, '2025-03-09', NA);
    expect({ basis: payout.basis, perUnit: shown(payout.perUnit) }).toEqual({
      basis: 'SALE_PRICE',
      perUnit: { amount: '12.99', currency: 'USD' },
    });
  });

  it('paid 2025-03-10 (NA): the manufacturing cost, 5.10', () => {
    const payout = unitPayoutBeforeOrder(prices, '2025-03-10', NA);
    expect({ basis: payout.basis, perUnit: shown(payout.perUnit) }).toEqual({
      basis: 'MANUFACTURING_COST',
      perUnit: { amount: '5.10', currency: 'USD' },
    });
  });

  it('FE changes a day later: 2025-03-10 is still the sale price, 2025-03-11 the cost', () => {
    expect(defaultCostBasisDay('FE')).toBe('2025-03-11');
    expect(defaultCostBasisDay('EU')).toBe('2025-03-10');
    expect(unitPayoutBeforeOrder(prices, '2025-03-10', defaultCostBasisDay('FE')).basis).toBe('SALE_PRICE');
    expect(unitPayoutBeforeOrder(prices, '2025-03-11', defaultCostBasisDay('FE')).basis).toBe('MANUFACTURING_COST');
  });

  it('no cost on file: null, COST_UNKNOWN (the row asks for the cost)', () => {
    expect(unitPayoutBeforeOrder({ purchaseCost: null, lastSalePrice: usd('34.00') }, '2025-06-15', NA)).toEqual({
      basis: 'COST_UNKNOWN',
      perUnit: null,
    });
  });

  it('before the day without a sale: the cost, as LAST_SALE_PRICE values it', () => {
    expect(
      shown(unitPayoutBeforeOrder({ purchaseCost: usd('3'), lastSalePrice: null }, '2025-01-01', NA).perUnit),
    ).toEqual({ amount: '3.00', currency: 'USD' });
  });
});

describe("docs/rules.md 9. UNRETURNED: the order line's principal less its fees, else the refund's principal", () => {
  const orderRows = [
    { amountType: 'ItemPrice', amountDescription: 'Principal', amount: usd('39.98'), quantityPurchased: 2 },
    { amountType: 'ItemPrice', amountDescription: 'Tax', amount: usd('3.20'), quantityPurchased: null },
    { amountType: 'ItemFees', amountDescription: 'Commission', amount: usd('-6.00'), quantityPurchased: null },
    {
      amountType: 'ItemFees',
      amountDescription: 'FBAPerUnitFulfillmentFee',
      amount: usd('-7.30'),
      quantityPurchased: null,
    },
  ];

  it("with its order's fee rows: (39.98 − 6.00 − 7.30) ÷ 2 = 13.34, ORDER_PRICE_LESS_FEES", () => {
    const payout = unitPayoutByOrder(orderLineOf(orderRows), { principal: usd('-19.99'), units: 1 });
    expect({ basis: payout.basis, perUnit: shown(payout.perUnit) }).toEqual({
      basis: 'ORDER_PRICE_LESS_FEES',
      perUnit: { amount: '13.34', currency: 'USD' },
    });
  });

  it("without its order's rows: the refund's principal made positive, 19.99, ORDER_PRICE_FEES_UNKNOWN", () => {
    const payout = unitPayoutByOrder(orderLineOf([]), { principal: usd('-19.99'), units: 1 });
    expect({ basis: payout.basis, perUnit: shown(payout.perUnit) }).toEqual({
      basis: 'ORDER_PRICE_FEES_UNKNOWN',
      perUnit: { amount: '19.99', currency: 'USD' },
    });
  });

  it('fee rows alone (no principal) are no order line', () => {
    expect(orderLineOf(orderRows.slice(2))).toBeUndefined();
  });
});

describe('docs/rules.md 9. A row of several bases: the basis of the most units, the sum of what is known', () => {
  it('2 units at the cost 5.10 and 1 refund at 19.99: 30.19 USD, MANUFACTURING_COST', () => {
    const payout = combinePayouts([
      partOf({ basis: 'MANUFACTURING_COST', perUnit: usd('5.10') }, 2),
      partOf({ basis: 'ORDER_PRICE_FEES_UNKNOWN', perUnit: usd('19.99') }, 1),
    ]);
    expect({ ...payout, expectedPayout: shown(payout.expectedPayout) }).toEqual({
      expectedPayout: { amount: '30.19', currency: 'USD' },
      payoutBasis: 'MANUFACTURING_COST',
    });
  });

  it('a tie goes to the first basis of the table; unknown units add nothing', () => {
    const payout = combinePayouts([
      partOf({ basis: 'ORDER_PRICE_LESS_FEES', perUnit: usd('8.00') }, 1),
      partOf({ basis: 'COST_UNKNOWN', perUnit: null }, 1),
    ]);
    expect(payout.payoutBasis).toBe('COST_UNKNOWN');
    expect(shown(payout.expectedPayout)).toEqual({ amount: '8.00', currency: 'USD' });
  });

  it('nothing priced: null; no units at all: null and null', () => {
    expect(combinePayouts([partOf({ basis: 'COST_UNKNOWN', perUnit: null }, 3)])).toEqual({
      expectedPayout: null,
      payoutBasis: 'COST_UNKNOWN',
    });
    expect(combinePayouts([])).toEqual({ expectedPayout: null, payoutBasis: null });
  });

  it('two currencies are never added: the row shows the currency of the most units', () => {
    const payout = combinePayouts([
      partOf({ basis: 'ORDER_PRICE_LESS_FEES', perUnit: money('10', 'EUR') }, 3),
      partOf({ basis: 'ORDER_PRICE_LESS_FEES', perUnit: money('10', 'GBP') }, 1),
    ]);
    expect(shown(payout.expectedPayout)).toEqual({ amount: '30.00', currency: 'EUR' });
  });
});

describe('docs/rules.md 9. Underpaid: cash paid below 95% of the expected payout per unit on the approval day', () => {
  const cost = () => ({ basis: 'MANUFACTURING_COST' as const, perUnit: usd('22.50') });

  it('a line at 50% of the cost: underpaid by (22.50 − 11.25) × 2 = 22.50', () => {
    const found = underpayment({ reason: 'Damaged_Warehouse', cashUnits: 2, amountPerUnit: usd('11.25') }, cost);
    expect(found?.type).toBe('DAMAGED');
    expect(shown(found!.underpaidBy)).toEqual({ amount: '22.50', currency: 'USD' });
  });

  it("the samples' line 5000003: 18.00 against 22.50, underpaid by 4.50", () => {
    const found = underpayment({ reason: 'Damaged_Warehouse', cashUnits: 1, amountPerUnit: usd('18.00') }, cost);
    expect(shown(found!.underpaidBy)).toEqual({ amount: '4.50', currency: 'USD' });
  });

  it('at 96% of the cost: not underpaid', () => {
    expect(underpayment({ reason: 'Lost_Warehouse', cashUnits: 1, amountPerUnit: usd('21.60') }, cost)).toBeUndefined();
  });

  it('an inventory-only line (no cash units) is never underpaid', () => {
    expect(underpayment({ reason: 'Lost_Warehouse', cashUnits: 0, amountPerUnit: usd('1.00') }, cost)).toBeUndefined();
  });

  it('a reversal is never underpaid, nor a line of a reason Reclaim ignores', () => {
    expect(
      underpayment({ reason: 'Reimbursement_Reversal', cashUnits: 1, amountPerUnit: usd('-18.00') }, cost),
    ).toBeUndefined();
    expect(underpayment({ reason: 'Fee_Correction', cashUnits: 1, amountPerUnit: usd('1.00') }, cost)).toBeUndefined();
  });

  it('another currency, or no cost known: nothing to compare, not underpaid', () => {
    expect(
      underpayment({ reason: 'Lost_Warehouse', cashUnits: 1, amountPerUnit: money('1.00', 'EUR') }, cost),
    ).toBeUndefined();
    expect(
      underpayment({ reason: 'Lost_Warehouse', cashUnits: 1, amountPerUnit: usd('1.00') }, () => ({
        basis: 'COST_UNKNOWN',
        perUnit: null,
      })),
    ).toBeUndefined();
  });
});

describe("docs/rules.md 9. Amazon's reconciliation: a ledger row fully reconciled by Amazon", () => {
  it("−3 with Reconciled 3 and Unreconciled 0 is reconciled; the samples' 0/3 and 0/0 rows are not", () => {
    expect(amazonReconciled({ quantity: -3, reconciledQuantity: 3, unreconciledQuantity: 0 })).toBe(true);
    expect(amazonReconciled({ quantity: -3, reconciledQuantity: 0, unreconciledQuantity: 3 })).toBe(false);
    expect(amazonReconciled({ quantity: -2, reconciledQuantity: 0, unreconciledQuantity: 0 })).toBe(false);
    expect(amazonReconciled({ quantity: -3, reconciledQuantity: 2, unreconciledQuantity: 1 })).toBe(false);
    expect(amazonReconciled({ quantity: -1 })).toBe(false);
  });
});

describe('docs/rules.md 9. A claim paid at the manufacturing cost says the cost is on file with Amazon, in every language', () => {
  const claim = (payoutBasis: PayoutBasis | null): Claim => ({
    type: 'LOST',
    sellerName: 'Sample Seller',
    items: [
      {
        product: { sku: 'SKU-MUG-01' },
        units: 2,
        reimbursable: usd('25.98'),
        expectedPayout: payoutBasis === 'MANUFACTURING_COST' ? usd('10.20') : null,
        payoutBasis,
        evidence: [
          {
            eventKey: 'k',
            type: 'LOST',
            date: '2025-04-20',
            units: 2,
            state: 'CLAIMABLE',
            deadline: '2025-06-19',
            source: 'LEDGER',
            reference: '100000000001',
          },
        ],
      },
    ],
  });

  for (const language of DESCRIPTION_LANGUAGES) {
    it(`${language}: named for MANUFACTURING_COST, not for COST_UNKNOWN`, () => {
      expect(describeClaim(claim('MANUFACTURING_COST'), language, 'EU')).toContain('Manage Your Manufacturing Cost');
      expect(describeClaim(claim('COST_UNKNOWN'), language, 'EU')).not.toContain('Manage Your Manufacturing Cost');
    });
  }
});
