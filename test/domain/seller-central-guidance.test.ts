// The Seller Central steps of the wizard and of a review, in the dashboard's two languages (issue 19): every type has
// its French steps, as many as the English ones, with French punctuation.
import { describe, expect, it } from 'vitest';
import { guidance, guidanceLanguageOf } from '../../src/domain/claims/seller-central.js';
import { reviewGuidance } from '../../src/domain/claims/underpaid.js';
import { MISSING_TYPES } from '../../src/domain/types.js';

describe('Seller Central guidance in English and French', () => {
  for (const type of MISSING_TYPES) {
    it(`${type}: the same steps in French, none left in English`, () => {
      const english = guidance(type, 'EN');
      const french = guidance(type, 'FR');
      expect(french).toHaveLength(english.length);
      for (const step of french) {
        expect(step).not.toMatch(/\b(the|and|of|your|Choose|Give|Paste)\b/);
        expect(step).not.toMatch(/ [:;?!»]|« /);
      }
    });
  }

  it('writes a review request in French, the manufacturing-cost step only when the cost is the basis', () => {
    const atCost = reviewGuidance('5000003', 'MANUFACTURING_COST', 'FR');
    expect(atCost[0]).toContain('5000003');
    expect(atCost.join(' ')).toContain('coût de fabrication');
    expect(reviewGuidance('5000007', 'ORDER_PRICE_LESS_FEES', 'FR')).toHaveLength(atCost.length - 1);
  });

  it('answers French for FR only: the other description languages get English', () => {
    expect(['EN', 'FR', 'DE', 'IT', 'ES', null, undefined].map(guidanceLanguageOf)).toEqual([
      'EN',
      'FR',
      'EN',
      'EN',
      'EN',
      'EN',
      'EN',
    ]);
  });
});
