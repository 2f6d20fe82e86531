// Every few minutes: the connected accounts whose daily (or configured) sync is due get one, and a run whose
// continuation was lost (its queue entry gone with a Redis flush, say) is woken.
import { z } from 'zod';
import { connectionsToWake } from '../store/amazon.js';
import { defineJob } from './kit.js';
import { syncAmazon } from './sync-amazon.js';

export const syncDue = defineJob({
  name: 'sync-due',
  payload: z.object({}),
  dedupeKey: () => 'sync-due',
  async run(_payload, ctx) {
    for (const accountId of await connectionsToWake(ctx.db)) {
      await ctx.jobs.enqueue(syncAmazon, { accountId });
    }
  },
});
