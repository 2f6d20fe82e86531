// Jobs run at once, in this process: for the CLI (which owns its database while it runs) and the demo loader.
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { ReadProblem } from '../domain/reports/format.js';
import type { Events } from '../events.js';
import { createImport, type ImportOutcome, type NewImport } from '../ingest/run-import.js';
import type { Logger } from '../logger.js';
import type { JobDefinition, JobEnqueuer } from './kit.js';
import { processImportJob } from './process-import.js';
import { type JobDependencies, JobRunner, ONLY_TRY } from './runner.js';

export type InlineDependencies = JobDependencies;

/**
 * Jobs run at once, in this process, each tried once: its failure (after its gaveUp) is the caller's. The jobs they
 * queue run at once too, but for those `deferred` names, which are left to the caller (the sync's CLI runner makes
 * the sync's continuation its own next turn).
 */
export function inlineJobs(
  deps: InlineDependencies,
  options: { deferred?: (job: JobDefinition<never>) => boolean } = {},
): JobEnqueuer {
  const jobs: JobEnqueuer = {
    async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload) {
      if (options.deferred?.(job as JobDefinition<never>)) return;
      await runOnce(runner, job, payload);
    },
  };
  const runner = new JobRunner(deps, jobs);
  return jobs;
}

/** Runs a job once, at once, in this process; the jobs it queues go to `deps.jobs` (a test's server queue). */
export async function runNow<Payload>(
  job: JobDefinition<Payload>,
  payload: Payload,
  deps: InlineDependencies & { jobs: JobEnqueuer },
) {
  await runOnce(new JobRunner(deps, deps.jobs), job, payload);
}

async function runOnce<Payload>(runner: JobRunner, job: JobDefinition<Payload>, payload: Payload) {
  const outcome = await runner.run(job as JobDefinition<unknown>, payload, ONLY_TRY);
  if (!outcome.ok) throw outcome.error;
}

/** The outcome of an import as its record tells it, once processed. */
async function outcomeOf(db: Database, importId: number): Promise<ImportOutcome> {
  const record = await db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
  if (record.status === 'SUCCEEDED') {
    return {
      ok: true,
      importId,
      kind: record.kind,
      rows: record.rows,
      counts: {
        inserted: record.inserted,
        updated: record.updated,
        duplicates: record.duplicates,
        products: new Set(),
        receivedShipments: new Set(),
      },
      // Told to the subscribers by the job already.
      refreshed: [],
      caseEvents: [],
    };
  }
  const problems = record.errors as unknown as ReadProblem[];
  const first = problems[0];
  return {
    ok: false,
    importId,
    code: 'INVALID_FILE',
    message: first
      ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}`
      : 'the file was refused',
    problems,
    problemCount: record.errorCount,
  };
}

/**
 * Records, stores and processes a file in one go, with what follows an import (attribution, numbers): what a queued
 * import does, done at once.
 */
export async function importNow(
  deps: { db: Database; clock: Clock; events: Events; log: Logger },
  input: NewImport,
  source: AsyncIterable<Uint8Array>,
  options: { maxBytes: number },
): Promise<ImportOutcome> {
  const created = await createImport(deps.db, input, source, {
    maxBytes: options.maxBytes,
    now: () => deps.clock.now(),
  });
  if (!created.ok) return created;
  await inlineJobs(deps).enqueue(processImportJob, { importId: created.importId });
  return outcomeOf(deps.db, created.importId);
}
