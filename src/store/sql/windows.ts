// The SQL twins of the src/domain rules that queries apply row by row: each rule is written here once, beside the
// TypeScript function it must agree with (test/store/missing-view.test.ts checks them against each other on random
// data). Each fragment takes the SQL of its operands (a parameter such as `$2::date`, or a column prefix such as `l.`).

/**
 * docs/rules.md section 4, stateOn of src/domain/windows.ts: a lot of the missing pool (its `opens` = date + W and
 * `deadline` = date + E) is WAITING before opens, CLAIMABLE from opens to deadline (both included), EXPIRED after.
 */
export const windowState = {
  WAITING: (day: string, lot = '') => `(${day} < ${lot}opens)`,
  CLAIMABLE: (day: string, lot = '') => `(${day} >= ${lot}opens AND ${day} <= ${lot}deadline)`,
  EXPIRED: (day: string, lot = '') => `(${day} > ${lot}deadline)`,
} as const;

/** WAITING or CLAIMABLE on `day`: the units still missing (section 6's missingUnits), not yet expired. */
export const stillMissing = (day: string, lot = '') => `(${day} <= ${lot}deadline)`;

/**
 * The days (after `from`, up to `to`) on which a lot changes state: it opens on `opens` and expires the day after
 * `deadline`. A product none of whose lots has such a day keeps its window numbers from `from` to `to`.
 */
export const changesStateBetween = (from: string, to: string, lot = '') =>
  `((${lot}opens > ${from} AND ${lot}opens <= ${to}) OR (${lot}deadline + 1 > ${from} AND ${lot}deadline + 1 <= ${to}))`;

/** pendingUnits of src/domain/claims/claim.ts: the units of a case item claimed and not reimbursed yet. */
export const pendingUnits = (item = '') => `GREATEST(${item}claimed_units - ${item}reimbursed_units, 0)`;

/** A product's price as ARRAY[amount, currency], or null when either part is missing. */
const price = (amount: string, currency: string) =>
  `CASE WHEN ${amount} IS NOT NULL AND ${currency} IS NOT NULL THEN ARRAY[${amount}::text, ${currency}] END`;

/**
 * unitValue of src/domain/summary.ts (section 6): what a missing unit of the product is worth, as
 * ARRAY[amount, currency]: the latest sale price, else the cost; the other way round for PURCHASE_COST.
 */
export const unitValue = (valuation: string, product = '') => {
  const sale = price(`${product}last_sale_price`, `${product}last_sale_currency`);
  const cost = price(`${product}purchase_cost`, `${product}purchase_currency`);
  return `CASE WHEN ${valuation} = 'PURCHASE_COST' THEN COALESCE(${cost}, ${sale}) ELSE COALESCE(${sale}, ${cost}) END`;
};

/**
 * unitPayoutBeforeOrder of src/domain/payout.ts (section 9), as ARRAY[amount, currency]: from the cost-basis day the
 * purchase cost (none: unpriced), before it the latest sale price, else the cost.
 */
export const payoutBeforeOrder = (asOfDay: string, costBasisDay: string, product = '') => {
  const sale = price(`${product}last_sale_price`, `${product}last_sale_currency`);
  const cost = price(`${product}purchase_cost`, `${product}purchase_currency`);
  return `CASE WHEN ${asOfDay} >= ${costBasisDay} THEN ${cost} ELSE COALESCE(${sale}, ${cost}) END`;
};
