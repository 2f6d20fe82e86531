// The files whose size follows the number of products, not the ledger's: product costs, inbound shipments and
// reimbursements; and the customer returns, which also hold the everyday traffic's returns.
import { Random } from './generate-random.js';
import { chunked, DayCursor, DayQueue, money } from './generate-text.js';
import { orderIdOf, trafficOn } from './generate-traffic.js';
import {
  type CustomerReturn,
  type DemoWorld,
  emptyCustomerReturn,
  emptyRefundedOrder,
} from './generate-world-types.js';

const PRODUCT_COSTS_HEADER = ['sku', 'cost', 'currency'];

const INBOUND_SHIPMENTS_HEADER = [
  'ShipmentId',
  'ShipmentName',
  'ShipmentStatus',
  'DestinationFulfillmentCenterId',
  'SellerSKU',
  'FulfillmentNetworkSKU',
  'QuantityShipped',
  'QuantityReceived',
  'ClosedDate',
];

const CUSTOMER_RETURNS_HEADER = [
  'return-date',
  'order-id',
  'sku',
  'asin',
  'fnsku',
  'product-name',
  'quantity',
  'fulfillment-center-id',
  'detailed-disposition',
  'reason',
  'status',
  'license-plate-number',
  'customer-comments',
];

const REIMBURSEMENTS_HEADER = [
  'approval-date',
  'reimbursement-id',
  'case-id',
  'amazon-order-id',
  'reason',
  'sku',
  'fnsku',
  'asin',
  'product-name',
  'condition',
  'currency-unit',
  'amount-per-unit',
  'amount-total',
  'quantity-reimbursed-cash',
  'quantity-reimbursed-inventory',
  'quantity-reimbursed-total',
  'original-reimbursement-id',
  'original-reimbursement-type',
];

function* productCostLines(world: DemoWorld): Generator<string> {
  for (const product of world.products) {
    if (product.costInFile) yield `${product.sku}\t${money(product.costCents)}\tUSD`;
  }
}

export function productCostChunks(world: DemoWorld): Generator<string> {
  return chunked(PRODUCT_COSTS_HEADER, productCostLines(world));
}

function* inboundShipmentLines(world: DemoWorld): Generator<string> {
  const { calendar, products } = world;
  for (const shipment of world.shipments) {
    const closed = shipment.closedDateWritten === undefined ? '' : calendar.isoDay(shipment.closedDateWritten);
    for (const item of shipment.items) {
      const product = products[item.product]!;
      yield [
        shipment.shipmentId,
        shipment.name,
        shipment.status,
        shipment.destination,
        product.sku,
        product.fnsku,
        item.shipped,
        item.received,
        closed,
      ].join('\t');
    }
  }
}

export function inboundShipmentChunks(world: DemoWorld): Generator<string> {
  return chunked(INBOUND_SHIPMENTS_HEADER, inboundShipmentLines(world));
}

function* customerReturnLines(world: DemoWorld): Generator<string> {
  const { calendar, products, traffic } = world;
  const line = (product: number, orderId: string, itsReturn: CustomerReturn): string => {
    const { sku, asin, fnsku, title } = products[product]!;
    return [
      calendar.utcIso(itsReturn.day, itsReturn.minute),
      orderId,
      sku,
      asin,
      fnsku,
      title,
      itsReturn.quantity,
      itsReturn.center,
      itsReturn.disposition,
      itsReturn.reason,
      itsReturn.status,
      itsReturn.licensePlate,
      itsReturn.comment,
    ].join('\t');
  };
  const { refundedOrders } = world;
  const worldReturnsOn = new DayCursor(refundedOrders.length, (index) => refundedOrders.returnDayAt(index));
  const order = emptyRefundedOrder();
  const itsReturn = emptyCustomerReturn();
  // Written when the sale is, so that only a string waits for the return's day.
  const everydayReturnsDue = new DayQueue<string>();
  const random = new Random(0);
  for (let day = world.calendar.firstDay; day <= world.calendar.lastDay; day++) {
    for (const index of worldReturnsOn.on(day)) {
      refundedOrders.read(index, order, itsReturn);
      yield line(order.product, order.orderId, itsReturn);
    }
    yield* everydayReturnsDue.take(day);
    for (let product = 0; product < products.length; product++) {
      for (const sale of trafficOn(traffic, product, day, random).sales) {
        const itsReturn = sale.refund?.return;
        if (itsReturn)
          everydayReturnsDue.add(itsReturn.day, line(product, orderIdOf(traffic, sale.orderNumber), itsReturn));
      }
    }
  }
}

export function customerReturnChunks(world: DemoWorld): Generator<string> {
  return chunked(CUSTOMER_RETURNS_HEADER, customerReturnLines(world));
}

function* reimbursementLines(world: DemoWorld): Generator<string> {
  const { calendar, products } = world;
  for (const line of world.reimbursements) {
    const { sku, fnsku, asin, title } = products[line.product]!;
    const units = line.quantityCash + line.quantityInventory;
    yield [
      calendar.utcIso(line.day, line.minute),
      line.reimbursementId,
      '',
      line.orderId,
      line.reason,
      sku,
      fnsku,
      asin,
      title,
      'NewItem',
      'USD',
      money(line.amountPerUnitCents),
      money(Math.abs(line.amountPerUnitCents) * units),
      line.quantityCash,
      line.quantityInventory,
      units,
      line.originalId,
      line.originalType,
    ].join('\t');
  }
}

export function reimbursementChunks(world: DemoWorld): Generator<string> {
  return chunked(REIMBURSEMENTS_HEADER, reimbursementLines(world));
}
