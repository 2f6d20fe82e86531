import type { Database } from '../db/database.js';
import { type Money, moneyFrom } from '../domain/money.js';

/** What the account's cases (not deleted) received, per currency (docs/rules.md section 6, the account's totals). */
export async function reimbursedByCases(db: Database, accountId: number): Promise<Money[]> {
  const rows = await db.sql.query<{ currency: string; amount: string }>(
    `SELECT a.currency, sum(a.amount)::text AS amount
     FROM attribution a JOIN case_item i ON i.id = a.case_item_id JOIN "case" k ON k.id = i.case_id
     WHERE a.account_id = $1 AND k.deleted_at IS NULL
     GROUP BY a.currency ORDER BY a.currency`,
    [accountId],
  );
  return rows.map((row) => moneyFrom(row.amount, row.currency)!);
}
