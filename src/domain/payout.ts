// docs/rules.md section 9 (docs/rules.md): what Amazon's current policy would pay for missing units and on what basis,
// which reimbursement lines it paid below that, and Amazon's own reconciliation of a ledger event.
import type { Day } from './calendar.js';
import { Decimal, type Money } from './money.js';
import { isReversal, typeOfReason } from './reimbursement-types.js';
import type { MissingType } from './types.js';

/** In the order of the table of section 9: a tie between bases goes to the first. */
export const PAYOUT_BASES = [
  'MANUFACTURING_COST',
  'COST_UNKNOWN',
  'SALE_PRICE',
  'ORDER_PRICE_LESS_FEES',
  'ORDER_PRICE_FEES_UNKNOWN',
] as const;
export type PayoutBasis = (typeof PAYOUT_BASES)[number];

/** What Amazon would pay for one unit, and why. perUnit is null when nothing prices it (COST_UNKNOWN). */
export interface UnitPayout {
  basis: PayoutBasis;
  perUnit: Money | null;
}

/** UNRETURNED units are paid by their order (lost after a customer order); every other type is lost before one. */
export function paidByOrder(type: MissingType): boolean {
  return type === 'UNRETURNED';
}

export interface ProductPrices {
  /** The seller's purchase cost: the manufacturing cost Amazon asks for ("Manage Your Manufacturing Cost"). */
  purchaseCost: Money | null;
  lastSalePrice: Money | null;
}

/**
 * LOST, DAMAGED, INBOUND paid on `paymentDay`: from the cost-basis day on, the manufacturing cost (COST_UNKNOWN when
 * the seller gave none); before it, the unit value of section 6 as LAST_SALE_PRICE gives it.
 */
export function unitPayoutBeforeOrder(prices: ProductPrices, paymentDay: Day, costBasisDay: Day): UnitPayout {
  if (paymentDay >= costBasisDay) {
    return prices.purchaseCost
      ? { basis: 'MANUFACTURING_COST', perUnit: prices.purchaseCost }
      : { basis: 'COST_UNKNOWN', perUnit: null };
  }
  return { basis: 'SALE_PRICE', perUnit: prices.lastSalePrice ?? prices.purchaseCost };
}

/** A settlement row of an order line, as section 9 reads it. */
export interface SettlementAmount {
  amountType: string | null;
  amountDescription: string | null;
  amount: Money | null;
  quantityPurchased: number | null;
}

/** An order line (order id and SKU, transaction-type Order): its principal, its units and each fee. */
export interface OrderLine {
  principal: Money;
  quantity: number;
  /** ItemFees amounts, negative when Amazon took them. */
  fees: Money[];
}

/**
 * The order line of the `Order` rows of one order id and SKU: the ItemPrice/Principal rows (units: their
 * quantity-purchased, 1 for a row without) and the ItemFees rows. Undefined without a principal row.
 */
export function orderLineOf(rows: readonly SettlementAmount[]): OrderLine | undefined {
  let line: OrderLine | undefined;
  for (const row of rows) {
    if (row.amountType !== 'ItemPrice' || row.amountDescription !== 'Principal' || !row.amount) continue;
    const quantity = row.quantityPurchased && row.quantityPurchased > 0 ? row.quantityPurchased : 1;
    if (!line) line = { principal: row.amount, quantity, fees: [] };
    else if (row.amount.currency === line.principal.currency) {
      line.principal = { amount: line.principal.amount.plus(row.amount.amount), currency: line.principal.currency };
      line.quantity += quantity;
    }
  }
  if (line) for (const row of rows) if (row.amountType === 'ItemFees' && row.amount) line.fees.push(row.amount);
  return line;
}

/** A refund's own principal (negative in the settlement) and its units. */
export interface RefundLine {
  principal: Money | null;
  units: number;
}

/**
 * UNRETURNED: the order line's principal plus its fees (fees of another currency are not added), per unit; when the
 * order's rows are not imported, the refund's principal made positive, per unit, the fees unknown.
 */
export function unitPayoutByOrder(order: OrderLine | undefined, refund: RefundLine | undefined): UnitPayout {
  if (order) {
    let net = order.principal.amount;
    for (const fee of order.fees) if (fee.currency === order.principal.currency) net = net.plus(fee.amount);
    return {
      basis: 'ORDER_PRICE_LESS_FEES',
      perUnit: { amount: net.dividedBy(order.quantity), currency: order.principal.currency },
    };
  }
  const principal = refund?.principal;
  return {
    basis: 'ORDER_PRICE_FEES_UNKNOWN',
    perUnit:
      principal && refund.units > 0
        ? { amount: principal.amount.abs().dividedBy(refund.units), currency: principal.currency }
        : null,
  };
}

/** Units on one basis, and what they come to (null when their basis prices nothing). */
export interface PayoutPart {
  basis: PayoutBasis;
  units: number;
  amount: Money | null;
}

export function partOf(payout: UnitPayout, units: number): PayoutPart {
  return {
    basis: payout.basis,
    units,
    amount: payout.perUnit ? { amount: payout.perUnit.amount.times(units), currency: payout.perUnit.currency } : null,
  };
}

/** Parts of one basis and currency added together, in the table's order of bases, then by currency. */
export function mergeParts(parts: Iterable<PayoutPart>): PayoutPart[] {
  const merged = new Map<string, PayoutPart>();
  for (const part of parts) {
    const key = `${part.basis}|${part.amount?.currency ?? ''}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...part, amount: part.amount && { ...part.amount } });
    else {
      seen.units += part.units;
      seen.amount = seen.amount &&
        part.amount && { ...seen.amount, amount: seen.amount.amount.plus(part.amount.amount) };
    }
  }
  return [...merged.values()].sort(
    (a, b) =>
      PAYOUT_BASES.indexOf(a.basis) - PAYOUT_BASES.indexOf(b.basis) ||
      (a.amount?.currency ?? '').localeCompare(b.amount?.currency ?? ''),
  );
}

export interface Payout {
  expectedPayout: Money | null;
  payoutBasis: PayoutBasis | null;
}

/**
 * The payout of units on several bases: the basis of the most units (a tie: the first in the table), and the sum of
 * what is known. Currencies are never added: the amount is that of the currency of the most units (a tie: the first
 * in alphabetical order); the totals keep every currency. Nothing to go by (no part): null and null.
 */
export function combinePayouts(parts: readonly PayoutPart[]): Payout {
  if (parts.length === 0) return { expectedPayout: null, payoutBasis: null };
  const unitsOf = <K extends string>(key: (part: PayoutPart) => K | undefined) => {
    const units = new Map<K, number>();
    for (const part of parts) {
      const name = key(part);
      if (name !== undefined) units.set(name, (units.get(name) ?? 0) + part.units);
    }
    return units;
  };
  const bases = unitsOf((part) => part.basis);
  const payoutBasis = PAYOUT_BASES.filter((basis) => bases.has(basis)).reduce((best, basis) =>
    bases.get(basis)! > bases.get(best)! ? basis : best,
  );
  const currencies = unitsOf((part) => part.amount?.currency);
  const currency = [...currencies.keys()]
    .sort()
    .reduce<string | undefined>(
      (best, name) => (best === undefined || currencies.get(name)! > currencies.get(best)! ? name : best),
      undefined,
    );
  if (currency === undefined) return { expectedPayout: null, payoutBasis };
  let amount = new Decimal(0);
  for (const part of parts) if (part.amount?.currency === currency) amount = amount.plus(part.amount.amount);
  return { expectedPayout: { amount, currency }, payoutBasis };
}

/** Below this share of the expected payout per unit, a paid line is underpaid. */
export const UNDERPAID_BELOW = new Decimal('0.95');

/** A reimbursement line as section 9 reads it. */
export interface PaidLine {
  reason: string;
  /** quantity-reimbursed-cash: units paid in money (inventory units are not a price). */
  cashUnits: number;
  amountPerUnit: Money | null;
}

export interface Underpayment {
  type: MissingType;
  expected: UnitPayout & { perUnit: Money };
  underpaidBy: Money;
}

/**
 * A line of a counted type (reversals excluded) with cash units is underpaid when its amount-per-unit is below 95%
 * of the expected payout per unit on its approval day, in the same currency: by (expected − paid) × cash units.
 * `expectedFor` gives the expected payout of the line's type (undefined when nothing is known).
 */
export function underpayment(
  line: PaidLine,
  expectedFor: (type: MissingType) => UnitPayout | undefined,
): Underpayment | undefined {
  if (isReversal(line.reason) || line.cashUnits <= 0 || !line.amountPerUnit) return undefined;
  const type = typeOfReason(line.reason);
  if (!type) return undefined;
  const expected = expectedFor(type);
  const perUnit = expected?.perUnit;
  if (!expected || !perUnit || perUnit.currency !== line.amountPerUnit.currency) return undefined;
  if (line.amountPerUnit.amount.gte(perUnit.amount.times(UNDERPAID_BELOW))) return undefined;
  return {
    type,
    expected: { basis: expected.basis, perUnit },
    underpaidBy: {
      amount: perUnit.amount.minus(line.amountPerUnit.amount).times(line.cashUnits),
      currency: perUnit.currency,
    },
  };
}

/** Amazon's own account of a ledger event: its Reconciled and Unreconciled Quantity columns. */
export interface Reconciliation {
  quantity: number;
  reconciledQuantity?: number;
  unreconciledQuantity?: number;
}

/**
 * Amazon says the event is settled: its reconciled quantity covers every unit of the row and nothing is left
 * unreconciled. Only shown beside Reclaim's numbers, which sections 1 to 4 decide alone.
 */
export function amazonReconciled(row: Reconciliation): boolean {
  if (row.reconciledQuantity === undefined || row.quantity === 0) return false;
  return Math.abs(row.reconciledQuantity) >= Math.abs(row.quantity) && (row.unreconciledQuantity ?? 0) === 0;
}
