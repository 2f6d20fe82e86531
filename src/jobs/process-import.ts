// Reads an uploaded file into the database (the import pipeline), then brings the numbers it changed up to date.
import { z } from 'zod';
import { analyzeImported, refreshStatistics } from '../db/statistics.js';
import type { ReportKind } from '../domain/types.js';
import { failImport, processImport } from '../ingest/run-import.js';
import { refreshStaleProducts } from '../store/missing-pool.js';
import { announceProducts } from './announce.js';
import { attributeReimbursements } from './attribute-reimbursements.js';
import { defineJob, type JobContext } from './kit.js';

const PROGRESS_EVERY_ROWS = 20_000;

function progress(ctx: JobContext, importId: number, status: string, rowsRead: number) {
  ctx.events.publish('import:progress', importId, { id: importId, status, rowsRead });
}

export const processImportJob = defineJob({
  name: 'process-import',
  payload: z.object({ importId: z.number().int().positive() }),
  maxAttempts: 3,
  dedupeKey: ({ importId }) => `process-import:${importId}`,
  async run({ importId }, ctx) {
    const record = await ctx.db.prisma.import.findUnique({ where: { id: importId } });
    if (!record) return;
    // Taken again after a crash: a file read into the database before it is not read twice.
    if (record.status === 'QUEUED' || record.status === 'RUNNING') {
      progress(ctx, importId, 'RUNNING', 0);
      let reported = 0;
      const outcome = await processImport(ctx.db, importId, {
        now: () => ctx.clock.now(),
        log: ctx.log,
        onProgress: (rows) => {
          if (rows - reported < PROGRESS_EVERY_ROWS) return;
          reported = rows;
          progress(ctx, importId, 'RUNNING', rows);
        },
      });
      if (!outcome.ok) {
        progress(ctx, importId, 'FAILED', 0);
        return;
      }
    }
    const done = await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
    if (done.status === 'FAILED') return;
    await settleImported(ctx, done);
  },
  async gaveUp({ importId }, ctx, error) {
    if (await failImport(ctx.db, importId, ctx.clock.now(), error)) progress(ctx, importId, 'FAILED', 0);
  },
});

/**
 * Brings the numbers an import changed up to date: the planner's statistics, the cases' reimbursements, the products
 * it made stale. Several imports of one kind may be settled at once (the slices of a sync): their rows summed, the
 * last one named.
 */
export async function settleImported(
  ctx: JobContext,
  done: { id: number; accountId: number; kind: ReportKind; rows: number; inserted: number },
) {
  await analyzeImported(ctx.db, done.kind, done.inserted);
  if (done.kind === 'REIMBURSEMENTS') {
    // The cases take what is theirs first (RULES.md section 3); that job finishes the import's numbers.
    await ctx.jobs.enqueue(attributeReimbursements, { accountId: done.accountId, importId: done.id });
    return;
  }
  await announceProducts(ctx, done.accountId, await refreshStaleProducts(ctx.db, done.accountId));
  await refreshStatistics(ctx.db, done.inserted);
  progress(ctx, done.id, 'SUCCEEDED', done.rows);
}
