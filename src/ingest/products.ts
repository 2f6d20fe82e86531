// Products are created and updated from whatever file names them (SKU, FNSKU, ASIN, title).
import type { Sql } from '../db/database.js';
import type { ProductMention } from '../domain/reports/format.js';

/**
 * A copy of a string that holds none of the text it was cut from. V8 cuts substrings of 13 characters or more as
 * views of their parent: a title kept from a row kept the whole megabyte of text its chunk was decoded as, and the
 * products of a 20,000-SKU ledger, seen across the file, kept all of its text alive (150 MB and more of heap).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Resolves SKUs to product ids for one import, creating the products it has not seen, and remembers what the
 * file says of each product so that finish() updates them once rather than row by row. */
export class ProductResolver {
  private readonly ids = new Map<string, number>();
  private readonly mentions = new Map<string, ProductMention>();
  /** The shared mention remembered last for each SKU (rememberShared). */
  private readonly lastShared = new Map<string, ProductMention>();

  constructor(private readonly accountId: number) {}

  /** What a row says of its product: later rows win, but an empty field never erases what an earlier row said. */
  remember(mention: ProductMention): void {
    this.lastShared.delete(mention.sku);
    this.merge(mention);
  }

  /**
   * remember() for a mention many rows share, copied out of its text already (MentionMemory): the one remembered last
   * for its SKU, given again, is known by its identity rather than compared. Only such mentions are kept here: a
   * row's own would keep the text it was cut from alive.
   */
  rememberShared(mention: ProductMention): void {
    if (this.lastShared.get(mention.sku) === mention) return;
    this.lastShared.set(mention.sku, mention);
    this.merge(mention);
  }

  private merge(mention: ProductMention): void {
    const known = this.mentions.get(mention.sku);
    if (!known) {
      const { sku, fnsku, asin, title } = mention;
      this.mentions.set(detached(sku), {
        sku: detached(sku),
        fnsku: fnsku && detached(fnsku),
        asin: asin && detached(asin),
        title: title && detached(title),
      });
      return;
    }
    if (mention.fnsku && mention.fnsku !== known.fnsku) known.fnsku = detached(mention.fnsku);
    if (mention.asin && mention.asin !== known.asin) known.asin = detached(mention.asin);
    if (mention.title && mention.title !== known.title) known.title = detached(mention.title);
  }

  async idsFor(sql: Sql, skus: Iterable<string>): Promise<Map<string, number>> {
    // Once the first COPYs have named a file's products, a COPY's few thousand SKUs are all known.
    const unknown = new Set<string>();
    for (const sku of skus) if (!this.ids.has(sku)) unknown.add(sku);
    if (unknown.size > 0) {
      // The SKUs come back from the database as strings of their own (see detached).
      const rows = await sql.query<{ id: number; sku: string }>(
        `INSERT INTO product (account_id, sku)
         SELECT $1, sku FROM unnest($2::text[]) AS sku
         ON CONFLICT (account_id, sku) DO UPDATE SET sku = EXCLUDED.sku
         RETURNING id, sku`,
        [this.accountId, [...unknown]],
      );
      for (const row of rows) this.ids.set(row.sku, row.id);
    }
    return this.ids;
  }

  /**
   * Writes what the file said of each product, and marks stale (facts_version) the products it renamed and those of
   * `stale` it names: one update of their rows instead of two (each a new version of every row of a 20,000-SKU
   * ledger, with its index entries). Returns the ids of the products it marked.
   */
  async finish(sql: Sql, stale: ReadonlySet<number>): Promise<number[]> {
    if (this.mentions.size === 0) return [];
    const rows = await sql.query<{ id: number }>(
      `UPDATE product AS p SET
         fnsku = COALESCE(m.fnsku, p.fnsku),
         asin = COALESCE(m.asin, p.asin),
         title = COALESCE(m.title, p.title),
         updated_at = CASE WHEN (p.fnsku, p.asin, p.title) IS DISTINCT FROM
                                (COALESCE(m.fnsku, p.fnsku), COALESCE(m.asin, p.asin), COALESCE(m.title, p.title))
                      THEN now() ELSE p.updated_at END,
         facts_version = p.facts_version + 1
       FROM json_to_recordset($2::json) AS m(sku text, fnsku text, asin text, title text)
       WHERE p.account_id = $1 AND p.sku = m.sku
         AND (p.id = ANY($3::int[])
              OR (p.fnsku, p.asin, p.title) IS DISTINCT FROM
                 (COALESCE(m.fnsku, p.fnsku), COALESCE(m.asin, p.asin), COALESCE(m.title, p.title)))
       RETURNING p.id`,
      [this.accountId, JSON.stringify([...this.mentions.values()]), [...stale]],
    );
    return rows.map((row) => row.id);
  }
}
