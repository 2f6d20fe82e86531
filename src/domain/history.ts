// The account's history by month (docs/api.md, `history`): which months are asked, which month each fact falls in,
// and when a unit counts as expired. The store sums the facts per day; this puts the days in their months.
import { type Day, dayOf } from './calendar.js';
import { DomainError } from './errors.js';
import { Decimal, type Money } from './money.js';

export const HISTORY_SERIES = ['missing', 'claimed', 'reimbursed', 'expired'] as const;
export type HistorySeries = (typeof HISTORY_SERIES)[number];

/** Three years: the longest claim window is months long, and a chart of more months is unreadable on a phone. */
export const MAX_HISTORY_MONTHS = 36;
/** The months shown when `from` is not given: a year, the month of `to` included. */
export const DEFAULT_HISTORY_MONTHS = 12;

export interface HistoryRange {
  /** The first day of the first month. */
  first: Day;
  /** The first day after the last month. */
  end: Day;
  /** The first day of each month, oldest first. */
  months: Day[];
  /** asOf's UTC day: a unit expired when its deadline is before it (docs/rules.md section 4: asOf > day + E). */
  asOfDay: Day;
}

/** The month of a day, as its first day. */
export function monthOf(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `count` months after the month of `month` (before it when negative). */
export function addMonths(month: Day, count: number): Day {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + count, 1)).toISOString().slice(0, 10);
}

/**
 * The whole months from the month of `from` to the month of `to`, both included. Without `to`, up to asOf's month;
 * without `from`, the DEFAULT_HISTORY_MONTHS months that end with `to`'s.
 */
export function historyRange(asOf: Date, from?: Day | null, to?: Day | null): HistoryRange {
  const asOfDay = dayOf(asOf);
  const last = monthOf(to ?? asOfDay);
  const first = from ? monthOf(from) : addMonths(last, 1 - DEFAULT_HISTORY_MONTHS);
  if (first > last) throw new DomainError('INVALID_INPUT', `from (${from}) is after to (${to ?? asOfDay})`);
  const months: Day[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    months.push(month);
    if (months.length > MAX_HISTORY_MONTHS)
      throw new DomainError('INVALID_INPUT', `history covers at most ${MAX_HISTORY_MONTHS} months`);
  }
  return { first, end: addMonths(last, 1), months, asOfDay };
}

/**
 * Units (and their value, when known) of one series on one day. `day` is the event's day (missing), the day the case
 * was opened (claimed), the approval day (reimbursed), the deadline (expired).
 */
export interface HistoryFact {
  series: HistorySeries;
  day: Day;
  units: number;
  /** Null when the units have no known value (a product with neither sale price nor cost). */
  amount: string | null;
  currency: string | null;
}

export interface HistoryValues {
  currency: string;
  missing: Money;
  claimed: Money;
  reimbursed: Money;
  expired: Money;
}

export interface HistoryMonth {
  /** The month's first day. */
  month: Day;
  missingUnits: number;
  claimedUnits: number;
  reimbursedUnits: number;
  expiredUnits: number;
  /** The value of the same units, per currency (alphabetical); units of no known value are in the units only. */
  values: HistoryValues[];
}

const UNITS_FIELD = {
  missing: 'missingUnits',
  claimed: 'claimedUnits',
  reimbursed: 'reimbursedUnits',
  expired: 'expiredUnits',
} as const satisfies Record<HistorySeries, keyof HistoryMonth>;

/**
 * Every month of the range, each fact in the month of its day. Facts outside the range are left out, and so are
 * deadlines not yet passed on asOf (those units can still be claimed: they are not expired).
 */
export function bucketHistory(range: HistoryRange, facts: Iterable<HistoryFact>): HistoryMonth[] {
  const byMonth = new Map<Day, HistoryMonth>(
    range.months.map((month) => [
      month,
      { month, missingUnits: 0, claimedUnits: 0, reimbursedUnits: 0, expiredUnits: 0, values: [] },
    ]),
  );
  for (const fact of facts) {
    if (fact.day < range.first || fact.day >= range.end) continue;
    if (fact.series === 'expired' && fact.day >= range.asOfDay) continue;
    const month = byMonth.get(monthOf(fact.day));
    if (!month) continue;
    month[UNITS_FIELD[fact.series]] += fact.units;
    if (fact.amount === null || fact.currency === null) continue;
    let values = month.values.find((value) => value.currency === fact.currency);
    if (!values) {
      const zero = (): Money => ({ amount: new Decimal(0), currency: fact.currency! });
      values = { currency: fact.currency, missing: zero(), claimed: zero(), reimbursed: zero(), expired: zero() };
      month.values.push(values);
    }
    values[fact.series] = { amount: values[fact.series].amount.plus(fact.amount), currency: fact.currency };
  }
  const months = [...byMonth.values()];
  for (const month of months) month.values.sort((a, b) => a.currency.localeCompare(b.currency));
  return months;
}
