// What the daily jobs read of the missing pool, with the one SQL source of the window states (sql/windows.ts): the
// claimable units whose deadline comes within a few days (deadline alerts), and the products whose lots change state
// between two days (refresh-windows tells their subscribers).
import type { Database } from '../db/database.js';
import { addDays, type Day } from '../domain/calendar.js';
import { changesStateBetween, windowState } from './sql/windows.js';

export interface ApproachingDeadline {
  accountId: number;
  sku: string;
  type: string;
  units: number;
  deadline: Day;
}

/**
 * The units CLAIMABLE on `today` whose deadline is at most `days` days away, per account, SKU, type and deadline,
 * soonest first. Units claimed by a case are out of the pool already: every one of these is unclaimed.
 */
export async function approachingDeadlines(
  db: Database,
  { accountId, today, days }: { accountId?: number; today: Day; days: number },
): Promise<ApproachingDeadline[]> {
  const rows = await db.sql.query<{ account_id: number; sku: string; type: string; units: number; deadline: string }>(
    `SELECT l.account_id, p.sku, l.type::text AS type, sum(l.units)::int AS units, l.deadline
     FROM missing_lot l JOIN product p ON p.id = l.product_id
     WHERE ($1::int IS NULL OR l.account_id = $1) AND ${windowState.CLAIMABLE('$2::date', 'l.')}
       AND l.deadline <= $3::date
     GROUP BY l.account_id, p.sku, l.type, l.deadline
     ORDER BY l.deadline, p.sku, l.type`,
    [accountId ?? null, today, addDays(today, days)],
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    sku: row.sku,
    type: row.type,
    units: row.units,
    deadline: row.deadline,
  }));
}

/** The products of the account with a lot that opens or expires after `from`, up to `to` (ids, ascending). */
export async function productsChangingState(db: Database, accountId: number, from: Day, to: Day): Promise<number[]> {
  const rows = await db.sql.query<{ product_id: number }>(
    `SELECT DISTINCT product_id FROM missing_lot
     WHERE account_id = $1 AND ${changesStateBetween('$2::date', '$3::date')}
     ORDER BY product_id`,
    [accountId, from, to],
  );
  return rows.map((row) => row.product_id);
}
