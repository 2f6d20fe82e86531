// The demo seller's world: products and what happened to their units. File writers only read it.

import type { Calendar } from './generate-calendar.js';
import type { Product } from './generate-catalog.js';
import type { RemovalOrder } from './generate-removals.js';
import type { ShowcaseType } from './generate-showcase.js';
import type { LedgerTable, RefundTable } from './generate-tables.js';
import type { Traffic } from './generate-traffic.js';

export type WindowState = 'WAITING' | 'CLAIMABLE' | 'EXPIRED';
export const WINDOW_STATES: readonly WindowState[] = ['WAITING', 'CLAIMABLE', 'EXPIRED'];

export type LedgerEventType =
  | 'Shipments'
  | 'Receipts'
  | 'CustomerReturns'
  | 'Adjustments'
  | 'WhseTransfers'
  | 'VendorReturns';

/** One row of the inventory ledger that the world (not the everyday traffic) wrote. */
export interface LedgerEntry {
  day: number;
  minute: number;
  product: number;
  eventType: LedgerEventType;
  reference: string;
  quantity: number;
  center: string;
  disposition: string;
  reason: string;
  unreconciled: number;
}

export function emptyLedgerEntry(): LedgerEntry {
  return {
    day: 0,
    minute: 0,
    product: 0,
    eventType: 'Adjustments',
    reference: '',
    quantity: 0,
    center: '',
    disposition: '',
    reason: '',
    unreconciled: 0,
  };
}

/** A customer's return of refunded units, as the returns report and the ledger show it. */
export interface CustomerReturn {
  day: number;
  minute: number;
  quantity: number;
  center: string;
  disposition: string;
  reason: string;
  status: string;
  licensePlate: string;
  comment: string;
}

export function emptyCustomerReturn(): CustomerReturn {
  return {
    day: 0,
    minute: 0,
    quantity: 0,
    center: '',
    disposition: '',
    reason: '',
    status: '',
    licensePlate: '',
    comment: '',
  };
}

/** An order the customer was refunded for: a sale, a refund and perhaps a return. */
export interface RefundedOrder {
  orderId: string;
  /** Where the settlement's order-item-code and adjustment-id come from. */
  orderNumber: number;
  product: number;
  quantity: number;
  orderDay: number;
  orderMinute: number;
  refundDay: number;
  refundMinute: number;
  /** Real refund rows often leave quantity-purchased empty (then each refund row counts one unit). */
  refundQuantityWritten: boolean;
  /** Some refunds also refund the sales tax, on a row that is not a unit. */
  refundsTax: boolean;
  return: CustomerReturn | undefined;
}

export function emptyRefundedOrder(): RefundedOrder {
  return {
    orderId: '',
    orderNumber: 0,
    product: 0,
    quantity: 0,
    orderDay: 0,
    orderMinute: 0,
    refundDay: 0,
    refundMinute: 0,
    refundQuantityWritten: false,
    refundsTax: false,
    return: undefined,
  };
}

export type ShipmentStatus = 'WORKING' | 'SHIPPED' | 'IN_TRANSIT' | 'RECEIVING' | 'CLOSED';

export interface ShipmentItem {
  product: number;
  shipped: number;
  /** What the report says was received: for open shipments, what was received by the last day of the history. */
  received: number;
}

export interface Shipment {
  shipmentId: string;
  name: string;
  status: ShipmentStatus;
  destination: string;
  /** The ClosedDate column: empty for some closed shipments, whose closing is then the day of their last receipt. */
  closedDateWritten: number | undefined;
  items: ShipmentItem[];
}

export type ReimbursementReason =
  | 'Lost_Warehouse'
  | 'Damaged_Warehouse'
  | 'Lost_Inbound'
  | 'Customer_Return'
  | 'Reimbursement_Reversal';

export interface ReimbursementLine {
  day: number;
  minute: number;
  reimbursementId: string;
  orderId: string;
  reason: ReimbursementReason;
  product: number;
  amountPerUnitCents: number;
  quantityCash: number;
  quantityInventory: number;
  originalId: string;
  originalType: string;
}

export interface DemoWorld {
  calendar: Calendar;
  products: readonly Product[];
  traffic: Traffic;
  /** The world's ledger rows (adjustments, receipts, refunded sales and their returns), by time. */
  ledger: LedgerTable;
  shipments: readonly Shipment[];
  refundedOrders: RefundTable;
  reimbursements: readonly ReimbursementLine[];
  /** Removal orders and their shipments, by request day. */
  removals: readonly RemovalOrder[];
  /** Products chosen to show each type of missing units in each window state on asOf. */
  showcase: Readonly<Record<ShowcaseType, Readonly<Record<WindowState, readonly number[]>>>>;
  settlementIdBase: number;
}
