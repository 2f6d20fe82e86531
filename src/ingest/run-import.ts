// The one import pipeline behind the GraphQL upload and the CLI: store the file, then read it into the database in
// one transaction, all or nothing (REPORTS.md, "Bad input").
import type { Database } from '../db/database.js';
import type { ReadProblem } from '../domain/reports/format.js';
import { looksLikeJson } from '../domain/reports/inbound-shipments.js';
import type { ReportKind } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { markShipmentsStale, markStale } from '../store/missing-pool.js';
import { updateLastSalePrices } from '../store/prices.js';
import { readHead, recogniseFile } from './peek.js';
import { ProductResolver } from './products.js';
import { openReport, ReportProblems } from './read-report.js';
import { deleteStoredFile, FileTooLargeError, readStoredFile, storeFile } from './stored-file.js';
import { decodeText, NotUtf8Error, UnreadableFileError } from './text.js';
import { emptyCounts, type WriteCounts, writerFor } from './writers.js';

const BATCH_ROWS = 4_000;
/** The class of the advisory locks that serialise the imports of each account. */
const IMPORT_LOCK = 0x52434c4d;

export type ImportErrorCode = 'UNKNOWN_REPORT' | 'INVALID_FILE';

export interface ImportSucceeded {
  ok: true;
  importId: number;
  kind: ReportKind;
  rows: number;
  counts: WriteCounts;
}

export interface ImportFailed {
  ok: false;
  /** The refused import, or undefined when the file was refused before anything was recorded (not a report). */
  importId?: number;
  code: ImportErrorCode;
  /** What went wrong, naming the first problem's line and column. */
  message: string;
  problems: ReadProblem[];
  problemCount: number;
}

export type ImportOutcome = ImportSucceeded | ImportFailed;

export interface NewImport {
  accountId: number;
  fileName: string;
  /** The kind the uploader says the file is; recognised from its header when absent. */
  kind?: ReportKind;
  /** The inbound shipment an SP-API items file belongs to, for items that do not name theirs. */
  shipmentId?: string;
}

/**
 * Recognises a file and records its import with the file stored, ready to be processed. A file that is not a
 * report (empty, binary, an unknown header) or is over the size limit is refused, and nothing is recorded.
 */
export async function createImport(
  db: Database,
  input: NewImport,
  source: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; now: () => Date },
): Promise<{ ok: true; importId: number } | ImportFailed> {
  const { head, all } = await readHead(source);
  const recognition = recogniseFile(head, input.kind);
  if (!recognition.ok)
    return failed(undefined, recognition.code, recognition.problems, recognition.problems.length, recognition.message);
  const shipmentId = input.shipmentId?.trim() || undefined;
  if (shipmentId && (recognition.kind !== 'INBOUND_SHIPMENTS' || !looksLikeJson(Buffer.from(head).toString('utf8')))) {
    const message = `a shipment id goes with an inbound shipments file of SP-API JSON, not with ${recognition.kind}`;
    return failed(undefined, 'INVALID_FILE', [{ line: 1, message }], 1, message);
  }
  if (shipmentId && !/^[A-Za-z0-9-]{1,64}$/.test(shipmentId)) {
    const message = `"${shipmentId}" is not a shipment id (letters and digits, such as FBA15ABCDE1)`;
    return failed(undefined, 'INVALID_FILE', [{ line: 1, message }], 1, message);
  }
  const record = await db.prisma.import.create({
    data: {
      accountId: input.accountId,
      fileName: input.fileName,
      kind: recognition.kind,
      shipmentId,
      createdAt: options.now(),
    },
  });
  try {
    const bytes = await storeFile(db, { accountId: input.accountId, importId: record.id }, all, options.maxBytes);
    await db.prisma.import.update({ where: { id: record.id }, data: { bytes } });
    return { ok: true, importId: record.id };
  } catch (error) {
    await db.prisma.import.delete({ where: { id: record.id } });
    if (!(error instanceof FileTooLargeError)) throw error;
    return failed(undefined, 'INVALID_FILE', [{ line: 1, message: error.message }], 1, error.message);
  }
}

/** An upload cut off this long ago (its process died while storing the file) will never complete. */
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/**
 * The imports a process must (re)start after a crash: every QUEUED or RUNNING import whose file was stored whole
 * (bytes is set once the last chunk is in). Uploads cut off long ago are failed with a message saying so, since
 * their file is incomplete and no one is still sending it.
 */
export async function importsToResume(db: Database, now: Date): Promise<number[]> {
  const abandonedBefore = new Date(now.getTime() - ABANDONED_UPLOAD_MS);
  const message = 'The upload was interrupted before the whole file arrived: upload the file again.';
  const abandoned = await db.prisma.import.findMany({
    where: { status: 'QUEUED', bytes: 0, createdAt: { lt: abandonedBefore } },
    select: { id: true },
  });
  for (const { id } of abandoned) {
    await deleteStoredFile(db, id);
    await db.prisma.import.update({
      where: { id },
      data: { status: 'FAILED', finishedAt: now, errors: [{ line: 0, message }], errorCount: 1 },
    });
  }
  const unfinished = await db.prisma.import.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, bytes: { gt: 0 } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return unfinished.map(({ id }) => id);
}

function failed(
  importId: number | undefined,
  code: ImportErrorCode,
  problems: ReadProblem[],
  count: number,
  message?: string,
): ImportFailed {
  const first = problems[0];
  const where = first
    ? first.line > 0
      ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: `
      : ''
    : '';
  const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
  return {
    ok: false,
    importId,
    code,
    message: message ?? `${where}${first?.message ?? 'the file cannot be read'}${more}`,
    problems,
    problemCount: count,
  };
}

async function recordFailure(
  db: Database,
  failure: ImportFailed & { importId: number },
  finishedAt: Date,
): Promise<void> {
  await db.prisma.import.update({
    where: { id: failure.importId },
    data: {
      status: 'FAILED',
      errors: failure.problems.map(({ line, column, message }) => ({ line, column: column ?? null, message })),
      errorCount: failure.problemCount,
      finishedAt,
    },
  });
  // Nothing of a refused file was imported: there is nothing to trace back to it.
  await deleteStoredFile(db, failure.importId);
}

class RowsRefused extends Error {}

export interface ProcessOptions {
  now: () => Date;
  log?: Logger;
  /** Called with the number of data rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

/**
 * Reads a stored file into the database. Every row goes in, in one transaction, or none does: the first problem
 * stops the writing, the reading goes on to report every problem (up to a hundred kept), and the transaction is
 * rolled back. Runs again safely: a file that was half-processed when the process died was rolled back with it.
 */
export async function processImport(db: Database, importId: number, options: ProcessOptions): Promise<ImportOutcome> {
  const record = await db.prisma.import.update({
    where: { id: importId },
    data: { status: 'RUNNING', startedAt: options.now(), rows: 0, inserted: 0, updated: 0, duplicates: 0 },
  });
  const target = { accountId: record.accountId, importId, importedAt: record.createdAt };
  // The kind was recognised when the import was recorded; the whole file is now read as that report.
  let outcome: ImportOutcome | undefined;
  for (const encoding of [undefined, 'windows-1252'] as const) {
    try {
      outcome = await readIntoDatabase(db, target, record, encoding, options);
      break;
    } catch (error) {
      // Valid UTF-8 at the start, something else later: the whole file is Windows-1252 (REPORTS.md, Encoding).
      if (error instanceof NotUtf8Error && encoding === undefined) continue;
      if (error instanceof UnreadableFileError) {
        outcome = failed(importId, 'INVALID_FILE', [{ line: 1, message: error.message }], 1);
        break;
      }
      throw error;
    }
  }
  const result = outcome as ImportOutcome;
  if (result.ok) {
    const { kind, rows, counts } = result;
    options.log?.info(
      { importId, kind, rows, inserted: counts.inserted, duplicates: counts.duplicates },
      'import done',
    );
  } else {
    await recordFailure(db, { ...result, importId }, options.now());
    options.log?.info({ importId, code: result.code, problems: result.problemCount }, 'import refused');
  }
  return result;
}

async function readIntoDatabase(
  db: Database,
  target: { accountId: number; importId: number; importedAt: Date },
  { kind, shipmentId }: { kind: ReportKind; shipmentId: string | null },
  encoding: 'windows-1252' | undefined,
  options: ProcessOptions,
): Promise<ImportOutcome> {
  const problems = new ReportProblems();
  const counts = emptyCounts();
  let rows = 0;
  try {
    // Everything happens in the transaction, the reading of the stored file too: the embedded database has one
    // connection, which the transaction holds until the end.
    return await db.transaction(async (sql): Promise<ImportOutcome> => {
      // One import of an account at a time: two overlapping files then never race for the same rows.
      await sql.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK, target.accountId]);
      const text = await decodeText(readStoredFile(sql, target.importId), encoding);
      const opening = await openReport(text.chunks, {
        kind,
        shipmentId: shipmentId ?? undefined,
        batchSize: BATCH_ROWS,
        problems,
        onRows: (read) => {
          rows = read;
          options.onProgress?.(read);
        },
      });
      if (!opening.ok) {
        return failed(target.importId, opening.code, problems.kept, Math.max(problems.count, 1), opening.message);
      }
      const { format } = opening;
      const products = new ProductResolver(target.accountId);
      const writer = writerFor(format, target, products);
      // Writing a batch (in the database) overlaps with reading and preparing the next one (here).
      let writing: Promise<void> = Promise.resolve();
      for await (const rows of opening.batches) {
        if (problems.count > 0) continue;
        const batch = writer.prepare(rows);
        await writing;
        writing = writer.write(sql, batch, counts);
        writing.catch(() => {});
      }
      await writing;
      if (problems.count > 0) throw new RowsRefused();
      for (const id of await products.finish(sql)) counts.products.add(id);
      if (format.kind === 'SETTLEMENT') await updateLastSalePrices(sql, target.accountId, counts.products);
      await markStale(sql, target.accountId, counts.products);
      await markShipmentsStale(sql, target.accountId, counts.receivedShipments);
      await sql.execute(
        `UPDATE import SET status = 'SUCCEEDED', kind = $2, encoding = $3, rows = $4, inserted = $5, updated = $6,
           duplicates = $7, finished_at = $8 WHERE id = $1`,
        [
          target.importId,
          format.kind,
          text.encoding,
          rows,
          counts.inserted,
          counts.updated,
          counts.duplicates,
          options.now(),
        ],
      );
      return { ok: true, importId: target.importId, kind: format.kind, rows, counts };
    });
  } catch (error) {
    if (!(error instanceof RowsRefused)) throw error;
    return failed(target.importId, 'INVALID_FILE', problems.kept, problems.count);
  }
}
