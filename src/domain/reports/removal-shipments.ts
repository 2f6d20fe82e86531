// Removal Shipment Detail (GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA): docs/reports.md section 7. Identity
// (order-id, tracking-number, sku, disposition).
import type { ReportFormat } from './format.js';

export interface RemovalShipmentValues {
  requestDate?: Date;
  orderId: string;
  shipmentDate: Date;
  sku: string;
  fnsku?: string;
  disposition?: string;
  shipped: number;
  carrier?: string;
  trackingNumber: string;
  removalOrderType?: string;
}

const columns = {
  requestDate: { name: 'request-date' },
  orderId: { name: 'order-id', aliases: ['removal-order-id'], required: true, text: 'orderId' },
  shipmentDate: { name: 'shipment-date', required: true },
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  fnsku: { name: 'fnsku', text: 'fnsku' },
  disposition: { name: 'disposition' },
  shipped: { name: 'shipped-quantity', required: true },
  carrier: { name: 'carrier' },
  trackingNumber: { name: 'tracking-number', required: true, text: 'id' },
  removalOrderType: { name: 'removal-order-type' },
} as const;

export const removalShipmentsFormat: ReportFormat<RemovalShipmentValues, keyof typeof columns> = {
  kind: 'REMOVAL_SHIPMENTS',
  title: 'Removal Shipment Detail',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const shipped = row.integer('shipped', true);
    if (shipped !== undefined && shipped < 0) row.problem('shipped', `a quantity cannot be negative, not ${shipped}`);
    const values: RemovalShipmentValues = {
      requestDate: row.instant('requestDate'),
      orderId: row.requiredText('orderId'),
      shipmentDate: row.instant('shipmentDate', true) ?? new Date(0),
      sku: row.requiredText('sku'),
      fnsku: row.text('fnsku'),
      disposition: row.text('disposition'),
      shipped: shipped ?? 0,
      carrier: row.text('carrier'),
      trackingNumber: row.requiredText('trackingNumber'),
      removalOrderType: row.text('removalOrderType'),
    };
    if (row.problems.length > before) return undefined;
    return {
      values,
      identity: [values.orderId, values.trackingNumber, values.sku, values.disposition ?? ''],
      product: { sku: values.sku, fnsku: values.fnsku },
    };
  },
};
