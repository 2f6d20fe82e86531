// The latest sale price of each product, from its settlements (docs/rules.md section 6).
import type { Sql } from '../db/database.js';
import { regionCurrency } from '../domain/money.js';
import { salePrice } from '../domain/summary.js';

export async function updateLastSalePrices(sql: Sql, accountId: number, productIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  const sales = await sql.query<{
    product_id: number;
    amount: string;
    quantity_purchased: number | null;
    currency: string | null;
    posted_date: Date;
    region: 'NA' | 'EU' | 'FE';
  }>(
    `SELECT DISTINCT ON (s.product_id) s.product_id, s.amount, s.quantity_purchased, s.currency, s.posted_date, a.region
     FROM settlement_row s JOIN account a ON a.id = s.account_id
     WHERE s.account_id = $1 AND s.product_id = ANY($2::int[]) AND s.transaction_type = 'Order'
       AND s.amount_type = 'ItemPrice' AND s.amount_description = 'Principal' AND s.amount IS NOT NULL
       AND s.posted_date IS NOT NULL
     ORDER BY s.product_id, s.posted_date DESC, s.import_id DESC, s.line DESC`,
    [accountId, ids],
  );
  if (sales.length === 0) return;
  const prices = sales.map((sale) => {
    const price = salePrice(sale.amount, sale.quantity_purchased, sale.currency ?? regionCurrency(sale.region));
    return { id: sale.product_id, price: price.amount.toString(), currency: price.currency, at: sale.posted_date };
  });
  await sql.execute(
    `UPDATE product p SET last_sale_price = v.price, last_sale_currency = v.currency, last_sale_at = v.at, updated_at = now()
     FROM json_to_recordset($2::json) AS v(id int, price numeric, currency text, at timestamptz)
     WHERE p.account_id = $1 AND p.id = v.id`,
    [accountId, JSON.stringify(prices)],
  );
}
