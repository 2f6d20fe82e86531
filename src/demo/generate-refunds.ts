// Refunded orders of the world: the sale, the refund, and the return that most customers (not all) send back.
// A refund without a return, or with a partial one, is a unit the customer kept: UNRETURNED after the wait.
import type { Calendar } from './generate-calendar.js';
import type { Product } from './generate-catalog.js';
import { amazonOrderId, WORLD_ORDER_NUMBERS } from './generate-ids.js';
import type { Random } from './generate-random.js';
import type { ReimbursementIntent } from './generate-reimbursements.js';
import { drawCustomerReturn } from './generate-return-details.js';
import { type ShowcasePlan, showcaseAge } from './generate-showcase.js';
import type { LedgerTable, RefundTable } from './generate-tables.js';
import { type LedgerEntry, type RefundedOrder, WINDOW_STATES } from './generate-world-types.js';

const REFUNDS_PER_PRODUCT = 2;
const RETURNED_RATE = 0.75;
/** Share of unreturned refunds Amazon pays by itself (it charges the customer, then credits the seller). */
const UNRETURNED_PAID_RATE = 0.25;

class RefundWriter {
  readonly reimbursements: ReimbursementIntent[] = [];

  constructor(
    private readonly random: Random,
    private readonly calendar: Calendar,
    private readonly orders: RefundTable,
    private readonly ledger: LedgerTable,
    private readonly orderKey: number,
  ) {}

  /** An order refunded on `refundDay`; `returned` is how many units the customer sends back (if any, in time). */
  refund(product: Product, refundDay: number, quantity: number, returned: number): RefundedOrder {
    const { random, calendar } = this;
    const orderDay = Math.max(calendar.firstDay, refundDay - random.int(2, 10));
    const orderNumber = WORLD_ORDER_NUMBERS + this.orders.length;
    const order: RefundedOrder = {
      orderId: amazonOrderId(this.orderKey, orderNumber),
      orderNumber,
      product: product.index,
      quantity,
      orderDay,
      orderMinute: random.int(0, 24 * 60 - 1),
      refundDay,
      refundMinute: random.int(0, 24 * 60 - 1),
      refundQuantityWritten: quantity > 1 || random.chance(0.3),
      refundsTax: random.chance(0.4),
      return: undefined,
    };
    const returnDay = Math.max(orderDay + 2, refundDay + random.int(-3, 10));
    if (returned > 0 && returnDay <= calendar.lastDay) {
      order.return = drawCustomerReturn(random, returnDay, returned, product.homeCenter);
    }
    this.orders.add(order);
    this.ledger.add(this.entry(product, orderDay, order.orderMinute, 'Shipments', order.orderId, -quantity));
    if (order.return) {
      const { day, minute, quantity: units, center, disposition } = order.return;
      this.ledger.add({
        ...this.entry(product, day, minute, 'CustomerReturns', order.orderId, units),
        center,
        disposition,
      });
    }
    return order;
  }

  private entry(
    product: Product,
    day: number,
    minute: number,
    eventType: 'Shipments' | 'CustomerReturns',
    reference: string,
    quantity: number,
  ): LedgerEntry {
    return {
      day,
      minute,
      product: product.index,
      eventType,
      reference,
      quantity,
      center: product.homeCenter,
      disposition: 'SELLABLE',
      reason: '',
      unreconciled: 0,
    };
  }

  /** Amazon credits some refunds the customer never returned, naming the order. */
  payUnreturned(product: Product, order: RefundedOrder): void {
    const units = order.quantity - (order.return?.quantity ?? 0);
    const day = order.refundDay + this.random.int(40, 75);
    if (units <= 0 || day > this.calendar.lastDay) return;
    this.reimbursements.push({
      day,
      minute: this.random.int(0, 24 * 60 - 1),
      product: product.index,
      reason: 'Customer_Return',
      units,
      asInventory: false,
      amountPerUnitCents: product.priceCents,
      orderId: order.orderId,
    });
  }
}

export function refundHistory(
  random: Random,
  calendar: Calendar,
  products: readonly Product[],
  showcase: ShowcasePlan,
  orders: RefundTable,
  ledger: LedgerTable,
  orderKey: number,
): ReimbursementIntent[] {
  const writer = new RefundWriter(random, calendar, orders, ledger, orderKey);
  for (const product of products) {
    const amazonActs = !showcase.untouched.UNRETURNED.has(product.index);
    for (let n = random.poisson(REFUNDS_PER_PRODUCT); n > 0; n--) {
      const quantity = random.chance(0.88) ? 1 : 2;
      const returnsAll = random.chance(RETURNED_RATE);
      // Customers who bought two sometimes send back only one.
      const returned = returnsAll ? (quantity === 2 && random.chance(0.3) ? 1 : quantity) : 0;
      const refundDay = random.int(calendar.firstDay + 10, calendar.lastDay);
      const order = writer.refund(product, refundDay, quantity, returned);
      if (amazonActs && random.chance(UNRETURNED_PAID_RATE)) writer.payUnreturned(product, order);
    }
  }
  for (const state of WINDOW_STATES) {
    for (const index of showcase.products.UNRETURNED[state]) {
      writer.refund(products[index]!, calendar.daysAgo(showcaseAge(random, 'UNRETURNED', state)), 1, 0);
    }
  }
  return writer.reimbursements;
}
