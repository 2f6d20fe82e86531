// `reclaim worker`: the background jobs alone, beside servers that share PostgreSQL (and Redis).
import { createQueue, scheduleJobs } from '../jobs/queue.js';
import { openRuntime } from '../runtime.js';

export async function worker() {
  let stopRequested: string | undefined;
  let stop = async (signal: string) => {
    stopRequested = signal;
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  const runtime = await openRuntime('reclaim worker', {
    waitForDatabase: true,
    beforeDatabase: async () => {
      // Until the database answers there is nothing to finish: a stop request ends the process at once.
      stop = async () => process.exit(0);
    },
  });
  stop = async (signal: string) => {
    stopRequested = signal;
  };
  const queue = createQueue(runtime);
  queue.start();
  const stopSchedule = await scheduleJobs(queue, runtime);
  stop = async (signal: string) => {
    runtime.log.info({ signal }, 'stopping: finishing the running job');
    stopSchedule();
    await queue.stop();
    await runtime.close();
    process.exit(0);
  };
  if (stopRequested) return stop(stopRequested);
  runtime.log.info(
    { database: runtime.db.kind, queue: runtime.config.redisUrl ? 'redis' : 'database' },
    'Reclaim worker is running',
  );
}
