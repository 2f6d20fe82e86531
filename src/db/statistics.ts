// The query planner's statistics after a large import. PostgreSQL's autovacuum catches up eventually; the embedded
// database has no autovacuum at all, and with statistics of an empty table it plans a page of missing products as a
// scan of every lot (35 ms instead of 1.5 ms for 20,000 SKUs). The lots and products are rewritten by every
// recomputation, so on the embedded database their dead rows are vacuumed as well.
import type { Database } from './database.js';

/** Imports smaller than this change the tables' shape too little to matter. */
export const STATISTICS_AFTER_ROWS = 5_000;

/** The tables imports fill and recomputations rewrite (named unqualified: the schema of the connection's path). */
const IMPORTED_TABLES = [
  'product',
  'ledger_entry',
  'reimbursement',
  'customer_return',
  'settlement_row',
  'shipment',
  'shipment_item',
  'missing_lot',
  'attribution',
];

/**
 * Before the recomputation of a large import's products: the planner must know the rows just imported (a ledger of
 * 20,000 rows planned as an empty table made the receipts of undated closed shipments, which SP-API shipments
 * always are, a scan per shipment: minutes instead of a second).
 */
export async function analyzeImported(db: Database, importedRows: number): Promise<void> {
  if (importedRows < STATISTICS_AFTER_ROWS) return;
  await db.sql.execute(`ANALYZE ${IMPORTED_TABLES.join(', ')}`);
}

export async function refreshStatistics(db: Database, importedRows: number): Promise<void> {
  if (importedRows < STATISTICS_AFTER_ROWS) return;
  if (db.kind === 'embedded') await db.sql.execute('VACUUM missing_lot, product');
  await db.sql.execute(`ANALYZE ${IMPORTED_TABLES.join(', ')}`);
}
