// Daily (00:05 UTC) and at start-up: units whose window opened (CLAIMABLE) or closed (EXPIRED) since the last look
// change their products' numbers without any new data: tell the subscribers which.
import { z } from 'zod';
import { addDays, dayOf } from '../domain/calendar.js';
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
      const last = account.windowsCheckedOn ? dayOf(account.windowsCheckedOn) : undefined;
      if (last !== undefined && last < today) {
        // A unit opens on `opens` and expires the day after `deadline`.
        const changed = await ctx.db.sql.query<{ product_id: number }>(
          `SELECT DISTINCT product_id FROM missing_lot
           WHERE account_id = $1 AND ((opens > $2::date AND opens <= $3::date)
                                      OR (deadline + 1 > $2::date AND deadline + 1 <= $3::date))`,
          [account.id, last, today],
        );
        await announceProducts(
          ctx,
          account.id,
          changed.map((row) => row.product_id),
        );
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
