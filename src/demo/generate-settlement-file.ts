// The settlement report, flat file V2 (docs/reports.md section 4): one settlement per two weeks, counted back from the last
// day of the history. Each settlement starts with its summary row, whose total needs all of its rows: the rows are
// computed twice (once for the totals, once to write them) rather than held in memory.

import { SETTLEMENT_COLUMNS } from '../domain/reports/settlement.js';
import type { Calendar } from './generate-calendar.js';
import { fourteenDigits } from './generate-ids.js';
import { hash32, Random } from './generate-random.js';
import { chunked, DayCursor, DayQueue, money } from './generate-text.js';
import { orderIdOf, trafficOn } from './generate-traffic.js';
import { type DemoWorld, emptyCustomerReturn, emptyRefundedOrder } from './generate-world-types.js';

const SETTLEMENT_DAYS = 14;
const SALES_TAX_RATE = 0.0725;

/** One data row of a settlement, before it is written. */
interface Entry {
  day: number;
  minute: number;
  transactionType: 'Order' | 'Refund';
  /** The order id is made from it when the row is written: the pass that only adds up the totals never needs it. */
  orderNumber: number;
  product: number;
  amountType: 'ItemPrice' | 'ItemFees';
  amountDescription: 'Principal' | 'Tax' | 'FBAPerUnitFulfillmentFee';
  cents: number;
  quantity: number | undefined;
}

interface Sale {
  orderNumber: number;
  quantity: number;
}

/** Entries are built field by field: spreading the world's objects into them would make millions of slow objects. */
function entry(
  day: number,
  minute: number,
  transactionType: Entry['transactionType'],
  sale: Sale,
  product: number,
  amountDescription: Entry['amountDescription'],
  cents: number,
  quantity: number | undefined,
): Entry {
  return {
    day,
    minute,
    transactionType,
    orderNumber: sale.orderNumber,
    product,
    amountType: amountDescription === 'FBAPerUnitFulfillmentFee' ? 'ItemFees' : 'ItemPrice',
    amountDescription,
    cents,
    quantity,
  };
}

function orderEntries(world: DemoWorld, product: number, day: number, minute: number, sale: Sale): Entry[] {
  const { priceCents, fulfilmentFeeCents } = world.products[product]!;
  const { quantity } = sale;
  return [
    entry(day, minute, 'Order', sale, product, 'Principal', priceCents * quantity, quantity),
    entry(day, minute, 'Order', sale, product, 'FBAPerUnitFulfillmentFee', -fulfilmentFeeCents * quantity, quantity),
  ];
}

function refundEntries(
  world: DemoWorld,
  product: number,
  day: number,
  minute: number,
  sale: Sale,
  quantityWritten: boolean,
  refundsTax: boolean,
): Entry[] {
  const principal = world.products[product]!.priceCents * sale.quantity;
  const quantity = quantityWritten ? sale.quantity : undefined;
  const entries = [entry(day, minute, 'Refund', sale, product, 'Principal', -principal, quantity)];
  if (refundsTax) {
    entries.push(entry(day, minute, 'Refund', sale, product, 'Tax', -Math.round(principal * SALES_TAX_RATE), quantity));
  }
  return entries;
}

/** Every data row of every settlement, in posting order. */
function* entries(world: DemoWorld): Generator<Entry> {
  const { calendar, products, traffic, refundedOrders } = world;
  const ordersOn = new DayCursor(refundedOrders.length, (index) => refundedOrders.orderDayAt(index));
  const refundsOn = new DayCursor(refundedOrders.length, (index) => refundedOrders.refundDayAt(index));
  const order = emptyRefundedOrder();
  const itsReturn = emptyCustomerReturn();
  // Only the refund's rows wait for its day, not the sale they come from.
  const refundsDue = new DayQueue<Entry>();
  const random = new Random(0);
  for (let day = calendar.firstDay; day <= calendar.lastDay; day++) {
    for (const index of ordersOn.on(day)) {
      refundedOrders.read(index, order, itsReturn);
      yield* orderEntries(world, order.product, day, order.orderMinute, order);
    }
    for (let product = 0; product < products.length; product++) {
      for (const sale of trafficOn(traffic, product, day, random).sales) {
        yield* orderEntries(world, product, day, sale.minute, sale);
        const { refund } = sale;
        if (refund && refund.day <= calendar.lastDay) {
          for (const due of refundEntries(
            world,
            product,
            refund.day,
            refund.minute,
            sale,
            refund.quantityWritten,
            false,
          )) {
            refundsDue.add(refund.day, due);
          }
        }
      }
    }
    yield* refundsDue.take(day);
    for (const index of refundsOn.on(day)) {
      const { product, refundMinute, refundQuantityWritten, refundsTax } = refundedOrders.read(index, order, itsReturn);
      yield* refundEntries(world, product, day, refundMinute, order, refundQuantityWritten, refundsTax);
    }
  }
}

interface Period {
  settlementId: string;
  startDay: number;
  endDay: number;
  totalCents: number;
}

/**
 * Two-week settlements ending on the last day of the history. The oldest takes the days left over, or joins the next
 * one when they are too few to make a settlement of their own.
 */
function settlementPeriods(world: DemoWorld): Period[] {
  const { calendar, settlementIdBase } = world;
  const ends: number[] = [];
  for (let endDay = calendar.lastDay; endDay >= calendar.firstDay; endDay -= SETTLEMENT_DAYS) ends.unshift(endDay);
  if (ends.length > 1 && ends[0]! - calendar.firstDay + 1 < SETTLEMENT_DAYS / 2) ends.shift();
  return ends.map((endDay, index) => ({
    settlementId: String(settlementIdBase + index * 1_000 + (hash32(settlementIdBase, index) % 997)),
    startDay: index === 0 ? calendar.firstDay : ends[index - 1]! + 1,
    endDay,
    totalCents: 0,
  }));
}

function summaryLine(calendar: Calendar, period: Period): string {
  const start = calendar.utcSpaced(period.startDay, 0);
  const end = calendar.utcSpaced(period.endDay + 1, 0);
  const deposit = calendar.utcSpaced(Math.min(period.endDay + 3, calendar.asOfDay), 0);
  const fields = [period.settlementId, start, end, deposit, money(period.totalCents), 'USD'];
  return fields.join('\t') + '\t'.repeat(SETTLEMENT_COLUMNS.length - fields.length);
}

function* settlementLines(world: DemoWorld): Generator<string> {
  const { calendar, products, traffic } = world;
  const periods = settlementPeriods(world);
  const periodOf = (day: number) => periods.findIndex((period) => day <= period.endDay);
  // The summary rows come first and need the totals: a first pass adds the amounts up without writing anything.
  for (const entry of entries(world)) periods[periodOf(entry.day)]!.totalCents += entry.cents;

  const codeKey = hash32(world.settlementIdBase, 0xc0de);
  // One reused array joined per row: a flat string at once, instead of a rope of its pieces.
  const fields: (string | number)[] = new Array(SETTLEMENT_COLUMNS.length).fill('');
  fields[11] = 'Amazon.com';
  fields[15] = 'AFN';
  let current: Period | undefined;
  // An order's rows follow each other: its identifiers are made once for all of them.
  let orderNumber = -1;
  for (const entry of entries(world)) {
    if (!current || entry.day > current.endDay) {
      current = periods[periodOf(entry.day)]!;
      yield summaryLine(calendar, current);
    }
    if (entry.orderNumber !== orderNumber) {
      orderNumber = entry.orderNumber;
      fields[7] = orderIdOf(traffic, orderNumber);
      fields[18] = fourteenDigits(codeKey, orderNumber);
    }
    fields[0] = current.settlementId;
    fields[6] = entry.transactionType;
    fields[9] = entry.transactionType === 'Refund' ? fourteenDigits(codeKey + 1, orderNumber) : '';
    fields[12] = entry.amountType;
    fields[13] = entry.amountDescription;
    fields[14] = money(entry.cents);
    fields[16] = calendar.isoDay(entry.day);
    fields[17] = calendar.utcSpaced(entry.day, entry.minute);
    fields[21] = products[entry.product]!.sku;
    fields[22] = entry.quantity ?? '';
    yield fields.join('\t');
  }
}

export function settlementChunks(world: DemoWorld): Generator<string> {
  return chunked(SETTLEMENT_COLUMNS, settlementLines(world));
}
