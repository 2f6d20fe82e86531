import { PGlite } from '@electric-sql/pglite';
const sb = process.argv[2] ?? '16MB';
const db = await PGlite.create({ dataDir: '/tmp/dbx/pglite', startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sb}`] });
const out = await db.query("COPY (SELECT 999 AS account_id, row_key, occurrence, import_id, line, product_id, date, event_type, reference_id, quantity, fulfillment_center, disposition, reason, reconciled_quantity, unreconciled_quantity FROM ledger_entry WHERE account_id = 1 ORDER BY line) TO '/dev/blob'");
const text = await out.blob.text();
const lines = text.split('\n'); lines.pop();
const cols = 'account_id, row_key, occurrence, import_id, line, product_id, date, event_type, reference_id, quantity, fulfillment_center, disposition, reason, reconciled_quantity, unreconciled_quantity';
await db.transaction(async (tx) => {
  const t = performance.now();
  for (let i = 0; i < lines.length; i += 5000) {
    await tx.query(`COPY ledger_entry (${cols}) FROM '/dev/blob'`, [], { blob: new Blob([lines.slice(i, i + 5000).join('\n') + '\n']) });
  }
  const s = (performance.now() - t) / 1000;
  console.log(sb, 'COPY', lines.length, 'rows in', s.toFixed(1), 's =', Math.round(lines.length / s), 'rows/s', 'rss', Math.round(process.memoryUsage().rss / 2 ** 20));
  await tx.rollback();
});
await db.close();
