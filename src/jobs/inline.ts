// Jobs run at once, in this process: for the CLI (which owns its database while it runs) and the demo loader.
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { ReadProblem } from '../domain/reports/format.js';
import type { Events } from '../events.js';
import { createImport, type ImportOutcome, type NewImport } from '../ingest/run-import.js';
import type { Logger } from '../logger.js';
import { giveUp, type JobContext, type JobDefinition, type JobEnqueuer } from './kit.js';
import { processImportJob } from './process-import.js';

export function inlineJobs(deps: {
  db: Database;
  clock: Clock;
  events: Events;
  log: Logger;
  config?: Config;
}): JobEnqueuer {
  const jobs: JobEnqueuer = {
    async enqueue<Payload>(job: JobDefinition<Payload>, payload: Payload) {
      const ctx: JobContext = { ...deps, log: deps.log.child({ job: job.name }), jobs };
      try {
        await job.run(job.payload.parse(payload), ctx);
      } catch (error) {
        await giveUp(job, payload, ctx, error);
        throw error;
      }
    },
  };
  return jobs;
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
