// REPORTS.md section 3: FBA customer returns.
import { describe, expect, it } from 'vitest';
import { customerReturnsFormat } from '../../../src/domain/reports/customer-returns.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

const HEADER = sampleHeader('customer-returns.tsv');

function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
  const { rows, problems } = readTsv(
    customerReturnsFormat,
    tsv(header, { ...sampleRow('customer-returns.tsv', 2), ...overrides }),
  );
  return { row: rows[0], problems };
}

describe('customer returns: values of the sample file', () => {
  it('reads the return of customer-returns.tsv', () => {
    const { rows, problems } = readTsv(customerReturnsFormat, sample('customer-returns.tsv'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values).toEqual({
      returnDate: new Date('2025-04-02T14:11:00.000Z'),
      orderId: '111-0000002-0000002',
      sku: 'SKU-CAP-04',
      asin: 'B0CAP00004',
      fnsku: 'X00CAP0004',
      productName: 'Baseball Cap Navy',
      quantity: 1,
      fulfillmentCenterId: 'PHX7',
      detailedDisposition: 'SELLABLE',
      reason: 'NOT_AS_DESCRIBED',
      status: 'Unit returned to inventory',
      licensePlateNumber: 'LPNRR000000001',
      customerComments: 'too small',
    });
    expect(rows[0]?.identity).toEqual([
      '2025-04-02T14:11:00.000Z',
      '111-0000002-0000002',
      'SKU-CAP-04',
      'X00CAP0004',
      1,
      'PHX7',
      'SELLABLE',
      'NOT_AS_DESCRIBED',
      'Unit returned to inventory',
      'LPNRR000000001',
    ]);
    expect(rows[0]?.product).toEqual({
      sku: 'SKU-CAP-04',
      fnsku: 'X00CAP0004',
      asin: 'B0CAP00004',
      title: 'Baseball Cap Navy',
    });
  });
});

describe('customer returns: Seller Central calls the order column amazon-order-id', () => {
  it('reads the order id from amazon-order-id', () => {
    const header = HEADER.map((name) => (name === 'order-id' ? 'amazon-order-id' : name));
    const { row, problems } = readOne({ 'amazon-order-id': '111-0000002-0000002' }, header);
    expect(problems).toEqual([]);
    expect(row?.values.orderId).toBe('111-0000002-0000002');
  });

  it('reports an empty order id under the name the file uses', () => {
    const header = HEADER.map((name) => (name === 'order-id' ? 'amazon-order-id' : name));
    const { row, problems } = readOne({ 'amazon-order-id': '' }, header);
    expect(row).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'amazon-order-id', message: 'amazon-order-id is empty' }]);
  });
});

describe('customer returns: identity', () => {
  const base = readOne({}).row!;

  it('ignores customer comments and the product name', () => {
    expect(readOne({ 'customer-comments': 'changed', 'product-name': 'Cap' }).row?.identity).toEqual(base.identity);
  });

  it.each([
    ['return-date', '2025-04-02T14:12:00+00:00'],
    ['order-id', '111-0000009-0000009'],
    ['quantity', '2'],
    ['detailed-disposition', 'CUSTOMER_DAMAGED'],
    ['license-plate-number', 'LPNRR000000002'],
  ])('changes with %s', (column, value) => {
    expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
  });
});

describe('customer returns: bad fields are reported', () => {
  it('reports an unreadable date and a fractional quantity', () => {
    const { row, problems } = readOne({ 'return-date': 'soon', quantity: '1,5' });
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { line: 2, column: 'return-date', message: '"soon" is not a date and time' },
      { line: 2, column: 'quantity', message: '"1,5" is not a whole number' },
    ]);
  });
});
