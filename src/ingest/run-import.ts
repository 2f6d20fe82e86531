// The one import pipeline behind the GraphQL upload and the CLI: store the file, then read it into the database in
// one transaction, all or nothing (docs/reports.md, "Bad input").

import { syncLockedCases } from '../cases/sync-cases.js';
import type { Database, Sql } from '../db/database.js';
import { analyzeImported } from '../db/statistics.js';
import type { CaseEvent } from '../domain/case-events.js';
import type { ImportErrorCode } from '../domain/errors.js';
import type { Policy } from '../domain/policy.js';
import type { TextEncoding } from '../domain/reports/encoding.js';
import { problemSummary, type ReadProblem } from '../domain/reports/format.js';
import { recogniseHeader } from '../domain/reports/formats.js';
import { looksLikeJson } from '../domain/reports/inbound-shipments.js';
import type { Region, ReportKind } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { accountPolicy } from '../store/accounts.js';
import { lockCases } from '../store/cases.js';
import { markShipmentsStale, markStale, refreshStaleProductsIn } from '../store/missing-pool.js';
import { updateLastSalePrices } from '../store/prices.js';
import { archiveEntries, archiveNames, damagedArchive, isZip, type SpooledFile, spool, zipKind } from './archive.js';
import { takeLocalCopy } from './local-copies.js';
import { type Recognition, readHead, recogniseFile, refuse } from './peek.js';
import { ProductResolver } from './products.js';
import { failureOf, type ReadFailure } from './read-failure.js';
import { openReport, type ReportContent, ReportProblems } from './read-report.js';
import { deleteStoredFile, readStoredFile, storeFile } from './stored-file.js';
import { decodeText } from './text.js';
import { workbookRecords } from './workbook.js';
import { emptyCounts, type WriteCounts, writerFor } from './writers.js';

// Rows prepared and written at a time: each batch is prepared in one go, so its size bounds how long the event loop
// waits (about 5 ms for 500 ledger rows; docs/reports.md, "Limits").
const BATCH_ROWS = 500;
/** The class of the advisory locks that serialise the imports of each account. */
const IMPORT_LOCK = 0x52434c4d;

/** What the recomputation that made an import SUCCEEDED changed, for the subscribers to be told after its commit. */
export interface Settled {
  /** The products whose numbers were recomputed. */
  refreshed: number[];
  /** The cases' changes (reimbursements attributed, cases closed or reopened). */
  caseEvents: CaseEvent[];
}

export interface ImportSucceeded extends Settled {
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

export interface CreatedImport {
  importId: number;
  /** The file's name; for a file of a ZIP archive, the archive's name and its path inside (`reports.zip/ledger.csv`). */
  fileName: string;
}

interface CreateOptions {
  maxBytes: number;
  now: () => Date;
}

/** Records an import and stores its file; nothing is left recorded when storing fails. */
async function recordImport(
  db: Database,
  input: NewImport,
  kind: ReportKind,
  bytes: AsyncIterable<Uint8Array>,
  options: CreateOptions,
): Promise<CreatedImport | ImportFailed> {
  const record = await db.prisma.import.create({
    data: {
      accountId: input.accountId,
      fileName: input.fileName,
      kind,
      shipmentId: input.shipmentId,
      createdAt: options.now(),
    },
  });
  const undo = () => db.prisma.import.delete({ where: { id: record.id } });
  let stored: Awaited<ReturnType<typeof storeFile>>;
  try {
    stored = await storeFile(db, { accountId: input.accountId, importId: record.id }, bytes, options.maxBytes);
    if (stored.ok) {
      await db.prisma.import.update({
        where: { id: record.id },
        data: { bytes: stored.bytes, contentHash: stored.sha256 },
      });
      return { importId: record.id, fileName: input.fileName };
    }
  } catch (error) {
    await undo();
    throw error;
  }
  await undo();
  return fileRefused(undefined, stored);
}

/** Why a shipment id given with a file cannot go with it, if it cannot. */
function shipmentIdRefusal(shipmentId: string, kind: ReportKind, json: boolean): ImportFailed | undefined {
  const message =
    kind !== 'INBOUND_SHIPMENTS' || !json
      ? `a shipment id goes with an inbound shipments file of SP-API JSON, not with ${kind}`
      : /^[A-Za-z0-9-]{1,64}$/.test(shipmentId)
        ? undefined
        : `"${shipmentId}" is not a shipment id (letters and digits, such as FBA15ABCDE1)`;
  return message ? failed(undefined, 'INVALID_FILE', [{ line: 1, message }], 1, message) : undefined;
}

/** Records the import of a recognised file, or says why the file is refused. */
async function recordRecognised(
  db: Database,
  input: NewImport,
  recognition: Recognition,
  bytes: AsyncIterable<Uint8Array>,
  options: CreateOptions & { json?: boolean },
): Promise<CreatedImport[] | ImportFailed> {
  if (!recognition.ok) {
    return failed(undefined, recognition.code, recognition.problems, recognition.problems.length, recognition.message);
  }
  const shipmentId = input.shipmentId?.trim() || undefined;
  const refusal = shipmentId && shipmentIdRefusal(shipmentId, recognition.kind, options.json ?? false);
  if (refusal) return refusal;
  const created = await recordImport(db, { ...input, shipmentId }, recognition.kind, bytes, options);
  return 'ok' in created ? created : [created];
}

/** The kind of a workbook, from the header of its first sheet. */
async function recogniseWorkbook(file: SpooledFile, requested?: ReportKind): Promise<Recognition> {
  const records = workbookRecords(file.read());
  try {
    const header = await records.next();
    if (header.done) return refuse('INVALID_FILE', 'the Excel workbook is empty');
    const verdict = recogniseHeader(header.value.fields, requested);
    return verdict.ok
      ? { ok: true, kind: verdict.format.kind }
      : refuse(verdict.code, verdict.message, verdict.problems);
  } catch (error) {
    const failure = failureOf(error, 'UNREADABLE_WORKBOOK', 'READ_LIMIT');
    if (failure) return refuse('INVALID_FILE', failure.message);
    throw error;
  } finally {
    await records.return(undefined);
  }
}

/**
 * Recognises one file (text, gzip, SP-API JSON, an Excel workbook, or, when `archives` allows, a ZIP archive of such
 * files) and records one import per report it holds, each with its file stored.
 */
async function createFromFile(
  db: Database,
  input: NewImport,
  source: AsyncIterable<Uint8Array>,
  options: CreateOptions & { archives: boolean },
): Promise<CreatedImport[] | ImportFailed> {
  const { head, all } = await readHead(source);
  if (!isZip(head)) {
    const json = looksLikeJson(Buffer.from(head).toString('utf8'));
    return recordRecognised(db, input, recogniseFile(head, input.kind), all, { ...options, json });
  }
  const file = await spool(all, options.maxBytes);
  if (!file.ok) return fileRefused(undefined, file);
  try {
    const listed = await archiveNames(file);
    if (!listed.ok) return fileRefused(undefined, listed);
    const kind = zipKind(listed.names);
    if (kind === 'workbook') {
      // exceljs unzips a workbook on its own: each of its files is read once here, where yauzl checks its size.
      const verified = await archiveNames(file, { verify: true });
      if (!verified.ok) return fileRefused(undefined, verified);
    }
    if (kind === 'opendocument') {
      return refusedAtStart(
        'the file is an OpenDocument spreadsheet: save it as .xlsx or as CSV, or import the report as Amazon gave it',
      );
    }
    if (kind === 'workbook') {
      // Awaited here: returned as a promise, the `finally` would remove the file while the import still opens it
      // (ENOENT about once in 200 uploads on a loaded machine).
      return await recordRecognised(db, input, await recogniseWorkbook(file, input.kind), file.read(), options);
    }
    if (!options.archives) return refusedAtStart('the file is a ZIP archive inside a ZIP archive: unzip it first');
    return await createFromArchive(db, input, file, options);
  } finally {
    await file.remove();
  }
}

/** The bytes of a file of a ZIP archive: a failure to read them (bad data, a wrong size) is the archive's damage. */
async function* damagedAsArchive(stream: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    throw damagedArchive(`${name} cannot be read from the ZIP file (${(error as Error).message})`);
  }
}

/** One import per file of a ZIP archive, all or none: a file that is not a report refuses the whole archive. */
async function createFromArchive(
  db: Database,
  input: NewImport,
  file: SpooledFile,
  options: CreateOptions,
): Promise<CreatedImport[] | ImportFailed> {
  const created: CreatedImport[] = [];
  const undo = () => db.prisma.import.deleteMany({ where: { id: { in: created.map((one) => one.importId) } } });
  try {
    for await (const entry of archiveEntries(file.path)) {
      const fileName = `${input.fileName}/${entry.name}`;
      const stream = await entry.open();
      // A refused file is not read to its end: its stream is let go of, not left holding the archive open.
      const outcome = await createFromFile(db, { ...input, fileName }, damagedAsArchive(stream, entry.name), {
        ...options,
        archives: false,
      }).finally(() => stream.destroy());
      if (!Array.isArray(outcome)) {
        await undo();
        return { ...outcome, message: `${entry.name} (in ${input.fileName}): ${outcome.message}` };
      }
      created.push(...outcome);
    }
  } catch (error) {
    await undo();
    // Only the reading of this archive throws here: its files' own failures came back as results.
    const damaged = failureOf(error, 'DAMAGED_ARCHIVE');
    if (damaged) return fileRefused(undefined, damaged);
    throw error;
  }
  if (created.length === 0) return refusedAtStart('the ZIP archive holds no file');
  return created;
}

/**
 * Recognises an upload and records its imports, each with its file stored, ready to be processed: one import, or
 * one per file of a ZIP archive. A file that is not a report (empty, binary, an unknown header) or is over the size
 * limit is refused, and nothing is recorded.
 */
export async function createImports(
  db: Database,
  input: NewImport,
  source: AsyncIterable<Uint8Array>,
  options: CreateOptions,
): Promise<{ ok: true; imports: CreatedImport[] } | ImportFailed> {
  const outcome = await createFromFile(db, input, source, { ...options, archives: true });
  return Array.isArray(outcome) ? { ok: true, imports: outcome } : outcome;
}

/** createImports for a file known to be one report (an SP-API document): a ZIP archive is refused. */
export async function createImport(
  db: Database,
  input: NewImport,
  source: AsyncIterable<Uint8Array>,
  options: CreateOptions,
): Promise<{ ok: true; importId: number } | ImportFailed> {
  const outcome = await createFromFile(db, input, source, { ...options, archives: false });
  return Array.isArray(outcome) ? { ok: true, importId: outcome[0]!.importId } : outcome;
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
  return {
    ok: false,
    importId,
    code,
    message: message ?? problemSummary(problems, count),
    problems,
    problemCount: count,
  };
}

/**
 * The result of a file its readers refused: INVALID_FILE at the failure's line (and column), line 1 when it has none.
 * The size limit is the whole file's, not a line's: its message names no line.
 */
function fileRefused(importId: number | undefined, failure: ReadFailure): ImportFailed {
  const column = failure.column ? { column: failure.column } : {};
  const problems = [{ line: failure.line ?? 1, ...column, message: failure.message }];
  return failed(
    importId,
    'INVALID_FILE',
    problems,
    1,
    failure.reason === 'FILE_TOO_LARGE' ? failure.message : undefined,
  );
}

/** An upload refused for what it is as a whole (no report at all), before anything is recorded. */
function refusedAtStart(message: string): ImportFailed {
  return failed(undefined, 'INVALID_FILE', [{ line: 1, message }], 1);
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

export interface ProcessOptions {
  now: () => Date;
  log?: Logger;
  /** Called with the number of data rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /**
   * Commit the rows but leave the numbers to settleReadImports (a sync's slices: recomputed once for all). The
   * import stays RUNNING, its readAt set; otherwise it becomes SUCCEEDED in the commit that recomputes them.
   */
  deferNumbers?: boolean;
}

/**
 * Leaves an import its job could not finish FAILED with the reason, so that it does not stay QUEUED or RUNNING for
 * ever; one already finished is left alone. Whether it was changed.
 */
export async function failImport(db: Database, importId: number, now: Date, error: unknown): Promise<boolean> {
  const reason = String((error as Error)?.message ?? error).slice(0, 500);
  const message = `Reclaim could not process this file (${reason}). Upload it again; if it fails again, report it.`;
  const { count } = await db.prisma.import.updateMany({
    where: { id: importId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'FAILED', finishedAt: now, errors: [{ line: 0, message }], errorCount: 1 },
  });
  return count > 0;
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
  const account = await db.prisma.account.findUniqueOrThrow({ where: { id: record.accountId } });
  const { region } = account;
  // Read before the transaction: on the embedded database it holds the only connection.
  const policy = await accountPolicy(db, account);
  // The bytes as this process stored them, when it did (local-copies.ts); else the stored blocks.
  const local = takeLocalCopy(db, importId, record.contentHash);
  // The kind was recognised when the import was recorded; the whole file is now read as that report.
  const read = (encoding?: 'windows-1252') =>
    readIntoDatabase(
      db,
      target,
      { kind: record.kind, region, encoding, shipmentId: record.shipmentId ?? undefined, local: local?.open },
      { ...options, policy },
    );
  let outcome: Awaited<ReturnType<typeof read>>;
  try {
    outcome = await read();
    // Valid UTF-8 at the start, something else later: the whole file is Windows-1252 (docs/reports.md, Encoding).
    if ('reason' in outcome && outcome.reason === 'NOT_UTF8') outcome = await read('windows-1252');
  } finally {
    local?.release();
  }
  const result = 'reason' in outcome ? fileRefused(importId, outcome) : outcome;
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

/**
 * The content of a stored file: the first sheet of a workbook, or its text (gzip unwrapped, decoded in `encoding`,
 * else in the encoding its first bytes show). `used` learns the text encoding.
 */
async function storedContent(
  sql: Sql,
  importId: number,
  encoding: TextEncoding | undefined,
  used: (encoding: string) => void,
  local?: () => AsyncIterable<Uint8Array>,
): Promise<ReportContent> {
  const { head, all } = await readHead(local ? local() : readStoredFile(sql, importId));
  if (isZip(head)) {
    used('utf-8');
    return { type: 'workbook', records: workbookRecords(all) };
  }
  const text = await decodeText(all, encoding);
  used(text.encoding);
  return { type: 'text', chunks: text.chunks };
}

/**
 * Reads a stored file into the database in one transaction, committed only when the outcome is a success: a refused
 * file (a problem in its rows, or a failure of its readers, which is returned) leaves nothing.
 */
async function readIntoDatabase(
  db: Database,
  target: { accountId: number; importId: number; importedAt: Date },
  file: {
    kind: ReportKind;
    region: Region;
    encoding: 'windows-1252' | undefined;
    shipmentId?: string;
    /** The file's local copy (local-copies.ts), if this process kept one. */
    local?: () => AsyncIterable<Uint8Array>;
  },
  options: ProcessOptions & { policy: Policy },
): Promise<ImportOutcome | ReadFailure> {
  const problems = new ReportProblems();
  const counts = emptyCounts();
  let rows = 0;
  try {
    // Everything happens in the transaction, the reading of the stored file too: the embedded database has one
    // connection, which the transaction holds until the end. Only a success is committed: a refused file's rows are
    // rolled back.
    return await db.transaction(
      async (sql): Promise<ImportOutcome> => {
        // One import of an account at a time: two overlapping files then never race for the same rows.
        await sql.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK, target.accountId]);
        // The cases' lock before any product is touched, in the order the case changes take them (no deadlock).
        const attributes = file.kind === 'REIMBURSEMENTS' && !options.deferNumbers;
        if (attributes) await lockCases(sql, target.accountId);
        let encoding = 'utf-8';
        let kind: ReportKind = file.kind;
        /** The products the import's own update of their names has marked stale already. */
        const marked = new Set<number>();
        const same = await sameFileImported(sql, target, file);
        if (same) {
          encoding = same.encoding ?? encoding;
          rows = same.rows;
          counts.duplicates = same.rows;
          options.onProgress?.(rows);
        } else {
          const opening = await openReport(
            () =>
              storedContent(
                sql,
                target.importId,
                file.encoding,
                (used) => {
                  encoding = used;
                },
                file.local,
              ),
            {
              kind: file.kind,
              region: file.region,
              shipmentId: file.shipmentId,
              batchSize: BATCH_ROWS,
              problems,
              onRows: (read) => {
                rows = read;
                options.onProgress?.(read);
              },
            },
          );
          if (!opening.ok) {
            return failed(target.importId, opening.code, problems.kept, Math.max(problems.count, 1), opening.message);
          }
          const { format } = opening;
          kind = format.kind;
          const products = new ProductResolver(target.accountId);
          const writer = writerFor(format, target, products, problems);
          // Writing a batch (in the database) overlaps with reading and preparing the next one (here).
          let writing: Promise<void> = Promise.resolve();
          try {
            for await (const rows of opening.batches) {
              if (problems.count > 0) continue;
              const batch = writer.prepare(rows);
              await writing;
              writing = writer.write(sql, batch, counts);
              writing.catch(() => {});
            }
            await writing;
          } catch (error) {
            // The transaction is rolled back only once nothing of it is still being written.
            await writing.catch(() => {});
            await writer.finish?.(sql, counts, true);
            throw error;
          }
          await writer.finish?.(sql, counts, problems.count > 0);
          if (problems.count > 0) return failed(target.importId, 'INVALID_FILE', problems.kept, problems.count);
          for (const id of await products.finish(sql, counts.products)) {
            counts.products.add(id);
            marked.add(id);
          }
        }
        if (kind === 'SETTLEMENT') await updateLastSalePrices(sql, target.accountId, counts.products);
        await markStale(
          sql,
          target.accountId,
          [...counts.products].filter((id) => !marked.has(id)),
        );
        await markShipmentsStale(sql, target.accountId, counts.receivedShipments);
        const now = options.now();
        const settled = options.deferNumbers
          ? { refreshed: [], caseEvents: [] }
          : await recomputeNumbers(sql, { id: target.accountId, region: file.region }, options.policy, {
              kind: kind,
              inserted: counts.inserted,
              attributes,
              now,
            });
        // SUCCEEDED in the commit that recomputes the numbers (Hardening II, "Numbers switch whole").
        await sql.execute(
          `UPDATE import SET status = CASE WHEN $9::boolean THEN status ELSE 'SUCCEEDED' END, kind = $2, encoding = $3,
           rows = $4, inserted = $5, updated = $6, duplicates = $7,
           finished_at = CASE WHEN $9::boolean THEN NULL ELSE $8::timestamptz END,
           read_at = CASE WHEN $9::boolean THEN $8::timestamptz END
         WHERE id = $1`,
          [
            target.importId,
            kind,
            encoding,
            rows,
            counts.inserted,
            counts.updated,
            counts.duplicates,
            now,
            options.deferNumbers ?? false,
          ],
        );
        return { ok: true, importId: target.importId, kind: kind, rows, counts, ...settled };
      },
      (outcome) => outcome.ok,
    );
  } catch (error) {
    // Where a reader's thrown failure ends when a stored file is processed: it stopped the stream and rolled back.
    const failure = failureOf(error);
    if (failure) return failure;
    throw error;
  }
}

/** The reports whose rows are events, only ever added: the same rows again change nothing (docs/reports.md). */
const APPEND_ONLY: ReadonlySet<ReportKind> = new Set(['LEDGER', 'REIMBURSEMENTS', 'CUSTOMER_RETURNS', 'SETTLEMENT']);

/**
 * An earlier import of the account that succeeded with the very same bytes as this one's, read as the same report:
 * this file then holds only rows already stored, all duplicates, and need not be read again (1M rows in well under a
 * second instead of half a minute). Only for append-only reports: a shipments or costs file again may undo what a
 * later one changed. Stored rows are never deleted, so what that import stored (or found stored) is still there.
 */
async function sameFileImported(
  sql: Sql,
  target: { accountId: number; importId: number },
  file: { kind: ReportKind; shipmentId?: string },
): Promise<{ rows: number; encoding: string | null } | undefined> {
  if (!APPEND_ONLY.has(file.kind)) return undefined;
  const [found] = await sql.query<{ rows: number; encoding: string | null }>(
    `SELECT earlier.rows, earlier.encoding FROM import this
       JOIN import earlier ON earlier.account_id = this.account_id AND earlier.content_hash = this.content_hash
      WHERE this.id = $1 AND this.account_id = $2 AND earlier.id <> this.id AND earlier.status = 'SUCCEEDED'
        AND earlier.kind = this.kind AND earlier.shipment_id IS NOT DISTINCT FROM this.shipment_id
      ORDER BY earlier.id DESC LIMIT 1`,
    [target.importId, target.accountId],
  );
  return found;
}

/**
 * The numbers of what a transaction changed, recomputed in it: the cases' attribution of reimbursements (docs/rules.md
 * section 3; the caller holds the cases' lock), the planner's statistics, then every stale product of the account.
 */
async function recomputeNumbers(
  sql: Sql,
  account: { id: number; region: Region },
  policy: Policy,
  imported: { kind: ReportKind; inserted: number; attributes: boolean; now: Date },
): Promise<Settled> {
  const caseEvents = imported.attributes ? await syncLockedCases(sql, account.id, imported.now) : [];
  await analyzeImported(sql, imported.kind, imported.inserted);
  const refreshed = await refreshStaleProductsIn(sql, account, policy);
  return { refreshed, caseEvents };
}

/**
 * Finishes imports whose rows were committed with deferNumbers (or by a process that died before the end): their
 * numbers recomputed and the imports SUCCEEDED, in one transaction. Run again, it finds little or nothing to do.
 */
export async function settleReadImports(
  db: Database,
  accountId: number,
  imports: { ids: number[]; kind: ReportKind; inserted: number },
  now: Date,
): Promise<Settled> {
  const account = await db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const policy = await accountPolicy(db, account);
  const attributes = imports.kind === 'REIMBURSEMENTS';
  return db.transaction(async (sql) => {
    if (attributes) await lockCases(sql, accountId);
    const settled = await recomputeNumbers(sql, account, policy, { ...imports, attributes, now });
    await sql.execute(
      `UPDATE import SET status = 'SUCCEEDED', finished_at = $3, read_at = NULL
       WHERE account_id = $1 AND id = ANY($2::int[]) AND status = 'RUNNING' AND read_at IS NOT NULL`,
      [accountId, imports.ids, now],
    );
    return settled;
  });
}
