// Claimable units whose deadline is within 7 days and that no case claims yet: the seller should open a case now.
import { z } from 'zod';
import { dayOf } from '../domain/calendar.js';
import { approachingDeadlines } from '../store/deadlines.js';
import { defineJob } from './kit.js';

export const DEADLINE_ALERT_DAYS = 7;

export const deadlineAlerts = defineJob({
  name: 'deadline-alerts',
  payload: z.object({ accountId: z.number().int().positive().optional() }),
  dedupeKey: ({ accountId }) => `deadline-alerts:${accountId ?? 'all'}`,
  async run({ accountId }, ctx) {
    const today = dayOf(ctx.clock.now());
    const due = await approachingDeadlines(ctx.db, { accountId, today, days: DEADLINE_ALERT_DAYS });
    for (const alert of due) {
      ctx.events.publish('deadline:approaching', alert.accountId, {
        sku: alert.sku,
        type: alert.type,
        units: alert.units,
        deadline: alert.deadline,
      });
    }
    ctx.log.info({ alerts: due.length }, 'deadline alerts sent');
  },
});
