// Reports a seller may well download that Reclaim does not read: recognised by their header, so that the refusal
// says what the file is and what to download instead, never "the header matches no report". The headers come from
// Amazon's help pages and public parsers of these reports (test/fixtures/real-world/README.md says which).
import { normaliseHeader } from './format.js';

export interface UnreadReport {
  /** What the file is, as Seller Central names it. */
  readonly title: string;
  /** Columns that together say it is this report (and no report Reclaim reads). */
  readonly columns: readonly string[];
  /** What to download instead. */
  readonly advice: string;
}

const RETIRED =
  'Amazon retired this report in January 2023; the Inventory Ledger replaced it: download the Inventory Ledger, Detailed view (Reports › Fulfillment › Inventory Ledger)';

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
    advice:
      'Reclaim reads the settlement flat file V2: download the same settlement as "Flat File V2" (Payments › Reports Repository, or the report type GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2)',
  },
];

/** The report Reclaim does not read that a header is, if it is one. */
export function unreadReportOf(header: readonly string[]): UnreadReport | undefined {
  const names = new Set(header.map(normaliseHeader));
  return UNREAD_REPORTS.find((report) => report.columns.every((column) => names.has(normaliseHeader(column))));
}
