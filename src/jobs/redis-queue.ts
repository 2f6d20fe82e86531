// With REDIS_URL: the jobs go through BullMQ on that Redis, so that any of several server processes (or a separate
// `reclaim worker`) runs each job, once, with BullMQ's retries and backoff.
import { Queue, Worker } from 'bullmq';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import type { Logger } from '../logger.js';
import type { EnqueueOptions, JobDefinition, JobQueue } from './kit.js';
import { backoffMs, JobRunner, maxAttemptsOf } from './runner.js';

const QUEUE = 'reclaim';

export interface RedisQueueOptions {
  redisUrl: string;
  /** BullMQ's key prefix: installations (or test runs) sharing one Redis keep their jobs apart. */
  prefix: string;
  config?: Config;
  db: Database;
  clock: Clock;
  events: Events;
  log: Logger;
  jobs: readonly JobDefinition<never>[];
}

function connection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis: they must wait for it, not fail, when it goes away for a while.
    maxRetriesPerRequest: null,
  };
}

export class RedisQueue implements JobQueue {
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private readonly runner: JobRunner;

  constructor(private readonly options: RedisQueueOptions) {
    this.queue = new Queue(QUEUE, { connection: connection(options.redisUrl), prefix: options.prefix });
    this.queue.on('error', (error) => options.log.warn({ err: error }, 'job queue: Redis error'));
    const { jobs, redisUrl: _url, prefix: _prefix, ...deps } = options;
    this.runner = new JobRunner(deps, this, jobs);
  }

  async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<void> {
    const parsed = job.payload.parse(payload);
    const dedupe = job.dedupeKey?.(parsed);
    await this.queue.add(job.name, parsed, {
      attempts: maxAttemptsOf(job),
      backoff: { type: 'exponential', delay: backoffMs(1) },
      delay: options.delayMs,
      removeOnComplete: 1000,
      removeOnFail: 5000,
      ...(dedupe ? { deduplication: { id: dedupe } } : {}),
    });
  }

  /** The daily jobs, scheduled once for every process of the installation. */
  async schedule(name: string, pattern: string, job: JobDefinition<Record<string, never>>): Promise<void> {
    await this.queue.upsertJobScheduler(name, { pattern, tz: 'UTC' }, { name: job.name, data: {} });
  }

  start(): void {
    if (this.worker) return;
    const failed = new WeakSet<object>();
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        // BullMQ counts the tries and waits the backoff between them (given when the job was queued).
        const attempt = job.attemptsMade + 1;
        const outcome = await this.runner.run(job.name, job.data, {
          number: attempt,
          of: job.opts.attempts ?? 1,
          bindings: { jobId: job.id, attempt, payload: job.data },
          logged: true,
        });
        if (outcome.ok) return;
        if (outcome.error instanceof Object) failed.add(outcome.error);
        throw outcome.error;
      },
      { connection: connection(this.options.redisUrl), prefix: this.options.prefix, concurrency: 1 },
    );
    // The failures of a try are logged by the runner; these are BullMQ's own (a job stalled too often).
    this.worker.on('failed', (job, error) => {
      if (!failed.has(error)) this.options.log.error({ err: error, job: job?.name, jobId: job?.id }, 'job failed');
    });
    this.worker.on('error', (error) => this.options.log.warn({ err: error }, 'job worker: Redis error'));
  }

  async stop(graceMs = 30_000): Promise<void> {
    // close() waits for the running job; past the grace, force it: BullMQ then hands the job to another worker.
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      const closed = await Promise.race([
        worker.close().then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), graceMs)),
      ]);
      if (!closed) await worker.close(true);
    }
    await this.queue.close();
  }
}
