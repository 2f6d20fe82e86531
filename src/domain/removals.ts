// docs/rules.md section 10: units a seller asked Amazon to send back (a removal order) that never reached the seller,
// lost before Amazon shipped them or lost in transit, and the seller's receipts that tell the second.
import { addDays, type Day } from './calendar.js';
import { DomainError } from './errors.js';
import { type MissingEvent, oldestFirst } from './missing-events.js';
import type { Window } from './policy.js';

/** A row of the Removal Order Detail report, the latest Amazon wrote for its (order-id, sku, disposition). */
export interface RemovalOrderFact {
  orderId: string;
  orderType: string;
  orderStatus: string;
  /** The row's last-updated-date: for a completed order, the day it completed. */
  lastUpdatedDay: Day;
  disposition?: string;
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
}

/** A row of the Removal Shipment Detail report, with the receipt the seller recorded for it, if any. */
export interface RemovalShipmentFact {
  orderId: string;
  trackingNumber: string;
  carrier?: string;
  shipmentDay: Day;
  disposition?: string;
  shipped: number;
  /** What the seller says arrived; undefined until a receipt is recorded. */
  received?: number;
}

/** Amazon writes these words with varying case and spacing from one marketplace to the next. */
function word(text: string): string {
  return text.trim().toLowerCase();
}

/** Only completed Return orders can have lost units: a Disposal or Liquidations order sends nothing back. */
export function countsAsReturn(order: Pick<RemovalOrderFact, 'orderType' | 'orderStatus'>): boolean {
  return word(order.orderType) === 'return' && word(order.orderStatus) === 'completed';
}

/** The units of an order that Amazon neither cancelled, disposed of nor shipped: requested − cancelled − disposed − shipped. */
export function unitsLostBeforeShipping(order: RemovalOrderFact): number {
  if (!countsAsReturn(order)) return 0;
  return Math.max(0, order.requested - order.cancelled - order.disposed - order.shipped);
}

/** The event key of a removal order row: one product's rows differ by order and disposition. */
export function removalOrderKey(order: Pick<RemovalOrderFact, 'orderId' | 'disposition'>): string {
  return `removal-order:${order.orderId}\u0001${order.disposition ?? ''}`;
}

/** The event key of a removal shipment row: one product's rows differ by order, tracking number and disposition. */
export function removalShipmentKey(
  shipment: Pick<RemovalShipmentFact, 'orderId' | 'trackingNumber' | 'disposition'>,
): string {
  return `removal-shipment:${shipment.orderId}\u0001${shipment.trackingNumber}\u0001${shipment.disposition ?? ''}`;
}

/** REMOVAL lost before shipping: the completed Return orders that shipped less than was left to ship. */
export function removalOrderEvents(orders: readonly RemovalOrderFact[]): MissingEvent[] {
  const events: MissingEvent[] = [];
  for (const order of orders) {
    const units = unitsLostBeforeShipping(order);
    if (units <= 0) continue;
    events.push({
      type: 'REMOVAL',
      key: removalOrderKey(order),
      date: order.lastUpdatedDay,
      units,
      source: 'REMOVAL_ORDER',
      reference: order.orderId,
      disposition: order.disposition,
      removal: {
        requested: order.requested,
        cancelled: order.cancelled,
        disposed: order.disposed,
        shipped: order.shipped,
      },
    });
  }
  return events.sort(oldestFirst);
}

/**
 * REMOVAL lost in transit: shipments whose receipt the seller recorded short. A shipment without a receipt never
 * counts: only the seller knows what arrived.
 */
export function removalShipmentEvents(shipments: readonly RemovalShipmentFact[]): MissingEvent[] {
  const events: MissingEvent[] = [];
  for (const shipment of shipments) {
    if (shipment.received === undefined) continue;
    const units = shipment.shipped - shipment.received;
    if (units <= 0) continue;
    events.push({
      type: 'REMOVAL',
      key: removalShipmentKey(shipment),
      date: shipment.shipmentDay,
      units,
      source: 'REMOVAL_SHIPMENT',
      reference: shipment.orderId,
      inTransit: true,
      trackingNumber: shipment.trackingNumber,
      carrier: shipment.carrier,
      disposition: shipment.disposition,
      removal: { shipped: shipment.shipped, received: shipment.received },
    });
  }
  return events.sort(oldestFirst);
}

/** Both kinds of REMOVAL event of one product. */
export function removalEvents(
  orders: readonly RemovalOrderFact[],
  shipments: readonly RemovalShipmentFact[],
): MissingEvent[] {
  return [...removalOrderEvents(orders), ...removalShipmentEvents(shipments)].sort(oldestFirst);
}

/**
 * What is wrong with a receipt the seller records for a shipment, if anything: it is a whole number of units, from 0
 * to what was shipped (more than shipped means the receipt is for another shipment, or mistyped).
 */
export function receiptProblem(shipped: number, receivedUnits: number): string | undefined {
  if (!Number.isInteger(receivedUnits) || receivedUnits < 0) {
    return `the units received must be a whole number from 0 up, not ${receivedUnits}`;
  }
  if (receivedUnits > shipped) {
    return `${receivedUnits} units received is more than the ${shipped} shipped; check the order, tracking number and SKU`;
  }
  return undefined;
}

/** Refuses a receipt that receiptProblem finds wrong (INVALID_INPUT), naming the shipment. */
export function checkReceipt(shipped: number, receivedUnits: number, where: string): void {
  const problem = receiptProblem(shipped, receivedUnits);
  if (problem) throw new DomainError('INVALID_INPUT', `${where}: ${problem}`);
}

/**
 * The first shipment day the list of shipments waiting for a receipt shows on asOf: past the in-transit deadline a
 * receipt could not make a claim any more (75 days by default).
 */
export function awaitingReceiptSince(asOfDay: Day, inTransit: Window): Day {
  return addDays(asOfDay, -inTransit.deadlineDays);
}

/** The shipments of the in-transit window up to asOf that wait for the seller's receipt, the most recent first. */
export function awaitingReceipt<T extends RemovalShipmentFact>(
  shipments: readonly T[],
  asOfDay: Day,
  inTransit: Window,
): T[] {
  const since = awaitingReceiptSince(asOfDay, inTransit);
  return shipments
    .filter((shipment) => shipment.received === undefined && shipment.shipmentDay >= since)
    .filter((shipment) => shipment.shipmentDay <= asOfDay)
    .sort((a, b) =>
      a.shipmentDay !== b.shipmentDay
        ? a.shipmentDay < b.shipmentDay
          ? 1
          : -1
        : removalShipmentKey(a) < removalShipmentKey(b)
          ? -1
          : 1,
    );
}
