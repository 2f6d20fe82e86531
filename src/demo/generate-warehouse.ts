// What happens to units inside Amazon's warehouses: losses (M, 5) and finds (F, N), damage (E, 6, Q with their P
// twins), the adjustments no claim is about (7, H, K, D, removals), and what Amazon pays for by itself.
import type { Calendar } from './generate-calendar.js';
import type { Product } from './generate-catalog.js';
import type { Random } from './generate-random.js';
import type { ReimbursementIntent } from './generate-reimbursements.js';
import { type ShowcasePlan, showcaseAge } from './generate-showcase.js';
import type { LedgerTable } from './generate-tables.js';
import { type LedgerEntry, WINDOW_STATES } from './generate-world-types.js';

const LOSSES_PER_PRODUCT = 1.5;
const DAMAGES_PER_PRODUCT = 0.9;
const NOISE_PER_PRODUCT = 0.6;
const REMOVALS_PER_PRODUCT = 0.1;
const TRANSFERS_IN_PER_PRODUCT = 0.05;
const LOST_FOUND_RATE = 0.2;
const LOST_PAID_RATE = 0.4;
const DAMAGED_PAID_RATE = 0.45;

const LOST_UNITS: readonly (readonly [number, number])[] = [
  [1, 70],
  [2, 20],
  [3, 6],
  [5, 4],
];
const DAMAGE_REASONS: readonly (readonly [string, number])[] = [
  ['E', 65],
  ['6', 15],
  ['Q', 20],
];
/** Adjustments that are nobody's fault but the product's or the customer's: never claimable. */
const NOISE: readonly (readonly [{ reason: string; disposition: string }, number])[] = [
  [{ reason: '7', disposition: 'SELLABLE' }, 2],
  [{ reason: 'H', disposition: 'CUSTOMER_DAMAGED' }, 4],
  [{ reason: 'K', disposition: 'DEFECTIVE' }, 2],
  [{ reason: 'D', disposition: 'UNSELLABLE' }, 3],
];

/** Reference ids of adjustments: they grow with the day, like Amazon's. */
class AdjustmentReferences {
  private count = 0;

  next(day: number): string {
    return String(day * 1_000_000 + (this.count++ % 1_000_000));
  }
}

class WarehouseWriter {
  readonly reimbursements: ReimbursementIntent[] = [];

  constructor(
    private readonly random: Random,
    readonly calendar: Calendar,
    private readonly ledger: LedgerTable,
    private readonly references: AdjustmentReferences,
  ) {}

  minute(): number {
    return this.random.int(6 * 60, 21 * 60);
  }

  private entry(product: Product, day: number, reason: string, quantity: number, disposition: string): LedgerEntry {
    return {
      day,
      minute: this.minute(),
      product: product.index,
      eventType: 'Adjustments',
      reference: this.references.next(day),
      quantity,
      center: product.homeCenter,
      disposition,
      reason,
      // Amazon leaves a loss unreconciled while it searches for the unit.
      unreconciled: reason === 'M' || reason === '5' ? -quantity : 0,
    };
  }

  adjust(product: Product, day: number, reason: string, quantity: number, disposition = 'SELLABLE'): LedgerEntry {
    const entry = this.entry(product, day, reason, quantity, disposition);
    this.ledger.add(entry);
    return entry;
  }

  /** A removal order: the seller had unsellable units sent back. */
  remove(product: Product, day: number, units: number): void {
    const entry = this.entry(product, day, '', -units, 'UNSELLABLE');
    this.ledger.add({ ...entry, eventType: 'VendorReturns', reference: `RMV-${entry.reference.slice(-6)}` });
  }

  lose(product: Product, day: number, units: number): void {
    this.adjust(product, day, this.random.chance(0.8) ? 'M' : '5', -units);
  }

  damage(product: Product, day: number, units: number): void {
    const reason = this.random.weighted(DAMAGE_REASONS);
    const damaged = this.adjust(product, day, reason, -units);
    // The twin moves the unit into the unsellable disposition under the same reference.
    this.ledger.add({
      ...damaged,
      quantity: units,
      reason: 'P',
      disposition: reason === '6' ? 'CARRIER_DAMAGED' : 'WAREHOUSE_DAMAGED',
    });
  }

  /** Amazon pays `units` of an event by itself some days later, if that is still within the history. */
  pay(
    product: Product,
    reason: 'Lost_Warehouse' | 'Damaged_Warehouse',
    eventDay: number,
    delay: readonly [number, number],
    units: number,
  ): ReimbursementIntent | undefined {
    const day = eventDay + this.random.int(delay[0], delay[1]);
    if (day > this.calendar.lastDay) return undefined;
    const intent: ReimbursementIntent = {
      day,
      minute: this.random.int(0, 24 * 60 - 1),
      product: product.index,
      reason,
      units,
      asInventory: this.random.chance(0.15),
      amountPerUnitCents: Math.round(product.priceCents * (0.55 + 0.3 * this.random.next())),
    };
    this.reimbursements.push(intent);
    return intent;
  }

  randomDay(): number {
    return this.random.int(this.calendar.firstDay, this.calendar.lastDay);
  }
}

function loseAndMaybeFind(writer: WarehouseWriter, random: Random, product: Product, day: number, amazonActs: boolean) {
  const units = random.weighted(LOST_UNITS);
  writer.lose(product, day, units);
  if (!amazonActs) return;
  const lastDay = writer.calendar.lastDay;
  let found: { day: number; units: number } | undefined;
  if (random.chance(LOST_FOUND_RATE)) {
    const foundDay = day + random.int(3, 45);
    if (foundDay <= lastDay) {
      found = { day: foundDay, units: random.int(1, units) };
      writer.adjust(product, foundDay, random.chance(0.85) ? 'F' : 'N', found.units);
    }
  }
  if (!random.chance(LOST_PAID_RATE)) return;
  const paid = writer.pay(product, 'Lost_Warehouse', day, [10, 40], units);
  // A unit found after Amazon paid for it is usually taken back.
  if (paid && found && found.day > paid.day && random.chance(0.7)) {
    const reversalDay = found.day + random.int(2, 15);
    if (reversalDay <= lastDay) {
      paid.reversal = {
        day: reversalDay,
        minute: random.int(0, 24 * 60 - 1),
        units: Math.min(found.units, units),
        namesOriginalType: random.chance(0.8),
      };
    }
  }
}

function damageAndMaybePay(
  writer: WarehouseWriter,
  random: Random,
  product: Product,
  day: number,
  amazonActs: boolean,
) {
  const units = random.chance(0.85) ? 1 : 2;
  writer.damage(product, day, units);
  if (!amazonActs || !random.chance(DAMAGED_PAID_RATE)) return;
  const paid = writer.pay(product, 'Damaged_Warehouse', day, [4, 30], units);
  if (paid && random.chance(0.05)) {
    const reversalDay = paid.day + random.int(10, 40);
    if (reversalDay <= writer.calendar.lastDay) {
      paid.reversal = { day: reversalDay, minute: random.int(0, 1439), units, namesOriginalType: random.chance(0.8) };
    }
  }
}

function writeNoise(writer: WarehouseWriter, random: Random, product: Product): void {
  for (let n = random.poisson(NOISE_PER_PRODUCT); n > 0; n--) {
    const { reason, disposition } = random.weighted(NOISE);
    writer.adjust(product, writer.randomDay(), reason, reason === 'D' ? -random.int(1, 3) : -1, disposition);
  }
  for (let n = random.poisson(REMOVALS_PER_PRODUCT); n > 0; n--) {
    writer.remove(product, writer.randomDay(), random.int(1, 4));
  }
}

export function warehouseHistory(
  random: Random,
  calendar: Calendar,
  products: readonly Product[],
  showcase: ShowcasePlan,
  ledger: LedgerTable,
): ReimbursementIntent[] {
  const writer = new WarehouseWriter(random, calendar, ledger, new AdjustmentReferences());
  for (const product of products) {
    const actsOnLosses = !showcase.untouched.LOST.has(product.index);
    const actsOnDamage = !showcase.untouched.DAMAGED.has(product.index);
    for (let n = random.poisson(LOSSES_PER_PRODUCT); n > 0; n--) {
      loseAndMaybeFind(writer, random, product, writer.randomDay(), actsOnLosses);
    }
    for (let n = random.poisson(DAMAGES_PER_PRODUCT); n > 0; n--) {
      damageAndMaybePay(writer, random, product, writer.randomDay(), actsOnDamage);
    }
    if (actsOnLosses && random.chance(TRANSFERS_IN_PER_PRODUCT)) {
      writer.adjust(product, writer.randomDay(), 'N', random.int(1, 2));
    }
    writeNoise(writer, random, product);
  }
  for (const state of WINDOW_STATES) {
    for (const index of showcase.products.LOST[state]) {
      writer.lose(products[index]!, calendar.daysAgo(showcaseAge(random, 'LOST', state)), random.int(1, 2));
    }
    for (const index of showcase.products.DAMAGED[state]) {
      writer.damage(products[index]!, calendar.daysAgo(showcaseAge(random, 'DAMAGED', state)), 1);
    }
  }
  return writer.reimbursements;
}
