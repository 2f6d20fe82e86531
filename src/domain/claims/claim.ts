// What a claim holds: the CLAIMABLE units of each product at asOf, oldest first, with the evidence behind them
// (docs/rules.md section 5: opening a case claims every CLAIMABLE unit of the type).
import type { Day } from '../calendar.js';
import type { RemovalQuantities } from '../missing-events.js';
import type { Money } from '../money.js';
import { combinePayouts, type Payout, type PayoutBasis, partOf, type UnitPayout } from '../payout.js';
import type { MissingType } from '../types.js';
import type { WindowState } from '../windows.js';

export interface ClaimedEvidence {
  /** The event the units come from (see MissingLot.eventKey): the pool takes claimed units out of it. */
  eventKey: string;
  type: MissingType;
  date: Day;
  units: number;
  /** The window state on the day of the claim: a claim takes CLAIMABLE units only. */
  state: WindowState;
  deadline: Day;
  source: string;
  reference?: string;
  reasonCode?: string;
  fulfillmentCenter?: string;
  disposition?: string;
  /** What Amazon's current policy would pay per unit of these units, and on what basis (docs/rules.md section 9). */
  payout?: UnitPayout;
  /** The ledger row's own Reconciled and Unreconciled Quantity, and whether they settle it. */
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
  amazonReconciled?: boolean;
  /** INBOUND: the shipment item the shortfall comes from, as a case agent checks it against the shipment. */
  shipment?: ShipmentEvidence;
  /** REMOVAL lost in transit: the shipment's tracking number and carrier (docs/rules.md section 10). */
  trackingNumber?: string;
  carrier?: string;
  /** REMOVAL: the quantities of the order or shipment. */
  removal?: RemovalQuantities;
}

/** The shipped and received quantities of one product in one shipment, and when the shipment closed and received. */
export interface ShipmentEvidence {
  quantityShipped: number;
  quantityReceived: number;
  /** The closed date the shipments report gave, else the day an import first saw the shipment closed. */
  closedDate?: Day;
  /** The latest ledger Receipts day of the product in the shipment. */
  receivedDate?: Day;
}

/** The units a shipment item is short of (shipped less received); the claim may take fewer, if some were paid. */
export function shortfallOf(shipment: ShipmentEvidence): number {
  return shipment.quantityShipped - shipment.quantityReceived;
}

export interface ClaimProduct {
  sku: string;
  fnsku?: string;
  asin?: string;
  title?: string;
}

export interface ClaimItem {
  product: ClaimProduct;
  units: number;
  /** units × unit value; null when no value is known. */
  reimbursable: Money | null;
  /** What Amazon's current policy would pay for the units (section 9), and on what basis. */
  expectedPayout: Money | null;
  payoutBasis: PayoutBasis | null;
  evidence: ClaimedEvidence[];
}

export interface Claim {
  type: MissingType;
  sellerName: string;
  items: ClaimItem[];
}

/** A case item's units claimed and not reimbursed yet: never below zero (Amazon may pay more units than claimed). */
export function pendingUnits(item: { claimedUnits: number; reimbursedUnits: number }): number {
  return Math.max(0, item.claimedUnits - item.reimbursedUnits);
}

export function claimUnits(claim: Pick<Claim, 'items'>): number {
  return claim.items.reduce((sum, item) => sum + item.units, 0);
}

/** The first and last event days of a claim's evidence, and its earliest deadline. */
export function claimDates(evidence: readonly ClaimedEvidence[]): { from?: Day; to?: Day; deadline?: Day } {
  const days = evidence.map((line) => line.date).sort();
  const deadlines = evidence.map((line) => line.deadline).sort();
  return { from: days[0], to: days.at(-1), deadline: deadlines[0] };
}

/** The expected payout of a whole claim: its units on their bases, as for a product row (docs/rules.md section 9). */
export function claimPayout(claim: Pick<Claim, 'items'>): Payout {
  return combinePayouts(
    claim.items.flatMap((item) =>
      item.evidence.flatMap((line) => (line.payout ? [partOf(line.payout, line.units)] : [])),
    ),
  );
}
