// Reports a seller may well download that Reclaim does not read: recognised by their header, so that the refusal
// says what the file is and what to download instead, never "the header matches no report". The headers come from
// Amazon's help pages and public parsers of these reports (test/fixtures/real-world/README.md says which).
import { normaliseHeader } from './format.js';

export interface UnreadReport {
  /** What the file is, as Seller Central names it. */
  readonly title: string;
  /** Columns that together say it is this report (and no report Reclaim reads). */
  readonly columns: readonly string[];
  /** How its first line starts when the report opens with notes before its header, case aside. */
  readonly notesStart?: string;
  /** What to download instead. */
  readonly advice: string;
}

const RETIRED =
  'Amazon retired this report in January 2023; the Inventory Ledger replaced it: download the Inventory Ledger, Detailed view (Reports › Fulfillment › Inventory Ledger)';

const WHERE_V2 = '(Payments › Reports Repository, or the report type GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2)';

const SETTLEMENT_V2 = `download the settlement as "Flat File V2" ${WHERE_V2}`;

const STOCK_TODAY =
  'Reclaim finds missing units in what moved, not in what is in stock today: download the Inventory Ledger, Detailed view (Reports › Fulfillment › Inventory Ledger)';

const ORDERS = `Reclaim reads what orders sold and refunded from the settlement report, and what customers sent back from the FBA customer returns report: ${SETTLEMENT_V2}, and the FBA Customer Returns report (Reports › Fulfillment › Customer Returns)`;

export const UNREAD_REPORTS: readonly UnreadReport[] = [
  {
    title: 'the Inventory Ledger, Summary view',
    columns: ['Starting Warehouse Balance', 'Ending Warehouse Balance'],
    advice:
      'Reclaim reads each movement of the Detailed view: download the Inventory Ledger again with "Detailed view" chosen (Reports › Fulfillment › Inventory Ledger)',
  },
  { title: 'the Inventory Adjustments report', columns: ['adjusted-date', 'transaction-item-id'], advice: RETIRED },
  {
    title: 'the Inventory Event Detail report',
    columns: ['snapshot-date', 'transaction-type', 'fulfillment-center-id'],
    advice: RETIRED,
  },
  {
    title: 'the settlement report flat file (the old, wide layout, not V2)',
    columns: ['settlement-id', 'price-type', 'price-amount', 'item-related-fee-type'],
    advice: `Reclaim reads the settlement flat file V2: download the same settlement as "Flat File V2" ${WHERE_V2}`,
  },
  // Seller Central's Date Range report (Payments › Reports, "Transaction view" when seen on screen) opens with notes,
  // its header on the eighth line or so: either says what it is.
  {
    title: 'the Date Range report of transactions (Payments › Reports › Date Range Reports)',
    columns: ['date/time', 'settlement id', 'type', 'order id', 'total'],
    notesStart: 'Includes Amazon Marketplace',
    advice: `Reclaim reads the amounts of each order one by one, as the settlement report gives them: ${SETTLEMENT_V2}`,
  },
  {
    title: 'the Manage FBA Inventory report',
    columns: ['afn-fulfillable-quantity', 'afn-unsellable-quantity'],
    advice: STOCK_TODAY,
  },
  {
    title: 'the Amazon Fulfilled Inventory report',
    columns: ['seller-sku', 'fulfillment-channel-sku', 'condition-type'],
    advice: STOCK_TODAY,
  },
  {
    title: 'the All Orders report',
    columns: ['amazon-order-id', 'purchase-date', 'order-status', 'item-price'],
    advice: ORDERS,
  },
  {
    title: 'the Returns report of seller-fulfilled orders (Orders › Manage Returns)',
    columns: ['Amazon RMA ID', 'Return request date', 'Return request status'],
    advice:
      "Reclaim follows what customers sent back to Amazon's fulfillment centers: download the FBA Customer Returns report (Reports › Fulfillment › Customer Returns)",
  },
  {
    title: 'the Amazon Fulfilled Shipments report',
    columns: ['amazon-order-id', 'shipment-item-id', 'quantity-shipped'],
    advice: ORDERS,
  },
];

/** The report Reclaim does not read that a header is, if it is one. */
export function unreadReportOf(header: readonly string[]): UnreadReport | undefined {
  const names = new Set(header.map(normaliseHeader));
  const firstLine = header.join(' ').trim().toLowerCase();
  return UNREAD_REPORTS.find(
    (report) =>
      report.columns.every((column) => names.has(normaliseHeader(column))) ||
      (report.notesStart !== undefined && firstLine.startsWith(report.notesStart.toLowerCase())),
  );
}

/**
 * What a file of markup is, said with what to download instead: Amazon's settlement report in XML (the same
 * settlement comes as a flat file), a web page (what the "Excel" download of some Seller Central pages really holds,
 * or a page saved from the browser), or any other XML. Undefined for text that does not start with a tag.
 */
export function describeMarkup(text: string): string | undefined {
  const start = text.trimStart();
  if (!start.startsWith('<')) return undefined;
  if (/<AmazonEnvelope\b/.test(start) && /<SettlementReport\b|<MessageType>\s*SettlementReport/.test(start)) {
    return `the file is the settlement report as XML, which Reclaim does not read: ${SETTLEMENT_V2}`;
  }
  if (/^<(!doctype\s+html|html\b)|<table\b/i.test(start)) {
    return 'the file is a web page (HTML), not a report: download the report itself from Seller Central, as a tab-separated .txt or a .csv';
  }
  return 'the file is XML, not a report Reclaim reads: download the report as a flat file (a tab-separated .txt) or a .csv';
}
