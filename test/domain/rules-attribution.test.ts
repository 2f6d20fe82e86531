// docs/rules.md section 3 (which reimbursement lines pay which case items) and section 5 (what that makes of each case),
// on `attribute()` alone: the numbers of the sample scenario (two lines of 12.99 USD paying the two LOST units of
// SKU-MUG-01's case) and each clause of the rules at its edge.
import { describe, expect, it } from 'vitest';
import {
  type Attribution,
  attribute,
  type CaseToAttribute,
  type LineToAttribute,
} from '../../src/domain/attribution.js';
import { Decimal } from '../../src/domain/money.js';

const MUG = 1;
const BAG = 2;

let lineNumber = 0;

function paid(day: string, fields: Partial<LineToAttribute> = {}): LineToAttribute {
  lineNumber += 1;
  return {
    key: `line:${lineNumber}`,
    productId: MUG,
    reimbursementId: `70000${lineNumber}`,
    approvalDate: new Date(`${day}T10:00:00Z`),
    type: 'LOST',
    units: 1,
    amount: new Decimal('12.99'),
    currency: 'USD',
    ...fields,
  };
}

function lostCase(fields: Partial<CaseToAttribute> = {}): CaseToAttribute {
  return {
    id: 10,
    amazonCaseId: '1234567890',
    type: 'LOST',
    openedAt: new Date('2025-06-15T00:00:00Z'),
    items: [{ id: 100, productId: MUG, claimedUnits: 2 }],
    ...fields,
  };
}

/** Units and amounts each line gave, by line key: [itemId, units, amount]. */
function sharesOf(result: Attribution): Record<string, Array<[number, number, string]>> {
  return Object.fromEntries(
    [...result.shares].map(([key, shares]) => [
      key,
      shares.map((share) => [share.itemId, share.units, share.amount.toFixed(2)] as [number, number, string]),
    ]),
  );
}

function received(result: Attribution, itemId: number) {
  const item = result.items.get(itemId)!;
  return { units: item.reimbursedUnits, money: item.reimbursed.map((m) => `${m.amount.toFixed(2)} ${m.currency}`) };
}

describe('docs/rules.md 3. Attribution and 5. Cases: the sample scenario', () => {
  it('two lines of 1 unit and 12.99 USD pay the 2 claimed units: REIMBURSED at the approval of the second', () => {
    const first = paid('2025-06-20');
    const second = paid('2025-06-25');
    const result = attribute([lostCase()], [second, first]);
    expect(sharesOf(result)).toEqual({ [first.key]: [[100, 1, '12.99']], [second.key]: [[100, 1, '12.99']] });
    expect(received(result, 100)).toEqual({ units: 2, money: ['25.98 USD'] });
    expect(result.cases.get(10)).toEqual({
      status: 'REIMBURSED',
      closedAt: second.approvalDate,
      closedBy: 'REIMBURSEMENT',
    });
  });

  it('after the first line alone the case is still OPEN with 1 unit and 12.99 USD received', () => {
    const result = attribute([lostCase()], [paid('2025-06-20')]);
    expect(received(result, 100)).toEqual({ units: 1, money: ['12.99 USD'] });
    expect(result.cases.get(10)).toEqual({ status: 'OPEN' });
  });
});

describe('docs/rules.md 3.1: a line that names the case', () => {
  it('belongs to that case’s item of its SKU with all its units, even beyond what the item claimed', () => {
    const line = paid('2025-06-10', { caseId: '1234567890', units: 3, amount: new Decimal('38.97') });
    const result = attribute([lostCase()], [line]);
    expect(sharesOf(result)).toEqual({ [line.key]: [[100, 3, '38.97']] });
    expect(result.cases.get(10)?.status).toBe('REIMBURSED');
  });

  it('naming a case without an item of its SKU: unattributed and reported; naming an unknown case: unattributed', () => {
    const otherSku = paid('2025-06-20', { caseId: '1234567890', productId: BAG });
    const unknownCase = paid('2025-06-20', { caseId: '9999999999' });
    const result = attribute([lostCase()], [otherSku, unknownCase]);
    expect(sharesOf(result)).toEqual({});
    expect(result.unmatched).toEqual([otherSku]);
    expect(result.cases.get(10)).toEqual({ status: 'OPEN' });
  });

  it('reaches the case even of another type and even before it was opened', () => {
    const line = paid('2025-06-01', { caseId: '1234567890', type: 'DAMAGED' });
    expect(sharesOf(attribute([lostCase()], [line]))).toEqual({ [line.key]: [[100, 1, '12.99']] });
  });
});

describe('docs/rules.md 3.2: a line that names no case', () => {
  it('is attributed from the UTC day the case was opened, never before', () => {
    const before = paid('2025-06-14', { approvalDate: new Date('2025-06-14T23:59:59Z') });
    const sameDay = paid('2025-06-15', { approvalDate: new Date('2025-06-15T00:00:00Z') });
    const result = attribute([lostCase({ openedAt: new Date('2025-06-15T18:00:00Z') })], [before, sameDay]);
    expect(sharesOf(result)).toEqual({ [sameDay.key]: [[100, 1, '12.99']] });
  });

  it('gives the item only its pending units, the amount in proportion; the rest stays unattributed', () => {
    const line = paid('2025-06-20', { units: 3, amount: new Decimal('38.97') });
    const result = attribute([lostCase()], [line]);
    expect(sharesOf(result)).toEqual({ [line.key]: [[100, 2, '25.98']] });
    expect(received(result, 100)).toEqual({ units: 2, money: ['25.98 USD'] });
  });

  it('goes only to an OPEN case of its own type and product', () => {
    const damaged = paid('2025-06-20', { type: 'DAMAGED' });
    const otherProduct = paid('2025-06-20', { productId: BAG });
    const ignored = paid('2025-06-20', { type: undefined });
    const result = attribute([lostCase()], [damaged, otherProduct, ignored]);
    expect(sharesOf(result)).toEqual({});
  });

  it('finds no case once the case has all its units: the next line stays unattributed', () => {
    const lines = [paid('2025-06-20', { units: 2, amount: new Decimal('25.98') }), paid('2025-06-21')];
    expect(Object.keys(sharesOf(attribute([lostCase()], lines)))).toEqual([lines[0]!.key]);
  });

  it('a case of several items is REIMBURSED only when every item has its claimed units', () => {
    const shipment = lostCase({
      type: 'INBOUND',
      items: [
        { id: 100, productId: MUG, claimedUnits: 1 },
        { id: 101, productId: BAG, claimedUnits: 4 },
      ],
    });
    const mug = paid('2025-06-20', { type: 'INBOUND' });
    const bag = paid('2025-06-22', { type: 'INBOUND', productId: BAG, units: 4, amount: new Decimal('80') });
    expect(attribute([shipment], [mug]).cases.get(10)).toEqual({ status: 'OPEN' });
    expect(attribute([shipment], [mug, bag]).cases.get(10)).toMatchObject({
      status: 'REIMBURSED',
      closedAt: bag.approvalDate,
    });
  });

  it('sums what an item received per currency', () => {
    const lines = [paid('2025-06-20'), paid('2025-06-21', { amount: new Decimal('11.50'), currency: 'EUR' })];
    expect(received(attribute([lostCase()], lines), 100).money.sort()).toEqual(['11.50 EUR', '12.99 USD']);
  });
});

describe('docs/rules.md 3 and 5: reversals', () => {
  it('take back the units of their original line and reopen an auto-closed case', () => {
    const first = paid('2025-06-20');
    const second = paid('2025-06-25');
    const reversal = paid('2025-07-01', { reimbursementId: '80000', reversalOf: second.reimbursementId, units: -1 });
    reversal.amount = new Decimal('-12.99');
    const result = attribute([lostCase()], [first, second, reversal]);
    expect(sharesOf(result)[reversal.key]).toEqual([[100, -1, '-12.99']]);
    expect(received(result, 100)).toEqual({ units: 1, money: ['12.99 USD'] });
    expect(result.cases.get(10)).toEqual({ status: 'OPEN' });
  });

  it('only from items of their own SKU, when one reimbursement-id paid several', () => {
    const shipment = lostCase({
      type: 'INBOUND',
      items: [
        { id: 100, productId: MUG, claimedUnits: 1 },
        { id: 101, productId: BAG, claimedUnits: 1 },
      ],
    });
    const mug = paid('2025-06-20', { type: 'INBOUND', reimbursementId: '555' });
    const bag = paid('2025-06-20', { type: 'INBOUND', reimbursementId: '555', productId: BAG });
    const reversal = paid('2025-06-30', {
      type: 'INBOUND',
      productId: BAG,
      reversalOf: '555',
      units: -1,
      amount: new Decimal('-12.99'),
    });
    const result = attribute([shipment], [mug, bag, reversal]);
    expect(received(result, 100).units).toBe(1);
    expect(received(result, 101).units).toBe(0);
    expect(result.cases.get(10)).toEqual({ status: 'OPEN' });
  });

  it('leave a case the seller closed closed', () => {
    const line = paid('2025-06-20');
    const reversal = paid('2025-06-30', { reversalOf: line.reimbursementId, units: -1, amount: new Decimal('-12.99') });
    const closed = lostCase({ closedByUserAt: new Date('2025-06-22T00:00:00Z') });
    expect(attribute([closed], [line, reversal]).cases.get(10)).toMatchObject({
      status: 'REIMBURSED',
      closedBy: 'USER',
    });
  });
});

describe('docs/rules.md 5: closing by hand', () => {
  const closedAt = new Date('2025-06-22T12:00:00Z');

  it('makes an unpaid case CLOSED and a paid one REIMBURSED, at the close', () => {
    expect(attribute([lostCase({ closedByUserAt: closedAt })], []).cases.get(10)).toEqual({
      status: 'CLOSED',
      closedAt,
      closedBy: 'USER',
    });
    expect(attribute([lostCase({ closedByUserAt: closedAt })], [paid('2025-06-20')]).cases.get(10)).toEqual({
      status: 'REIMBURSED',
      closedAt,
      closedBy: 'USER',
    });
  });

  it('a payment without case-id approved after the close no longer finds the case', () => {
    const after = paid('2025-06-23');
    const result = attribute([lostCase({ closedByUserAt: closedAt })], [after]);
    expect(sharesOf(result)).toEqual({});
    expect(result.cases.get(10)?.status).toBe('CLOSED');
  });

  it('a payment that names the case still reaches it and turns CLOSED into REIMBURSED', () => {
    const named = paid('2025-06-23', { caseId: '1234567890' });
    const result = attribute([lostCase({ closedByUserAt: closedAt })], [named]);
    expect(sharesOf(result)).toEqual({ [named.key]: [[100, 1, '12.99']] });
    expect(result.cases.get(10)).toEqual({ status: 'REIMBURSED', closedAt, closedBy: 'USER' });
  });

  it('a payment of the close’s own instant comes first', () => {
    const sameInstant = paid('2025-06-22', { approvalDate: closedAt });
    const result = attribute([lostCase({ closedByUserAt: closedAt })], [sameInstant]);
    expect(received(result, 100).units).toBe(1);
    expect(result.cases.get(10)?.status).toBe('REIMBURSED');
  });
});
