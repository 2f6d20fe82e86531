// docs/rules.md section 1: the gross missing events of one product, per type, and the units that offset them.
import type { Day } from './calendar.js';
import type { Money } from './money.js';
import { amazonReconciled, type OrderLine, type UnitPayout, unitPayoutByOrder } from './payout.js';
import type { MissingType } from './types.js';

export type EvidenceSource = 'LEDGER' | 'SHIPMENT' | 'REFUND' | 'REMOVAL_ORDER' | 'REMOVAL_SHIPMENT';

/** One piece of evidence that units went missing. */
export interface MissingEvent {
  type: MissingType;
  /** Stable across recomputations: the row or shipment item the event comes from. Cases claim units by it. */
  key: string;
  date: Day;
  units: number;
  source: EvidenceSource;
  /** The ledger Reference ID, the shipment ID or the order ID (REMOVAL: the removal order's). */
  reference?: string;
  /** REMOVAL lost in transit: dated by the policy table's in-transit window (docs/rules.md section 10). */
  inTransit?: boolean;
  /** REMOVAL lost in transit: the shipment's tracking number and carrier. */
  trackingNumber?: string;
  carrier?: string;
  /** REMOVAL: every quantity of the order or shipment, for the evidence. */
  removal?: RemovalQuantities;
  /** UNRETURNED: the order whose refund it is (reimbursements naming the order consume it first). */
  orderId?: string;
  /** UNRETURNED: what Amazon would pay per unit, from the order's rows or the refund's own (section 9). */
  payout?: UnitPayout;
  reasonCode?: string;
  fulfillmentCenter?: string;
  disposition?: string;
  /** LEDGER: Amazon's own Reconciled and Unreconciled Quantity of the row, and whether they settle it (section 9). */
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
  amazonReconciled?: boolean;
}

/** The quantities a removal claim shows (docs/rules.md section 10); those of the order, or of the shipment. */
export interface RemovalQuantities {
  requested?: number;
  cancelled?: number;
  disposed?: number;
  shipped: number;
  received?: number;
}

export interface LedgerFact {
  /** The row's identity in the ledger table. */
  key: string;
  date: Day;
  eventType: string;
  reason?: string;
  quantity: number;
  referenceId?: string;
  fulfillmentCenter?: string;
  disposition?: string;
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
}

export interface ShipmentItemFact {
  shipmentId: string;
  status?: string;
  /** The closed date the shipments file gave. */
  closedDate?: Day;
  /** The latest ledger Receipts date whose Reference ID is the shipment. */
  latestReceiptDay?: Day;
  /** The day an import first saw the shipment closed (the closed date of last resort). */
  closedSeenDay?: Day;
  destination?: string;
  quantityShipped: number;
  quantityReceived: number;
}

export interface RefundFact {
  key: string;
  orderId: string;
  /** The refund's Principal amount (negative) and its currency: the payout when the order's rows are missing. */
  principal?: Money;
  postedDay: Day;
  quantityPurchased?: number;
  /** AFN: fulfilled by Amazon. */
  fulfillmentId?: string;
}

export interface ReturnFact {
  orderId: string;
  quantity: number;
}

const LOST_REASONS = new Set(['M', '5']);
const FOUND_REASONS = new Set(['F', 'N']);
// `P` moves a damaged unit to the unsellable disposition: the twin of a damage, not a second one.
const DAMAGED_REASONS = new Set(['E', '6', 'Q']);

/** The ledger adjustment reasons the rules read: the others (7 expired, H customer damage, D disposed…) never count. */
export const COUNTED_LEDGER_REASONS: ReadonlySet<string> = new Set([
  ...LOST_REASONS,
  ...FOUND_REASONS,
  ...DAMAGED_REASONS,
]);

function adjustment(row: LedgerFact, reasons: Set<string>, sign: -1 | 1): boolean {
  return (
    row.eventType === 'Adjustments' &&
    row.reason !== undefined &&
    reasons.has(row.reason) &&
    Math.sign(row.quantity) === sign
  );
}

function ledgerEvent(type: MissingType, row: LedgerFact): MissingEvent {
  return {
    type,
    key: row.key,
    date: row.date,
    units: Math.abs(row.quantity),
    source: 'LEDGER',
    reference: row.referenceId,
    reasonCode: row.reason,
    fulfillmentCenter: row.fulfillmentCenter,
    disposition: row.disposition,
    reconciledQuantity: row.reconciledQuantity,
    unreconciledQuantity: row.unreconciledQuantity,
    amazonReconciled: amazonReconciled(row),
  };
}

/** LOST: ledger Adjustments with reason M or 5 and a negative quantity. */
export function lostEvents(ledger: readonly LedgerFact[]): MissingEvent[] {
  return ledger.filter((row) => adjustment(row, LOST_REASONS, -1)).map((row) => ledgerEvent('LOST', row));
}

/** Units found at a date: they offset the units lost up to that date. */
export interface Offset {
  date: Day;
  units: number;
}

/** Units Amazon found again: ledger Adjustments with reason F or N and a positive quantity. They offset LOST units. */
export function foundUnits(ledger: readonly LedgerFact[]): Offset[] {
  return ledger
    .filter((row) => adjustment(row, FOUND_REASONS, 1))
    .map((row) => ({ date: row.date, units: row.quantity }));
}

/** DAMAGED: ledger Adjustments with reason E, 6 or Q and a negative quantity. */
export function damagedEvents(ledger: readonly LedgerFact[]): MissingEvent[] {
  return ledger.filter((row) => adjustment(row, DAMAGED_REASONS, -1)).map((row) => ledgerEvent('DAMAGED', row));
}

/**
 * The day a shipment closed: the day the shipments file gives, else the latest ledger Receipts day of the shipment,
 * else the day an import first saw it closed.
 */
export function closedDay(item: ShipmentItemFact): Day | undefined {
  return item.closedDate ?? item.latestReceiptDay ?? item.closedSeenDay;
}

/** INBOUND: items of CLOSED shipments that Amazon received fewer of than were shipped (an overage gives nothing). */
export function inboundEvents(items: readonly ShipmentItemFact[]): MissingEvent[] {
  const events: MissingEvent[] = [];
  for (const item of items) {
    const day = closedDay(item);
    const short = item.quantityShipped - item.quantityReceived;
    if (item.status !== 'CLOSED' || short <= 0 || !day) continue;
    events.push({
      type: 'INBOUND',
      key: `shipment:${item.shipmentId}`,
      date: day,
      units: short,
      source: 'SHIPMENT',
      reference: item.shipmentId,
      fulfillmentCenter: item.destination,
    });
  }
  return events;
}

/** Oldest event first; events of one day in a fixed order, so that netting gives the same result every time. */
export function oldestFirst(a: MissingEvent, b: MissingEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * UNRETURNED: the refunds of FBA order lines (one unit per refund row unless it gives quantity-purchased), less the
 * units of the same order that came back (any disposition), which offset that order's refunds oldest first. Each
 * event carries its expected payout per unit (section 9): its order line's (`orders`, by order id), else its own.
 */
export function unreturnedEvents(
  refunds: readonly RefundFact[],
  returns: readonly ReturnFact[],
  orders: ReadonlyMap<string, OrderLine> = new Map(),
): MissingEvent[] {
  const returned = new Map<string, number>();
  for (const { orderId, quantity } of returns) returned.set(orderId, (returned.get(orderId) ?? 0) + quantity);
  const events = refunds
    .filter((refund) => refund.fulfillmentId === undefined || refund.fulfillmentId === 'AFN')
    .map((refund): MissingEvent => {
      const units =
        refund.quantityPurchased !== undefined && refund.quantityPurchased > 0 ? refund.quantityPurchased : 1;
      return {
        type: 'UNRETURNED',
        key: refund.key,
        date: refund.postedDay,
        units,
        source: 'REFUND',
        reference: refund.orderId,
        orderId: refund.orderId,
        payout: unitPayoutByOrder(orders.get(refund.orderId), { principal: refund.principal ?? null, units }),
      };
    })
    .sort(oldestFirst);
  for (const event of events) {
    const back = returned.get(event.orderId!) ?? 0;
    const offset = Math.min(back, event.units);
    event.units -= offset;
    returned.set(event.orderId!, back - offset);
  }
  return events.filter((event) => event.units > 0);
}
