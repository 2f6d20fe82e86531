// REPORTS.md section 4: the settlement report, flat file V2.
import { describe, expect, it } from 'vitest';
import { settlementFormat } from '../../../src/domain/reports/settlement.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

const HEADER = sampleHeader('settlement.tsv');
const SUMMARY = sampleRow('settlement.tsv', 2);
const ORDER = sampleRow('settlement.tsv', 5);
const REFUND = sampleRow('settlement.tsv', 8);

describe('settlement rows: values of the sample file', () => {
  const { rows, problems } = readTsv(settlementFormat, sample('settlement.tsv'));

  it('reads every row of settlement.tsv', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(10);
  });

  it('reads the summary row of the settlement: no transaction type, its dates, total and currency', () => {
    const summary = rows.find((row) => row.line === 2)!;
    expect(summary.values).toMatchObject({
      settlementId: '12345678901',
      settlementStartDate: new Date('2025-01-01T00:00:00.000Z'),
      settlementEndDate: new Date('2025-06-14T00:00:00.000Z'),
      depositDate: new Date('2025-06-16T00:00:00.000Z'),
      totalAmount: '1234.56',
      currency: 'USD',
      transactionType: undefined,
      postedDate: undefined,
      sku: undefined,
    });
    expect(summary.product).toBeUndefined();
  });

  it('reads a sale (line 5: 25.98 for 2 units of SKU-MUG-01 on 2025-06-03)', () => {
    const sale = rows.find((row) => row.line === 5)!;
    expect(sale.values).toEqual({
      settlementId: '12345678901',
      settlementStartDate: undefined,
      settlementEndDate: undefined,
      depositDate: undefined,
      totalAmount: undefined,
      currency: 'USD',
      transactionType: 'Order',
      orderId: '111-0000010-0000010',
      merchantOrderId: undefined,
      adjustmentId: undefined,
      shipmentId: undefined,
      marketplaceName: 'Amazon.com',
      amountType: 'ItemPrice',
      amountDescription: 'Principal',
      amount: '25.98',
      fulfillmentId: 'AFN',
      postedDate: new Date('2025-06-03T12:00:00.000Z'),
      orderItemCode: '00000000000001',
      merchantOrderItemId: undefined,
      merchantAdjustmentItemId: undefined,
      sku: 'SKU-MUG-01',
      quantityPurchased: 2,
    });
    expect(sale.product).toEqual({ sku: 'SKU-MUG-01' });
  });

  it('reads a refund row without quantity-purchased: negative amount, no quantity', () => {
    const refund = rows.find((row) => row.line === 8)!;
    expect(refund.values).toMatchObject({
      transactionType: 'Refund',
      orderId: '111-0000001-0000001',
      amountType: 'ItemPrice',
      amountDescription: 'Principal',
      amount: '-19.99',
      currency: 'USD',
      postedDate: new Date('2025-03-20T12:00:00.000Z'),
      sku: 'SKU-CAP-04',
      quantityPurchased: undefined,
    });
  });

  it('keeps the Tax row of a refund apart from its Principal row', () => {
    const tax = rows.find((row) => row.line === 11)!;
    const principal = rows.find((row) => row.line === 10)!;
    expect(tax.values.amountDescription).toBe('Tax');
    expect(tax.values.amount).toBe('-1.6');
    expect(tax.identity).not.toEqual(principal.identity);
  });
});

describe('settlement rows: the summary row gives its currency to the rows of its settlement', () => {
  it('gives the currency of each settlement to its own rows only', () => {
    const text = tsv(
      HEADER,
      SUMMARY,
      ORDER,
      { ...SUMMARY, 'settlement-id': '222', currency: 'eur', 'total-amount': '10,50' },
      { ...ORDER, 'settlement-id': '222' },
      { ...ORDER, 'settlement-id': '12345678901', 'order-id': '111-0000099-0000099' },
      { ...ORDER, 'settlement-id': '333' },
    );
    const { rows, problems } = readTsv(settlementFormat, text);
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.values.settlementId, row.values.currency])).toEqual([
      ['12345678901', 'USD'],
      ['12345678901', 'USD'],
      ['222', 'EUR'],
      ['222', 'EUR'],
      ['12345678901', 'USD'],
      ['333', undefined],
    ]);
    expect(rows[2]?.values.totalAmount).toBe('10.5');
  });

  it('keeps the currency a data row names itself', () => {
    const { rows } = readTsv(settlementFormat, tsv(HEADER, SUMMARY, { ...ORDER, currency: 'CAD' }));
    expect(rows[1]?.values.currency).toBe('CAD');
  });

  it('starts every file afresh: a new reader knows no currency', () => {
    readTsv(settlementFormat, tsv(HEADER, SUMMARY, ORDER));
    const { rows } = readTsv(settlementFormat, tsv(HEADER, ORDER));
    expect(rows[0]?.values.currency).toBeUndefined();
  });

  it('gives the same identity to a data row with or without the summary row before it', () => {
    const withSummary = readTsv(settlementFormat, tsv(HEADER, SUMMARY, ORDER)).rows[1]!;
    const alone = readTsv(settlementFormat, tsv(HEADER, ORDER)).rows[0]!;
    expect(withSummary.identity).toEqual(alone.identity);
  });
});

describe('settlement rows: posting date', () => {
  it('takes posted-date when posted-date-time is empty', () => {
    const { rows, problems } = readTsv(
      settlementFormat,
      tsv(HEADER, { ...REFUND, 'posted-date': '2025-03-20', 'posted-date-time': '' }),
    );
    expect(problems).toEqual([]);
    expect(rows[0]?.values.postedDate).toEqual(new Date('2025-03-20T00:00:00.000Z'));
  });

  it('reports a data row with no posting date at all', () => {
    const { rows, problems } = readTsv(
      settlementFormat,
      tsv(HEADER, { ...REFUND, 'posted-date': '', 'posted-date-time': '' }),
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 2, column: 'posted-date', message: 'posted-date is empty' }]);
  });

  it('reports an unreadable amount and quantity', () => {
    const { rows, problems } = readTsv(
      settlementFormat,
      tsv(HEADER, { ...ORDER, amount: '25.98.1', 'quantity-purchased': '1.5' }),
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, column: 'amount', message: '"25.98.1" is not a number' },
      { line: 2, column: 'quantity-purchased', message: '"1.5" is not a whole number' },
    ]);
  });
});

describe('settlement rows: EU files', () => {
  it('reads a decimal comma in amounts', () => {
    const { rows } = readTsv(settlementFormat, tsv(HEADER, { ...ORDER, amount: '-19,99' }));
    expect(rows[0]?.values.amount).toBe('-19.99');
  });
});
