// docs/rules.md section 10: REMOVAL, units a seller asked Amazon to send back that never reached the seller.
import { describe, expect, it } from 'vitest';
import { productPool } from '../../src/domain/detection.js';
import { DomainError } from '../../src/domain/errors.js';
import { defaultPolicy, policyOf, validateWindows } from '../../src/domain/policy.js';
import type { ReimbursementFact } from '../../src/domain/reimbursement-types.js';
import { typeOfReason } from '../../src/domain/reimbursement-types.js';
import {
  awaitingReceipt,
  checkReceipt,
  type RemovalOrderFact,
  type RemovalShipmentFact,
  removalOrderEvents,
  removalShipmentEvents,
} from '../../src/domain/removals.js';
import { summarise } from '../../src/domain/summary.js';
import { facts, reimbursementLine } from './facts.js';

function order(fields: Partial<RemovalOrderFact> = {}): RemovalOrderFact {
  return {
    orderId: 'RMV-1',
    orderType: 'Return',
    orderStatus: 'Completed',
    lastUpdatedDay: '2025-05-20',
    disposition: 'Sellable',
    requested: 5,
    cancelled: 0,
    disposed: 0,
    shipped: 3,
    ...fields,
  };
}

function shipment(fields: Partial<RemovalShipmentFact> = {}): RemovalShipmentFact {
  return {
    orderId: 'RMV-1',
    trackingNumber: '1Z1',
    carrier: 'UPS',
    shipmentDay: '2025-05-22',
    shipped: 3,
    ...fields,
  };
}

/** A reimbursement line of `units` units at 10 USD each, approved 2025-06-01. */
function line(reason: string, units: number, fields: Partial<ReimbursementFact> = {}) {
  return reimbursementLine(reason, {
    units,
    amount: String(units * 10),
    approvalDate: new Date('2025-06-01T00:00:00Z'),
    ...fields,
  });
}

describe('docs/rules.md 10. lost before shipping: completed Return orders that shipped less than was left to ship', () => {
  it('counts requested − cancelled − disposed − shipped, on the day the order completed', () => {
    expect(removalOrderEvents([order()])).toMatchObject([
      {
        type: 'REMOVAL',
        date: '2025-05-20',
        units: 2,
        source: 'REMOVAL_ORDER',
        reference: 'RMV-1',
        removal: { requested: 5, cancelled: 0, disposed: 0, shipped: 3 },
      },
    ]);
    expect(removalOrderEvents([order({ requested: 10, cancelled: 2, disposed: 1, shipped: 4 })])[0]!.units).toBe(3);
  });

  it('counts nothing when everything was cancelled, disposed or shipped (the sample order RMV-0002: 4 − 1 − 3)', () => {
    expect(removalOrderEvents([order({ requested: 4, cancelled: 1, shipped: 3 })])).toEqual([]);
    // More shipped than requested is not a credit.
    expect(removalOrderEvents([order({ requested: 2, shipped: 3 })])).toEqual([]);
  });

  it('never counts a Disposal or Liquidations order, even one that disposed of fewer units than requested', () => {
    expect(removalOrderEvents([order({ orderType: 'Disposal', requested: 5, disposed: 2, shipped: 0 })])).toEqual([]);
    expect(removalOrderEvents([order({ orderType: 'Liquidations', shipped: 0 })])).toEqual([]);
  });

  it('never counts an order that is not Completed (Pending, Cancelled, In Process)', () => {
    for (const orderStatus of ['Pending', 'Cancelled', 'Processing'])
      expect(removalOrderEvents([order({ orderStatus, shipped: 0 })]), orderStatus).toEqual([]);
    // The words are Amazon's, whatever their case.
    expect(removalOrderEvents([order({ orderType: 'RETURN', orderStatus: 'completed' })])).toHaveLength(1);
  });
});

describe('docs/rules.md 10. lost in transit: shipments whose receipt the seller recorded short', () => {
  it('counts shipped − received on the shipment day, with the tracking number and carrier', () => {
    expect(removalShipmentEvents([shipment({ received: 2 })])).toMatchObject([
      {
        type: 'REMOVAL',
        date: '2025-05-22',
        units: 1,
        source: 'REMOVAL_SHIPMENT',
        reference: 'RMV-1',
        inTransit: true,
        trackingNumber: '1Z1',
        carrier: 'UPS',
        removal: { shipped: 3, received: 2 },
      },
    ]);
  });

  it('counts nothing without a receipt, or when everything arrived', () => {
    expect(removalShipmentEvents([shipment()])).toEqual([]);
    expect(removalShipmentEvents([shipment({ received: 3 })])).toEqual([]);
  });

  it('refuses a receipt of more units than were shipped, or of a negative or fractional count (INVALID_INPUT)', () => {
    expect(() => checkReceipt(3, 4, 'shipment 1Z1')).toThrow(DomainError);
    expect(() => checkReceipt(3, 4, 'shipment 1Z1')).toThrow(/4 units received is more than the 3 shipped/);
    for (const received of [-1, 1.5]) {
      try {
        checkReceipt(3, received, 'shipment 1Z1');
        expect.unreachable();
      } catch (error) {
        expect((error as DomainError).code).toBe('INVALID_INPUT');
      }
    }
    expect(() => checkReceipt(3, 3, 'shipment 1Z1')).not.toThrow();
    expect(() => checkReceipt(3, 0, 'shipment 1Z1')).not.toThrow();
  });

  it('a second receipt replaces the first: the event follows the last one recorded', () => {
    // The store keeps one receipt per shipment and SKU; the rule reads whichever stands.
    expect(removalShipmentEvents([shipment({ received: 0 })])[0]!.units).toBe(3);
    expect(removalShipmentEvents([shipment({ received: 2 })])[0]!.units).toBe(1);
  });

  it('lists the shipments of the last 75 days that wait for a receipt, the most recent first', () => {
    const inTransit = defaultPolicy('NA').REMOVAL_IN_TRANSIT;
    const shipments = [
      shipment({ trackingNumber: 'A', shipmentDay: '2025-04-01' }), // 75 days before asOf: still listed
      shipment({ trackingNumber: 'B', shipmentDay: '2025-03-31' }), // 76 days: past the window
      shipment({ trackingNumber: 'C', shipmentDay: '2025-06-10' }),
      shipment({ trackingNumber: 'D', shipmentDay: '2025-06-12', received: 1 }), // has a receipt
      shipment({ trackingNumber: 'E', shipmentDay: '2025-06-16' }), // after asOf
    ];
    expect(awaitingReceipt(shipments, '2025-06-15', inTransit).map((s) => s.trackingNumber)).toEqual(['C', 'A']);
  });
});

describe('docs/rules.md 10. the windows, one per kind of event (policy table)', () => {
  const policy = defaultPolicy('NA');

  it('lost before shipping: claimable from the completion day to 60 days after it, expired the day after', () => {
    const pool = (asOfDay: string) =>
      summarise([{ type: 'REMOVAL', date: '2025-05-20', units: 2 }], {}, policy, asOfDay, null).byType[0]!;
    // W 0: waiting only before the completion day itself.
    expect(pool('2025-05-19')).toMatchObject({ missingUnits: 2, claimableUnits: 0 });
    expect(pool('2025-05-20')).toMatchObject({ claimableUnits: 2, nextDeadline: '2025-07-19' });
    expect(pool('2025-07-19')).toMatchObject({ claimableUnits: 2, expiredUnits: 0 });
    expect(pool('2025-07-20')).toMatchObject({ claimableUnits: 0, expiredUnits: 2 });
  });

  it('lost in transit: waiting until 15 days after the shipment, claimable to day 75, expired after', () => {
    const pool = (asOfDay: string) =>
      summarise([{ type: 'REMOVAL', date: '2025-05-22', units: 1, inTransit: true }], {}, policy, asOfDay, null)
        .byType[0]!;
    expect(pool('2025-06-05')).toMatchObject({ missingUnits: 1, claimableUnits: 0 }); // day 14: waiting
    expect(pool('2025-06-06')).toMatchObject({ claimableUnits: 1, nextDeadline: '2025-08-05' }); // day 15
    expect(pool('2025-08-05')).toMatchObject({ claimableUnits: 1, expiredUnits: 0 }); // day 75
    expect(pool('2025-08-06')).toMatchObject({ claimableUnits: 0, expiredUnits: 1 }); // day 76
  });

  it('an account sets each window on its own; the in-transit window belongs to REMOVAL only', () => {
    const own = policyOf('NA', [{ type: 'REMOVAL', inTransit: true, waitDays: 20, deadlineDays: 90 }]);
    expect(own.REMOVAL_IN_TRANSIT).toEqual({ waitDays: 20, deadlineDays: 90 });
    expect(own.REMOVAL).toEqual({ waitDays: 0, deadlineDays: 60 });
    expect(() => validateWindows([{ type: 'LOST', inTransit: true, waitDays: 1, deadlineDays: 2 }])).toThrow(
      /only REMOVAL has a window for units lost in transit/,
    );
    expect(() =>
      validateWindows([
        { type: 'REMOVAL', waitDays: 0, deadlineDays: 60 },
        { type: 'REMOVAL', inTransit: true, waitDays: 15, deadlineDays: 75 },
      ]),
    ).not.toThrow();
  });
});

describe('docs/rules.md 10. netting by Removal_Order_Lost and Removal_Order_Damaged reimbursements', () => {
  it('reads both reasons as REMOVAL', () => {
    expect(typeOfReason('Removal_Order_Lost')).toBe('REMOVAL');
    expect(typeOfReason('Removal_Order_Damaged')).toBe('REMOVAL');
  });

  it('a Removal_Order_Lost line pays the oldest REMOVAL units; its reversal makes them missing again', () => {
    const removals = {
      removalOrders: [order({ lastUpdatedDay: '2025-05-20' })],
      removalShipments: [shipment({ shipmentDay: '2025-05-22', received: 1 })],
    };
    const units = (pool: ReturnType<typeof productPool>) => pool.map((lot) => [lot.event.date, lot.units]);
    expect(units(productPool(facts(removals), () => []))).toEqual([
      ['2025-05-20', 2],
      ['2025-05-22', 2],
    ]);
    const paid = line('Removal_Order_Lost', 3);
    expect(units(productPool(facts({ ...removals, reimbursements: [paid] }), () => []))).toEqual([['2025-05-22', 1]]);
    const reversal = line('Reimbursement_Reversal', -3, { originalReimbursementId: paid.reimbursementId });
    expect(
      units(
        productPool(facts({ ...removals, reimbursements: [paid, reversal] }), (id) =>
          id === paid.reimbursementId ? [paid.reason] : [],
        ),
      ),
    ).toEqual([
      ['2025-05-20', 2],
      ['2025-05-22', 2],
    ]);
  });

  it('a line of another type does not net REMOVAL units', () => {
    const pool = productPool(
      facts({ removalOrders: [order()], reimbursements: [line('Lost_Warehouse', 2)] }),
      () => [],
    );
    expect(pool.map((lot) => [lot.event.type, lot.units])).toEqual([['REMOVAL', 2]]);
  });
});
