// What a job is: a name, a payload it validates when it is taken, and an idempotent handler that does its work with
// src/domain and the stores, logging through a child logger of its own.
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import type { Logger } from '../logger.js';

export interface JobContext {
  db: Database;
  clock: Clock;
  events: Events;
  /** A logger for this run of this job. */
  log: Logger;
  jobs: JobEnqueuer;
  /** The configuration, where the process has one (servers, workers, the CLI; not benchmarks or the demo loader). */
  config?: Config;
}

export interface JobDefinition<Payload = unknown> {
  name: string;
  payload: z.ZodType<Payload>;
  /** How many times it is tried before it is left FAILED (with backoff between tries). */
  maxAttempts?: number;
  /** Jobs with the same key are one job while it waits or runs. */
  dedupeKey?(payload: Payload): string | undefined;
  /** Must be safe to run again: a job can be interrupted and taken again after a crash. */
  run(payload: Payload, ctx: JobContext): Promise<void>;
  /**
   * Called once its last try failed, to leave what it worked on in a final state (an import FAILED with the reason)
   * instead of half-way for ever.
   */
  gaveUp?(payload: Payload, ctx: JobContext, error: unknown): Promise<void>;
}

/** Runs a job's gaveUp, if it has one; a failure there is logged, the job's own failure is what counts. */
export async function giveUp<Payload>(job: JobDefinition<Payload>, payload: unknown, ctx: JobContext, error: unknown) {
  if (!job.gaveUp) return;
  try {
    await job.gaveUp(job.payload.parse(payload), ctx, error);
  } catch (gaveUpError) {
    ctx.log.error({ err: gaveUpError }, 'could not record that the job gave up');
  }
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

export interface EnqueueOptions {
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
}

export interface JobEnqueuer {
  enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload, options?: EnqueueOptions): Promise<void>;
}

export interface JobQueue extends JobEnqueuer {
  /** Starts taking and running jobs (a process that only serves requests never calls it). */
  start(): void;
  /** Stops taking jobs; lets the running one finish within `graceMs`, else gives it back to the queue. */
  stop(graceMs?: number): Promise<void>;
}

/** 1 s, 2 s, 4 s… up to a minute between tries. */
export function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** Runs a job at once, in this process, outside any queue (the CLI, which owns its database). */
export async function runNow<Payload>(
  job: JobDefinition<Payload>,
  payload: Payload,
  ctx: Omit<JobContext, 'log'> & { log: Logger },
) {
  await job.run(job.payload.parse(payload), { ...ctx, log: ctx.log.child({ job: job.name }) });
}
