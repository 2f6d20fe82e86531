// Daily (00:05 UTC) and at start-up: units whose window opened (CLAIMABLE) or closed (EXPIRED) since the last look
// change their products' numbers without any new data: move the kept numbers of missingProducts to today, and tell
// the subscribers which products changed.
import { z } from 'zod';
import { addDays, dayOf } from '../domain/calendar.js';
import { productsChangingState } from '../store/deadlines.js';
import { moveWindows } from '../store/missing-window.js';
import { announceProducts } from './announce.js';
import { deadlineAlerts } from './deadline-alerts.js';
import { defineJob } from './kit.js';

export const refreshWindows = defineJob({
  name: 'refresh-windows',
  payload: z.object({}),
  dedupeKey: () => 'refresh-windows',
  async run(_payload, ctx) {
    const today = dayOf(ctx.clock.now());
    const accounts = await ctx.db.prisma.account.findMany({ select: { id: true, windowsCheckedOn: true } });
    for (const account of accounts) {
      // The kept numbers of missingProducts first: a page at today reads them as soon as the day is moved.
      await moveWindows(ctx.db, account.id, today);
      const last = account.windowsCheckedOn ? dayOf(account.windowsCheckedOn) : undefined;
      if (last !== undefined && last < today) {
        await announceProducts(ctx, account.id, await productsChangingState(ctx.db, account.id, last, today));
      }
      if (last !== today) {
        await ctx.db.prisma.account.update({
          where: { id: account.id },
          data: { windowsCheckedOn: new Date(`${today}T00:00:00Z`) },
        });
      }
    }
    await ctx.jobs.enqueue(deadlineAlerts, {});
    ctx.log.debug({ today, tomorrow: addDays(today, 1) }, 'windows refreshed');
  },
});
