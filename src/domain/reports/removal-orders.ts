// Removal Order Detail (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA): docs/reports.md section 7. Amazon rewrites a row as
// its order progresses: identity (order-id, sku, disposition), the latest last-updated-date wins.
import type { ReportFormat } from './format.js';

export interface RemovalOrderValues {
  requestDate?: Date;
  orderId: string;
  orderSource?: string;
  orderType: string;
  serviceSpeed?: string;
  orderStatus: string;
  lastUpdatedDate: Date;
  sku: string;
  fnsku?: string;
  disposition?: string;
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  inProcess: number;
  removalFee?: string;
  currency?: string;
}

const columns = {
  requestDate: { name: 'request-date' },
  orderId: { name: 'order-id', aliases: ['removal-order-id'], required: true, text: 'orderId' },
  orderSource: { name: 'order-source' },
  orderType: { name: 'order-type', required: true },
  serviceSpeed: { name: 'service-speed' },
  orderStatus: { name: 'order-status', required: true },
  lastUpdatedDate: { name: 'last-updated-date', required: true },
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  fnsku: { name: 'fnsku', text: 'fnsku' },
  disposition: { name: 'disposition' },
  requested: { name: 'requested-quantity', required: true },
  cancelled: { name: 'cancelled-quantity' },
  disposed: { name: 'disposed-quantity' },
  shipped: { name: 'shipped-quantity', required: true },
  inProcess: { name: 'in-process-quantity' },
  removalFee: { name: 'removal-fee' },
  currency: { name: 'currency' },
} as const;

export const removalOrdersFormat: ReportFormat<RemovalOrderValues, keyof typeof columns> = {
  kind: 'REMOVAL_ORDERS',
  title: 'Removal Order Detail',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const quantity = (key: 'requested' | 'cancelled' | 'disposed' | 'shipped' | 'inProcess', required = false) => {
      const value = row.integer(key, required);
      if (value !== undefined && value < 0) row.problem(key, `a quantity cannot be negative, not ${value}`);
      return value ?? 0;
    };
    const values: RemovalOrderValues = {
      requestDate: row.instant('requestDate'),
      orderId: row.requiredText('orderId'),
      orderSource: row.text('orderSource'),
      orderType: row.requiredText('orderType'),
      serviceSpeed: row.text('serviceSpeed'),
      orderStatus: row.requiredText('orderStatus'),
      lastUpdatedDate: row.instant('lastUpdatedDate', true) ?? new Date(0),
      sku: row.requiredText('sku'),
      fnsku: row.text('fnsku'),
      disposition: row.text('disposition'),
      requested: quantity('requested', true),
      cancelled: quantity('cancelled'),
      disposed: quantity('disposed'),
      shipped: quantity('shipped', true),
      inProcess: quantity('inProcess'),
      removalFee: row.decimal('removalFee'),
      currency: row.text('currency'),
    };
    if (row.problems.length > before) return undefined;
    return {
      values,
      identity: [values.orderId, values.sku, values.disposition ?? ''],
      product: { sku: values.sku, fnsku: values.fnsku },
    };
  },
};
