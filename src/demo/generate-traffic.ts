// The everyday traffic: sales, their occasional refund and return, and transfers between fulfillment centers.
// It is most of the ledger and scales with `ledgerRows`, so it is never stored: the movements of one product on one
// day are a pure function of (seed, product, day), recomputed by each file that shows them (ledger, settlement,
// customer returns), which therefore always agree.
import type { Calendar } from './generate-calendar.js';
import { FULFILMENT_CENTERS, type Product } from './generate-catalog.js';
import { amazonOrderId, digits, orderKey } from './generate-ids.js';
import { hash32, Random } from './generate-random.js';
import { drawCustomerReturn } from './generate-return-details.js';
import type { CustomerReturn } from './generate-world-types.js';

/** Share of everyday orders that come back. */
const RETURN_RATE = 0.03;
const TRANSFERS_PER_ORDER = 0.06;
/** Ledger rows per everyday order: its Shipments row, sometimes a CustomerReturns row, a share of transfer pairs. */
const LEDGER_ROWS_PER_ORDER = 1 + RETURN_RATE + 2 * TRANSFERS_PER_ORDER;
/** Order numbers are (product, day, n): n stays below this, whatever the volume. */
const ORDERS_PER_PRODUCT_DAY_LIMIT = 1024;
const UNITS_PER_ORDER: readonly (readonly [number, number])[] = [
  [1, 85],
  [2, 12],
  [3, 3],
];
const MEAN_UNITS_PER_ORDER = 1.18;

export interface Traffic {
  key: number;
  orderKey: number;
  calendar: Calendar;
  products: readonly Product[];
  /** Expected everyday orders per day for each product, before the day's factor. */
  ordersPerDay: Float64Array;
  /** The day's share of sales (weekends, holidays), indexed by day − firstDay; averages 1. */
  dayFactor: Float64Array;
}

export interface EverydayRefund {
  day: number;
  minute: number;
  quantityWritten: boolean;
  /** Undefined when the customer never sent the unit back within the history. */
  return: CustomerReturn | undefined;
}

export interface EverydaySale {
  /** Its order id is `orderIdOf(traffic, orderNumber)`, made only by the files that show it. */
  orderNumber: number;
  quantity: number;
  minute: number;
  refund: EverydayRefund | undefined;
}

export interface Transfer {
  reference: string;
  quantity: number;
  from: string;
  to: string;
  minute: number;
}

export interface TrafficDay {
  sales: EverydaySale[];
  transfers: Transfer[];
}

function dayFactors(calendar: Calendar, random: Random): Float64Array {
  const byWeekday = [1.15, 0.95, 0.92, 0.95, 1.0, 1.05, 1.2]; // Sunday first
  const factors = new Float64Array(calendar.days);
  let sum = 0;
  for (let index = 0; index < calendar.days; index++) {
    const day = calendar.firstDay + index;
    const month = calendar.month(day);
    const date = calendar.dayOfMonth(day);
    const holidays = (month === 10 && date >= 20) || (month === 11 && date <= 22) ? 1.4 : 1;
    const january = month === 0 ? 0.85 : 1;
    const factor = byWeekday[calendar.weekday(day)]! * holidays * january * (0.9 + 0.2 * random.next());
    factors[index] = factor;
    sum += factor;
  }
  for (let index = 0; index < factors.length; index++) factors[index] = (factors[index]! * calendar.days) / sum;
  return factors;
}

/** Sizes the traffic so that it fills `ledgerRows` minus the rows the world already writes. */
export function planTraffic(
  seed: number,
  calendar: Calendar,
  products: readonly Product[],
  everydayLedgerRows: number,
): Traffic {
  const popularity = products.reduce((sum, product) => sum + product.popularity, 0);
  const scale = Math.max(0, everydayLedgerRows) / (LEDGER_ROWS_PER_ORDER * calendar.days * Math.max(popularity, 1e-9));
  return {
    key: hash32(seed, 0x7af1c),
    orderKey: orderKey(seed),
    calendar,
    products,
    ordersPerDay: Float64Array.from(products, (product) => product.popularity * scale),
    dayFactor: dayFactors(calendar, new Random(hash32(seed, 0xda7))),
  };
}

export function orderIdOf(traffic: Traffic, orderNumber: number): string {
  return amazonOrderId(traffic.orderKey, orderNumber);
}

/** Units a product sells on an average day: how big its restocking shipments are. */
export function dailyUnits(traffic: Traffic, product: number): number {
  return (traffic.ordersPerDay[product] ?? 0) * MEAN_UNITS_PER_ORDER;
}

function drawRefund(
  random: Random,
  saleDay: number,
  quantity: number,
  center: string,
  lastDay: number,
): EverydayRefund {
  const day = saleDay + random.int(3, 21);
  const returnDay = Math.max(saleDay + 2, day + random.int(-4, 7));
  const details = drawCustomerReturn(random, returnDay, quantity, center);
  return {
    day,
    minute: random.int(0, 24 * 60 - 1),
    quantityWritten: quantity > 1 || random.chance(0.3),
    return: returnDay <= lastDay ? details : undefined,
  };
}

/** The everyday movements of one product on one day; `random` is reseeded, so one instance serves a whole pass. */
export function trafficOn(traffic: Traffic, product: number, day: number, random: Random): TrafficDay {
  const { calendar } = traffic;
  const dayIndex = day - calendar.firstDay;
  const { homeCenter } = traffic.products[product]!;
  random.reseed(hash32(traffic.key, product, day));
  const mean = (traffic.ordersPerDay[product] ?? 0) * (traffic.dayFactor[dayIndex] ?? 1);
  const orders = Math.min(random.poisson(mean), ORDERS_PER_PRODUCT_DAY_LIMIT);
  const sales: EverydaySale[] = [];
  for (let n = 0; n < orders; n++) {
    const quantity = random.weighted(UNITS_PER_ORDER);
    const orderNumber = (product * calendar.days + dayIndex) * ORDERS_PER_PRODUCT_DAY_LIMIT + n;
    sales.push({
      orderNumber,
      quantity,
      minute: random.int(0, 24 * 60 - 1),
      refund: random.chance(RETURN_RATE) ? drawRefund(random, day, quantity, homeCenter, calendar.lastDay) : undefined,
    });
  }
  const transfers: Transfer[] = [];
  const transferCount = random.poisson(mean * TRANSFERS_PER_ORDER);
  for (let n = 0; n < transferCount; n++) {
    const to = random.pick(FULFILMENT_CENTERS);
    transfers.push({
      reference: digits(random.int(1_000_000_000, 9_999_999_999), 10),
      quantity: random.int(1, 12),
      from: homeCenter,
      to: to === homeCenter ? 'IND9' : to,
      minute: random.int(5 * 60, 21 * 60),
    });
  }
  return { sales, transfers };
}
