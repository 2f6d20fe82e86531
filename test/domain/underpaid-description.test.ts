// The request to review an underpaid reimbursement (docs/rules.md section 9: "listed with what a seller needs to ask
// Amazon to review the amount: the line, the expected payout, its basis"), in every description language.
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_LANGUAGES } from '../../src/domain/claims/description.js';
import { describeUnderpaid, reviewGuidance, type UnderpaidReview } from '../../src/domain/claims/underpaid.js';
import { money } from '../../src/domain/money.js';
import { PAYOUT_BASES } from '../../src/domain/payout.js';

const review = (changes: Partial<UnderpaidReview> = {}): UnderpaidReview => ({
  sellerName: 'Lamp Seller',
  reimbursementId: '5000003',
  approvalDay: '2025-06-05',
  type: 'DAMAGED',
  product: { sku: 'SKU-LAMP-02', fnsku: 'X00LAMP002', title: 'Desk Lamp LED' },
  cashUnits: 2,
  amountPerUnit: money('18', 'EUR'),
  expectedPerUnit: money('22.5', 'EUR'),
  basis: 'MANUFACTURING_COST',
  underpaidBy: money('9', 'EUR'),
  orderId: null,
  ...changes,
});

describe('the description of an underpaid reimbursement', () => {
  for (const language of DESCRIPTION_LANGUAGES) {
    it(`${language}: names the line, the product, what was paid, what is expected and why, the shortfall`, () => {
      const text = describeUnderpaid(review(), language);
      for (const part of [
        '5000003',
        '2025-06-05',
        'SKU-LAMP-02',
        'X00LAMP002',
        '18.00 EUR',
        '36.00 EUR',
        '22.50 EUR',
      ]) {
        expect(text).toContain(part);
      }
      expect(text).toContain('9.00 EUR');
      expect(text).toContain('Manage Your Manufacturing Cost');
      expect(text.endsWith('Lamp Seller')).toBe(true);
    });

    it(`${language}: says each basis in its own words, with the order for the order's price`, () => {
      const texts = PAYOUT_BASES.map((basis) =>
        describeUnderpaid(review({ basis, type: 'UNRETURNED', orderId: '111-0000001-0000001' }), language),
      );
      expect(new Set(texts).size).toBe(PAYOUT_BASES.length);
      const byBasis = Object.fromEntries(PAYOUT_BASES.map((basis, index) => [basis, texts[index]!]));
      expect(byBasis.ORDER_PRICE_LESS_FEES).toContain('111-0000001-0000001');
      expect(byBasis.ORDER_PRICE_FEES_UNKNOWN).toContain('111-0000001-0000001');
      expect(byBasis.SALE_PRICE).not.toContain('Manage Your Manufacturing Cost');
    });
  }

  it('rounds to the currency: a yen amount has no decimals', () => {
    const text = describeUnderpaid(
      review({
        amountPerUnit: money('1500', 'JPY'),
        expectedPerUnit: money('2000', 'JPY'),
        underpaidBy: money('1000', 'JPY'),
      }),
      'EN',
    );
    expect(text).toContain('You paid 1500 JPY per unit for 2 units (3000 JPY).');
    expect(text).toContain('falls short by 1000 JPY.');
  });

  it('guides to the review, and to the manufacturing cost page only when the cost is the basis', () => {
    const atCost = reviewGuidance('5000003', 'MANUFACTURING_COST').join('\n');
    const byOrder = reviewGuidance('5000007', 'ORDER_PRICE_LESS_FEES').join('\n');
    expect(atCost).toContain('reimbursement ID 5000003');
    expect(atCost).toContain('Manage Your Manufacturing Cost');
    expect(byOrder).toContain('reimbursement ID 5000007');
    expect(byOrder).not.toContain('Manage Your Manufacturing Cost');
  });
});
