// `reclaim sync` on the database: a sync run to its end in this process, on the one job runner (inline). The waits
// the job would queue are slept here instead, and the jobs it queues (attribution) run at once.
import { realNow } from '../clock.js';
import { connectionOf, latestRun } from '../store/amazon.js';
import { inlineJobs, runNow } from './inline.js';
import type { JobDependencies } from './runner.js';
import { syncAmazon } from './sync-amazon.js';

export interface FeedReport {
  feed: string;
  status: string;
  rows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the account's sync to its end, reporting each feed as it finishes. */
export async function syncToTheEnd(deps: JobDependencies, accountId: number, onFeed: (feed: FeedReport) => void) {
  const reported = new Set<number>();
  // The continuation of the sync is this loop's next turn.
  const jobs = inlineJobs(deps, { deferred: (job) => job.name === syncAmazon.name });
  for (let trigger: 'MANUAL' | undefined = 'MANUAL'; ; trigger = undefined) {
    await runNow(syncAmazon, { accountId, trigger }, { ...deps, jobs });
    const run = await latestRun(deps.db, accountId);
    if (!run) throw new Error('the account is not connected to Amazon: reclaim connect first');
    for (const step of run.steps) {
      if ((step.status === 'SUCCEEDED' || step.status === 'FAILED') && !reported.has(step.id)) {
        reported.add(step.id);
        const { feed, status, rows, inserted, updated, duplicates, error } = step;
        onFeed({ feed, status, rows, inserted, updated, duplicates, error });
      }
    }
    if (run.status !== 'RUNNING') return { runId: String(run.id), status: run.status, error: run.error };
    // Real time: the run's wake-up is the wall clock's, compared with the database's now().
    const wakeAt = (await connectionOf(deps.db, accountId))?.wakeAt;
    const now = realNow().getTime();
    await sleep(Math.max(250, (wakeAt?.getTime() ?? now) - now));
  }
}
