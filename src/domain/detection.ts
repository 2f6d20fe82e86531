// One product's missing pool, every type at once: docs/rules.md sections 1, 2 and 4 put together.
import type { LedgerFact, MissingEvent, RefundFact, ReturnFact, ShipmentItemFact } from './missing-events.js';
import { damagedEvents, foundUnits, inboundEvents, lostEvents, unreturnedEvents } from './missing-events.js';
import { missingPool } from './netting.js';
import { type OrderLine, orderLineOf, type SettlementAmount } from './payout.js';
import { type ReimbursementFact, typeOfLine } from './reimbursement-types.js';
import { type RemovalOrderFact, type RemovalShipmentFact, removalEvents } from './removals.js';
import { MISSING_TYPES, type MissingType } from './types.js';

export interface ProductFacts {
  ledger: readonly LedgerFact[];
  shipments: readonly ShipmentItemFact[];
  refunds: readonly RefundFact[];
  returns: readonly ReturnFact[];
  /** The product's reimbursement lines, and how many of each line's units are attributed to cases (section 3). */
  reimbursements: ReadonlyArray<ReimbursementFact & { attributedUnits: number }>;
  /** Units cases claimed, by the event they came from (deleted cases excluded). */
  claims: ReadonlyArray<{ type: MissingType; eventKey: string; units: number }>;
  /** The settlement rows (transaction-type Order) of the refunded orders: their principal and fees (section 9). */
  orderRows?: ReadonlyArray<SettlementAmount & { orderId: string }>;
  /** The product's removal order rows and removal shipments, with the seller's receipts (section 10). */
  removalOrders?: readonly RemovalOrderFact[];
  removalShipments?: readonly RemovalShipmentFact[];
}

/** The order lines of a product's Order rows, by order id. */
export function orderLines(rows: ReadonlyArray<SettlementAmount & { orderId: string }>): Map<string, OrderLine> {
  const byOrder = new Map<string, SettlementAmount[]>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  const lines = new Map<string, OrderLine>();
  for (const [orderId, orderRows] of byOrder) {
    const line = orderLineOf(orderRows);
    if (line) lines.set(orderId, line);
  }
  return lines;
}

/** Units of one event still in the missing pool. */
export interface Lot {
  event: MissingEvent;
  units: number;
}

export type ProductEvents = Record<MissingType, MissingEvent[]>;

/** The gross missing events of a product, per type (section 1): before found units, payments and cases. */
export function productEvents(facts: ProductFacts): ProductEvents {
  return {
    LOST: lostEvents(facts.ledger),
    DAMAGED: damagedEvents(facts.ledger),
    INBOUND: inboundEvents(facts.shipments),
    UNRETURNED: unreturnedEvents(facts.refunds, facts.returns, orderLines(facts.orderRows ?? [])),
    REMOVAL: removalEvents(facts.removalOrders ?? [], facts.removalShipments ?? []),
  };
}

/**
 * The missing pool of a product: for each type, the units still missing and the events they come from.
 * `reasonsOfReimbursement` finds the reasons of an original line a reversal names, wherever it is.
 */
export function productPool(
  facts: ProductFacts,
  reasonsOfReimbursement: (reimbursementId: string) => readonly string[],
  events: ProductEvents = productEvents(facts),
): Lot[] {
  const reimbursed: Record<MissingType, Array<{ units: number; orderId?: string }>> = {
    LOST: [],
    DAMAGED: [],
    INBOUND: [],
    UNRETURNED: [],
    REMOVAL: [],
  };
  const orderOfReimbursement = new Map<string, string>();
  for (const line of facts.reimbursements) {
    if (line.orderId) orderOfReimbursement.set(line.reimbursementId, line.orderId);
  }
  for (const line of facts.reimbursements) {
    // What a case holds does not net the pool; a line that paid an item only in part nets with the rest.
    const units = line.units - line.attributedUnits;
    if (units === 0) continue;
    const type = typeOfLine(line, reasonsOfReimbursement);
    if (!type) continue;
    // Only UNRETURNED units belong to orders; other types net against the product's events as a whole. A reversal
    // belongs where its original belongs: to the original's order when it names none itself.
    const orderId =
      line.orderId ??
      (line.originalReimbursementId ? orderOfReimbursement.get(line.originalReimbursementId) : undefined);
    reimbursed[type].push({ units, orderId: type === 'UNRETURNED' ? orderId : undefined });
  }
  const claimed = new Map<string, number>();
  for (const claim of facts.claims) {
    const key = `${claim.type}\u0001${claim.eventKey}`;
    claimed.set(key, (claimed.get(key) ?? 0) + claim.units);
  }
  const lots: Lot[] = [];
  for (const type of MISSING_TYPES) {
    const claimedByEvent = new Map(
      events[type].map((event) => [event.key, claimed.get(`${type}\u0001${event.key}`) ?? 0] as const),
    );
    const offsets = type === 'LOST' ? foundUnits(facts.ledger) : [];
    lots.push(...missingPool(events[type], { offsets, reimbursements: reimbursed[type] }, claimedByEvent));
  }
  return lots;
}
