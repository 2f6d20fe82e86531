// docs/rules.md sections 1 and 2, rule by rule, on the pure functions of src/domain.
// Sections 4 and 7: rules-netting.test.ts. Section 6, the worked example of section 8 and EXPECTED.md:
// rules-summary.test.ts.
import { describe, expect, it } from 'vitest';
import { productPool } from '../../src/domain/detection.js';
import {
  COUNTED_LEDGER_REASONS,
  closedDay,
  damagedEvents,
  foundUnits,
  inboundEvents,
  lostEvents,
  type ReturnFact,
  unreturnedEvents,
} from '../../src/domain/missing-events.js';
import {
  isReversal,
  normaliseReason,
  type ReimbursementFact,
  typeOfLine,
  typeOfReason,
} from '../../src/domain/reimbursement-types.js';
import { facts, ledger, noOriginals, refund, reimbursementLine, shipment } from './facts.js';

/** The units of a list of events (or lots). */
const units = (events: ReadonlyArray<{ units: number }>): number => events.reduce((sum, event) => sum + event.units, 0);

/** All the units the rows give as found, whatever their date. */
function totalFound(rows: Parameters<typeof foundUnits>[0]): number {
  return foundUnits(rows).reduce((sum, offset) => sum + offset.units, 0);
}

const line = reimbursementLine;

describe('docs/rules.md 1. LOST: ledger Adjustments with reason M or 5 and a negative quantity', () => {
  it.each(['M', '5'])(
    'a negative Adjustments row with reason %s loses abs(Quantity) units on the ledger date',
    (reason) => {
      const row = ledger(reason, -3, '2025-03-02');
      const events = lostEvents([row]);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'LOST', key: row.key, date: '2025-03-02', units: 3, source: 'LEDGER' });
      expect(events[0]?.reasonCode).toBe(reason);
      expect(events[0]?.reference).toBe(row.referenceId);
      // A lost unit is neither damaged nor found.
      expect(damagedEvents([row])).toEqual([]);
      expect(totalFound([row])).toBe(0);
    },
  );

  it('each lost row is its own event, with its own date', () => {
    const events = lostEvents([ledger('M', -2, '2025-03-02'), ledger('5', -1, '2025-04-10')]);
    expect(events.map((event) => [event.date, event.units])).toEqual([
      ['2025-03-02', 2],
      ['2025-04-10', 1],
    ]);
  });

  it('a positive M (or 5) row counts as nothing: not lost, not found', () => {
    const rows = [ledger('M', 2), ledger('5', 1)];
    expect(lostEvents(rows)).toEqual([]);
    expect(totalFound(rows)).toBe(0);
  });
});

describe('docs/rules.md 1. Found units: ledger Adjustments with reason F or N and a positive quantity offset LOST units', () => {
  it.each(['F', 'N'])('a positive Adjustments row with reason %s is found units', (reason) => {
    const row = ledger(reason, 2);
    expect(totalFound([row])).toBe(2);
    expect(lostEvents([row])).toEqual([]);
    expect(damagedEvents([row])).toEqual([]);
  });

  it('found units add up over rows', () => {
    expect(totalFound([ledger('F', 1), ledger('N', 2), ledger('F', 1)])).toBe(4);
  });

  it('found units offset the LOST units of the product: M −3, F +1 and N +1 leave 1 lost unit', () => {
    const pool = productPool(facts({ ledger: [ledger('M', -3), ledger('F', 1), ledger('N', 1)] }), noOriginals);
    expect(pool.map((lot) => [lot.event.type, lot.units])).toEqual([['LOST', 1]]);
  });

  it('found units do not offset DAMAGED units: E −2 and F +1 leave 2 damaged units', () => {
    const pool = productPool(facts({ ledger: [ledger('E', -2), ledger('F', 1)] }), noOriginals);
    expect(pool.map((lot) => [lot.event.type, lot.units])).toEqual([['DAMAGED', 2]]);
  });

  it('a negative F (or N) row counts as nothing: not found, not lost', () => {
    const rows = [ledger('F', -1), ledger('N', -2)];
    expect(totalFound(rows)).toBe(0);
    expect(lostEvents(rows)).toEqual([]);
    expect(damagedEvents(rows)).toEqual([]);
    // M −2 with F −1 beside it stays 2 lost units.
    const pool = productPool(facts({ ledger: [ledger('M', -2), ledger('F', -1)] }), noOriginals);
    expect(units(pool)).toBe(2);
  });
});

describe('docs/rules.md 1. DAMAGED: ledger Adjustments with reason E, 6 or Q and a negative quantity', () => {
  it.each(['E', '6', 'Q'])('a negative Adjustments row with reason %s damages abs(Quantity) units', (reason) => {
    const row = ledger(reason, -2, '2025-05-25');
    const events = damagedEvents([row]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'DAMAGED', key: row.key, date: '2025-05-25', units: 2, source: 'LEDGER' });
    expect(lostEvents([row])).toEqual([]);
  });

  it.each(['E', '6', 'Q'])('a positive row with reason %s counts as nothing', (reason) => {
    expect(damagedEvents([ledger(reason, 1)])).toEqual([]);
  });

  it('the P twin rows are ignored: E −1 with its P +1 twin is 1 damaged unit, not 0 and not 2', () => {
    const rows = [ledger('E', -1, '2025-05-25'), ledger('P', 1, '2025-05-25')];
    expect(units(damagedEvents(rows))).toBe(1);
    const pool = productPool(facts({ ledger: rows }), noOriginals);
    expect(pool.map((lot) => [lot.event.type, lot.units])).toEqual([['DAMAGED', 1]]);
  });

  it('a P row of either sign, alone, counts as nothing', () => {
    const rows = [ledger('P', 1), ledger('P', -1)];
    expect(damagedEvents(rows)).toEqual([]);
    expect(lostEvents(rows)).toEqual([]);
    expect(totalFound(rows)).toBe(0);
  });
});

describe('docs/rules.md 1. Ledger rows that never count', () => {
  // 7 expired, H customer damage, K item defect, U distributor damage, D disposed, P the twin of a damage,
  // 1 2 J corrections, 3 4 redefinitions, O disposition change.
  const neverCounted = ['7', 'H', 'K', 'U', 'D', 'P', '1', '2', 'J', '3', '4', 'O'];

  it.each(neverCounted)('an Adjustments row with reason %s never counts, negative or positive', (reason) => {
    const rows = [ledger(reason, -4), ledger(reason, 4)];
    expect(lostEvents(rows)).toEqual([]);
    expect(damagedEvents(rows)).toEqual([]);
    expect(totalFound(rows)).toBe(0);
    expect(productPool(facts({ ledger: rows }), noOriginals)).toEqual([]);
  });

  it('the counted reasons are exactly M 5 (lost), F N (found) and E 6 Q (damaged)', () => {
    expect([...COUNTED_LEDGER_REASONS].sort()).toEqual(['5', '6', 'E', 'F', 'M', 'N', 'Q']);
    for (const reason of neverCounted) expect(COUNTED_LEDGER_REASONS.has(reason)).toBe(false);
  });

  it('an Adjustments row without a reason never counts', () => {
    const rows = [ledger(undefined, -1), ledger(undefined, 1)];
    expect(lostEvents(rows)).toEqual([]);
    expect(damagedEvents(rows)).toEqual([]);
    expect(totalFound(rows)).toBe(0);
  });

  it.each([
    'Receipts',
    'Shipments',
    'CustomerReturns',
    'VendorReturns',
    'WhseTransfers',
    'Disposed',
    'Starting Inventory',
  ])('a %s row never counts, even with a reason M, E or F', (eventType) => {
    const rows = [
      ledger('M', -2, '2025-03-02', eventType),
      ledger('5', -2, '2025-03-02', eventType),
      ledger('E', -2, '2025-03-02', eventType),
      ledger('F', 2, '2025-03-02', eventType),
      ledger('N', 2, '2025-03-02', eventType),
    ];
    expect(lostEvents(rows)).toEqual([]);
    expect(damagedEvents(rows)).toEqual([]);
    expect(totalFound(rows)).toBe(0);
  });
});

describe('docs/rules.md 1. INBOUND: items of CLOSED shipments, shipped − received, dated the closed day', () => {
  it('a CLOSED shipment short of 4 units (24 shipped, 20 received) gives 4 units on its closed date', () => {
    const events = inboundEvents([shipment({ destination: 'ONT8' })]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'INBOUND',
      date: '2025-05-10',
      units: 4,
      source: 'SHIPMENT',
      reference: 'FBA15ABCDE1',
      fulfillmentCenter: 'ONT8',
    });
  });

  it.each(['WORKING', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'CHECKED_IN', 'RECEIVING', 'CANCELLED', 'DELETED'])(
    'a %s shipment gives nothing, however short',
    (status) => {
      expect(inboundEvents([shipment({ status, quantityShipped: 12, quantityReceived: 6 })])).toEqual([]);
    },
  );

  it('a shipment without a status gives nothing', () => {
    expect(inboundEvents([shipment({ status: undefined })])).toEqual([]);
  });

  it('an overage gives 0 units (no event), and so does an exact receipt', () => {
    expect(inboundEvents([shipment({ quantityShipped: 10, quantityReceived: 12 })])).toEqual([]);
    expect(inboundEvents([shipment({ quantityShipped: 10, quantityReceived: 10 })])).toEqual([]);
  });

  it('the closed date the shipments file gives comes first', () => {
    const item = shipment({ closedDate: '2025-05-10', latestReceiptDay: '2025-05-08', closedSeenDay: '2025-05-12' });
    expect(closedDay(item)).toBe('2025-05-10');
    expect(inboundEvents([item])[0]?.date).toBe('2025-05-10');
  });

  it('without a closed date in the file, the latest ledger Receipts day of the shipment', () => {
    const item = shipment({ closedDate: undefined, latestReceiptDay: '2025-05-08', closedSeenDay: '2025-05-12' });
    expect(closedDay(item)).toBe('2025-05-08');
    expect(inboundEvents([item])[0]?.date).toBe('2025-05-08');
  });

  it('without either, the day an import first saw the shipment closed (closedSeenDay)', () => {
    const item = shipment({ closedDate: undefined, latestReceiptDay: undefined, closedSeenDay: '2025-05-12' });
    expect(closedDay(item)).toBe('2025-05-12');
    expect(inboundEvents([item])[0]?.date).toBe('2025-05-12');
  });

  it('a CLOSED shipment with no date at all gives nothing', () => {
    const item = shipment({ closedDate: undefined, latestReceiptDay: undefined, closedSeenDay: undefined });
    expect(closedDay(item)).toBeUndefined();
    expect(inboundEvents([item])).toEqual([]);
  });

  it('each short item is its own event: two closed shipments of the product short 4 and 1', () => {
    const events = inboundEvents([
      shipment(),
      shipment({ shipmentId: 'FBA15ABCDE3', closedDate: '2025-06-01', quantityShipped: 5, quantityReceived: 4 }),
      shipment({ shipmentId: 'FBA15ABCDE2', status: 'RECEIVING', closedDate: undefined, quantityShipped: 12 }),
    ]);
    expect(events.map((event) => [event.reference, event.date, event.units])).toEqual([
      ['FBA15ABCDE1', '2025-05-10', 4],
      ['FBA15ABCDE3', '2025-06-01', 1],
    ]);
  });
});

describe('docs/rules.md 1. UNRETURNED: refunds of FBA orders less the units of the order that came back', () => {
  it('a refund row without quantity-purchased is 1 unit, dated the refund posted day, of its order', () => {
    const events = unreturnedEvents([refund('111-0000001-0000001', '2025-03-20')], []);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'UNRETURNED',
      date: '2025-03-20',
      units: 1,
      source: 'REFUND',
      orderId: '111-0000001-0000001',
      reference: '111-0000001-0000001',
    });
  });

  it('1 unit per refund row without quantity: two rows of one order are 2 units', () => {
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20'), refund('111-0000001-0000001', '2025-03-22')],
      [],
    );
    expect(units(events)).toBe(2);
  });

  it('a refund row with quantity-purchased 3 is 3 units', () => {
    const events = unreturnedEvents([refund('111-0000001-0000001', '2025-03-20', { quantityPurchased: 3 })], []);
    expect(units(events)).toBe(3);
  });

  it('a return of the same order offsets its refund (the return report has no disposition filter: any counts)', () => {
    const returns: ReturnFact[] = [{ orderId: '111-0000002-0000002', quantity: 1 }];
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20'), refund('111-0000002-0000002', '2025-03-25')],
      returns,
    );
    expect(events.map((event) => event.orderId)).toEqual(['111-0000001-0000001']);
  });

  it('a partial return: 3 refunded, 1 returned leaves 2 units', () => {
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20', { quantityPurchased: 3 })],
      [{ orderId: '111-0000001-0000001', quantity: 1 }],
    );
    expect(units(events)).toBe(2);
  });

  it('returns of one order add up: 3 refunded, returned 1 then 2, leaves nothing', () => {
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20', { quantityPurchased: 3 })],
      [
        { orderId: '111-0000001-0000001', quantity: 1 },
        { orderId: '111-0000001-0000001', quantity: 2 },
      ],
    );
    expect(events).toEqual([]);
  });

  it('two refund rows of one order and one return: 2 − 1 = 1 unit left', () => {
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20'), refund('111-0000001-0000001', '2025-04-02')],
      [{ orderId: '111-0000001-0000001', quantity: 1 }],
    );
    expect(units(events)).toBe(1);
  });

  it('a return never offsets the refund of another order, and a surplus return is not carried to one', () => {
    const events = unreturnedEvents(
      [refund('111-0000001-0000001', '2025-03-20'), refund('111-0000002-0000002', '2025-03-25')],
      [{ orderId: '111-0000001-0000001', quantity: 5 }],
    );
    expect(events.map((event) => [event.orderId, event.units])).toEqual([['111-0000002-0000002', 1]]);
  });

  it('a refund of a non-AFN order (MFN) is not an FBA refund: no units', () => {
    expect(unreturnedEvents([refund('111-0000005-0000005', '2025-03-20', { fulfillmentId: 'MFN' })], [])).toEqual([]);
  });

  it('a refund of an AFN order is an FBA refund', () => {
    expect(units(unreturnedEvents([refund('111-0000005-0000005', '2025-03-20', { fulfillmentId: 'AFN' })], []))).toBe(
      1,
    );
  });
});

describe('docs/rules.md 2. Reimbursements: a line is typed by its reason, normalised', () => {
  it('normalising: lower case, every character that is not a letter or digit removed', () => {
    expect(normaliseReason('Lost_Warehouse')).toBe('lostwarehouse');
    expect(normaliseReason(' DAMAGED-WAREHOUSE ')).toBe('damagedwarehouse');
    expect(normaliseReason('Customer Return')).toBe('customerreturn');
    expect(normaliseReason('Reimbursement_Reversal')).toBe('reimbursementreversal');
    expect(normaliseReason('Lost.Inbound/2')).toBe('lostinbound2');
  });

  it.each([
    ['Lost_Warehouse', 'LOST'],
    ['Lost_warehouse', 'LOST'],
    ['LOST-WAREHOUSE', 'LOST'],
    ['lost warehouse', 'LOST'],
    ['Damaged_Warehouse', 'DAMAGED'],
    ['DAMAGED-WAREHOUSE', 'DAMAGED'],
    ['damaged warehouse', 'DAMAGED'],
    ['Lost_Inbound', 'INBOUND'],
    ['lost-inbound', 'INBOUND'],
    ['Damaged_Inbound', 'INBOUND'],
    ['DAMAGED INBOUND', 'INBOUND'],
    ['CustomerReturn', 'UNRETURNED'],
    ['Customer Return', 'UNRETURNED'],
    ['Customer_Return', 'UNRETURNED'],
    ['CustomerServiceIssue', 'UNRETURNED'],
    ['Removal_Order_Lost', 'REMOVAL'],
    ['removal order damaged', 'REMOVAL'],
    ['Customer Service Issue', 'UNRETURNED'],
    ['customer_service_issue', 'UNRETURNED'],
  ])('%s is %s', (reason, type) => {
    expect(typeOfReason(reason)).toBe(type);
    expect(isReversal(reason)).toBe(false);
    expect(typeOfLine(line(reason), noOriginals)).toBe(type);
  });

  it.each(['Reimbursement_Reversal', 'reimbursement reversal', 'REIMBURSEMENT-REVERSAL', 'ReimbursementReversal'])(
    '%s is a reversal: it has no type of its own',
    (reason) => {
      expect(isReversal(reason)).toBe(true);
      expect(typeOfReason(reason)).toBeUndefined();
    },
  );

  it.each([
    'FeeCorrection',
    'Fee_Correction',
    'Lost_Outbound',
    'Damaged_Outbound',
    'CS_Error_Items',
    'Lost',
    'Warehouse',
    '',
  ])('an unknown reason (%j) is ignored: no type', (reason) => {
    expect(typeOfReason(reason)).toBeUndefined();
    expect(typeOfLine(line(reason), noOriginals)).toBeUndefined();
  });

  it('a line of an unknown reason is kept but never counted: it does not net the LOST units', () => {
    const pool = productPool(
      facts({ ledger: [ledger('M', -2)], reimbursements: [line('Lost_Outbound', { units: 2 })] }),
      noOriginals,
    );
    expect(units(pool)).toBe(2);
  });

  it('a reason spelled like a member of Object.prototype is unknown too', () => {
    // A reason spelled like an Object member must not find it (docs/rules.md 2: anything else is ignored).
    expect(typeOfReason('Constructor')).toBeUndefined();
  });

  it('a line whose reason is spelled like a member of Object.prototype is ignored, not a crash', () => {
    // Nor may such a line break the computation of the whole product.
    const compute = () =>
      productPool(facts({ ledger: [ledger('M', -2)], reimbursements: [line('constructor')] }), noOriginals);
    expect(compute).not.toThrow();
  });
});

describe('docs/rules.md 2. A reversal takes the type of its original line', () => {
  const reversal = (fields: Partial<ReimbursementFact>) =>
    line('Reimbursement_Reversal', { units: -1, amount: '-12.99', originalReimbursementId: '9000001', ...fields });

  it.each([
    ['Lost_Warehouse', 'LOST'],
    ['Damaged_Warehouse', 'DAMAGED'],
    ['Lost_Inbound', 'INBOUND'],
    ['Damaged_Inbound', 'INBOUND'],
    ['CustomerReturn', 'UNRETURNED'],
    ['CustomerServiceIssue', 'UNRETURNED'],
  ])('a reversal with original-reimbursement-type %s is %s', (originalType, type) => {
    expect(typeOfLine(reversal({ originalReimbursementType: originalType }), noOriginals)).toBe(type);
  });

  it('original-reimbursement-type is normalised like a reason: "damaged warehouse" is DAMAGED', () => {
    expect(typeOfLine(reversal({ originalReimbursementType: 'damaged warehouse' }), noOriginals)).toBe('DAMAGED');
  });

  it('original-reimbursement-type comes before the line the id names', () => {
    const reasons = (id: string) => (id === '9000001' ? ['Lost_Warehouse'] : []);
    expect(typeOfLine(reversal({ originalReimbursementType: 'Damaged_Warehouse' }), reasons)).toBe('DAMAGED');
  });

  it.each([
    ['Lost_Warehouse', 'LOST'],
    ['Damaged_Warehouse', 'DAMAGED'],
    ['Lost_Inbound', 'INBOUND'],
    ['CustomerReturn', 'UNRETURNED'],
  ])(
    'with the type column empty, the reversal of a %s line found by original-reimbursement-id is %s',
    (reason, type) => {
      const asked: string[] = [];
      const reasons = (id: string) => {
        asked.push(id);
        return id === '9000001' ? [reason] : [];
      };
      expect(typeOfLine(reversal({ originalReimbursementType: undefined }), reasons)).toBe(type);
      expect(typeOfLine(reversal({ originalReimbursementType: '' }), reasons)).toBe(type);
      expect(asked).toContain('9000001');
    },
  );

  it('a reversal whose original is unknown (no type column, the id names no line) is ignored', () => {
    expect(typeOfLine(reversal({ originalReimbursementType: undefined }), noOriginals)).toBeUndefined();
    const otherOriginal = (id: string) => (id === '9000002' ? ['Lost_Warehouse'] : []);
    expect(typeOfLine(reversal({ originalReimbursementType: undefined }), otherOriginal)).toBeUndefined();
  });

  it('a reversal with neither original-reimbursement-type nor original-reimbursement-id is ignored', () => {
    const reasons = () => ['Lost_Warehouse'];
    expect(
      typeOfLine(reversal({ originalReimbursementType: undefined, originalReimbursementId: undefined }), reasons),
    ).toBeUndefined();
  });

  it('a reversal of a line of an unknown reason is ignored', () => {
    const reasons = (id: string) => (id === '9000001' ? ['Lost_Outbound'] : []);
    expect(typeOfLine(reversal({ originalReimbursementType: undefined }), reasons)).toBeUndefined();
  });

  it('an ignored reversal does not touch the pool: M −2 with a reversal of an unknown original stays 2 lost', () => {
    const pool = productPool(
      facts({
        ledger: [ledger('M', -2)],
        reimbursements: [
          line('Lost_Warehouse', { units: 1 }),
          reversal({ originalReimbursementType: undefined, originalReimbursementId: '7777777' }),
        ],
      }),
      noOriginals,
    );
    // 2 lost − 1 reimbursed; the reversal of an unknown line counts nothing.
    expect(units(pool)).toBe(1);
  });
});
