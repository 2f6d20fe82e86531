// Products are created and updated from whatever file names them (SKU, FNSKU, ASIN, title).
import type { Sql } from '../db/database.js';
import type { ProductMention } from '../domain/reports/format.js';

/** Resolves SKUs to product ids for one import, creating the products it has not seen, and remembers what the
 * file says of each product so that finish() updates them once rather than row by row. */
export class ProductResolver {
  private readonly ids = new Map<string, number>();
  private readonly mentions = new Map<string, ProductMention>();

  constructor(private readonly accountId: number) {}

  remember(mention: ProductMention): void {
    const known = this.mentions.get(mention.sku);
    if (!known) {
      this.mentions.set(mention.sku, { ...mention });
      return;
    }
    // Later rows win, but an empty field never erases what an earlier row said.
    if (mention.fnsku) known.fnsku = mention.fnsku;
    if (mention.asin) known.asin = mention.asin;
    if (mention.title) known.title = mention.title;
  }

  async idsFor(sql: Sql, skus: Iterable<string>): Promise<Map<string, number>> {
    const unknown = [...new Set(skus)].filter((sku) => !this.ids.has(sku));
    if (unknown.length > 0) {
      const rows = await sql.query<{ id: number; sku: string }>(
        `INSERT INTO product (account_id, sku)
         SELECT $1, sku FROM unnest($2::text[]) AS sku
         ON CONFLICT (account_id, sku) DO UPDATE SET sku = EXCLUDED.sku
         RETURNING id, sku`,
        [this.accountId, unknown],
      );
      for (const row of rows) this.ids.set(row.sku, row.id);
    }
    return this.ids;
  }

  /** Writes what the file said of each product; returns the ids of the products that changed. */
  async finish(sql: Sql): Promise<number[]> {
    if (this.mentions.size === 0) return [];
    const rows = await sql.query<{ id: number }>(
      `UPDATE product AS p SET
         fnsku = COALESCE(m.fnsku, p.fnsku),
         asin = COALESCE(m.asin, p.asin),
         title = COALESCE(m.title, p.title),
         updated_at = now()
       FROM json_to_recordset($2::json) AS m(sku text, fnsku text, asin text, title text)
       WHERE p.account_id = $1 AND p.sku = m.sku
         AND (p.fnsku, p.asin, p.title) IS DISTINCT FROM (COALESCE(m.fnsku, p.fnsku), COALESCE(m.asin, p.asin), COALESCE(m.title, p.title))
       RETURNING p.id`,
      [this.accountId, JSON.stringify([...this.mentions.values()])],
    );
    return rows.map((row) => row.id);
  }
}
