// The kept window numbers (missing_window): per product listed by missingProducts, its units in each window state on
// the account's kept day (missing_window_day), per type and for all its types (scope ALL). They change only when the
// product's data changes (written by the recomputation of its missing pool and after case changes) or when a lot
// opens or expires (the daily refresh-windows moves the day forward). A page at the kept day is then one range scan of
// (account, scope, sort_day, sku); another asOf is computed from the lots (missing-view.ts).
import type { Database, Sql } from '../db/database.js';
import type { Day } from '../domain/calendar.js';
import type { PayoutBasis } from '../domain/payout.js';
import type { MissingType } from '../domain/types.js';
import type { Product } from '../generated/prisma/client.js';
import { PRODUCT_JSON, type ProductColumns, productOf } from './product-row.js';
import { changesStateBetween, pendingUnits, stillMissing, windowState } from './sql/windows.js';

/** The sort day of products without CLAIMABLE units: after every deadline, so they come last, by SKU. */
export const NO_DEADLINE = '9999-12-31';

/**
 * The units of each product and type in each window state on a day, and the pending units of its OPEN cases
 * ($1 account, $2 day, $3 a type or null, $4 product ids or null for all). The WAITING and CLAIMABLE units of lots
 * that carry their own payout come by basis and currency (`payout`, as countByState's payoutParts). `listed`: the
 * product is in missingProducts for the type (it has lots of it, or units pending in an OPEN case).
 */
export const COUNTS = `
  WITH lots AS (
    SELECT * FROM missing_lot
    WHERE account_id = $1 AND ($3::"MissingType" IS NULL OR type = $3::"MissingType")
      AND ($4::int[] IS NULL OR product_id = ANY($4::int[]))
  ), pool AS (
    SELECT product_id, type,
           sum(units) FILTER (WHERE ${windowState.WAITING('$2::date')})::int AS waiting,
           sum(units) FILTER (WHERE ${windowState.CLAIMABLE('$2::date')})::int AS claimable,
           sum(units) FILTER (WHERE ${windowState.EXPIRED('$2::date')})::int AS expired,
           min(deadline) FILTER (WHERE ${windowState.CLAIMABLE('$2::date')}) AS next_deadline
    FROM lots
    GROUP BY product_id, type
  ), paid AS (
    SELECT product_id, type,
           json_agg(json_build_object('basis', payout_basis, 'currency', payout_currency, 'units', units,
                                      'amount', amount)) AS payout
    FROM (SELECT product_id, type, payout_basis, payout_currency, sum(units)::int AS units,
                 sum(units * payout_per_unit)::text AS amount
          FROM lots WHERE payout_basis IS NOT NULL AND ${stillMissing('$2::date')}
          GROUP BY product_id, type, payout_basis, payout_currency) parts
    GROUP BY product_id, type
  ), claimed AS (
    SELECT product_id, type, sum(${pendingUnits()})::int AS claimed
    FROM case_item
    WHERE account_id = $1 AND open AND ($3::"MissingType" IS NULL OR type = $3::"MissingType")
      AND ($4::int[] IS NULL OR product_id = ANY($4::int[]))
    GROUP BY product_id, type
  ), counts AS (
    SELECT COALESCE(p.product_id, c.product_id) AS product_id, COALESCE(p.type, c.type)::text AS type,
           COALESCE(p.waiting, 0) AS waiting, COALESCE(p.claimable, 0) AS claimable,
           COALESCE(p.expired, 0) AS expired, COALESCE(c.claimed, 0) AS claimed, p.next_deadline, paid.payout,
           p.product_id IS NOT NULL OR c.claimed > 0 AS listed
    FROM pool p FULL JOIN claimed c ON c.product_id = p.product_id AND c.type = p.type
    LEFT JOIN paid ON paid.product_id = p.product_id AND paid.type = p.type
  )`;

/**
 * The kept rows of one product's types (of `rows`, aliased `t`, whose type is in `typeColumn`) as a page reads them,
 * in the order of the types' names: what the ALL row keeps in `by_type`.
 */
const BY_TYPE = (rows: string, typeColumn: string) =>
  `jsonb_agg(jsonb_build_object('type', ${rows}.${typeColumn}, 'waiting', ${rows}.waiting,
     'claimable', ${rows}.claimable, 'expired', ${rows}.expired, 'claimed', ${rows}.claimed,
     'next_deadline', ${rows}.next_deadline, 'payout', ${rows}.payout) ORDER BY ${rows}.${typeColumn})`;

/**
 * Writes the kept numbers of some products (null: all the account's) at `day`, in the caller's transaction: rows of
 * products no longer listed go, the others are written over (two writers of one product both leave whole rows).
 */
async function keepWindows(sql: Sql, accountId: number, day: Day, productIds: readonly number[] | null) {
  const ids = productIds ? [...productIds] : null;
  if (ids?.length === 0) return;
  await sql.execute(
    `${COUNTS}, typed AS (
       SELECT c.product_id, c.type AS scope, p.sku, c.waiting, c.claimable, c.expired, c.claimed, c.next_deadline,
              c.payout::jsonb AS payout
       FROM counts c
       -- The products by their key: joined by hash, the whole product table was read for each batch.
       JOIN product p ON p.id = c.product_id AND p.account_id = $1 AND ($4::int[] IS NULL OR p.id = ANY($4::int[]))
       WHERE c.listed
     ), fresh AS (
       SELECT *, NULL::jsonb AS by_type FROM typed
       UNION ALL
       SELECT product_id, 'ALL', min(sku), sum(waiting)::int, sum(claimable)::int, sum(expired)::int,
              sum(claimed)::int, min(next_deadline), NULL, ${BY_TYPE('typed', 'scope')}
       FROM typed GROUP BY product_id
     ), gone AS (
       DELETE FROM missing_window w
       WHERE w.account_id = $1 AND ($4::int[] IS NULL OR w.product_id = ANY($4::int[]))
         AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.product_id = w.product_id AND f.scope = w.scope)
     )
     INSERT INTO missing_window (account_id, product_id, scope, sku, sort_day, waiting, claimable, expired, claimed,
                                 next_deadline, payout, by_type)
     SELECT $1, product_id, scope, sku, COALESCE(next_deadline, '${NO_DEADLINE}'::date), waiting, claimable, expired,
            claimed, next_deadline, payout, by_type
     FROM fresh
     ON CONFLICT (account_id, product_id, scope) DO UPDATE SET
       sku = excluded.sku, sort_day = excluded.sort_day, waiting = excluded.waiting, claimable = excluded.claimable,
       expired = excluded.expired, claimed = excluded.claimed, next_deadline = excluded.next_deadline,
       payout = excluded.payout, by_type = excluded.by_type
     -- A row whose numbers did not change is not written again (a new version of it, and of its index entries).
     WHERE (missing_window.sku, missing_window.sort_day, missing_window.waiting, missing_window.claimable,
            missing_window.expired, missing_window.claimed, missing_window.next_deadline, missing_window.payout,
            missing_window.by_type)
           IS DISTINCT FROM (excluded.sku, excluded.sort_day, excluded.waiting, excluded.claimable, excluded.expired,
                             excluded.claimed, excluded.next_deadline, excluded.payout, excluded.by_type)`,
    [accountId, day, null, ids],
  );
}

/** The account's kept day, read under a lock that keeps refresh-windows from moving it until the caller commits. */
async function lockedDay(sql: Sql, accountId: number, mode: 'SHARE' | 'UPDATE'): Promise<Day | undefined> {
  const [row] = await sql.query<{ day: Day }>(
    `SELECT day::text AS day FROM missing_window_day WHERE account_id = $1 FOR ${mode}`,
    [accountId],
  );
  return row?.day;
}

/**
 * After the missing pools of some products were recomputed in the transaction `sql`: their kept numbers follow. An
 * account never kept before starts at today's UTC day with every product.
 */
export async function keepProducts(sql: Sql, accountId: number, productIds: readonly number[]): Promise<void> {
  const day = await lockedDay(sql, accountId, 'SHARE');
  if (day !== undefined) return keepWindows(sql, accountId, day, productIds);
  const [started] = await sql.query<{ day: Day }>(
    `INSERT INTO missing_window_day (account_id, day) VALUES ($1, (now() AT TIME ZONE 'UTC')::date)
     ON CONFLICT (account_id) DO NOTHING RETURNING day::text AS day`,
    [accountId],
  );
  // Another transaction started the account meanwhile: it keeps every product, these included once it commits.
  if (started) await keepWindows(sql, accountId, started.day, null);
  else await keepProducts(sql, accountId, productIds);
}

/**
 * Case changes (open, close, delete, a reimbursement attributed) move units in and out of the pending units without
 * always making products stale: the products whose kept pending units differ from their OPEN cases' are kept again.
 */
export async function keepPendingUnits(sql: Sql, accountId: number): Promise<number[]> {
  const changed = await sql.query<{ product_id: number }>(
    `WITH pending AS (
       SELECT product_id, type::text AS scope, sum(${pendingUnits()})::int AS claimed
       FROM case_item WHERE account_id = $1 AND open GROUP BY product_id, type
     ), kept AS (
       SELECT product_id, scope, claimed FROM missing_window WHERE account_id = $1 AND scope <> 'ALL' AND claimed > 0
     )
     SELECT DISTINCT COALESCE(p.product_id, k.product_id) AS product_id
     FROM pending p FULL JOIN kept k ON k.product_id = p.product_id AND k.scope = p.scope
     WHERE COALESCE(p.claimed, 0) <> COALESCE(k.claimed, 0)
     ORDER BY 1`,
    [accountId],
  );
  const ids = changed.map((row) => row.product_id);
  if (ids.length === 0) return ids;
  // Locked as a recomputation would lock them, so that no older reading of their cases is written after this one.
  await sql.execute(
    'SELECT 1 FROM product WHERE account_id = $1 AND id = ANY($2::int[]) ORDER BY id FOR NO KEY UPDATE',
    [accountId, ids],
  );
  await keepProducts(sql, accountId, ids);
  return ids;
}

/** After the account's windows changed (its policy): every product is kept again. */
export async function keepAllProducts(sql: Sql, accountId: number): Promise<void> {
  const day = await lockedDay(sql, accountId, 'SHARE');
  if (day !== undefined) await keepWindows(sql, accountId, day, null);
}

/**
 * Moves the account's kept numbers to `today` (refresh-windows, daily and at start-up): only the products with a lot
 * that opened or expired in between change. Returns those products (all the account's on its first day).
 */
export async function moveWindows(db: Database, accountId: number, today: Day): Promise<number[] | 'all'> {
  return db.transaction(async (sql) => {
    const day = await lockedDay(sql, accountId, 'UPDATE');
    if (day === today) return [];
    if (day === undefined) {
      await sql.execute('INSERT INTO missing_window_day (account_id, day) VALUES ($1, $2::date)', [accountId, today]);
      await keepWindows(sql, accountId, today, null);
      return 'all';
    }
    const [from, to] = day < today ? [day, today] : [today, day];
    const changed = await sql.query<{ product_id: number }>(
      `SELECT DISTINCT product_id FROM missing_lot
       WHERE account_id = $1 AND ${changesStateBetween('$2::date', '$3::date')} ORDER BY product_id`,
      [accountId, from, to],
    );
    const ids = changed.map((row) => row.product_id);
    await keepWindows(sql, accountId, today, ids);
    await sql.execute('UPDATE missing_window_day SET day = $2::date WHERE account_id = $1', [accountId, today]);
    return ids;
  });
}

/** A kept row of a product and type, as COUNTS gives it. */
export interface KeptCounts {
  type: MissingType;
  waiting: number;
  claimable: number;
  expired: number;
  claimed: number;
  next_deadline: Day | null;
  payout: Array<{ basis: PayoutBasis; units: number; amount: string | null; currency: string | null }> | null;
}

/**
 * A page of the list at the kept day: the products after `after` (sort day, SKU), at most `limit`, with their kept
 * numbers of each type (of `type` only when given). Undefined when the account is not kept at `day`. One statement,
 * whose answer is one JSON value: each row and column that crosses from the embedded database costs more than the
 * database's own work. The page is a range of the (account, scope, sort day, SKU) index, each of its products found
 * by its key, and an ALL row carries its types' rows (`by_type`): no work grows with the account's size.
 */
export async function keptPage(
  db: Database,
  options: { accountId: number; day: Day; type?: MissingType },
  after: { sortDay: Day; sku: string } | undefined,
  limit: number,
): Promise<Array<{ product: Product; counts: KeptCounts[] }> | undefined> {
  const rows = await db.sql.query<{ page: Array<ProductColumns & { counts: KeptCounts[] | null }> | null }>(
    `SELECT (
       SELECT json_agg(json_build_object(${PRODUCT_JSON}, 'counts',
                CASE WHEN w.scope = 'ALL' THEN w.by_type::json
                     ELSE json_build_array(json_build_object('type', w.scope, 'waiting', w.waiting,
                            'claimable', w.claimable, 'expired', w.expired, 'claimed', w.claimed,
                            'next_deadline', w.next_deadline, 'payout', w.payout)) END)
              ORDER BY w.sort_day, w.sku)
       FROM (
         SELECT * FROM missing_window
         WHERE account_id = $1 AND scope = COALESCE($3::text, 'ALL')
           ${after ? 'AND (sort_day, sku) > ($5::date, $6::text)' : 'AND $5::date IS NULL AND $6::text IS NULL'}
         ORDER BY sort_day, sku
         LIMIT $4
       ) w CROSS JOIN LATERAL (SELECT * FROM product WHERE id = w.product_id) p
     ) AS page
     FROM missing_window_day d
     WHERE d.account_id = $1 AND d.day = $2::date`,
    [options.accountId, options.day, options.type ?? null, limit, after?.sortDay ?? null, after?.sku ?? null],
  );
  if (rows.length === 0) return undefined;
  return (rows[0]!.page ?? []).map((row) => ({ product: productOf(row), counts: row.counts ?? [] }));
}

/** How many products the list holds at the kept day (undefined when the account is not kept at `day`). */
export async function keptCount(
  db: Database,
  options: { accountId: number; day: Day; type?: MissingType },
): Promise<number | undefined> {
  const [row] = await db.sql.query<{ count: number }>(
    `SELECT (SELECT count(*)::int FROM missing_window w
             WHERE w.account_id = d.account_id AND w.scope = COALESCE($3::text, 'ALL')) AS count
     FROM missing_window_day d WHERE d.account_id = $1 AND d.day = $2::date`,
    [options.accountId, options.day, options.type ?? null],
  );
  return row?.count;
}

/** Whether the account's numbers are kept at `day`. */
export async function isKeptAt(db: Database, accountId: number, day: Day): Promise<boolean> {
  const rows = await db.sql.query('SELECT 1 FROM missing_window_day WHERE account_id = $1 AND day = $2::date', [
    accountId,
    day,
  ]);
  return rows.length > 0;
}

/**
 * COUNTS's `lots` and `counts` read from the kept rows, with the same parameters ($1 account, $2 the kept day, $3 a
 * type or null, $4 product ids or null): for the account's totals at the kept day.
 */
export const KEPT_COUNTS = `
  WITH counts AS (
    SELECT w.product_id, w.scope AS type, w.waiting, w.claimable, w.expired, w.claimed, w.next_deadline, w.payout
    FROM missing_window w JOIN missing_window_day d ON d.account_id = w.account_id AND d.day = $2::date
    WHERE w.account_id = $1 AND w.scope <> 'ALL' AND ($3::text IS NULL OR w.scope = $3::text)
      AND ($4::int[] IS NULL OR w.product_id = ANY($4::int[]))
  )`;
