// A generated FBA seller: six months of reports in Amazon's formats (and the seller's own costs and receipts), seeded
// and deterministic, built around a "today" (asOf) on which every type of missing units is in every window state. The world (products and what happened to
// their units) is built once; each file is written from it lazily, so the ledger can have millions of rows.
import type { ReportKind } from '../domain/types.js';
import { ledgerChunks } from './generate-ledger-file.js';
import { removalOrderChunks, removalReceiptChunks, removalShipmentChunks } from './generate-removal-files.js';
import { settlementChunks } from './generate-settlement-file.js';
import {
  customerReturnChunks,
  inboundShipmentChunks,
  productCostChunks,
  reimbursementChunks,
} from './generate-small-files.js';
import { buildWorld } from './generate-world.js';

export interface DemoOptions {
  /** The same seed gives the same files. Default 1. */
  seed?: number;
  /** How many products (SKUs). Default 300. */
  products?: number;
  /** How many inventory ledger rows, roughly. Default: about 20 per product and month of history. */
  ledgerRows?: number;
  /** The "today" the data is built around: every type of missing unit occurs in every window state on this day. */
  asOf: Date;
}

export interface DemoFile {
  kind: ReportKind;
  fileName: string;
  /** The file's text (tab-separated, UTF-8), produced lazily so that millions of rows never sit in memory. */
  chunks(): AsyncIterable<string> | Iterable<string>;
}

function checkedOptions(options: DemoOptions): { seed: number; products: number; ledgerRows: number | undefined } {
  const { seed = 1, products = 300, ledgerRows } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the demo seed must be a whole number, not ${seed}`);
  if (!Number.isSafeInteger(products) || products < 1) {
    throw new RangeError(`the demo needs a whole number of products, at least 1, not ${products}`);
  }
  if (ledgerRows !== undefined && (!Number.isSafeInteger(ledgerRows) || ledgerRows < 0)) {
    throw new RangeError(`the demo's ledger rows must be a whole number, at least 0, not ${ledgerRows}`);
  }
  if (Number.isNaN(options.asOf.getTime())) throw new RangeError('the demo needs a valid asOf date');
  return { seed, products, ledgerRows };
}

/**
 * The demo seller's files, in the order they are imported: product costs, settlement, inbound shipments, inventory
 * ledger, customer returns, reimbursements, removal orders, removal shipments and the seller's receipts of them. The
 * ledger has about `ledgerRows` rows unless the world's own events
 * (which grow with the number of products) already take more.
 */
export function generateDemo(options: DemoOptions): DemoFile[] {
  const world = buildWorld({ ...checkedOptions(options), asOf: options.asOf });
  return [
    { kind: 'PRODUCT_COSTS', fileName: 'demo-product-costs.tsv', chunks: () => productCostChunks(world) },
    { kind: 'SETTLEMENT', fileName: 'demo-settlement.tsv', chunks: () => settlementChunks(world) },
    { kind: 'INBOUND_SHIPMENTS', fileName: 'demo-inbound-shipments.tsv', chunks: () => inboundShipmentChunks(world) },
    { kind: 'LEDGER', fileName: 'demo-ledger.tsv', chunks: () => ledgerChunks(world) },
    { kind: 'CUSTOMER_RETURNS', fileName: 'demo-customer-returns.tsv', chunks: () => customerReturnChunks(world) },
    { kind: 'REIMBURSEMENTS', fileName: 'demo-reimbursements.tsv', chunks: () => reimbursementChunks(world) },
    { kind: 'REMOVAL_ORDERS', fileName: 'demo-removal-orders.tsv', chunks: () => removalOrderChunks(world) },
    { kind: 'REMOVAL_SHIPMENTS', fileName: 'demo-removal-shipments.tsv', chunks: () => removalShipmentChunks(world) },
    // The seller's receipts come after the shipments they are for.
    { kind: 'REMOVAL_RECEIPTS', fileName: 'demo-removal-receipts.tsv', chunks: () => removalReceiptChunks(world) },
  ];
}
