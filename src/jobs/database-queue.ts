// The default job queue: rows of the job table, taken by this process with SKIP LOCKED (so that several processes on
// one PostgreSQL database take each job once) under a lease that a heartbeat extends; a job whose process died is
// taken again when its lease runs out. Queued work survives a restart.
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import type { Logger } from '../logger.js';
import type { EnqueueOptions, JobDefinition, JobQueue } from './kit.js';
import { JobRunner, maxAttemptsOf } from './runner.js';

const LEASE_MS = 5 * 60_000;
const POLL_MS = 1000;

interface JobRow {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface DatabaseQueueOptions {
  config?: Config;
  db: Database;
  clock: Clock;
  events: Events;
  log: Logger;
  jobs: readonly JobDefinition<never>[];
}

export class DatabaseQueue implements JobQueue {
  private readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly runner: JobRunner;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private current: { id: number; done: Promise<void> } | undefined;

  constructor(private readonly options: DatabaseQueueOptions) {
    const { jobs, ...deps } = options;
    this.runner = new JobRunner(deps, this, jobs);
  }

  async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<void> {
    const parsed = job.payload.parse(payload);
    await this.options.db.sql.execute(
      `INSERT INTO job (name, payload, max_attempts, run_at, dedupe_key)
       VALUES ($1, $2::jsonb, $3, now() + make_interval(secs => $4::float8 / 1000), $5)
       ON CONFLICT (dedupe_key) WHERE status = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text]) DO NOTHING`,
      [job.name, JSON.stringify(parsed), maxAttemptsOf(job), options.delayMs ?? 0, job.dedupeKey?.(parsed) ?? null],
    );
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.work();
  }

  private async work(): Promise<void> {
    await this.takeOverDeadLeases();
    while (this.running) {
      let job: JobRow | undefined;
      try {
        job = await this.take();
      } catch (error) {
        this.options.log.error({ err: error }, 'could not take a job (is the database reachable?)');
      }
      if (job) {
        const done = this.execute(job);
        this.current = { id: job.id, done };
        await done;
        this.current = undefined;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * The embedded database is open in one process at a time (its data directory is locked), so a job RUNNING under
   * another worker's name was left by a process that died: it is taken again at once, not when its lease lapses
   * (an import killed mid-way would stay RUNNING up to LEASE_MS after the restart). On PostgreSQL another process
   * may be running it, and its lease decides.
   */
  private async takeOverDeadLeases(): Promise<void> {
    if (this.options.db.kind !== 'embedded') return;
    try {
      const taken = await this.options.db.sql.execute(
        `UPDATE job SET locked_until = now() - interval '1 second'
         WHERE status = 'RUNNING' AND locked_by IS DISTINCT FROM $1`,
        [this.worker],
      );
      if (taken > 0) this.options.log.info({ jobs: taken }, 'taking over the jobs a stopped process was running');
    } catch (error) {
      this.options.log.error({ err: error }, 'could not take over the jobs of a stopped process');
    }
  }

  private async take(): Promise<JobRow | undefined> {
    const [job] = await this.options.db.sql.query<JobRow>(
      `UPDATE job SET status = 'RUNNING', attempts = attempts + 1, locked_by = $1,
                      locked_until = now() + make_interval(secs => $2::float8 / 1000)
       WHERE id = (
         SELECT id FROM job
         WHERE (status = 'QUEUED' AND run_at <= now()) OR (status = 'RUNNING' AND locked_until < now())
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, name, payload, attempts, max_attempts`,
      [this.worker, LEASE_MS],
    );
    return job;
  }

  private async execute(job: JobRow): Promise<void> {
    const { db, log } = this.options;
    const heartbeat = setInterval(() => {
      db.sql
        .execute(
          `UPDATE job SET locked_until = now() + make_interval(secs => $2::float8 / 1000) WHERE id = $1 AND locked_by = $3`,
          [job.id, LEASE_MS, this.worker],
        )
        .catch(() => {});
    }, LEASE_MS / 3);
    try {
      const outcome = await this.runner.run(job.name, job.payload, {
        number: job.attempts,
        of: job.max_attempts,
        // Payloads are ids (account, import): what a log reader needs to follow a job, and never a secret.
        bindings: { jobId: job.id, attempt: job.attempts, payload: job.payload },
        logged: true,
      });
      if (outcome.ok) {
        await db.sql.execute(`UPDATE job SET status = 'DONE', finished_at = now(), locked_by = NULL WHERE id = $1`, [
          job.id,
        ]);
        return;
      }
      await db.sql
        .execute(
          `UPDATE job SET status = $2, last_error = $3, locked_by = NULL, finished_at = CASE WHEN $2 = 'FAILED' THEN now() END,
                          run_at = now() + make_interval(secs => $4::float8 / 1000)
           WHERE id = $1`,
          [
            job.id,
            outcome.final ? 'FAILED' : 'QUEUED',
            String((outcome.error as Error)?.message ?? outcome.error).slice(0, 2000),
            outcome.retryInMs,
          ],
        )
        .catch((writeError: unknown) => log.error({ err: writeError, jobId: job.id }, 'could not record the failure'));
    } catch (error) {
      log.error({ err: error, jobId: job.id }, 'could not record that the job is done');
    } finally {
      clearInterval(heartbeat);
    }
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.running = false;
    this.wake?.();
    const current = this.current;
    if (current) {
      const finished = await Promise.race([
        current.done.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), graceMs)),
      ]);
      if (!finished) {
        // Still running: give it back, so that the next process (or this one, restarted) takes it again.
        await this.options.db.sql
          .execute(
            `UPDATE job SET status = 'QUEUED', locked_by = NULL, run_at = now() WHERE id = $1 AND locked_by = $2`,
            [current.id, this.worker],
          )
          .catch(() => {});
      }
    }
    await Promise.race([this.loop, new Promise((r) => setTimeout(r, 1000))]);
  }
}
