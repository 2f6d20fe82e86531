// The query planner's statistics after a large import. PostgreSQL's autovacuum catches up eventually; the embedded
// database has no autovacuum at all, and with statistics of an empty table it plans a page of missing products as a
// scan of every lot (35 ms instead of 1.5 ms for 20,000 SKUs). The lots and products are rewritten by every
// recomputation, so on the embedded database their dead rows are vacuumed as well.
import type { ReportKind } from '../domain/types.js';
import type { Database, Sql } from './database.js';

/** Imports smaller than this change the tables' shape too little to matter. */
export const STATISTICS_AFTER_ROWS = 5_000;

/** The tables a recomputation rewrites (named unqualified: the schema of the connection's path). */
const RECOMPUTED_TABLES = ['product', 'missing_lot', 'missing_event', 'missing_window', 'attribution'];

/** Imports this large have their tables analysed before their products are computed again. */
export const ANALYZE_BEFORE_RECOMPUTATION_ROWS = 1_000;

const TABLES_OF_KIND: Record<ReportKind, string[]> = {
  LEDGER: ['ledger_entry'],
  REIMBURSEMENTS: ['reimbursement'],
  CUSTOMER_RETURNS: ['customer_return'],
  SETTLEMENT: ['settlement_row'],
  INBOUND_SHIPMENTS: ['shipment', 'shipment_item'],
  PRODUCT_COSTS: [],
  REMOVAL_ORDERS: ['removal_order'],
  REMOVAL_SHIPMENTS: ['removal_shipment'],
  REMOVAL_RECEIPTS: ['removal_receipt'],
};

/**
 * Before the recomputation of an import's products: the planner must know the rows just imported. Planned with the
 * statistics of an account that had no shipments yet, the inbound facts of 2,000 SKUs' undated shipments (SP-API
 * shipments never carry a closed date) were nested loops over every item of the account: minutes; analysed, 4 ms.
 * Only the tables the import wrote, and the products: cheap next to the recomputation.
 *
 * It runs inside the import's own transaction (the numbers are recomputed in it), where ANALYZE samples the rows not
 * committed yet. Its lock on the tables lasts until the commit: one that another import holds is not waited for
 * (that import's statistics will do), so that the imports of two accounts are not queued behind each other.
 */
export async function analyzeImported(sql: Sql, kind: ReportKind, importedRows: number): Promise<void> {
  if (importedRows < ANALYZE_BEFORE_RECOMPUTATION_ROWS || TABLES_OF_KIND[kind].length === 0) return;
  await sql.execute('SAVEPOINT reclaim_analyze');
  try {
    await sql.execute("SET LOCAL lock_timeout = '200ms'");
    await sql.execute(`ANALYZE ${[...TABLES_OF_KIND[kind], 'product'].join(', ')}`);
    await sql.execute('SET LOCAL lock_timeout = DEFAULT');
    await sql.execute('RELEASE SAVEPOINT reclaim_analyze');
  } catch (error) {
    // 55P03: lock_not_available. Rolling back to the savepoint also undoes the SET LOCAL.
    if ((error as { code?: string }).code !== '55P03') throw error;
    await sql.execute('ROLLBACK TO SAVEPOINT reclaim_analyze');
    await sql.execute('RELEASE SAVEPOINT reclaim_analyze');
  }
}

/**
 * After a large import's commit: the tables its recomputation rewrote. The import's own tables were analysed in its
 * transaction (analyzeImported, which any import past STATISTICS_AFTER_ROWS is past too), or by the import that held
 * their lock; analysing them again took most of 0.5 s after a 1M-row ledger on PostgreSQL.
 */
export async function refreshStatistics(db: Database, importedRows: number): Promise<void> {
  if (importedRows < STATISTICS_AFTER_ROWS) return;
  if (db.kind === 'embedded') await db.sql.execute('VACUUM missing_lot, missing_event, product, missing_window');
  await db.sql.execute(`ANALYZE ${RECOMPUTED_TABLES.join(', ')}`);
}
