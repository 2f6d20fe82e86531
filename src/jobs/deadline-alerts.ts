// Claimable units whose deadline is within 7 days and that no case claims yet: the seller should open a case now.
import { z } from 'zod';
import { addDays, dayOf } from '../domain/calendar.js';
import { windowState } from '../store/sql/windows.js';
import { defineJob } from './kit.js';

export const DEADLINE_ALERT_DAYS = 7;

export const deadlineAlerts = defineJob({
  name: 'deadline-alerts',
  payload: z.object({ accountId: z.number().int().positive().optional() }),
  dedupeKey: ({ accountId }) => `deadline-alerts:${accountId ?? 'all'}`,
  async run({ accountId }, ctx) {
    const today = dayOf(ctx.clock.now());
    // Units claimed by a case are out of the pool: every claimable unit left is unclaimed.
    const due = await ctx.db.sql.query<{
      account_id: number;
      sku: string;
      type: string;
      units: number;
      deadline: string;
    }>(
      `SELECT l.account_id, p.sku, l.type::text AS type, sum(l.units)::int AS units, l.deadline
       FROM missing_lot l JOIN product p ON p.id = l.product_id
       WHERE ($1::int IS NULL OR l.account_id = $1) AND ${windowState.CLAIMABLE('$2::date', 'l.')}
         AND l.deadline <= $3::date
       GROUP BY l.account_id, p.sku, l.type, l.deadline
       ORDER BY l.deadline, p.sku`,
      [accountId ?? null, today, addDays(today, DEADLINE_ALERT_DAYS)],
    );
    for (const alert of due) {
      ctx.events.publish('deadline:approaching', alert.account_id, {
        sku: alert.sku,
        type: alert.type,
        units: alert.units,
        deadline: alert.deadline,
      });
    }
    ctx.log.info({ alerts: due.length }, 'deadline alerts sent');
  },
});
