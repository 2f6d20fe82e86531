// The facts of the account's history (src/domain/history.ts), summed per day in one statement: a large account's
// events, cases, payments and lots never travel to the process one by one.
import type { Database } from '../db/database.js';
import type { HistoryFact, HistoryRange, HistorySeries } from '../domain/history.js';
import { REVERSAL_REASON, TYPE_BY_REASON } from '../domain/reimbursement-types.js';
import type { MissingType, Valuation } from '../domain/types.js';

export interface HistoryOptions {
  accountId: number;
  valuation: Valuation;
  /** Only the facts of this type. */
  type?: MissingType;
}

// docs/rules.md section 2's comparison of reasons: lower case, letters and digits only.
const normalised = (column: string) => `lower(regexp_replace(${column}, '[^[:alnum:]]', '', 'g'))`;

/**
 * $1 account, $2 first day, $3 end day (excluded), $4 asOf day, $5 type or null, $6 whether the valuation prefers
 * the purchase cost, $7/$8 the reasons of section 2 and the types they pay, $9 the reversal reason.
 *
 * The unit value is section 6's (the latest sale price, else the purchase cost, or the other way round), as the
 * product rows show it today. Reimbursed lines keep their own amounts.
 */
const HISTORY = `
  WITH unit_value AS (
    SELECT id AS product_id,
           CASE WHEN sale AND (NOT $6 OR NOT cost) THEN last_sale_price WHEN cost THEN purchase_cost END AS amount,
           CASE WHEN sale AND (NOT $6 OR NOT cost) THEN last_sale_currency WHEN cost THEN purchase_currency END AS currency
    FROM (SELECT id, last_sale_price, last_sale_currency, purchase_cost, purchase_currency,
                 last_sale_price IS NOT NULL AND last_sale_currency IS NOT NULL AS sale,
                 purchase_cost IS NOT NULL AND purchase_currency IS NOT NULL AS cost
          FROM product WHERE account_id = $1) prices
  ), reasons AS (
    SELECT * FROM unnest($7::text[], $8::text[]) AS r(reason, type)
  ), missing AS (
    SELECT e.date AS day, e.units, e.product_id FROM missing_event e
    WHERE e.account_id = $1 AND e.date >= $2::date AND e.date < $3::date
      AND ($5::"MissingType" IS NULL OR e.type = $5::"MissingType")
  ), claimed AS (
    SELECT (k.opened_at AT TIME ZONE 'UTC')::date AS day, i.claimed_units AS units, i.product_id
    FROM case_item i JOIN "case" k ON k.id = i.case_id
    WHERE i.account_id = $1 AND k.deleted_at IS NULL
      AND (k.opened_at AT TIME ZONE 'UTC')::date >= $2::date AND (k.opened_at AT TIME ZONE 'UTC')::date < $3::date
      AND ($5::"MissingType" IS NULL OR i.type = $5::"MissingType")
  ), expired AS (
    SELECT l.deadline AS day, l.units, l.product_id FROM missing_lot l
    WHERE l.account_id = $1 AND l.deadline >= $2::date AND l.deadline < LEAST($3::date, $4::date)
      AND ($5::"MissingType" IS NULL OR l.type = $5::"MissingType")
  ), lines AS (
    SELECT (r.approval_date AT TIME ZONE 'UTC')::date AS day, r.quantity_total AS units, r.amount_total AS amount,
           r.currency, COALESCE(direct.type, named.type, original.type) AS type
    FROM reimbursement r
    LEFT JOIN reasons direct ON direct.reason = ${normalised('r.reason')}
    LEFT JOIN reasons named ON ${normalised('r.reason')} = $9 AND named.reason = ${normalised('r.original_reimbursement_type')}
    LEFT JOIN LATERAL (
      SELECT t.type FROM reimbursement o JOIN reasons t ON t.reason = ${normalised('o.reason')}
      WHERE ${normalised('r.reason')} = $9 AND o.account_id = r.account_id
        AND o.reimbursement_id = r.original_reimbursement_id
      LIMIT 1
    ) original ON true
    WHERE r.account_id = $1
      AND (r.approval_date AT TIME ZONE 'UTC')::date >= $2::date AND (r.approval_date AT TIME ZONE 'UTC')::date < $3::date
  ), valued AS (
    SELECT 'missing' AS series, day, units, product_id FROM missing
    UNION ALL SELECT 'claimed', day, units, product_id FROM claimed
    UNION ALL SELECT 'expired', day, units, product_id FROM expired
  )
  SELECT v.series, v.day::text AS day, sum(v.units)::int AS units, sum(v.units * u.amount)::text AS amount, u.currency
  FROM valued v LEFT JOIN unit_value u ON u.product_id = v.product_id
  GROUP BY v.series, v.day, u.currency
  UNION ALL
  SELECT 'reimbursed', day::text, sum(units)::int, sum(amount)::text, currency
  FROM lines WHERE type IS NOT NULL AND ($5::text IS NULL OR type = $5::text)
  GROUP BY day, currency`;

/** The account's units missing, claimed, reimbursed and expired in the range, summed per day and currency. */
export async function historyFacts(db: Database, range: HistoryRange, options: HistoryOptions): Promise<HistoryFact[]> {
  const reasons = [...TYPE_BY_REASON];
  const rows = await db.sql.query<{
    series: HistorySeries;
    day: string;
    units: number;
    amount: string | null;
    currency: string | null;
  }>(HISTORY, [
    options.accountId,
    range.first,
    range.end,
    range.asOfDay,
    options.type ?? null,
    options.valuation === 'PURCHASE_COST',
    reasons.map(([reason]) => reason),
    reasons.map(([, type]) => type),
    REVERSAL_REASON,
  ]);
  return rows.map((row) => ({
    series: row.series,
    day: row.day,
    units: row.units,
    amount: row.currency === null ? null : row.amount,
    currency: row.currency,
  }));
}
