// The Selling Partner API sync as a job: one account's sync under a lease (so that one process works on it at a
// time), run by src/amazon-sync/run.ts; a run that must wait is continued by a job queued for then.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SyncContext } from '../amazon-sync/context.js';
import { runSync } from '../amazon-sync/run.js';
import {
  leaseLeftMs,
  releaseLease,
  runStartedSince,
  type SyncTrigger,
  takeLease,
  unfinishedRun,
} from '../store/amazon.js';
import { refreshAndAnnounce } from './announce.js';
import { defineJob, type JobContext, type JobEnqueuer } from './kit.js';
import { processImportJob, settleSlices } from './process-import.js';

const LEASE_SECONDS = 60;
/** A requested sync that found the last one releasing its lease asks again this soon. */
const RETAKE_LEASE_MS = 500;

const payload = z.object({
  accountId: z.number().int().positive(),
  /** Why the sync starts; absent when the job continues a run or wakes for a schedule. */
  trigger: z.enum(['CONNECT', 'MANUAL', 'SCHEDULE']).optional(),
  /**
   * When the sync of `trigger` was asked for (ISO 8601). A run started since has served it: the same job taken again
   * after a crash (its first try started the run) must not start a second one.
   */
  requestedAt: z.string().datetime().optional(),
});

/** The sync's context: the job's, with the import jobs' work run here. */
function syncContext(ctx: JobContext): SyncContext {
  return {
    ...ctx,
    imports: {
      process: (importId) => processImportJob.run({ importId }, ctx),
      settleSlices: (step) => settleSlices(ctx, step),
      refreshAndAnnounce: (accountId) => refreshAndAnnounce(ctx, accountId),
    },
  };
}

export const syncAmazon = defineJob({
  name: 'sync-amazon',
  payload,
  maxAttempts: 3,
  async run({ accountId, trigger: asked, requestedAt }, ctx) {
    const settings = ctx.config?.amazon;
    if (!settings) throw new Error('sync-amazon needs the configuration (a server, a worker or the CLI runs it)');
    const served = asked && requestedAt && (await runStartedSince(ctx.db, accountId, new Date(requestedAt)));
    if (served) ctx.log.debug({ accountId, trigger: asked, requestedAt }, 'a sync started since it was asked for');
    const trigger = served ? undefined : asked;
    const owner = randomUUID();
    if (!(await takeLease(ctx.db, accountId, owner, LEASE_SECONDS))) {
      if (trigger && !(await unfinishedRun(ctx.db, accountId))) {
        // The holder has finished its run and is letting go of the lease (the dashboard already shows it finished, so
        // this is when a seller clicks "Sync now"): ask again in a moment, keeping the trigger, or the request is lost.
        ctx.log.debug({ accountId, trigger }, 'the last sync is letting go of its lease');
        await ctx.jobs.enqueue(syncAmazon, { accountId, trigger, requestedAt }, { delayMs: RETAKE_LEASE_MS });
        return;
      }
      // Another process works on it, or died working on it: come back when its lease lapses. Should it be alive, its
      // own continuation is queued, and this one finds the run not due and ends.
      const delayMs = (await leaseLeftMs(ctx.db, accountId)) + 1000;
      ctx.log.debug({ accountId, delayMs }, 'another process holds the sync of this account');
      await ctx.jobs.enqueue(syncAmazon, { accountId }, { delayMs });
      return;
    }
    const heartbeat = setInterval(
      () => {
        takeLease(ctx.db, accountId, owner, LEASE_SECONDS).catch(() => {});
      },
      (LEASE_SECONDS * 1000) / 4,
    );
    heartbeat.unref();
    try {
      const wait = await runSync(syncContext(ctx), settings, accountId, trigger);
      if (wait) await ctx.jobs.enqueue(syncAmazon, { accountId }, { delayMs: wait.waitMs });
    } finally {
      clearInterval(heartbeat);
      await releaseLease(ctx.db, accountId, owner);
    }
  },
});

/** Queues a sync of the account for its reason (connectAmazon, requestSync). */
export function queueSync(jobs: JobEnqueuer) {
  return (accountId: number, trigger: SyncTrigger) =>
    jobs.enqueue(syncAmazon, { accountId, trigger, requestedAt: new Date().toISOString() });
}
