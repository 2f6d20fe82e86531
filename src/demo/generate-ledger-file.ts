// The Inventory Ledger, detailed view (docs/reports.md section 1), day by day: the world's rows of the day, the everyday
// returns due that day, then each product's everyday traffic. Besides the world, only the current chunk and the
// returns still to come are held in memory, however many rows are asked for.
import type { Product } from './generate-catalog.js';
import { Random } from './generate-random.js';
import { chunked, DayQueue } from './generate-text.js';
import { orderIdOf, type Transfer, trafficOn } from './generate-traffic.js';
import { type CustomerReturn, type DemoWorld, emptyLedgerEntry, type LedgerEntry } from './generate-world-types.js';

export const LEDGER_HEADER = [
  'Date',
  'FNSKU',
  'ASIN',
  'MSKU',
  'Title',
  'Event Type',
  'Reference ID',
  'Quantity',
  'Fulfillment Center',
  'Disposition',
  'Reason',
  'Country',
  'Reconciled Quantity',
  'Unreconciled Quantity',
  'Date and Time',
];

type Row = Omit<LedgerEntry, 'product'>;

function* ledgerLines(world: DemoWorld): Generator<string> {
  const { calendar, products, traffic, ledger } = world;
  // The columns that only depend on the product, joined once rather than for each of millions of rows.
  const productColumns = products.map((product: Product) =>
    [product.fnsku, product.asin, product.sku, product.title].join('\t'),
  );
  // One reused array joined per row: a flat string at once, instead of a rope of some thirty pieces per row.
  const fields: (string | number)[] = new Array(12).fill('');
  fields[8] = 'US';
  fields[9] = 0;
  const line = (product: number, row: Row): string => {
    fields[0] = calendar.usDay(row.day);
    fields[1] = productColumns[product]!;
    fields[2] = row.eventType;
    fields[3] = row.reference;
    fields[4] = row.quantity;
    fields[5] = row.center;
    fields[6] = row.disposition;
    fields[7] = row.reason;
    fields[10] = row.unreconciled;
    fields[11] = calendar.pacificDateTime(row.day, row.minute);
    return fields.join('\t');
  };
  const returnRow = (orderId: string, itsReturn: CustomerReturn): Row => ({
    day: itsReturn.day,
    minute: itsReturn.minute,
    eventType: 'CustomerReturns',
    reference: orderId,
    quantity: itsReturn.quantity,
    center: itsReturn.center,
    disposition: itsReturn.disposition,
    reason: '',
    unreconciled: 0,
  });

  const transferRow = (day: number, transfer: Transfer, quantity: number, center: string): Row => ({
    day,
    minute: transfer.minute,
    eventType: 'WhseTransfers',
    reference: transfer.reference,
    quantity,
    center,
    disposition: 'SELLABLE',
    reason: '',
    unreconciled: 0,
  });

  const worldRow = emptyLedgerEntry();
  const random = new Random(0);
  // Written when the sale is, so that only a string waits for the return's day.
  const returnsDue = new DayQueue<string>();
  let next = 0;
  for (let day = calendar.firstDay; day <= calendar.lastDay; day++) {
    for (; next < ledger.length && ledger.dayAt(next) <= day; next++) {
      const entry = ledger.read(next, worldRow);
      if (entry.day === day) yield line(entry.product, entry);
    }
    yield* returnsDue.take(day);
    for (let product = 0; product < products.length; product++) {
      const { sales, transfers } = trafficOn(traffic, product, day, random);
      const { homeCenter } = products[product]!;
      for (const sale of sales) {
        const orderId = orderIdOf(traffic, sale.orderNumber);
        const row: Row = {
          day,
          minute: sale.minute,
          eventType: 'Shipments',
          reference: orderId,
          quantity: -sale.quantity,
          center: homeCenter,
          disposition: 'SELLABLE',
          reason: '',
          unreconciled: 0,
        };
        yield line(product, row);
        const itsReturn = sale.refund?.return;
        if (itsReturn) returnsDue.add(itsReturn.day, line(product, returnRow(orderId, itsReturn)));
      }
      for (const transfer of transfers) {
        yield line(product, transferRow(day, transfer, -transfer.quantity, transfer.from));
        yield line(product, transferRow(day, transfer, transfer.quantity, transfer.to));
      }
    }
  }
}

export function ledgerChunks(world: DemoWorld): Generator<string> {
  return chunked(LEDGER_HEADER, ledgerLines(world));
}
