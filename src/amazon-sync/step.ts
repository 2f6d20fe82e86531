// What every feed's step does alike: record a document as an import of the step, read it in, follow the step's
// window slice by slice, and settle the numbers once. A step that cannot go on says so as a result (a Wait, a
// StepFailure); an exception is the unexpected (Amazon unreachable, a bug), and the run treats it as a failed feed.
import { type Report, type SpApiClient, Wait } from '../amazon/client.js';
import type { AmazonSettings } from '../config.js';
import { IMPORT_KINDS, nextSlice, type SyncFeed, type Window } from '../domain/sync/windows.js';
import type { AmazonConnection, AmazonSyncStep } from '../generated/prisma/client.js';
import { createImport, processImport } from '../ingest/run-import.js';
import { importState, updateStep } from '../store/amazon.js';
import type { SyncContext } from './context.js';

/** The feed cannot be fetched this time: Amazon or the import refused what it needs. */
export class StepFailure {
  constructor(readonly message: string) {}
}

/** Why a step stopped before its end: come back later, or this feed failed. */
export type Halt = Wait | StepFailure;

export const isHalt = (value: unknown): value is Halt => value instanceof Wait || value instanceof StepFailure;

export interface StepWork {
  ctx: SyncContext;
  settings: AmazonSettings;
  client: SpApiClient;
  connection: AmazonConnection;
  step: AmazonSyncStep;
}

interface Counts {
  rows: number;
  inserted: number;
  updated: number;
  duplicates: number;
}

/** Stores a document as an import; the step records it (and the report it came from) in the same update. */
export async function recordImport(
  work: StepWork,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  record: { reportId?: string; forSlice?: boolean } = {},
): Promise<number | StepFailure> {
  const { ctx, step, connection } = work;
  const created = await createImport(
    ctx.db,
    { accountId: connection.accountId, fileName, kind: IMPORT_KINDS[step.feed] },
    bytes,
    { maxBytes: ctx.config?.maxUploadBytes ?? Number.MAX_SAFE_INTEGER, now: () => ctx.clock.now() },
  );
  if (!created.ok) return new StepFailure(`${fileName}: ${created.message}`);
  work.step = await updateStep(ctx.db, step, {
    importIds: [...step.importIds, created.importId],
    ...(record.reportId ? { doneReportIds: [...step.doneReportIds, record.reportId] } : {}),
    ...(record.forSlice ? { sliceImportId: created.importId } : {}),
  });
  return created.importId;
}

/**
 * Reads a recorded import in (unless a crash left it read already) and gives its counts. A slice's import is only
 * read in (it stays RUNNING, readAt set): its step settles the numbers once for all its slices (settleSlices),
 * rather than after each, and makes them SUCCEEDED then.
 */
async function finishImport(
  work: StepWork,
  importId: number,
  options: { slice?: boolean } = {},
): Promise<Counts | StepFailure> {
  const { ctx } = work;
  const readIn = (record: { status: string; readAt: Date | null }) =>
    record.status === 'SUCCEEDED' || (options.slice === true && record.status === 'RUNNING' && record.readAt !== null);
  let record = await importState(ctx.db, importId);
  if (!record) throw new Error(`import ${importId} of the sync step is gone`);
  if (!readIn(record) && (record.status === 'QUEUED' || record.status === 'RUNNING')) {
    if (options.slice) {
      await processImport(ctx.db, importId, { now: () => ctx.clock.now(), log: ctx.log, deferNumbers: true });
    } else await ctx.imports.process(importId);
    record = await importState(ctx.db, importId);
    if (!record) throw new Error(`import ${importId} of the sync step is gone`);
  }
  if (!readIn(record)) {
    const [first] = record.errors as Array<{ line: number; message: string }>;
    return new StepFailure(
      `${record.fileName} was refused by the import (${first ? `line ${first.line}: ${first.message}` : 'no detail'})`,
    );
  }
  return { rows: record.rows, inserted: record.inserted, updated: record.updated, duplicates: record.duplicates };
}

function countsAdded(step: AmazonSyncStep, counts: Counts): Counts {
  return {
    rows: step.rows + counts.rows,
    inserted: step.inserted + counts.inserted,
    updated: step.updated + counts.updated,
    duplicates: step.duplicates + counts.duplicates,
  };
}

/** Reads an import of the step in and adds its counts to the step's. */
async function addImport(work: StepWork, importId: number): Promise<StepFailure | undefined> {
  const counts = await finishImport(work, importId);
  if (counts instanceof StepFailure) return counts;
  work.step = await updateStep(work.ctx.db, work.step, countsAdded(work.step, counts));
  return undefined;
}

/** Stores a document as an import of the step and reads it in. */
export async function importDocument(
  work: StepWork,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  reportId?: string,
): Promise<StepFailure | undefined> {
  const importId = await recordImport(work, fileName, bytes, { reportId });
  if (importId instanceof StepFailure) return importId;
  return addImport(work, importId);
}

/** An import of this step that a crash interrupted is finished before anything else (a slice's, by its slice). */
export async function resumeInterruptedImports(work: StepWork): Promise<StepFailure | undefined> {
  for (const importId of work.step.importIds) {
    if (importId === work.step.sliceImportId) continue;
    const record = await importState(work.ctx.db, importId);
    // A slice's import read in already (readAt) waits for settleSlices: its counts are in the step.
    if (record && (record.status === 'QUEUED' || record.status === 'RUNNING') && record.readAt === null) {
      const failed = await addImport(work, importId);
      if (failed) return failed;
    }
  }
  return undefined;
}

export const textOf = (text: string) =>
  (async function* () {
    yield Buffer.from(text);
  })();

/** The document of a report Amazon finished. */
export async function downloadedDocument(work: StepWork, report: Report): Promise<AsyncIterable<Uint8Array> | Halt> {
  if (!report.reportDocumentId) return new StepFailure(`report ${report.reportId} is DONE but names no document`);
  const document = await work.client.getReportDocument(report.reportDocumentId);
  if (document instanceof Wait) return document;
  return work.client.downloadDocument(document);
}

/**
 * Reads a step's window slice by slice, oldest first, each at most `maxDays` long. A slice records at most one
 * import (`sliceImportId`); the slice is closed, its counts added and `fetchedThrough` moved to its end, in one
 * update once that import is read in. A step resumed after a crash finishes the slice it was in: it neither repeats
 * a slice whose import was recorded nor skips one that was not.
 */
export async function slicedStep(
  work: StepWork,
  window: Window,
  maxDays: number,
  readSlice: (slice: Window) => Promise<Halt | undefined>,
): Promise<Halt | undefined> {
  const { db } = work.ctx;
  for (;;) {
    const { sliceImportId, sliceEnd, fetchedThrough } = work.step;
    if (sliceImportId !== null) {
      const counts = await finishImport(work, sliceImportId, { slice: true });
      if (counts instanceof StepFailure) return counts;
      work.step = await updateStep(db, work.step, {
        ...countsAdded(work.step, counts),
        fetchedThrough: sliceEnd,
        sliceEnd: null,
        sliceImportId: null,
      });
      continue;
    }
    const from = new Date(Math.max(window.start.getTime(), fetchedThrough?.getTime() ?? 0));
    if (sliceEnd && from >= sliceEnd) {
      // The window now starts past the slice in work (a settlement moved the refunds' start): nothing left in it.
      work.step = await updateStep(db, work.step, { fetchedThrough: sliceEnd, sliceEnd: null });
      continue;
    }
    const slice = sliceEnd ? { start: from, end: sliceEnd } : nextSlice(from, window.end, maxDays);
    if (!slice) {
      await settleSlices(work);
      return undefined;
    }
    // A new slice asks Amazon anew; the step shows the last report it asked for until then.
    if (!sliceEnd) work.step = await updateStep(db, work.step, { sliceEnd: slice.end, amazonReportId: null, polls: 0 });
    const halt = await readSlice(slice);
    if (halt) return halt;
    if (work.step.sliceImportId === null) {
      // Nothing to import in this slice (Amazon cancelled an empty report, Finances had nothing).
      work.step = await updateStep(db, work.step, { fetchedThrough: slice.end, sliceEnd: null });
    }
  }
}

/**
 * The numbers the step's slices changed, brought up to date once (run again after a crash, it finds little stale).
 * Products an import made stale stay marked so until then, so that nothing is lost in between.
 */
export async function settleSlices(work: StepWork) {
  const { step, connection } = work;
  await work.ctx.imports.settleSlices({
    importIds: step.importIds,
    accountId: connection.accountId,
    kind: IMPORT_KINDS[step.feed as SyncFeed],
    rows: step.rows,
    inserted: step.inserted,
  });
}
