// Builds the demo seller's world from the options. Each part draws from its own seeded stream, so changing how one
// part is generated leaves the others as they were.
import { Calendar } from './generate-calendar.js';
import { buildCatalog } from './generate-catalog.js';
import { orderKey } from './generate-ids.js';
import { hash32, Random } from './generate-random.js';
import { refundHistory } from './generate-refunds.js';
import { reimbursementLines } from './generate-reimbursements.js';
import { removalHistory } from './generate-removals.js';
import { buildShipments, planShipments, receiptRowCount } from './generate-shipments.js';
import { planShowcase } from './generate-showcase.js';
import { LedgerTable, RefundTable } from './generate-tables.js';
import { planTraffic } from './generate-traffic.js';
import { warehouseHistory } from './generate-warehouse.js';
import type { DemoWorld } from './generate-world-types.js';

/** About six months, and long enough for the oldest expired UNRETURNED refund and its order. */
export const HISTORY_DAYS = 183;
const DAYS_PER_MONTH = 30.44;
const LEDGER_ROWS_PER_PRODUCT_MONTH = 20;

export interface WorldOptions {
  seed: number;
  products: number;
  ledgerRows: number | undefined;
  asOf: Date;
}

const STREAMS = {
  catalog: 1,
  showcase: 2,
  warehouse: 3,
  refunds: 4,
  shipments: 5,
  quantities: 6,
  reimbursements: 7,
  removals: 8,
} as const;

export function defaultLedgerRows(products: number): number {
  return Math.round((products * LEDGER_ROWS_PER_PRODUCT_MONTH * HISTORY_DAYS) / DAYS_PER_MONTH);
}

function streamOf(seed: number, stream: keyof typeof STREAMS): Random {
  return new Random(hash32(seed, STREAMS[stream]));
}

export function buildWorld(options: WorldOptions): DemoWorld {
  const { seed } = options;
  const calendar = new Calendar(options.asOf, HISTORY_DAYS);
  const products = buildCatalog(hash32(seed, STREAMS.catalog), options.products);
  const showcase = planShowcase(streamOf(seed, 'showcase'), products.length);
  const ledger = new LedgerTable();
  const warehouse = warehouseHistory(streamOf(seed, 'warehouse'), calendar, products, showcase, ledger);
  const refundedOrders = new RefundTable();
  const refunds = refundHistory(
    streamOf(seed, 'refunds'),
    calendar,
    products,
    showcase,
    refundedOrders,
    ledger,
    orderKey(seed),
  );
  const shipmentPlans = planShipments(streamOf(seed, 'shipments'), calendar, products, showcase);

  // The everyday traffic fills whatever the world's own rows leave of the requested ledger size.
  const worldRows = ledger.length + receiptRowCount(shipmentPlans, calendar);
  const ledgerRows = options.ledgerRows ?? defaultLedgerRows(products.length);
  const traffic = planTraffic(seed, calendar, products, ledgerRows - worldRows);
  const inbound = buildShipments(streamOf(seed, 'quantities'), shipmentPlans, traffic, showcase, ledger);
  ledger.sortByTime();

  const intents = [...warehouse, ...refunds, ...inbound.reimbursements];
  return {
    calendar,
    products,
    traffic,
    ledger,
    shipments: inbound.shipments,
    refundedOrders,
    reimbursements: reimbursementLines(seed, streamOf(seed, 'reimbursements'), intents),
    removals: removalHistory(streamOf(seed, 'removals'), calendar, products.length),
    showcase: showcase.products,
    settlementIdBase: 10_000_000_000 + (hash32(seed, 0x5e771e) % 80_000_000) * 100,
  };
}
