// Removal receipts (Reclaim's own file): what the seller received of each removal shipment, one row per SKU of a
// tracking number, as recordRemovalReceipt records one (docs/rules.md section 10). Identity (order-id, tracking-number,
// sku): a later row, or a later file, replaces the receipt.
import type { ReportFormat } from './format.js';

export interface RemovalReceiptValues {
  orderId: string;
  trackingNumber: string;
  sku: string;
  received: number;
}

const columns = {
  orderId: { name: 'order-id', aliases: ['removal-order-id'], required: true, text: 'orderId' },
  trackingNumber: { name: 'tracking-number', aliases: ['tracking-id'], required: true, text: 'id' },
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  received: {
    name: 'received-quantity',
    aliases: ['received-units', 'received', 'quantity-received'],
    required: true,
  },
} as const;

export const removalReceiptsFormat: ReportFormat<RemovalReceiptValues, keyof typeof columns> = {
  kind: 'REMOVAL_RECEIPTS',
  title: 'Removal receipts',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const received = row.integer('received', true);
    if (received !== undefined && received < 0) {
      row.problem('received', `a received quantity is a whole number of units from 0 up, not ${received}`);
    }
    const values: RemovalReceiptValues = {
      orderId: row.requiredText('orderId'),
      trackingNumber: row.requiredText('trackingNumber'),
      sku: row.requiredText('sku'),
      received: received ?? 0,
    };
    if (row.problems.length > before) return undefined;
    return { values, identity: [values.orderId, values.trackingNumber, values.sku], product: { sku: values.sku } };
  },
};
