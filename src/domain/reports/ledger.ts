// Inventory Ledger, detailed view (GET_LEDGER_DETAIL_VIEW_DATA): docs/reports.md section 1.
import type { ReportFormat } from './format.js';
import type { Day } from './values.js';

export const LEDGER_EVENT_TYPES = [
  'Shipments',
  'Receipts',
  'CustomerReturns',
  'Adjustments',
  'WhseTransfers',
  'VendorReturns',
] as const;

const eventTypeBySpelling = new Map(LEDGER_EVENT_TYPES.map((type) => [type.toLowerCase(), type]));

/** `Customer Returns`, `customer_returns` and `CustomerReturns` are the same event type. */
export function normaliseEventType(text: string): string {
  if ((LEDGER_EVENT_TYPES as readonly string[]).includes(text)) return text;
  return eventTypeBySpelling.get(text.toLowerCase().replace(/[\s\-_]+/g, '')) ?? text;
}

export interface LedgerValues {
  date: Day;
  fnsku?: string;
  asin?: string;
  msku: string;
  title?: string;
  eventType: string;
  referenceId?: string;
  quantity: number;
  fulfillmentCenter?: string;
  disposition?: string;
  reason?: string;
  country?: string;
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
  dateTime?: Date;
  store?: string;
}

const columns = {
  date: { name: 'Date', required: true, sameDayAs: 'dateTime' },
  fnsku: { name: 'FNSKU', text: 'fnsku' },
  asin: { name: 'ASIN', text: 'asin' },
  msku: { name: 'MSKU', aliases: ['SKU', 'Seller SKU', 'merchant-sku'], required: true, text: 'sku' },
  title: { name: 'Title', aliases: ['product-name'], text: 'title' },
  eventType: { name: 'Event Type', required: true },
  referenceId: { name: 'Reference ID', text: 'id' },
  quantity: { name: 'Quantity', required: true },
  fulfillmentCenter: { name: 'Fulfillment Center', aliases: ['Fulfillment Centre', 'fulfillment-center-id', 'FC'] },
  disposition: { name: 'Disposition' },
  reason: { name: 'Reason' },
  country: { name: 'Country' },
  reconciledQuantity: { name: 'Reconciled Quantity' },
  unreconciledQuantity: { name: 'Unreconciled Quantity' },
  dateTime: { name: 'Date and Time' },
  store: { name: 'Store' },
} as const;

export const ledgerFormat: ReportFormat<LedgerValues, keyof typeof columns> = {
  kind: 'LEDGER',
  title: 'Inventory Ledger (detailed view)',
  columns,
  repeatedRowsAreDistinct: true,
  dayOrder: 'MDY',
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const values: LedgerValues = {
      date: row.day('date', true) ?? '',
      fnsku: row.text('fnsku'),
      asin: row.text('asin'),
      msku: row.requiredText('msku'),
      title: row.text('title'),
      eventType: normaliseEventType(row.requiredText('eventType')),
      referenceId: row.text('referenceId'),
      quantity: row.integer('quantity', true) ?? 0,
      fulfillmentCenter: row.text('fulfillmentCenter'),
      disposition: row.text('disposition'),
      reason: row.text('reason'),
      country: row.text('country'),
      reconciledQuantity: row.integer('reconciledQuantity'),
      unreconciledQuantity: row.integer('unreconciledQuantity'),
      dateTime: row.instant('dateTime'),
      store: row.text('store'),
    };
    if (row.problems.length > before) return undefined;
    return {
      values,
      // Reconciled counts change as Amazon reconciles and titles get edited: neither makes a row a new row.
      identity: [
        values.date,
        values.fnsku,
        values.msku,
        values.eventType,
        values.referenceId,
        values.quantity,
        values.fulfillmentCenter,
        values.disposition,
        values.reason,
        values.country,
        values.dateTime?.getTime(),
        values.store,
      ],
      product: { sku: values.msku, fnsku: values.fnsku, asin: values.asin, title: values.title },
    };
  },
};
