// REPORTS.md section 2 (the reimbursements report) and RULES.md section 2 (a line's units and identity).
import { describe, expect, it } from 'vitest';
import { reimbursementsFormat } from '../../../src/domain/reports/reimbursements.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

const HEADER = sampleHeader('reimbursements.tsv');

function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
  const { rows, problems } = readTsv(
    reimbursementsFormat,
    tsv(header, { ...sampleRow('reimbursements.tsv', 2), ...overrides }),
  );
  return { row: rows[0], problems };
}

describe('reimbursement lines: values of the sample files', () => {
  it('reads every line of reimbursements.tsv and reimbursements-after-case.tsv', () => {
    for (const name of ['reimbursements.tsv', 'reimbursements-after-case.tsv'] as const) {
      const { rows, problems } = readTsv(reimbursementsFormat, sample(name));
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(name === 'reimbursements.tsv' ? 3 : 2);
    }
  });

  it('reads an automatic Lost_Warehouse payment (no case id)', () => {
    const { row, problems } = readOne({});
    expect(problems).toEqual([]);
    expect(row?.values).toEqual({
      approvalDate: new Date('2025-05-15T08:00:00.000Z'),
      reimbursementId: '5000001',
      caseId: undefined,
      amazonOrderId: undefined,
      reason: 'Lost_Warehouse',
      sku: 'SKU-MUG-01',
      fnsku: 'X00MUG0001',
      asin: 'B0MUG00001',
      productName: 'Ceramic Mug 350ml',
      condition: 'NewItem',
      currency: 'USD',
      amountPerUnit: '12.99',
      amountTotal: '12.99',
      quantityCash: 1,
      quantityInventory: 0,
      quantityTotal: 1,
      originalReimbursementId: undefined,
      originalReimbursementType: undefined,
    });
    expect(row?.identity).toEqual(['5000001', 'SKU-MUG-01', 'lostwarehouse', 1, '12.99', '2025-05-15T08:00:00.000Z']);
    expect(row?.product).toEqual({
      sku: 'SKU-MUG-01',
      fnsku: 'X00MUG0001',
      asin: 'B0MUG00001',
      title: 'Ceramic Mug 350ml',
    });
  });

  it('reads a reversal: negative quantities and amounts, naming the original', () => {
    const { rows } = readTsv(reimbursementsFormat, sample('reimbursements.tsv'));
    const reversal = rows.find((row) => row.line === 3)!;
    expect(reversal.values).toMatchObject({
      reimbursementId: '5000002',
      reason: 'Reimbursement_Reversal',
      amountPerUnit: '-12.99',
      amountTotal: '-12.99',
      quantityCash: -1,
      quantityInventory: 0,
      quantityTotal: -1,
      originalReimbursementId: '5000001',
      originalReimbursementType: 'Lost_Warehouse',
    });
  });

  it('reads the case id of a reimbursement the seller asked for', () => {
    const { rows } = readTsv(reimbursementsFormat, sample('reimbursements-after-case.tsv'));
    expect(rows.map((row) => row.values.caseId)).toEqual(['1234567890', undefined]);
  });

  it('reads EU amounts with a decimal comma, and a currency in lower case', () => {
    const { row } = readOne({ 'amount-per-unit': '12,99', 'amount-total': '1.234,50', 'currency-unit': 'eur' });
    expect(row?.values.amountPerUnit).toBe('12.99');
    expect(row?.values.amountTotal).toBe('1234.5');
    expect(row?.values.currency).toBe('EUR');
  });
});

describe('reimbursement lines: units are quantity-reimbursed-total (cash + inventory)', () => {
  it('takes the total column when the file has it', () => {
    const { row } = readOne({
      'quantity-reimbursed-cash': '1',
      'quantity-reimbursed-inventory': '2',
      'quantity-reimbursed-total': '3',
    });
    expect(row?.values.quantityTotal).toBe(3);
  });

  it('falls back to cash + inventory when the total column is absent', () => {
    const header = HEADER.filter((name) => name !== 'quantity-reimbursed-total');
    const { row, problems } = readOne(
      { 'quantity-reimbursed-cash': '1', 'quantity-reimbursed-inventory': '2' },
      header,
    );
    expect(problems).toEqual([]);
    expect(row?.values.quantityTotal).toBe(3);
    expect(row?.identity[3]).toBe(3);
  });

  it('falls back to cash + inventory when the total field is empty', () => {
    const { row } = readOne({
      'quantity-reimbursed-cash': '-1',
      'quantity-reimbursed-inventory': '',
      'quantity-reimbursed-total': '',
    });
    expect(row?.values.quantityTotal).toBe(-1);
  });

  it('reports a line with no quantity at all', () => {
    const { row, problems } = readOne({
      'quantity-reimbursed-cash': '',
      'quantity-reimbursed-inventory': '',
      'quantity-reimbursed-total': '',
    });
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { line: 2, column: 'quantity-reimbursed-total', message: 'quantity-reimbursed-total is empty' },
    ]);
  });

  it('reports a total that is not a whole number, without falling back', () => {
    const { row, problems } = readOne({ 'quantity-reimbursed-total': '1.5' });
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { line: 2, column: 'quantity-reimbursed-total', message: '"1.5" is not a whole number' },
    ]);
  });
});

describe('reimbursement lines: identity is (reimbursement-id, sku, reason, total, amount-total, approval-date)', () => {
  const base = readOne({}).row!;

  it.each(['Lost_Warehouse', 'Lost_warehouse', 'LOST-WAREHOUSE', 'lost warehouse', 'LostWarehouse'])(
    'reason %j has the same identity as Lost_Warehouse',
    (reason) => {
      const { row } = readOne({ reason });
      expect(row?.values.reason).toBe(reason);
      expect(row?.identity).toEqual(base.identity);
    },
  );

  it('gives the same identity to the same amount and instant written differently', () => {
    const { row } = readOne({ 'amount-total': '12,990', 'approval-date': '2025-05-15 08:00:00 UTC' });
    expect(row?.identity).toEqual(base.identity);
  });

  it('ignores the columns that are not part of the identity', () => {
    const { row } = readOne({
      'product-name': 'Another title',
      condition: 'Used',
      'amount-per-unit': '13.00',
      'quantity-reimbursed-cash': '0',
      'quantity-reimbursed-inventory': '1',
    });
    expect(row?.identity).toEqual(base.identity);
  });

  it.each([
    ['reimbursement-id', '5000009'],
    ['sku', 'SKU-OTHER'],
    ['reason', 'Damaged_Warehouse'],
    ['quantity-reimbursed-total', '2'],
    ['amount-total', '12.98'],
    ['approval-date', '2025-05-15T08:00:01+00:00'],
  ])('gives another identity when %s changes', (column, value) => {
    expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
  });
});

describe('reimbursement lines: bad fields are reported', () => {
  it('reports an unreadable approval date, an empty id and a bad amount on the line', () => {
    const { row, problems } = readOne({
      'approval-date': '2025-02-30T08:00:00+00:00',
      'reimbursement-id': '',
      'amount-total': 'x',
    });
    expect(row).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 2, column: 'approval-date', message: '"2025-02-30T08:00:00+00:00" is not a date and time' },
        { line: 2, column: 'reimbursement-id', message: 'reimbursement-id is empty' },
        { line: 2, column: 'amount-total', message: '"x" is not a number' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});
