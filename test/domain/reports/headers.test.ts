// docs/reports.md, "Headers", "Quoting" and "Bad input": how a header is matched to the columns of a format, which report a
// header is, and how the fields of one row are read with every problem recorded by line and column.

import { describe, expect, it } from 'vitest';
import { FileConventions } from '../../../src/domain/reports/conventions.js';
import {
  type Column,
  FieldReader,
  matchHeader,
  normaliseHeader,
  type ReadProblem,
} from '../../../src/domain/reports/format.js';
import { recogniseHeader } from '../../../src/domain/reports/formats.js';
import { describeMarkup } from '../../../src/domain/reports/unread-reports.js';
import type { ReportKind } from '../../../src/domain/types.js';
import { sampleHeader } from './read-tsv.js';

const columns = {
  date: { name: 'Date', required: true },
  sku: { name: 'MSKU', aliases: ['SKU', 'Seller SKU'], required: true },
  eventType: { name: 'Event Type', required: true },
  quantity: { name: 'Quantity', required: true },
  title: { name: 'Title', aliases: ['product-name'] },
  dateTime: { name: 'Date and Time' },
  amount: { name: 'amount-total' },
} as const satisfies Record<string, Column>;

type Key = keyof typeof columns;

function reader(header: string[], fields: string[] = [], line = 2) {
  const problems: ReadProblem[] = [];
  const match = matchHeader(columns, header);
  const conventions = new FileConventions({ region: 'NA', report: 'test' });
  return { reader: new FieldReader<Key>(columns, match, problems, conventions).next(fields, line), problems, match };
}

describe('normaliseHeader: case, spaces, "-" and "_" do not matter', () => {
  it('makes Event Type, EventType, event-type, event_type and EVENTTYPE the same', () => {
    const spellings = [
      'Event Type',
      'EventType',
      'event-type',
      'event_type',
      'EVENTTYPE',
      ' Event  Type ',
      'Event - Type',
    ];
    expect(new Set(spellings.map(normaliseHeader))).toEqual(new Set(['eventtype']));
  });

  it('strips a byte-order mark and the quotes of a quoted header', () => {
    expect(normaliseHeader('\uFEFFDate')).toBe('date');
    expect(normaliseHeader('"Event Type"')).toBe('eventtype');
    expect(normaliseHeader('\uFEFF"Date"')).toBe('date');
  });

  it('keeps letters and digits', () => {
    expect(normaliseHeader('quantity-reimbursed-total')).toBe('quantityreimbursedtotal');
    expect(normaliseHeader('Field 2')).toBe('field2');
  });
});

describe('matchHeader: finds every known column of the file', () => {
  it('gives the position and the file spelling of each column, ignoring columns it does not know', () => {
    const { positions, names, missing, matched } = matchHeader(columns, [
      'date',
      'Extra',
      'seller-sku',
      'EVENT_TYPE',
      'Quantity',
    ]);
    expect(positions).toEqual({ date: 0, sku: 2, eventType: 3, quantity: 4 });
    expect(names).toEqual({ date: 'date', sku: 'seller-sku', eventType: 'EVENT_TYPE', quantity: 'Quantity' });
    expect(missing).toEqual([]);
    expect(matched).toBe(4);
  });

  it('accepts an alias in place of the column name', () => {
    expect(matchHeader(columns, ['Date', 'SKU', 'Event Type', 'Quantity', 'product-name']).positions).toEqual({
      date: 0,
      sku: 1,
      eventType: 2,
      quantity: 3,
      title: 4,
    });
  });

  it('prefers the column name to an alias when the file has both', () => {
    const { positions } = matchHeader(columns, ['SKU', 'Date', 'MSKU', 'Event Type', 'Quantity']);
    expect(positions.sku).toBe(2);
  });

  it('lists the missing required columns, and not the missing optional ones', () => {
    const { missing, matched } = matchHeader(columns, ['Date', 'Title']);
    expect(missing).toEqual(['sku', 'eventType', 'quantity']);
    expect(matched).toBe(2);
  });

  it('takes the first of two columns with the same name', () => {
    const { positions, names } = matchHeader(columns, ['Date', 'MSKU', 'Event Type', 'Quantity', 'quantity']);
    expect(positions.quantity).toBe(3);
    expect(names.quantity).toBe('Quantity');
  });

  it('names a quoted column without its quotes and spaces', () => {
    const { names } = matchHeader(columns, ['"Date"', ' "MSKU" ', '"Event Type"', '"Quantity"']);
    expect(names).toEqual({ date: 'Date', sku: 'MSKU', eventType: 'Event Type', quantity: 'Quantity' });
  });

  it('ignores empty header fields', () => {
    const { positions } = matchHeader(columns, ['', 'Date', '', 'MSKU', 'Event Type', 'Quantity', '']);
    expect(positions).toEqual({ date: 1, sku: 3, eventType: 4, quantity: 5 });
  });
});

describe('FieldReader.text: trimmed text, quotes of quoted fields removed', () => {
  const header = ['Date', 'MSKU', 'Event Type', 'Quantity', 'Title'];

  it('returns the field trimmed, and undefined when it is empty or blank', () => {
    const { reader: row } = reader(header, ['03/01/2025', '  SKU-1 ', '', '   ', 'Mug']);
    expect(row.text('sku')).toBe('SKU-1');
    expect(row.text('eventType')).toBeUndefined();
    expect(row.text('quantity')).toBeUndefined();
    expect(row.text('title')).toBe('Mug');
  });

  it('returns undefined for a column the file does not have, and for a row shorter than the header', () => {
    const { reader: row } = reader(header, ['03/01/2025', 'SKU-1']);
    expect(row.text('dateTime')).toBeUndefined();
    expect(row.has('dateTime')).toBe(false);
    expect(row.has('title')).toBe(true);
    expect(row.text('title')).toBeUndefined();
  });

  it('strips the quotes of a quoted field and undoubles the quotes inside it', () => {
    const { reader: row } = reader(header, ['"03/01/2025"', '" SKU-1 "', '""', '"-3"', '"Mug ""Big"" 350ml"']);
    expect(row.text('date')).toBe('03/01/2025');
    expect(row.text('sku')).toBe('SKU-1');
    expect(row.text('eventType')).toBeUndefined();
    expect(row.text('title')).toBe('Mug "Big" 350ml');
    expect(row.integer('quantity')).toBe(-3);
  });

  it('keeps a lone quote and quotes that do not surround the field', () => {
    const { reader: row } = reader(header, ['x', '"', 'a "b" c', '1', '"open']);
    expect(row.text('sku')).toBe('"');
    expect(row.text('eventType')).toBe('a "b" c');
    expect(row.text('title')).toBe('"open');
  });
});

describe('FieldReader conversions: values, and a problem for each field that cannot be read', () => {
  const header = ['date', 'MSKU', 'Event Type', 'QUANTITY', 'Date and Time', 'Amount_Total'];

  it('converts days, instants, whole numbers and decimals', () => {
    const { reader: row, problems } = reader(header, [
      '03/21/2025',
      'SKU-1',
      'Adjustments',
      '-3',
      '2025-03-21T10:00:00-0700',
      '4,10',
    ]);
    expect(row.day('date', true)).toBe('2025-03-21');
    expect(row.integer('quantity', true)).toBe(-3);
    expect(row.instant('dateTime')?.toISOString()).toBe('2025-03-21T17:00:00.000Z');
    expect(row.decimal('amount')).toBe('4.1');
    expect(problems).toEqual([]);
  });

  it('records each bad field with the line and the column as the file spells it', () => {
    const { reader: row, problems } = reader(
      header,
      ['02/30/2025', 'SKU-1', 'Adjustments', '2.5', 'yesterday', 'ten'],
      7,
    );
    expect(row.day('date', true)).toBeUndefined();
    expect(row.integer('quantity', true)).toBeUndefined();
    expect(row.instant('dateTime')).toBeUndefined();
    expect(row.decimal('amount')).toBeUndefined();
    expect(problems).toEqual([
      { line: 7, column: 'date', message: '"02/30/2025" is not a date' },
      { line: 7, column: 'QUANTITY', message: '"2.5" is not a whole number' },
      { line: 7, column: 'Date and Time', message: '"yesterday" is not a date and time' },
      { line: 7, column: 'Amount_Total', message: '"ten" is not a number' },
    ]);
  });

  it('records an empty required field, and says nothing of an empty optional one', () => {
    const { reader: row, problems } = reader(header, ['', '', 'Adjustments', '', '', ''], 3);
    expect(row.day('date', true)).toBeUndefined();
    expect(row.requiredText('sku')).toBe('');
    expect(row.integer('quantity')).toBeUndefined();
    expect(row.instant('dateTime')).toBeUndefined();
    expect(row.decimal('amount')).toBeUndefined();
    expect(problems).toEqual([
      { line: 3, column: 'date', message: 'date is empty' },
      { line: 3, column: 'MSKU', message: 'MSKU is empty' },
    ]);
  });

  it('names a required column the file lacks by its docs/reports.md name', () => {
    const { reader: row, problems } = reader(['Date', 'MSKU', 'Event Type'], ['03/01/2025', 'SKU-1', 'Adjustments'], 4);
    expect(row.integer('quantity', true)).toBeUndefined();
    expect(problems).toEqual([{ line: 4, column: 'Quantity', message: 'Quantity is empty' }]);
  });

  it('names the quoted column of a quoted header without its quotes', () => {
    const { reader: row, problems } = reader(['"Date"', '"MSKU"', '"Event Type"', '"Quantity"'], ['"x"', '"S"'], 2);
    expect(row.day('date', true)).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'Date', message: '"x" is not a date' }]);
  });

  it('records a problem without a column', () => {
    const { reader: row, problems } = reader(header, [], 9);
    row.problem(undefined, 'the row is odd');
    row.problem('sku', 'SKU is odd');
    expect(problems).toEqual([
      { line: 9, message: 'the row is odd' },
      { line: 9, column: 'MSKU', message: 'SKU is odd' },
    ]);
  });
});

describe('FieldReader.next: one reader serves a whole file', () => {
  it('moves to the next row and its line, and keeps the problems of every row', () => {
    const { reader: row, problems } = reader(['Date', 'MSKU', 'Event Type', 'Quantity'], [], 0);
    expect(row.next(['03/01/2025', 'A', 'Receipts', '1'], 2)).toBe(row);
    expect(row.text('sku')).toBe('A');
    expect(row.integer('quantity', true)).toBe(1);
    row.next(['03/02/2025', 'B', 'Receipts', 'x'], 3);
    expect(row.text('sku')).toBe('B');
    expect(row.line).toBe(3);
    expect(row.integer('quantity', true)).toBeUndefined();
    row.next(['bad', 'C', 'Receipts', '2'], 5);
    expect(row.day('date', true)).toBeUndefined();
    expect(problems).toEqual([
      { line: 3, column: 'Quantity', message: '"x" is not a whole number' },
      { line: 5, column: 'Date', message: '"bad" is not a date' },
    ]);
  });
});

// docs/reports.md: "Recognise the kind of a file from its header, not its name", and a missing required column is an error
// that names the column (line 1).
function kindOf(header: readonly string[], requested?: ReportKind): ReportKind | string {
  const verdict = recogniseHeader(header, requested);
  return verdict.ok ? verdict.format.kind : verdict.code;
}

describe('recogniseHeader: each sample file is recognised from its header', () => {
  it.each([
    ['ledger.tsv', 'LEDGER'],
    ['reimbursements.tsv', 'REIMBURSEMENTS'],
    ['reimbursements-after-case.tsv', 'REIMBURSEMENTS'],
    ['customer-returns.tsv', 'CUSTOMER_RETURNS'],
    ['settlement.tsv', 'SETTLEMENT'],
    ['inbound-shipments.tsv', 'INBOUND_SHIPMENTS'],
    ['product-costs.tsv', 'PRODUCT_COSTS'],
  ] as const)('%s is %s, with or without the kind requested', (name, kind) => {
    expect(kindOf(sampleHeader(name))).toBe(kind);
    expect(kindOf(sampleHeader(name), kind)).toBe(kind);
  });

  it('matches every column of a sample header', () => {
    const verdict = recogniseHeader(sampleHeader('ledger.tsv'));
    expect(verdict.ok && verdict.match.matched).toBe(15);
    expect(verdict.ok && verdict.match.missing).toEqual([]);
  });

  it('recognises a quoted header', () => {
    expect(kindOf(sampleHeader('ledger.tsv').map((name) => `"${name}"`))).toBe('LEDGER');
    expect(kindOf(sampleHeader('settlement.tsv').map((name) => `"${name}"`))).toBe('SETTLEMENT');
  });

  it('ignores columns it does not know (newer ledgers add Store)', () => {
    expect(kindOf([...sampleHeader('ledger.tsv'), 'Store', 'Something New'])).toBe('LEDGER');
  });
});

describe('recogniseHeader: column names match ignoring case, spaces, "-" and "_"', () => {
  it.each(['Event Type', 'event-type', 'EVENTTYPE', 'event_type', 'EventType'])(
    'a ledger with %j as its event type column is a ledger',
    (spelling) => {
      const header = sampleHeader('ledger.tsv').map((name) => (name === 'Event Type' ? spelling : name));
      expect(kindOf(header)).toBe('LEDGER');
    },
  );

  it('reads a ledger header written in upper case with underscores', () => {
    const header = sampleHeader('ledger.tsv').map((name) => name.toUpperCase().replaceAll(' ', '_'));
    expect(kindOf(header)).toBe('LEDGER');
  });

  it('reads a settlement header written in camel case', () => {
    const header = sampleHeader('settlement.tsv').map((name) =>
      name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    );
    expect(header[0]).toBe('settlementId');
    expect(kindOf(header)).toBe('SETTLEMENT');
  });
});

describe('recogniseHeader: aliases', () => {
  it('accepts amazon-order-id for the order column of customer returns (Seller Central downloads)', () => {
    const header = sampleHeader('customer-returns.tsv').map((name) => (name === 'order-id' ? 'amazon-order-id' : name));
    expect(kindOf(header)).toBe('CUSTOMER_RETURNS');
    expect(kindOf(header, 'CUSTOMER_RETURNS')).toBe('CUSTOMER_RETURNS');
  });

  it('accepts the spaced inbound shipment columns', () => {
    const header = [
      'Shipment ID',
      'Shipment Name',
      'Shipment Status',
      'Seller SKU',
      'FNSKU',
      'Units Shipped',
      'Units Received',
    ];
    expect(kindOf(header)).toBe('INBOUND_SHIPMENTS');
  });

  it('accepts currency for currency-unit in reimbursements, and a reimbursements file without the total column', () => {
    const header = sampleHeader('reimbursements.tsv')
      .map((name) => (name === 'currency-unit' ? 'currency' : name))
      .filter((name) => name !== 'quantity-reimbursed-total');
    expect(kindOf(header)).toBe('REIMBURSEMENTS');
  });
});

describe('recogniseHeader: a requested kind whose columns are missing is an invalid file', () => {
  it('gives one problem per missing column, on line 1, naming the column', () => {
    const header = sampleHeader('ledger.tsv').filter((name) => name !== 'Quantity' && name !== 'Event Type');
    const verdict = recogniseHeader(header, 'LEDGER');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('INVALID_FILE');
    expect(verdict.problems).toHaveLength(2);
    expect(verdict.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [1, 'Event Type'],
      [1, 'Quantity'],
    ]);
    for (const problem of verdict.problems) {
      expect(problem.message).toContain(`"${problem.column}"`);
      expect(verdict.message).toContain(problem.message);
    }
  });

  it("names the report a header is when another kind is requested (issue: sellers' real files, point 7)", () => {
    const verdict = recogniseHeader(sampleHeader('product-costs.tsv'), 'SETTLEMENT');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('INVALID_FILE');
    expect(verdict.message).toBe(
      'the file is the Product costs report, not the Settlement report (flat file V2): import it as PRODUCT_COSTS, or without a kind',
    );
    expect(verdict.problems).toEqual([{ line: 1, message: verdict.message }]);
  });

  it('lists the missing columns of the requested kind when the header is no report at all', () => {
    const verdict = recogniseHeader(['settlement-id', 'sku', 'note'], 'SETTLEMENT');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problems.map((problem) => problem.column)).toEqual([
      'transaction-type',
      'amount-type',
      'amount-description',
      'amount',
    ]);
    expect(verdict.problems.every((problem) => problem.line === 1)).toBe(true);
  });

  it('does not ask for an optional column', () => {
    const header = sampleHeader('inbound-shipments.tsv').filter((name) => name !== 'ClosedDate');
    expect(kindOf(header, 'INBOUND_SHIPMENTS')).toBe('INBOUND_SHIPMENTS');
  });
});

describe('recogniseHeader: an unknown header is an unknown report', () => {
  it('names the closest report and the columns it lacks', () => {
    const header = sampleHeader('ledger.tsv').filter((name) => name !== 'Quantity');
    const verdict = recogniseHeader(header);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('UNKNOWN_REPORT');
    expect(verdict.message).toContain('Inventory Ledger');
    expect(verdict.message).toContain('"Quantity"');
    expect(verdict.problems).toEqual([{ line: 1, message: verdict.message }]);
  });

  it('names the reimbursements report for a reimbursements header without its reason', () => {
    const header = sampleHeader('reimbursements.tsv').filter((name) => name !== 'reason');
    const verdict = recogniseHeader(header);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('UNKNOWN_REPORT');
    expect(verdict.message).toContain('Reimbursements');
    expect(verdict.message).toContain('"reason"');
  });

  it('lists the reports it reads when nothing matches at all', () => {
    const verdict = recogniseHeader(['foo', 'bar']);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('UNKNOWN_REPORT');
    expect(verdict.message).toContain('matches no report');
    expect(verdict.problems).toEqual([{ line: 1, message: verdict.message }]);
  });
});

// A file of tags is no report: what it is, and what to download instead.
describe('describeMarkup: XML and web pages', () => {
  it('names the settlement report in XML and says to download its flat file', () => {
    const xml = '<?xml version="1.0"?>\n<AmazonEnvelope><MessageType>SettlementReport</MessageType></AmazonEnvelope>';
    expect(describeMarkup(xml)).toMatch(/^the file is the settlement report as XML, .*Flat File V2/);
  });

  it('names a web page, with or without a doctype, and a table saved alone', () => {
    for (const page of [
      '<!DOCTYPE html><html><body></body></html>',
      '\n  <html>',
      '<table><tr><td>1</td></tr></table>',
    ]) {
      expect(describeMarkup(page)).toMatch(/^the file is a web page \(HTML\), not a report/);
    }
  });

  it('names any other XML, and leaves text that does not start with a tag alone', () => {
    expect(describeMarkup('<?xml version="1.0"?><Inventory/>')).toMatch(/^the file is XML, not a report/);
    expect(describeMarkup('sku\tcost\tcurrency\n<b>\t1\tUSD')).toBeUndefined();
    expect(describeMarkup('')).toBeUndefined();
  });
});
