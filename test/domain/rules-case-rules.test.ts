// docs/rules.md section 5: the refusals of openCase in their order, and closing a case by hand.
import { describe, expect, it } from 'vitest';
import { claimSkus, closeByUser, type OpenCaseFacts, openCaseRefusal } from '../../src/domain/case-rules.js';

/** A request that passes every check: a valid case ID, known SKUs, no OPEN case, something claimable on asOf. */
const accepted: OpenCaseFacts = {
  type: 'LOST',
  asOfDay: '2025-05-10',
  amazonCaseId: ' 1234567890 ',
  skus: ['SKU-MUG-01'],
  caseIdTaken: false,
  unknownSkus: [],
  skusWithOpenCase: [],
  skusWithNothingToClaim: [],
};

describe('section 5, Refusals: checked in order, the first that applies refuses the whole case', () => {
  it('accepts a case ID of 8 to 12 digits, spaces around it dropped, when nothing refuses', () => {
    expect(openCaseRefusal(accepted)).toBeUndefined();
    expect(openCaseRefusal({ ...accepted, amazonCaseId: '12345678' })).toBeUndefined();
    expect(openCaseRefusal({ ...accepted, amazonCaseId: '123456789012' })).toBeUndefined();
  });

  it('1. INVALID_CASE_ID: not 8 to 12 digits, before anything else is known', () => {
    for (const amazonCaseId of ['1234567', '1234567890123', '12345-678', 'ABCDEFGHIJ', ''])
      expect(openCaseRefusal({ ...accepted, amazonCaseId })?.code).toBe('INVALID_CASE_ID');
    expect(
      openCaseRefusal({
        type: 'LOST',
        asOfDay: '2025-05-10',
        amazonCaseId: '1234567',
        skus: [],
        caseIdTaken: true,
      })?.code,
    ).toBe('INVALID_CASE_ID');
  });

  it('2. DUPLICATE_CASE_ID comes before an unknown SKU, an OPEN case and nothing to claim', () => {
    const refused = openCaseRefusal({
      ...accepted,
      caseIdTaken: true,
      unknownSkus: ['SKU-NONE'],
      skusWithOpenCase: ['SKU-MUG-01'],
      skusWithNothingToClaim: ['SKU-MUG-01'],
    });
    expect(refused).toEqual({
      ok: false,
      code: 'DUPLICATE_CASE_ID',
      message: 'The case ID 1234567890 is already saved for another case',
    });
  });

  it('a request with no SKU at all is INVALID_INPUT, after the case ID checks', () => {
    expect(openCaseRefusal({ ...accepted, skus: [] })?.code).toBe('INVALID_INPUT');
    expect(openCaseRefusal({ ...accepted, skus: [], caseIdTaken: true })?.code).toBe('DUPLICATE_CASE_ID');
  });

  it('3. NOT_FOUND names every SKU the account has no product of, before an OPEN case', () => {
    const refused = openCaseRefusal({
      ...accepted,
      skus: ['SKU-MUG-01', 'SKU-A', 'SKU-B'],
      unknownSkus: ['SKU-A', 'SKU-B'],
      skusWithOpenCase: ['SKU-MUG-01'],
    });
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'This account has no product with SKU SKU-A, SKU-B' });
  });

  it('4. CASE_ALREADY_OPEN: one OPEN case per product and type, before nothing to claim', () => {
    expect(
      openCaseRefusal({ ...accepted, skusWithOpenCase: ['SKU-MUG-01'], skusWithNothingToClaim: ['SKU-MUG-01'] }),
    ).toMatchObject({ code: 'CASE_ALREADY_OPEN', message: 'SKU-MUG-01 already has an OPEN LOST case' });
    expect(openCaseRefusal({ ...accepted, skusWithOpenCase: ['SKU-A', 'SKU-B'] })?.message).toBe(
      'SKU-A, SKU-B already have an OPEN LOST case',
    );
  });

  it('5. NOTHING_TO_CLAIM: a product with no CLAIMABLE unit of the type on asOf', () => {
    expect(openCaseRefusal({ ...accepted, skusWithNothingToClaim: ['SKU-MUG-01'] })).toMatchObject({
      code: 'NOTHING_TO_CLAIM',
      message: 'SKU-MUG-01 has no LOST unit to claim on 2025-05-10',
    });
  });

  it('decides nothing past a fact not known yet: the later checks wait for it', () => {
    const { caseIdTaken, unknownSkus, skusWithOpenCase, ...first } = accepted;
    expect(openCaseRefusal({ ...first, skusWithNothingToClaim: ['SKU-MUG-01'] })).toBeUndefined();
    expect(openCaseRefusal({ ...first, caseIdTaken: false, skusWithOpenCase: ['SKU-MUG-01'] })).toBeUndefined();
  });

  it('claims each SKU once, trimmed, in the order given', () => {
    expect(claimSkus([' SKU-B', 'SKU-A ', 'SKU-B'])).toEqual(['SKU-B', 'SKU-A']);
  });
});

describe('section 5, Closing by hand', () => {
  it('an OPEN case that received anything becomes REIMBURSED, one that received nothing CLOSED', () => {
    expect(closeByUser({ id: 7, status: 'OPEN' }, true)).toEqual({ ok: true, status: 'REIMBURSED' });
    expect(closeByUser({ id: 7, status: 'OPEN' }, false)).toEqual({ ok: true, status: 'CLOSED' });
  });

  it('closing a case that is not OPEN is refused with CASE_NOT_OPEN', () => {
    expect(closeByUser({ id: 7, status: 'REIMBURSED' }, true)).toEqual({
      ok: false,
      code: 'CASE_NOT_OPEN',
      message: 'Case 7 is REIMBURSED, not OPEN',
    });
    expect(closeByUser({ id: 7, status: 'CLOSED' }, false)).toMatchObject({ code: 'CASE_NOT_OPEN' });
  });
});
