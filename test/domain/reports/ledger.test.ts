// REPORTS.md section 1: the Inventory Ledger, detailed view.
import { describe, expect, it } from 'vitest';
import { ledgerFormat, normaliseEventType } from '../../../src/domain/reports/ledger.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

const HEADER = sampleHeader('ledger.tsv');

function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
  const { rows, problems } = readTsv(ledgerFormat, tsv(header, { ...sampleRow('ledger.tsv', 3), ...overrides }));
  return { row: rows[0], problems };
}

describe('ledger rows: values of the sample file', () => {
  it('reads every row of ledger.tsv without a problem', () => {
    const { rows, problems } = readTsv(ledgerFormat, sample('ledger.tsv'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('reads an adjustment row (line 3: SKU-MUG-01, M, -3)', () => {
    const { rows } = readTsv(ledgerFormat, sample('ledger.tsv'));
    const row = rows.find((candidate) => candidate.line === 3)!;
    expect(row.values).toEqual({
      date: '2025-04-20',
      fnsku: 'X00MUG0001',
      asin: 'B0MUG00001',
      msku: 'SKU-MUG-01',
      title: 'Ceramic Mug 350ml',
      eventType: 'Adjustments',
      referenceId: '100000000001',
      quantity: -3,
      fulfillmentCenter: 'PHX7',
      disposition: 'SELLABLE',
      reason: 'M',
      country: 'US',
      reconciledQuantity: 0,
      unreconciledQuantity: 3,
      dateTime: new Date('2025-04-20T17:00:00.000Z'),
      store: undefined,
    });
    expect(row.product).toEqual({
      sku: 'SKU-MUG-01',
      fnsku: 'X00MUG0001',
      asin: 'B0MUG00001',
      title: 'Ceramic Mug 350ml',
    });
  });

  it('reads a receipt whose reference is the inbound shipment and whose reason is empty', () => {
    const { rows } = readTsv(ledgerFormat, sample('ledger.tsv'));
    const receipt = rows.find((row) => row.line === 5)!;
    expect(receipt.values.eventType).toBe('Receipts');
    expect(receipt.values.referenceId).toBe('FBA15ABCDE1');
    expect(receipt.values.quantity).toBe(20);
    expect(receipt.values.reason).toBeUndefined();
  });

  it('reads the Store column of newer files', () => {
    const { row, problems } = readOne({ Store: 'Amazon.de' }, [...HEADER, 'Store']);
    expect(problems).toEqual([]);
    expect(row?.values.store).toBe('Amazon.de');
  });
});

describe('ledger rows: event types', () => {
  it.each([
    ['Adjustments', 'Adjustments'],
    ['adjustments', 'Adjustments'],
    ['Customer Returns', 'CustomerReturns'],
    ['customer_returns', 'CustomerReturns'],
    ['WHSE-TRANSFERS', 'WhseTransfers'],
    ['Vendor Returns', 'VendorReturns'],
  ])('%j is %s', (text, type) => {
    expect(normaliseEventType(text)).toBe(type);
    expect(readOne({ 'Event Type': text }).row?.values.eventType).toBe(type);
  });

  it('keeps an event type it does not know as written', () => {
    expect(normaliseEventType('Something Else')).toBe('Something Else');
  });
});

describe('ledger rows: identity ignores Title and reconciled quantities, not Quantity', () => {
  const base = readOne({}).row!;

  it('gives the same identity when only the title or the reconciled counts change', () => {
    expect(readOne({ Title: 'Ceramic Mug 350 ml (new title)' }).row?.identity).toEqual(base.identity);
    expect(readOne({ 'Reconciled Quantity': '3', 'Unreconciled Quantity': '0' }).row?.identity).toEqual(base.identity);
  });

  it('gives another identity when the quantity changes', () => {
    expect(readOne({ Quantity: '-2' }).row?.identity).not.toEqual(base.identity);
  });

  it.each([
    ['Date', '04/21/2025'],
    ['MSKU', 'SKU-OTHER'],
    ['Event Type', 'Shipments'],
    ['Reference ID', '100000000099'],
    ['Fulfillment Center', 'ONT8'],
    ['Disposition', 'DEFECTIVE'],
    ['Reason', '5'],
    ['Date and Time', '2025-04-20T11:00:00-0700'],
  ])('gives another identity when %s changes', (column, value) => {
    expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
  });

  it('gives the same identity to the same instant written with another offset', () => {
    expect(readOne({ 'Date and Time': '2025-04-20T17:00:00Z' }).row?.identity).toEqual(base.identity);
  });
});

describe('ledger rows: bad fields are reported by line and column, and the row is left out', () => {
  it('reports a bad date, a fractional quantity and an empty MSKU on the row line', () => {
    const text = tsv(
      HEADER,
      sampleRow('ledger.tsv', 2),
      { ...sampleRow('ledger.tsv', 3), Date: '02/30/2025', Quantity: '2.5', MSKU: '' },
      sampleRow('ledger.tsv', 4),
    );
    const { rows, problems } = readTsv(ledgerFormat, text);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(problems).toEqual([
      { line: 3, column: 'Date', message: '"02/30/2025" is not a date' },
      { line: 3, column: 'MSKU', message: 'MSKU is empty' },
      { line: 3, column: 'Quantity', message: '"2.5" is not a whole number' },
    ]);
  });

  it('names the column as the file spells it', () => {
    const header = HEADER.map((name) => (name === 'Quantity' ? 'quantity' : name));
    const { problems } = readTsv(ledgerFormat, tsv(header, { ...sampleRow('ledger.tsv', 3), quantity: 'x' }));
    expect(problems).toEqual([{ line: 2, column: 'quantity', message: '"x" is not a whole number' }]);
  });
});
