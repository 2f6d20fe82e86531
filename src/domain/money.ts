// Money is decimal, never float: amounts are decimal.js values and travel as exact strings.
import { Decimal, type DecimalValue } from './decimal.js';

export { Decimal };

export interface Money {
  amount: Decimal;
  currency: string;
}

/**
 * The largest amount stored (the money columns are numeric(14, 4): ten digits before the point, four after); a
 * larger one is refused where it comes in, with what and where, instead of failing the write.
 */
export const MAX_AMOUNT = new Decimal('9999999999.9999');

/** Whether an amount fits the money columns once rounded to their four decimals. */
export function fitsAmountColumn(amount: DecimalValue): boolean {
  return new Decimal(amount).abs().toDecimalPlaces(4).lte(MAX_AMOUNT);
}

const digitsCache = new Map<string, number>();

/** How many decimals a currency is written with: 2 for USD and EUR, 0 for JPY (ISO 4217, as Intl knows it). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `"12.50"`: the amount rounded half-up to the currency's decimals. */
export function formatAmount(money: Money): string {
  return money.amount
    .toDecimalPlaces(currencyDigits(money.currency), Decimal.ROUND_HALF_UP)
    .toFixed(currencyDigits(money.currency));
}

export function money(amount: DecimalValue, currency: string): Money {
  return { amount: new Decimal(amount), currency };
}

/** Sums amounts per currency, currencies in alphabetical order. */
export function sumByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<string, Decimal>();
  for (const { amount, currency } of amounts)
    totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(amount));
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount }));
}

/** The currency of a region's main marketplace: for amounts whose report does not say (settlement rows after the first). */
export function regionCurrency(region: 'NA' | 'EU' | 'FE'): string {
  return region === 'EU' ? 'EUR' : region === 'FE' ? 'JPY' : 'USD';
}

/** An amount and its currency as stored (a decimal column and a currency column, either maybe null), or null. */
export function moneyFrom(
  amount: { toString(): string } | null | undefined,
  currency: string | null | undefined,
): Money | null {
  return amount === null || amount === undefined || !currency
    ? null
    : { amount: new Decimal(amount.toString()), currency };
}
