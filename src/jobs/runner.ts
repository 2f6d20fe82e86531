// The one job runner. Each transport (the database queue, BullMQ on Redis, inline runs for the CLI and the demo)
// takes, stores and wakes jobs its own way, then hands each try here: the payload validated, the job's logger and
// context made, the try run and logged, its failure judged final or to be tried again after a backoff, and a job
// that will not be tried again given its gaveUp. The transport only records the outcome.
import { realNow } from '../clock.js';
import type { Logger } from '../logger.js';
import type { JobContext, JobDefinition, JobEnqueuer } from './kit.js';

/** What every run of a job is given; the runner adds the job's own logger, the enqueuer and real time. */
export type JobDependencies = Omit<JobContext, 'log' | 'jobs' | 'realNow'> & { log: Logger };

/** One try of a job, as its transport counts them. */
export interface Attempt {
  /** 1 for the first try. */
  number: number;
  /** How many tries the transport gives the job in all (equal to `number` on the last). */
  of: number;
  /** What this try's log lines carry besides the job's name (the queue's id, the attempt, the payload). */
  bindings?: Record<string, unknown>;
  /**
   * Logs "job started", "job done" and failures (queued jobs). An inline run is its caller's: it logs nothing and
   * its caller gets the error.
   */
  logged?: boolean;
}

/** The only try there is: inline runs, which are not retried. */
export const ONLY_TRY: Attempt = { number: 1, of: 1 };

export type JobOutcome = { ok: true } | { ok: false; error: unknown; final: boolean; retryInMs: number };

const DEFAULT_MAX_ATTEMPTS = 5;

/** How many times a job is tried before it is left FAILED. */
export function maxAttemptsOf(job: Pick<JobDefinition<never>, 'maxAttempts'>): number {
  return job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
}

/** 1 s, 2 s, 4 s… up to a minute between tries. */
export function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

export class JobRunner {
  private readonly definitions: Map<string, JobDefinition<unknown>>;

  constructor(
    private readonly deps: JobDependencies,
    /** What the jobs it runs queue their follow-ups on (the transport itself). */
    private readonly jobs: JobEnqueuer,
    definitions: readonly JobDefinition<never>[] = [],
  ) {
    this.definitions = new Map(definitions.map((job) => [job.name, job as JobDefinition<unknown>]));
  }

  /** Runs one try of a job, given or named (a queue stores names), and says how it went; it never throws. */
  async run(job: JobDefinition<unknown> | string, payload: unknown, attempt: Attempt): Promise<JobOutcome> {
    const name = typeof job === 'string' ? job : job.name;
    const definition = typeof job === 'string' ? this.definitions.get(job) : job;
    const log = this.deps.log.child({ job: name, ...attempt.bindings });
    const ctx: JobContext = { ...this.deps, log, jobs: this.jobs, realNow };
    const started = performance.now();
    try {
      if (!definition) throw new Error(`no job is called ${name}`);
      if (attempt.logged) log.info('job started');
      await definition.run(definition.payload.parse(payload), ctx);
      if (attempt.logged) log.info({ ms: Math.round(performance.now() - started) }, 'job done');
      return { ok: true };
    } catch (error) {
      const final = attempt.number >= attempt.of;
      if (attempt.logged) {
        log.error({ err: error, final }, final ? 'job failed, no more tries' : 'job failed, it will be tried again');
      }
      if (final && definition) await giveUp(definition, payload, ctx, error);
      return { ok: false, error, final, retryInMs: backoffMs(attempt.number) };
    }
  }
}

/** Runs a job's gaveUp, if it has one; a failure there is logged, the job's own failure is what counts. */
async function giveUp(job: JobDefinition<unknown>, payload: unknown, ctx: JobContext, error: unknown) {
  if (!job.gaveUp) return;
  try {
    await job.gaveUp(job.payload.parse(payload), ctx, error);
  } catch (gaveUpError) {
    ctx.log.error({ err: gaveUpError }, 'could not record that the job gave up');
  }
}
