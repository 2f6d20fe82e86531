// After reimbursements are imported: which lines pay which cases (docs/rules.md section 3), auto-close and reopen
// (section 5), and the missing pools the attribution changed.
import { z } from 'zod';
import { syncCases } from '../cases/sync-cases.js';
import { refreshStatistics } from '../db/statistics.js';
import { refreshStaleProducts } from '../store/missing-pool.js';
import { announceCaseEvents, announceProducts } from './announce.js';
import { defineJob } from './kit.js';

export const attributeReimbursements = defineJob({
  name: 'attribute-reimbursements',
  payload: z.object({ accountId: z.number().int().positive(), importId: z.number().int().positive().optional() }),
  async run({ accountId, importId }, ctx) {
    const events = await syncCases(ctx.db, accountId, ctx.clock.now());
    await announceCaseEvents(ctx, accountId, events);
    await announceProducts(ctx, accountId, await refreshStaleProducts(ctx.db, accountId));
    if (importId) {
      const record = await ctx.db.prisma.import.findUnique({ where: { id: importId } });
      if (record) await refreshStatistics(ctx.db, record.inserted);
      if (record)
        ctx.events.publish('import:progress', importId, { id: importId, status: record.status, rowsRead: record.rows });
    }
  },
});
