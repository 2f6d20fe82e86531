// The demo seller's removal orders (docs/rules.md section 10): units the seller asked Amazon to send back or dispose of.
// A few products per story, each placed at an age that shows it on asOf: Return orders that arrived whole, ones
// Amazon completed without shipping every unit (lost before shipping, claimable or expired), shipments whose receipt
// the seller recorded short (lost in transit, waiting, claimable or expired), shipments still waiting for the
// seller's receipt, and the orders that never count (disposals, pending and cancelled orders).
import type { Calendar } from './generate-calendar.js';
import type { Random } from './generate-random.js';

export type RemovalStory =
  | 'COMPLETE'
  | 'LOST_BEFORE_SHIPPING'
  | 'LOST_IN_TRANSIT'
  | 'AWAITING_RECEIPT'
  | 'DISPOSAL'
  | 'PENDING'
  | 'CANCELLED';

export interface RemovalShipmentPlan {
  trackingNumber: string;
  carrier: string;
  day: number;
  minute: number;
  shipped: number;
  /** What the seller recorded as received; undefined while the shipment waits for a receipt. */
  received: number | undefined;
}

export interface RemovalOrder {
  story: RemovalStory;
  orderId: string;
  product: number;
  orderType: 'Return' | 'Disposal';
  status: 'Completed' | 'Pending' | 'Cancelled';
  disposition: 'Sellable' | 'Unsellable';
  requestDay: number;
  requestMinute: number;
  lastUpdatedDay: number;
  lastUpdatedMinute: number;
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  inProcess: number;
  feeCents: number;
  shipments: RemovalShipmentPlan[];
}

/**
 * Ages (days before asOf) of each story's key day, inside the window state it shows (docs/rules.md section 10, default
 * policy): lost before shipping is claimable at once and for 60 days after the order completed; lost in transit from
 * day 15 to day 75 after the shipment. A few days away from each edge.
 */
const AGES: Record<RemovalStory, ReadonlyArray<readonly [number, number]>> = {
  COMPLETE: [[10, 150]],
  LOST_BEFORE_SHIPPING: [
    [3, 55],
    [70, 150],
  ],
  LOST_IN_TRANSIT: [
    [2, 12],
    [20, 70],
    [80, 150],
  ],
  AWAITING_RECEIPT: [[2, 70]],
  DISPOSAL: [[5, 150]],
  PENDING: [[1, 20]],
  CANCELLED: [[5, 150]],
};

/** Share of the catalogue that tells each story in each of its ages. */
const SHARE = 0.01;
const CARRIERS = ['UPS', 'USPS', 'FEDEX'] as const;
const ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function trackingNumber(random: Random, carrier: string): string {
  if (carrier === 'UPS') return `1Z${random.code('0123456789ABCDEFGHJKLMNPRSTVWXYZ', 16)}`;
  if (carrier === 'USPS') return `9400${random.code('0123456789', 18)}`;
  return random.code('0123456789', 12);
}

function shipmentOf(random: Random, calendar: Calendar, age: number, shipped: number): RemovalShipmentPlan {
  const carrier = random.pick(CARRIERS);
  return {
    trackingNumber: trackingNumber(random, carrier),
    carrier,
    day: calendar.daysAgo(age),
    minute: random.int(8 * 60, 20 * 60),
    shipped,
    received: undefined,
  };
}

function orderOf(random: Random, calendar: Calendar, story: RemovalStory, product: number, age: number): RemovalOrder {
  const requested = random.int(2, 12);
  const order: RemovalOrder = {
    story,
    orderId: random.code(ID_LETTERS, 10),
    product,
    orderType: story === 'DISPOSAL' ? 'Disposal' : 'Return',
    status: story === 'PENDING' ? 'Pending' : story === 'CANCELLED' ? 'Cancelled' : 'Completed',
    disposition: random.chance(0.6) ? 'Sellable' : 'Unsellable',
    requestDay: 0,
    requestMinute: random.int(6 * 60, 22 * 60),
    lastUpdatedDay: calendar.daysAgo(age),
    lastUpdatedMinute: random.int(6 * 60, 22 * 60),
    requested,
    cancelled: 0,
    disposed: 0,
    shipped: 0,
    inProcess: 0,
    feeCents: requested * random.int(50, 120),
    shipments: [],
  };
  // The order was asked for a few days before anything happened to it.
  order.requestDay = order.lastUpdatedDay - random.int(2, 9);
  switch (story) {
    case 'DISPOSAL':
      order.disposed = requested;
      break;
    case 'PENDING':
      order.inProcess = requested;
      order.lastUpdatedDay = order.requestDay;
      order.feeCents = 0;
      break;
    case 'CANCELLED':
      order.cancelled = requested;
      order.feeCents = 0;
      break;
    case 'LOST_BEFORE_SHIPPING': {
      // Amazon completed the order short; what it shipped (if anything) arrived whole, as the seller recorded.
      order.shipped = random.int(0, requested - 1);
      if (order.shipped > 0) {
        const shipment = shipmentOf(random, calendar, age + random.int(0, 2), order.shipped);
        shipment.received = shipment.shipped;
        order.shipments.push(shipment);
      }
      break;
    }
    default: {
      // Shipped whole, in one or two parcels, the order completing with its last one.
      order.shipped = requested;
      const parcels = requested > 3 && random.chance(0.3) ? 2 : 1;
      const first = parcels === 2 ? random.int(1, requested - 1) : requested;
      for (const units of parcels === 2 ? [first, requested - first] : [first]) {
        order.shipments.push(shipmentOf(random, calendar, age, units));
      }
      if (story === 'COMPLETE') for (const shipment of order.shipments) shipment.received = shipment.shipped;
      if (story === 'LOST_IN_TRANSIT') {
        for (const shipment of order.shipments) shipment.received = shipment.shipped;
        const short = order.shipments[0]!;
        short.received = random.int(0, short.shipped - 1);
      }
      order.lastUpdatedDay = Math.max(...order.shipments.map((shipment) => shipment.day));
    }
  }
  return order;
}

/** The removal orders of the demo, by request day. */
export function removalHistory(random: Random, calendar: Calendar, productCount: number): RemovalOrder[] {
  const perAge = Math.max(2, Math.round(productCount * SHARE));
  const orders: RemovalOrder[] = [];
  for (const story of Object.keys(AGES) as RemovalStory[]) {
    for (const [youngest, oldest] of AGES[story]) {
      for (let n = 0; n < perAge; n++) {
        const product = random.int(0, productCount - 1);
        orders.push(orderOf(random, calendar, story, product, random.int(youngest, oldest)));
      }
    }
  }
  return orders.sort((a, b) => a.requestDay - b.requestDay || a.orderId.localeCompare(b.orderId));
}
