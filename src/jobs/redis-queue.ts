// With REDIS_URL: the jobs go through BullMQ on that Redis, so that any of several server processes (or a separate
// `reclaim worker`) runs each job, once, with BullMQ's retries and backoff.
import { Queue, Worker } from 'bullmq';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import type { Logger } from '../logger.js';
import { backoffMs, type EnqueueOptions, giveUp, type JobDefinition, type JobQueue } from './kit.js';

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
  private readonly definitions: Map<string, JobDefinition<unknown>>;

  constructor(private readonly options: RedisQueueOptions) {
    this.queue = new Queue(QUEUE, { connection: connection(options.redisUrl), prefix: options.prefix });
    this.queue.on('error', (error) => options.log.warn({ err: error }, 'job queue: Redis error'));
    this.definitions = new Map(options.jobs.map((job) => [job.name, job as JobDefinition<unknown>]));
  }

  async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<void> {
    const parsed = job.payload.parse(payload);
    const dedupe = job.dedupeKey?.(parsed);
    await this.queue.add(job.name, parsed, {
      attempts: job.maxAttempts ?? 5,
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
    const { db, clock, events } = this.options;
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        const definition = this.definitions.get(job.name);
        if (!definition) throw new Error(`no job is called ${job.name}`);
        const log = this.options.log.child({
          job: job.name,
          jobId: job.id,
          attempt: job.attemptsMade + 1,
          payload: job.data,
        });
        const started = performance.now();
        log.info('job started');
        const ctx = { db, clock, events, log, jobs: this, config: this.options.config };
        try {
          await definition.run(definition.payload.parse(job.data), ctx);
        } catch (error) {
          if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await giveUp(definition, job.data, ctx, error);
          throw error;
        }
        log.info({ ms: Math.round(performance.now() - started) }, 'job done');
      },
      { connection: connection(this.options.redisUrl), prefix: this.options.prefix, concurrency: 1 },
    );
    this.worker.on('failed', (job, error) =>
      this.options.log.error({ err: error, job: job?.name, jobId: job?.id }, 'job failed'),
    );
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
