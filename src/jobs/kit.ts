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
  /**
   * Wall-clock time, for what is compared with the database's now() (leases, wake-ups, the next sync) or happens in
   * real time. What a job reasons about ("today", asOf) is clock.now(), which RECLAIM_NOW and tests fix.
   */
  realNow(): Date;
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
