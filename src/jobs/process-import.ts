// Reads an uploaded file into the database (the import pipeline), its numbers recomputed in the same commit, then
// tells the subscribers what changed.
import { z } from 'zod';
import { refreshStatistics } from '../db/statistics.js';
import type { ReportKind } from '../domain/types.js';
import { failImport, processImport, type Settled, settleReadImports } from '../ingest/run-import.js';
import { announceCaseEvents, announceProducts } from './announce.js';
import { defineJob, type JobContext } from './kit.js';

const PROGRESS_EVERY_ROWS = 20_000;

function progress(ctx: Pick<JobContext, 'events'>, importId: number, status: string, rowsRead: number) {
  ctx.events.publish('import:progress', importId, { id: importId, status, rowsRead });
}

export const processImportJob = defineJob({
  name: 'process-import',
  payload: z.object({ importId: z.number().int().positive() }),
  maxAttempts: 3,
  dedupeKey: ({ importId }) => `process-import:${importId}`,
  async run({ importId }, ctx) {
    const record = await ctx.db.prisma.import.findUnique({ where: { id: importId } });
    // SUCCEEDED or FAILED: done, its numbers with it (a SUCCEEDED import's were recomputed in its commit).
    if (!record || (record.status !== 'QUEUED' && record.status !== 'RUNNING')) return;
    progress(ctx, importId, 'RUNNING', 0);
    if (record.readAt) {
      // Its rows are in (a sync's slice, or a crash between the two commits): not read twice, only settled.
      const settled = await settleReadImports(
        ctx.db,
        record.accountId,
        { ids: [importId], kind: record.kind, inserted: record.inserted },
        ctx.clock.now(),
      );
      await announceImported(ctx, record, settled);
      return;
    }
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
    await announceImported(ctx, { ...record, rows: outcome.rows, inserted: outcome.counts.inserted }, outcome);
  },
  async gaveUp({ importId }, ctx, error) {
    if (await failImport(ctx.db, importId, ctx.clock.now(), error)) progress(ctx, importId, 'FAILED', 0);
  },
});

/**
 * Tells the subscribers about an import that became SUCCEEDED (its numbers recomputed in the same commit): the
 * import, the cases it paid, the products with new numbers; then brings the planner's statistics up to date.
 * Several imports of one kind may be announced at once (the slices of a sync): their rows summed, the last one named.
 */
export async function announceImported(
  ctx: Pick<JobContext, 'db' | 'events' | 'clock'>,
  done: { id: number; accountId: number; rows: number; inserted: number },
  settled: Settled,
) {
  progress(ctx, done.id, 'SUCCEEDED', done.rows);
  await announceCaseEvents(ctx, done.accountId, settled.caseEvents);
  await announceProducts(ctx, done.accountId, settled.refreshed);
  await refreshStatistics(ctx.db, done.inserted);
}

/**
 * Settles the imports of a sync step whose slices were read in with their numbers deferred: one recomputation for
 * all, in the commit that makes them SUCCEEDED.
 */
export async function settleSlices(
  ctx: Pick<JobContext, 'db' | 'events' | 'clock'>,
  step: { importIds: number[]; accountId: number; kind: ReportKind; rows: number; inserted: number },
) {
  const last = step.importIds.at(-1);
  if (last === undefined) return;
  const settled = await settleReadImports(
    ctx.db,
    step.accountId,
    { ids: step.importIds, kind: step.kind, inserted: step.inserted },
    ctx.clock.now(),
  );
  await announceImported(
    ctx,
    { id: last, accountId: step.accountId, rows: step.rows, inserted: step.inserted },
    settled,
  );
}
