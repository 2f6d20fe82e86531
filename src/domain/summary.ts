// docs/rules.md section 6: what a product row shows (the "Missing | Claimed" view), and the account's totals.
import type { Day } from './calendar.js';
import { Decimal, type Money, sumByCurrency } from './money.js';
import {
  combinePayouts,
  mergeParts,
  type PayoutBasis,
  type PayoutPart,
  paidByOrder,
  partOf,
  type UnitPayout,
} from './payout.js';
import { type Policy, windowKind } from './policy.js';
import { MISSING_TYPES, type MissingType, type Valuation } from './types.js';
import { windowDates, windowState } from './windows.js';

/** A unit count of the missing pool with the day of its event: all that the numbers of a row depend on. */
export interface DatedUnits {
  type: MissingType;
  date: Day;
  units: number;
  /** What Amazon would pay per unit when the lot's own event decides it (UNRETURNED: its order; section 9). */
  payout?: UnitPayout;
  /** REMOVAL lost in transit: dated by the in-transit window (section 10). */
  inTransit?: boolean;
}

export interface TypeSummary {
  type: MissingType;
  /** WAITING and CLAIMABLE units: expired units are not missing any more. */
  missingUnits: number;
  claimableUnits: number;
  /** Pending units of the product's items in OPEN cases. */
  claimedUnits: number;
  expiredUnits: number;
  /** The earliest deadline among CLAIMABLE units. */
  nextDeadline?: Day;
  /** missingUnits × unit value; null when the unit value is unknown. */
  reimbursable: Money | null;
  /** claimableUnits × unit value: the part of reimbursable a claim can ask for today. */
  claimableReimbursable: Money | null;
  /** What Amazon's current policy would pay for missingUnits (section 9), and on what basis. */
  expectedPayout: Money | null;
  payoutBasis: PayoutBasis | null;
}

export interface ProductSummary extends Omit<TypeSummary, 'type'> {
  /** The types with anything missing, claimed or expired, in the order LOST, DAMAGED, INBOUND, UNRETURNED, REMOVAL. */
  byType: TypeSummary[];
  /** The missing units by basis and currency: the totals add them per currency. */
  payoutParts: PayoutPart[];
}

/** LAST_SALE_PRICE: the latest sale price, else the purchase cost; PURCHASE_COST: the other way round. */
export function unitValue(
  prices: { lastSalePrice: Money | null; purchaseCost: Money | null },
  valuation: Valuation,
): Money | null {
  return valuation === 'PURCHASE_COST'
    ? (prices.purchaseCost ?? prices.lastSalePrice)
    : (prices.lastSalePrice ?? prices.purchaseCost);
}

/** Latest sale price = amount ÷ quantity-purchased of the most recent sale row (a row without quantity sold one). */
export function salePrice(amount: string, quantityPurchased: number | null | undefined, currency: string): Money {
  const quantity = quantityPurchased && quantityPurchased > 0 ? quantityPurchased : 1;
  return { amount: new Decimal(amount).dividedBy(quantity), currency };
}

function times(value: Money | null, units: number): Money | null {
  return value ? { amount: value.amount.times(units), currency: value.currency } : null;
}

function earlier(a: Day | undefined, b: Day | undefined): Day | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** The units of one product and type in each window state at asOf, the claimed units, and the next deadline. */
export interface StateCounts {
  type: MissingType;
  waiting: number;
  claimable: number;
  expired: number;
  claimed: number;
  /** The earliest deadline among CLAIMABLE units. */
  nextDeadline?: Day;
  /** WAITING and CLAIMABLE units of lots that carry their own payout, by basis and currency. */
  payoutParts: PayoutPart[];
}

/** Step one: each unit of the pool in its window state at asOf (src/store/missing-view.ts does the same in SQL). */
export function countByState(
  pool: readonly DatedUnits[],
  claimed: Partial<Record<MissingType, number>>,
  policy: Policy,
  asOfDay: Day,
): StateCounts[] {
  return MISSING_TYPES.map((type) => {
    const counts: StateCounts = {
      type,
      waiting: 0,
      claimable: 0,
      expired: 0,
      claimed: claimed[type] ?? 0,
      payoutParts: [],
    };
    const parts: PayoutPart[] = [];
    for (const lot of pool) {
      if (lot.type !== type) continue;
      const window = policy[windowKind(type, lot.inTransit)];
      const state = windowState(lot.date, window, asOfDay);
      if (state === 'EXPIRED') counts.expired += lot.units;
      else {
        if (lot.payout) parts.push(partOf(lot.payout, lot.units));
        if (state === 'WAITING') counts.waiting += lot.units;
        else {
          counts.claimable += lot.units;
          counts.nextDeadline = earlier(counts.nextDeadline, windowDates(lot.date, window).deadline);
        }
      }
    }
    counts.payoutParts = mergeParts(parts);
    return counts;
  });
}

/** A product whose cost nobody gave, on or after the cost-basis day. */
const NO_COST: UnitPayout = { basis: 'COST_UNKNOWN', perUnit: null };

/**
 * Step two: the numbers of the row, per type and summed, valued at the product's unit value; the expected payout of
 * the units whose lots do not carry their own, at `payoutBeforeOrder` (section 9, on asOf).
 */
export function summaryFromCounts(
  counts: readonly StateCounts[],
  value: Money | null,
  payoutBeforeOrder: UnitPayout = NO_COST,
): ProductSummary {
  const byType: TypeSummary[] = [];
  const allParts: PayoutPart[] = [];
  for (const type of MISSING_TYPES) {
    const row = counts.find((count) => count.type === type);
    if (!row) continue;
    const missingUnits = row.waiting + row.claimable;
    if (missingUnits === 0 && row.claimed === 0 && row.expired === 0) continue;
    const parts = paidByOrder(type) ? row.payoutParts : [partOf(payoutBeforeOrder, missingUnits)];
    allParts.push(...parts);
    byType.push({
      type,
      missingUnits,
      claimableUnits: row.claimable,
      claimedUnits: row.claimed,
      expiredUnits: row.expired,
      nextDeadline: row.nextDeadline,
      reimbursable: times(value, missingUnits),
      claimableReimbursable: times(value, row.claimable),
      ...combinePayouts(parts),
    });
  }
  const missingUnits = byType.reduce((sum, row) => sum + row.missingUnits, 0);
  const claimableUnits = byType.reduce((sum, row) => sum + row.claimableUnits, 0);
  return {
    missingUnits,
    claimableUnits,
    claimedUnits: byType.reduce((sum, row) => sum + row.claimedUnits, 0),
    expiredUnits: byType.reduce((sum, row) => sum + row.expiredUnits, 0),
    nextDeadline: byType.reduce<Day | undefined>((day, row) => earlier(day, row.nextDeadline), undefined),
    reimbursable: times(value, missingUnits),
    claimableReimbursable: times(value, claimableUnits),
    ...combinePayouts(allParts),
    byType,
    payoutParts: mergeParts(allParts),
  };
}

export function summarise(
  pool: readonly DatedUnits[],
  claimed: Partial<Record<MissingType, number>>,
  policy: Policy,
  asOfDay: Day,
  value: Money | null,
  payoutBeforeOrder: UnitPayout = NO_COST,
): ProductSummary {
  return summaryFromCounts(countByState(pool, claimed, policy, asOfDay), value, payoutBeforeOrder);
}

export interface Totals {
  missingUnits: number;
  claimableUnits: number;
  claimedUnits: number;
  expiredUnits: number;
  /** The reimbursable amounts of all products, per currency. */
  reimbursable: Money[];
  /** What Amazon's current policy would pay for all missing units, per currency (section 9). */
  expectedPayout: Money[];
}

export type TotalsInput = Pick<
  ProductSummary,
  'missingUnits' | 'claimableUnits' | 'claimedUnits' | 'expiredUnits' | 'reimbursable' | 'payoutParts'
>;

export function totalsOf(summaries: Iterable<TotalsInput>): Totals {
  const totals: Totals = {
    missingUnits: 0,
    claimableUnits: 0,
    claimedUnits: 0,
    expiredUnits: 0,
    reimbursable: [],
    expectedPayout: [],
  };
  const amounts: Money[] = [];
  const payouts: Money[] = [];
  for (const summary of summaries) {
    totals.missingUnits += summary.missingUnits;
    totals.claimableUnits += summary.claimableUnits;
    totals.claimedUnits += summary.claimedUnits;
    totals.expiredUnits += summary.expiredUnits;
    if (summary.reimbursable) amounts.push(summary.reimbursable);
    for (const part of summary.payoutParts) if (part.amount) payouts.push(part.amount);
  }
  totals.reimbursable = sumByCurrency(amounts);
  totals.expectedPayout = sumByCurrency(payouts);
  return totals;
}
