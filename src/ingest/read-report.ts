// Reads a report file into parsed rows, batch by batch, collecting every problem with its line and column.
import type { ImportErrorCode } from '../domain/errors.js';
import { FileConventions } from '../domain/reports/conventions.js';
import {
  FieldReader,
  type ParsedRow,
  type ReadProblem,
  type ReportFormat,
  type TextLimits,
} from '../domain/reports/format.js';
import { recogniseHeader } from '../domain/reports/formats.js';
import {
  inboundShipmentsFormat,
  looksLikeJson,
  readInboundShipmentsJson,
} from '../domain/reports/inbound-shipments.js';
import type { Region, ReportKind } from '../domain/types.js';
import {
  MAX_JSON_CHARS,
  READ_LIMITS,
  type ReadLimits,
  readLimit,
  TEXT_LIMITS,
  TITLE_TRUNCATION,
  YIELD_EVERY_MS,
} from './limits.js';
import { failureOf, ReadFailed } from './read-failure.js';
import { type Delimiter, openRecords, type TextRecord } from './records.js';

const TEXT: TextLimits = { lengths: TEXT_LIMITS, truncation: TITLE_TRUNCATION };
/** Problems kept for the import's error list; the count goes on. */
export const MAX_KEPT_PROBLEMS = 100;
/**
 * Rows held while the file's day order or decimal mark is open. Past this many, the file is read on to the value
 * that decides (or to its end), then read again from the first held row: memory stays bounded, time linear.
 */
export const MAX_HELD_ROWS = 50_000;

export class ReportProblems {
  readonly kept: ReadProblem[] = [];
  count = 0;

  add(problem: ReadProblem): void {
    this.count++;
    if (this.kept.length < MAX_KEPT_PROBLEMS) this.kept.push(problem);
  }
}

/** A parsed row and the line of the file it came from (JSON documents count as line 1). */
export interface ReportRow<Values = unknown> extends ParsedRow<Values> {
  line: number;
}

export type ReportOpening =
  | { ok: true; format: ReportFormat<unknown, string>; batches: AsyncGenerator<ReportRow[]> }
  | { ok: false; code: ImportErrorCode; message: string };

/** What a stored file holds once unwrapped: text to split into records, or the rows of a workbook's first sheet. */
export type ReportContent =
  | { type: 'text'; chunks: AsyncIterable<string> }
  | { type: 'workbook'; records: AsyncIterable<TextRecord> };

export interface ReadOptions {
  kind?: ReportKind;
  /** The account's region: how its sellers write dates and numbers, when a file's values leave it open. */
  region: Region;
  /** The shipment of an SP-API items file whose items do not name it (given with the upload). */
  shipmentId?: string;
  batchSize: number;
  problems: ReportProblems;
  limits?: ReadLimits;
  /** Called with the number of data rows read so far. */
  onRows?: (rows: number) => void;
}

async function readAll(text: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of text) {
    all += chunk;
    if (all.length > MAX_JSON_CHARS) {
      throw new ReadFailed(
        readLimit(1, `a JSON shipments file cannot be larger than ${MAX_JSON_CHARS / (1 << 20)} MB`),
      );
    }
  }
  return all;
}

async function* single<T>(batch: T[]): AsyncGenerator<T[]> {
  if (batch.length > 0) yield batch;
}

/** The first chunk of a text, and the whole text again from its start. */
async function peekText(chunks: AsyncIterable<string>): Promise<{ first: string; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const next = await iterator.next();
  const first = next.done ? '' : next.value;
  async function* all() {
    yield first;
    for (let more = await iterator.next(); !more.done; more = await iterator.next()) yield more.value;
  }
  return { first, all: all() };
}

interface ContentRecords {
  /** In arrays of records (records.ts, RECORDS_PER_ARRAY), the header alone in the first. */
  records: AsyncIterator<TextRecord[]>;
  delimiter?: Delimiter;
  workbook: boolean;
}

async function recordsOf(content: ReportContent, limits: ReadLimits): Promise<ContentRecords> {
  if (content.type === 'workbook') return { records: inArrays(content.records), workbook: true };
  const { shape, records } = await openRecords(content.chunks, limits);
  return { records, delimiter: shape.delimiter, workbook: false };
}

function isBlank(fields: readonly string[]): boolean {
  return fields[0]?.trim() === '' && fields.every((field) => field.trim() === '');
}

const WORKBOOK_ARRAY_ROWS = 256;

/** A workbook's records in arrays, as records.ts gives a text's: the header alone in the first. */
async function* inArrays(records: AsyncIterable<TextRecord>): AsyncGenerator<TextRecord[]> {
  let array: TextRecord[] = [];
  let first = true;
  for await (const record of records) {
    array.push(record);
    if (array.length >= WORKBOOK_ARRAY_ROWS || first) {
      first = false;
      yield array;
      array = [];
    }
  }
  if (array.length > 0) yield array;
}

/**
 * Gives the event loop a turn when the work since the last turn passed YIELD_EVERY_MS (awaiting an async generator
 * only queues microtasks, which let nothing else run). `due()` is checked per row, and only a due turn is awaited.
 */
class Pacer {
  private last = performance.now();

  due(): boolean {
    return performance.now() - this.last >= YIELD_EVERY_MS;
  }

  async turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

/**
 * The records of a file after its header (`first`: what was left of the array that held it), with a limit error
 * located at its header column.
 */
async function* located(
  first: TextRecord[],
  records: AsyncIterator<TextRecord[]>,
  header: readonly string[],
): AsyncGenerator<TextRecord[]> {
  try {
    if (first.length > 0) yield first;
    for (let next = await records.next(); !next.done; next = await records.next()) yield next.value;
  } catch (error) {
    const limit = failureOf(error, 'READ_LIMIT');
    if (limit?.field !== undefined) {
      throw new ReadFailed({ ...limit, column: header[limit.field - 1]?.trim() || `field ${limit.field}` });
    }
    throw error;
  } finally {
    await records.return?.();
  }
}

/**
 * Opens a report: recognises its kind from the header (or the JSON shape) and returns its rows in batches. `open`
 * gives the file's content from its start; it is called again when the file must be read twice (see MAX_HELD_ROWS).
 * Rows with problems are left out of the batches and recorded in `problems`: the caller must not keep any row of a
 * file that had a problem.
 */
export async function openReport(open: () => Promise<ReportContent>, options: ReadOptions): Promise<ReportOpening> {
  const limits = options.limits ?? READ_LIMITS;
  let content = await open();
  if (content.type === 'text') {
    const { first, all } = await peekText(content.chunks);
    content = { type: 'text', chunks: all };
    if (looksLikeJson(first)) {
      if (options.kind && options.kind !== 'INBOUND_SHIPMENTS') {
        return {
          ok: false,
          code: 'INVALID_FILE',
          message: `a JSON file can only be inbound shipments, not ${options.kind}`,
        };
      }
      const { rows, problems } = readInboundShipmentsJson(await readAll(all), {
        shipmentId: options.shipmentId,
        limits: TEXT,
      });
      for (const problem of problems) options.problems.add(problem);
      options.onRows?.(rows.length);
      const lined = rows.map((row) => ({ ...row, line: 1 }));
      return { ok: true, format: inboundShipmentsFormat as ReportFormat<unknown, string>, batches: single(lined) };
    }
  }

  const opened = await recordsOf(content, limits);
  const firstRecords = await opened.records.next();
  const header = firstRecords.done ? undefined : firstRecords.value[0];
  if (!header) return { ok: false, code: 'INVALID_FILE', message: 'the file is empty' };
  const verdict = recogniseHeader(header.fields, options.kind);
  if (!verdict.ok) {
    for (const problem of verdict.problems) options.problems.add(problem);
    return { ok: false, code: verdict.code, message: `line 1: ${verdict.message}` };
  }
  const { format, match } = verdict;
  const headerFields = header.fields;
  const width = headerFields.length;
  const conventions = new FileConventions({
    region: options.region,
    report: format.title,
    nativeDayOrder: format.dayOrder,
    delimiter: opened.delimiter,
    decimalMark: opened.workbook ? '.' : undefined,
  });

  async function* batches(): AsyncGenerator<ReportRow[]> {
    const readRow = format.newRowReader();
    const rowProblems: ReadProblem[] = [];
    const reader = new FieldReader(format.columns, match, rowProblems, conventions, TEXT);
    // Rows held for a decision are looked at once more by a reader of their own, for what their values tell.
    const lookRow = format.newRowReader();
    const looker = new FieldReader(format.columns, match, [], conventions, TEXT);
    let batch: ReportRow[] = [];
    let rows = 0;

    const widthProblem = (record: TextRecord): ReadProblem | undefined => {
      const { fields, line } = record;
      if (fields.length === width) return undefined;
      // Extra empty fields at the end of a row (trailing tabs) change nothing; anything else is a broken row.
      if (fields.length > width && fields.slice(width).every((field) => field.trim() === '')) return undefined;
      return {
        line,
        message: `the row has ${fields.length} fields where the header has ${width}${fields.length < width ? ' (is the file truncated?)' : ''}`,
      };
    };

    /** Reads a row for good, unless one of its values waits for a decision: then false, and nothing is counted. */
    const read = (record: TextRecord): boolean => {
      const broken = widthProblem(record);
      if (broken) {
        rows++;
        options.problems.add(broken);
        return true;
      }
      const parsed = readRow(reader.next(record.fields, record.line));
      if (reader.pending) {
        rowProblems.length = 0;
        return false;
      }
      rows++;
      for (const problem of rowProblems) options.problems.add(problem);
      rowProblems.length = 0;
      if (parsed && options.problems.count === 0) {
        (parsed as ReportRow).line = record.line;
        batch.push(parsed as ReportRow);
      }
      return true;
    };

    const look = (record: TextRecord): void => {
      if (widthProblem(record)) return;
      looker.problems.length = 0;
      lookRow(looker.next(record.fields, record.line));
    };

    // Each pass reads from `resumeLine` on; a pass ends early when too many rows wait for a decision, after reading
    // on to the value that makes it. Each new pass has one more decision made, so there are at most three.
    let resumeLine = 2;
    let records: AsyncIterator<TextRecord[]> = located(firstRecords.value!.slice(1), opened.records, headerFields);
    const pacer = new Pacer();
    for (let pass = 1; ; pass++) {
      const held: TextRecord[] = [];
      let overflow = false;
      reading: for (let next = await records.next(); !next.done; next = await records.next()) {
        for (const record of next.value) {
          if (record.line < resumeLine || isBlank(record.fields)) continue;
          if (overflow) {
            look(record);
            if (!conventions.waiting) break reading;
            continue;
          }
          if (held.length > 0) {
            look(record);
            held.push(record);
            if (!conventions.waiting) {
              for (const waiting of held) read(waiting);
              held.length = 0;
            } else if (held.length > MAX_HELD_ROWS) {
              overflow = true;
              resumeLine = held[0]!.line;
              held.length = 0;
            }
          } else if (!read(record)) {
            held.push(record);
          }
          if (batch.length >= options.batchSize) {
            options.onRows?.(rows);
            yield batch;
            batch = [];
          }
          if (pacer.due()) await pacer.turn();
        }
      }
      if (conventions.waiting) {
        // The file ended with a question open: what Amazon's report and the account's region write decide it.
        const undecided = conventions.finish();
        for (const problem of undecided) options.problems.add(problem);
        if (undecided.length > 0) break;
      }
      if (!overflow) {
        for (const waiting of held) read(waiting);
        break;
      }
      await records.return?.();
      const reopened = await recordsOf(await open(), limits);
      const again = await reopened.records.next();
      records = located(again.done ? [] : again.value.slice(1), reopened.records, headerFields);
      if (pass > 3) throw new Error('the day order and decimal mark were still open after three passes');
    }
    options.onRows?.(rows);
    if (batch.length > 0) yield batch;
  }
  return { ok: true, format, batches: batches() };
}
