// The queue of a process: BullMQ on Redis with REDIS_URL, else the job table of the database; and the daily jobs.
import { type Clock, realNow } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import { importsToResume } from '../ingest/run-import.js';
import type { Logger } from '../logger.js';
import { releaseAllLeases } from '../store/amazon.js';
import { accountsWithStaleProducts } from '../store/missing-pool.js';
import { ALL_JOBS } from './all-jobs.js';
import { attributeReimbursements } from './attribute-reimbursements.js';
import { DatabaseQueue } from './database-queue.js';
import type { JobQueue } from './kit.js';
import { processImportJob } from './process-import.js';
import type { RedisQueue } from './redis-queue.js';
import { refreshWindows } from './refresh-windows.js';
import { syncDue } from './sync-due.js';

export interface QueueDependencies {
  config: Config;
  db: Database;
  clock: Clock;
  events: Events;
  log: Logger;
}

export interface Scheduled {
  queue: JobQueue;
  /** Stops the daily timer (the queue itself is stopped with queue.stop()). */
  stopSchedule(): void;
}

const DAILY_AT_UTC = { hour: 0, minute: 5 };

function msUntilNextDailyRun(now: Date): number {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_AT_UTC.hour, DAILY_AT_UTC.minute),
  );
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

export async function createQueue(deps: QueueDependencies): Promise<JobQueue> {
  const { config, db, clock, events, log } = deps;
  // BullMQ is loaded only with Redis: the embedded server would carry its modules (about 11 MB) for nothing.
  return config.redisUrl
    ? new (await import('./redis-queue.js')).RedisQueue({
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        config,
        db,
        clock,
        events,
        log,
        jobs: ALL_JOBS,
      })
    : new DatabaseQueue({ config, db, clock, events, log, jobs: ALL_JOBS });
}

function isRedisQueue(queue: JobQueue): queue is RedisQueue {
  return 'schedule' in queue;
}

/** How often the connections are looked at for a due Selling Partner API sync. */
const SYNC_DUE_EVERY_MS = 5 * 60_000;

/**
 * The jobs of start-up (imports a crash interrupted; the windows of today; the numbers a crash left stale; the syncs
 * due or interrupted), the daily one at 00:05 UTC and the look for due syncs every 5 minutes
 * (real time: RECLAIM_NOW fixes the day the jobs reason about, not when they run).
 */
export async function scheduleJobs(
  queue: JobQueue,
  deps: Pick<QueueDependencies, 'db' | 'log' | 'clock' | 'config'>,
): Promise<() => void> {
  // The embedded database has one process: a sync lease it finds was left by its own crash.
  if (!deps.config.databaseUrl) await releaseAllLeases(deps.db);
  await queue.enqueue(syncDue, {});
  // Imports a crash interrupted run again (a file read before is not read twice: process-import checks).
  for (const importId of await importsToResume(deps.db, deps.clock.now())) {
    await queue.enqueue(processImportJob, { importId });
  }
  await queue.enqueue(refreshWindows, {});
  for (const accountId of await accountsWithStaleProducts(deps.db)) {
    await queue.enqueue(attributeReimbursements, { accountId });
  }
  if (isRedisQueue(queue)) {
    await queue.schedule('refresh-windows-daily', `${DAILY_AT_UTC.minute} ${DAILY_AT_UTC.hour} * * *`, refreshWindows);
    await queue.schedule('sync-due', `*/${SYNC_DUE_EVERY_MS / 60_000} * * * *`, syncDue);
    return () => {};
  }
  const syncTimer = setInterval(() => {
    queue.enqueue(syncDue, {}).catch((error: unknown) => deps.log.error({ err: error }, 'could not queue sync-due'));
  }, SYNC_DUE_EVERY_MS);
  syncTimer.unref();
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(() => {
      queue
        .enqueue(refreshWindows, {})
        .catch((error: unknown) => deps.log.error({ err: error }, 'could not queue the daily jobs'));
      arm();
    }, msUntilNextDailyRun(realNow()));
    timer.unref();
  };
  arm();
  return () => {
    clearTimeout(timer);
    clearInterval(syncTimer);
  };
}
