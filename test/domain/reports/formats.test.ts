// REPORTS.md: "Recognise the kind of a file from its header, not its name", and a missing required column is an error
// that names the column (line 1).
import { describe, expect, it } from 'vitest';
import { recogniseHeader } from '../../../src/domain/reports/formats.js';
import type { ReportKind } from '../../../src/domain/types.js';
import { sampleHeader } from './read-tsv.js';

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

  it('refuses a header of another report when a kind is requested', () => {
    const verdict = recogniseHeader(sampleHeader('product-costs.tsv'), 'SETTLEMENT');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe('INVALID_FILE');
    expect(verdict.problems.map((problem) => problem.column)).toEqual([
      'settlement-id',
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
