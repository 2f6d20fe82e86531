// `reclaim worker`: the background jobs alone, beside servers that share PostgreSQL (and Redis).
import { createQueue, scheduleJobs } from '../jobs/queue.js';
import { openRuntime } from '../runtime.js';
import { processLifecycle } from './lifecycle.js';

export async function worker() {
  const lifecycle = processLifecycle('once');
  const runtime = await openRuntime('reclaim worker', {
    waitForDatabase: true,
    beforeDatabase: async () => lifecycle.waitForDatabase(),
  });
  lifecycle.databaseReached();
  const queue = await createQueue(runtime);
  queue.start();
  const stopSchedule = await scheduleJobs(queue, runtime);
  await lifecycle.running(async (signal) => {
    runtime.log.info({ signal }, 'stopping: finishing the running job');
    stopSchedule();
    await queue.stop();
    await runtime.close();
    process.exit(0);
  });
  if (lifecycle.phase === 'stopping') return;
  runtime.log.info(
    { database: runtime.db.kind, queue: runtime.config.redisUrl ? 'redis' : 'database' },
    'Reclaim worker is running',
  );
}
