// The facts a product's rules are computed from, as the rule tests build them: written once, each builder fills what
// a test does not care about with a plausible value and gives every row a key of its own, as an import would.
import type { ProductFacts } from '../../src/domain/detection.js';
import type { LedgerFact, RefundFact, ShipmentItemFact } from '../../src/domain/missing-events.js';
import type { ReimbursementFact } from '../../src/domain/reimbursement-types.js';

let rowNumber = 0;

/** A ledger row; `Adjustments` on 2025-03-02 unless told otherwise. */
export function ledger(
  reason: string | undefined,
  quantity: number,
  date = '2025-03-02',
  eventType = 'Adjustments',
): LedgerFact {
  rowNumber += 1;
  return { key: `ledger:${rowNumber}`, date, eventType, reason, quantity, referenceId: `10000000${rowNumber}` };
}

/** Units lost in the warehouse (reason M) on a day. */
export const lost = (date: string, units: number): LedgerFact => ledger('M', -units, date);

/** Units found (reason F) on a day. */
export const found = (date: string, units: number): LedgerFact => ledger('F', units, date);

/** An inbound shipment's line: 24 shipped, 20 received, closed on 2025-05-10 unless told otherwise. */
export function shipment(fields: Partial<ShipmentItemFact> = {}): ShipmentItemFact {
  return {
    shipmentId: 'FBA15ABCDE1',
    status: 'CLOSED',
    closedDate: '2025-05-10',
    quantityShipped: 24,
    quantityReceived: 20,
    ...fields,
  };
}

/** A customer refund of an order, fulfilled by Amazon. */
export function refund(orderId: string, postedDay: string, fields: Partial<RefundFact> = {}): RefundFact {
  rowNumber += 1;
  return { key: `refund:${rowNumber}`, orderId, postedDay, fulfillmentId: 'AFN', ...fields };
}

/** A reimbursement line: one unit, 12.99 USD, approved 2025-04-01, attributed to no case, unless told otherwise. */
export function reimbursementLine(
  reason: string,
  fields: Partial<ReimbursementFact & { attributedUnits: number }> = {},
): ReimbursementFact & { attributedUnits: number } {
  rowNumber += 1;
  return {
    key: `reimbursement:${rowNumber}`,
    reimbursementId: `50000${rowNumber}`,
    approvalDate: new Date('2025-04-01T08:00:00Z'),
    reason,
    units: 1,
    amount: '12.99',
    currency: 'USD',
    attributedUnits: 0,
    ...fields,
  };
}

/** A product's facts: none but those given. */
export function facts(fields: Partial<ProductFacts>): ProductFacts {
  return { ledger: [], shipments: [], refunds: [], returns: [], reimbursements: [], claims: [], ...fields };
}

/** For a product none of whose reimbursements is a reversal: no original has a reason. */
export const noOriginals = (): readonly string[] => [];

/** The reasons of the lines of a set of reimbursements, by reimbursement-id (how a reversal finds its original). */
export function reasonsIn(lines: ReadonlyArray<ReimbursementFact>): (reimbursementId: string) => readonly string[] {
  return (id) => lines.filter((line) => line.reimbursementId === id).map((line) => line.reason);
}
