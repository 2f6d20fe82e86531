// The removal files of the demo seller: Amazon's Removal Order Detail and Removal Shipment Detail reports, and the
// receipts file in which the seller wrote what arrived of each parcel (Reclaim's own, docs/reports.md section 8).
import { chunked, money } from './generate-text.js';
import type { DemoWorld } from './generate-world-types.js';

const REMOVAL_ORDERS_HEADER = [
  'request-date',
  'order-id',
  'order-source',
  'order-type',
  'service-speed',
  'order-status',
  'last-updated-date',
  'sku',
  'fnsku',
  'disposition',
  'requested-quantity',
  'cancelled-quantity',
  'disposed-quantity',
  'shipped-quantity',
  'in-process-quantity',
  'removal-fee',
  'currency',
];

const REMOVAL_SHIPMENTS_HEADER = [
  'request-date',
  'order-id',
  'shipment-date',
  'sku',
  'fnsku',
  'disposition',
  'shipped-quantity',
  'carrier',
  'tracking-number',
  'removal-order-type',
];

const REMOVAL_RECEIPTS_HEADER = ['order-id', 'tracking-number', 'sku', 'received-quantity'];

function* removalOrderLines(world: DemoWorld): Generator<string> {
  const { calendar, products } = world;
  for (const order of world.removals) {
    const { sku, fnsku } = products[order.product]!;
    yield [
      calendar.utcIso(order.requestDay, order.requestMinute),
      order.orderId,
      'Seller-initiated Manual Removal',
      order.orderType,
      'Standard',
      order.status,
      calendar.utcIso(order.lastUpdatedDay, order.lastUpdatedMinute),
      sku,
      fnsku,
      order.disposition,
      order.requested,
      order.cancelled,
      order.disposed,
      order.shipped,
      order.inProcess,
      money(order.feeCents),
      'USD',
    ].join('\t');
  }
}

export function removalOrderChunks(world: DemoWorld): Generator<string> {
  return chunked(REMOVAL_ORDERS_HEADER, removalOrderLines(world));
}

function* removalShipmentLines(world: DemoWorld): Generator<string> {
  const { calendar, products } = world;
  for (const order of world.removals) {
    const { sku, fnsku } = products[order.product]!;
    for (const shipment of order.shipments) {
      yield [
        calendar.utcIso(order.requestDay, order.requestMinute),
        order.orderId,
        calendar.utcIso(shipment.day, shipment.minute),
        sku,
        fnsku,
        order.disposition,
        shipment.shipped,
        shipment.carrier,
        shipment.trackingNumber,
        order.orderType,
      ].join('\t');
    }
  }
}

export function removalShipmentChunks(world: DemoWorld): Generator<string> {
  return chunked(REMOVAL_SHIPMENTS_HEADER, removalShipmentLines(world));
}

function* removalReceiptLines(world: DemoWorld): Generator<string> {
  const { products } = world;
  for (const order of world.removals) {
    for (const shipment of order.shipments) {
      if (shipment.received === undefined) continue;
      yield [order.orderId, shipment.trackingNumber, products[order.product]!.sku, shipment.received].join('\t');
    }
  }
}

export function removalReceiptChunks(world: DemoWorld): Generator<string> {
  return chunked(REMOVAL_RECEIPTS_HEADER, removalReceiptLines(world));
}
