// Inbound shipments to Amazon and their receipts. Planned in two steps: first the timeline (which shipment is received
// on which days, which item comes up short), which fixes how many ledger rows the receipts take; then, once the
// everyday traffic is sized, the quantities, which follow how fast each product sells.
import type { Calendar } from './generate-calendar.js';
import type { Product } from './generate-catalog.js';
import type { Random } from './generate-random.js';
import type { ReimbursementIntent } from './generate-reimbursements.js';
import { type ShowcasePlan, showcaseAge } from './generate-showcase.js';
import type { LedgerTable } from './generate-tables.js';
import { dailyUnits, type Traffic } from './generate-traffic.js';
import { type Shipment, type ShipmentStatus, WINDOW_STATES } from './generate-world-types.js';

/** How often each product is in a shipment over the history, on average. */
const SHIPMENT_ITEMS_PER_PRODUCT = 1.8;
const SHORTAGE_RATE = 0.1;
const OVERAGE_RATE = 0.03;
const INBOUND_PAID_RATE = 0.3;
const UNDATED_CLOSING_RATE = 0.15;
const CASE_PACK = 6;

interface PlannedItem {
  product: number;
  /** Days of sales the item covers: its quantity once the traffic is known. */
  coverDays: number;
  /** One day per receipt row, in order. */
  receiptDays: number[];
  shortfall: number;
  overage: number;
}

interface PlannedShipment {
  shipmentId: string;
  createdDay: number;
  createdMinute: number;
  shippedDay: number;
  destination: string;
  closedDay: number;
  closedDateWritten: boolean;
  items: PlannedItem[];
}

export interface InboundHistory {
  shipments: Shipment[];
  reimbursements: ReimbursementIntent[];
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

class ShipmentPlanner {
  readonly plans: PlannedShipment[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly calendar: Calendar,
    private readonly products: readonly Product[],
  ) {}

  private shipmentId(): string {
    for (;;) {
      const id = `FBA15${this.random.code('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 7)}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private item(product: number, firstReceipt: number, lastReceipt: number): PlannedItem {
    const { random } = this;
    const parts = random.int(1, 3);
    const receiptDays = Array.from({ length: parts }, () => random.int(firstReceipt, lastReceipt)).sort(
      (a, b) => a - b,
    );
    return { product, coverDays: random.int(20, 45), receiptDays, shortfall: 0, overage: 0 };
  }

  private otherProducts(count: number, exclude?: number): number[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, this.products.length - (exclude === undefined ? 0 : 1));
    while (chosen.size < wanted) {
      const product = this.random.int(0, this.products.length - 1);
      if (product !== exclude) chosen.add(product);
    }
    return [...chosen];
  }

  /** A shipment whose receiving ends on `lastReceipt`; the closing follows. */
  private plan(
    products: number[],
    lastReceipt: number,
    closedDay: number,
    closedDateWritten: boolean,
  ): PlannedShipment {
    const { random } = this;
    const firstReceipt = lastReceipt - random.int(0, 4);
    const shippedDay = firstReceipt - random.int(3, 8);
    const items = products.map((product) => this.item(product, firstReceipt, lastReceipt));
    // Some item is received on the last receiving day, so that day is the shipment's last receipt.
    items[0]!.receiptDays[items[0]!.receiptDays.length - 1] = lastReceipt;
    const plan: PlannedShipment = {
      shipmentId: this.shipmentId(),
      createdDay: shippedDay - random.int(1, 3),
      createdMinute: random.int(8 * 60, 19 * 60),
      shippedDay,
      destination: this.products[products[0]!]!.homeCenter,
      closedDay,
      closedDateWritten,
      items,
    };
    this.plans.push(plan);
    return plan;
  }

  everyday(count: number): void {
    const { random, calendar } = this;
    for (let n = 0; n < count; n++) {
      const lastReceipt = random.int(calendar.firstDay - 10, calendar.lastDay + 12);
      // Without a ClosedDate the closing is the last receipt in the ledger: only possible when it is in the history.
      const undated = lastReceipt >= calendar.firstDay && random.chance(UNDATED_CLOSING_RATE);
      const closedDay = undated ? lastReceipt : lastReceipt + random.int(0, 4);
      const plan = this.plan(this.otherProducts(random.int(1, 8)), lastReceipt, closedDay, !undated);
      if (closedDay > calendar.lastDay) continue;
      for (const item of plan.items) {
        if (random.chance(SHORTAGE_RATE)) item.shortfall = random.int(1, 4);
        else if (random.chance(OVERAGE_RATE)) item.overage = random.int(1, 2);
      }
    }
  }

  /** A closed shipment, closed `age` days before asOf, in which `product` came up short. */
  shortOn(product: number, age: number): void {
    const closedDay = this.calendar.daysAgo(age);
    const lastReceipt = closedDay - this.random.int(0, 2);
    const plan = this.plan(
      [product, ...this.otherProducts(this.random.int(0, 3), product)],
      lastReceipt,
      closedDay,
      true,
    );
    plan.items[0]!.shortfall = this.random.int(1, 4);
  }
}

export function planShipments(
  random: Random,
  calendar: Calendar,
  products: readonly Product[],
  showcase: ShowcasePlan,
): PlannedShipment[] {
  const planner = new ShipmentPlanner(random, calendar, products);
  planner.everyday(Math.max(3, Math.round((products.length * SHIPMENT_ITEMS_PER_PRODUCT) / 4.5)));
  for (const state of WINDOW_STATES) {
    for (const product of showcase.products.INBOUND[state]) {
      planner.shortOn(product, showcaseAge(random, 'INBOUND', state));
    }
  }
  // Shipments the seller has not even created by asOf are not in any report.
  return planner.plans
    .filter((plan) => plan.createdDay <= calendar.lastDay)
    .sort((a, b) => a.createdDay - b.createdDay || a.createdMinute - b.createdMinute);
}

function isInHistory(calendar: Calendar, day: number): boolean {
  return day >= calendar.firstDay && day <= calendar.lastDay;
}

export function receiptRowCount(plans: readonly PlannedShipment[], calendar: Calendar): number {
  let rows = 0;
  for (const plan of plans) {
    for (const item of plan.items) rows += item.receiptDays.filter((day) => isInHistory(calendar, day)).length;
  }
  return rows;
}

function statusOf(plan: PlannedShipment, calendar: Calendar): ShipmentStatus {
  const { lastDay } = calendar;
  if (plan.closedDay <= lastDay) return 'CLOSED';
  if (plan.items.some((item) => item.receiptDays.some((day) => day <= lastDay))) return 'RECEIVING';
  // Seller Central says SHIPPED until the carrier's tracking shows the boxes moving for a few days.
  if (plan.shippedDay <= lastDay) return lastDay - plan.shippedDay < 4 ? 'SHIPPED' : 'IN_TRANSIT';
  return 'WORKING';
}

/** Splits `units` into `parts` positive amounts. */
function split(random: Random, units: number, parts: number): number[] {
  const amounts = Array.from({ length: parts }, () => 1);
  for (let rest = units - parts; rest > 0; rest--) amounts[random.int(0, parts - 1)]!++;
  return amounts;
}

export function buildShipments(
  random: Random,
  plans: readonly PlannedShipment[],
  traffic: Traffic,
  showcase: ShowcasePlan,
  ledger: LedgerTable,
): InboundHistory {
  const { calendar, products } = traffic;
  const history: InboundHistory = { shipments: [], reimbursements: [] };
  for (const plan of plans) {
    const status = statusOf(plan, calendar);
    const shipment: Shipment = {
      shipmentId: plan.shipmentId,
      name: `FBA STA (${calendar.usDay(plan.createdDay)} ${pad2(Math.floor(plan.createdMinute / 60))}:${pad2(plan.createdMinute % 60)})-${plan.destination}`,
      status,
      destination: plan.destination,
      closedDateWritten: status === 'CLOSED' && plan.closedDateWritten ? plan.closedDay : undefined,
      items: [],
    };
    // Amazon pays the shortages it admits for one shipment in one reimbursement.
    const payDay = plan.closedDay + random.int(20, 50);
    const payMinute = random.int(0, 24 * 60 - 1);
    for (const item of plan.items) {
      const product = products[item.product]!;
      const wanted = Math.max(12, dailyUnits(traffic, item.product) * item.coverDays);
      const shipped = Math.ceil(wanted / CASE_PACK) * CASE_PACK;
      const parts = split(random, shipped - item.shortfall + item.overage, item.receiptDays.length);
      let received = 0;
      item.receiptDays.forEach((day, part) => {
        if (day > calendar.lastDay) return;
        received += parts[part]!;
        if (day < calendar.firstDay) return;
        ledger.add({
          day,
          minute: random.int(5 * 60, 22 * 60),
          product: item.product,
          eventType: 'Receipts',
          reference: plan.shipmentId,
          quantity: parts[part]!,
          center: plan.destination,
          disposition: 'SELLABLE',
          reason: '',
          unreconciled: 0,
        });
      });
      shipment.items.push({ product: item.product, shipped, received });
      const paid =
        status === 'CLOSED' &&
        item.shortfall > 0 &&
        !showcase.untouched.INBOUND.has(item.product) &&
        payDay <= calendar.lastDay &&
        random.chance(INBOUND_PAID_RATE);
      if (paid) {
        history.reimbursements.push({
          day: payDay,
          minute: payMinute,
          product: item.product,
          reason: 'Lost_Inbound',
          units: item.shortfall > 1 && random.chance(0.3) ? item.shortfall - 1 : item.shortfall,
          asInventory: random.chance(0.1),
          amountPerUnitCents: Math.round(product.priceCents * (0.5 + 0.3 * random.next())),
          group: plan.shipmentId,
        });
      }
    }
    history.shipments.push(shipment);
  }
  return history;
}
