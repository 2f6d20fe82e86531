// FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA): docs/reports.md section 3.
import type { ReportFormat } from './format.js';

export interface CustomerReturnValues {
  returnDate: Date;
  orderId: string;
  sku: string;
  asin?: string;
  fnsku?: string;
  productName?: string;
  quantity: number;
  fulfillmentCenterId?: string;
  detailedDisposition?: string;
  reason?: string;
  status?: string;
  licensePlateNumber?: string;
  customerComments?: string;
}

const columns = {
  returnDate: { name: 'return-date', required: true },
  orderId: { name: 'order-id', aliases: ['amazon-order-id'], required: true, text: 'orderId' },
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  asin: { name: 'asin', text: 'asin' },
  fnsku: { name: 'fnsku', text: 'fnsku' },
  productName: { name: 'product-name', aliases: ['title'], text: 'title' },
  quantity: { name: 'quantity', required: true },
  fulfillmentCenterId: { name: 'fulfillment-center-id' },
  detailedDisposition: { name: 'detailed-disposition' },
  reason: { name: 'reason' },
  status: { name: 'status' },
  licensePlateNumber: { name: 'license-plate-number', text: 'id' },
  customerComments: { name: 'customer-comments', text: 'text' },
} as const;

export const customerReturnsFormat: ReportFormat<CustomerReturnValues, keyof typeof columns> = {
  kind: 'CUSTOMER_RETURNS',
  title: 'FBA customer returns',
  columns,
  repeatedRowsAreDistinct: true,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const values: CustomerReturnValues = {
      returnDate: row.instant('returnDate', true) ?? new Date(0),
      orderId: row.requiredText('orderId'),
      sku: row.requiredText('sku'),
      asin: row.text('asin'),
      fnsku: row.text('fnsku'),
      productName: row.text('productName'),
      quantity: row.integer('quantity', true) ?? 0,
      fulfillmentCenterId: row.text('fulfillmentCenterId'),
      detailedDisposition: row.text('detailedDisposition'),
      reason: row.text('reason'),
      status: row.text('status'),
      licensePlateNumber: row.text('licensePlateNumber'),
      customerComments: row.text('customerComments'),
    };
    if (row.problems.length > before) return undefined;
    return {
      values,
      identity: [
        values.returnDate.toISOString(),
        values.orderId,
        values.sku,
        values.fnsku,
        values.quantity,
        values.fulfillmentCenterId,
        values.detailedDisposition,
        values.reason,
        values.status,
        values.licensePlateNumber,
      ],
      product: { sku: values.sku, fnsku: values.fnsku, asin: values.asin, title: values.productName },
    };
  },
};
