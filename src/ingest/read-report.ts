// Reads a report file into parsed rows, batch by batch, collecting every problem with its line and column.
import { FieldReader, type ParsedRow, type ReadProblem, type ReportFormat } from '../domain/reports/format.js';
import { recogniseHeader } from '../domain/reports/formats.js';
import {
  inboundShipmentsFormat,
  looksLikeJson,
  readInboundShipmentsJson,
} from '../domain/reports/inbound-shipments.js';
import type { ReportKind } from '../domain/types.js';
import { readRecords } from './records.js';

const MAX_JSON_CHARS = 64 * 1024 * 1024;
/** Problems kept for the import's error list; the count goes on. */
export const MAX_KEPT_PROBLEMS = 100;

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
  | { ok: false; code: 'UNKNOWN_REPORT' | 'INVALID_FILE'; message: string };

export interface ReadOptions {
  kind?: ReportKind;
  /** The shipment of an SP-API items file whose items do not name it (given with the upload). */
  shipmentId?: string;
  batchSize: number;
  problems: ReportProblems;
  /** Called with the number of data rows read so far. */
  onRows?: (rows: number) => void;
}

async function readAll(text: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of text) {
    all += chunk;
    if (all.length > MAX_JSON_CHARS) throw new Error('a JSON shipments file cannot be larger than 64 MB');
  }
  return all;
}

async function* single<T>(batch: T[]): AsyncGenerator<T[]> {
  if (batch.length > 0) yield batch;
}

/**
 * Opens a report: recognises its kind from the header (or the JSON shape) and returns its rows in batches.
 * Rows with problems are left out of the batches and recorded in `problems`: the caller must not keep any row of a
 * file that had a problem.
 */
export async function openReport(text: AsyncIterable<string>, options: ReadOptions): Promise<ReportOpening> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  const firstChunk = first.done ? '' : first.value;
  const rest: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      yield firstChunk;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };

  if (looksLikeJson(firstChunk)) {
    if (options.kind && options.kind !== 'INBOUND_SHIPMENTS') {
      return {
        ok: false,
        code: 'INVALID_FILE',
        message: `a JSON file can only be inbound shipments, not ${options.kind}`,
      };
    }
    const { rows, problems } = readInboundShipmentsJson(await readAll(rest), { shipmentId: options.shipmentId });
    for (const problem of problems) options.problems.add(problem);
    options.onRows?.(rows.length);
    const lined = rows.map((row) => ({ ...row, line: 1 }));
    return { ok: true, format: inboundShipmentsFormat as ReportFormat<unknown, string>, batches: single(lined) };
  }

  const records = readRecords(rest);
  const header = await records.next();
  if (header.done) return { ok: false, code: 'INVALID_FILE', message: 'the file is empty' };
  const verdict = recogniseHeader(header.value.fields, options.kind);
  if (!verdict.ok) {
    for (const problem of verdict.problems) options.problems.add(problem);
    return { ok: false, code: verdict.code, message: `line 1: ${verdict.message}` };
  }
  const { format, match } = verdict;
  const width = header.value.fields.length;

  async function* batches(): AsyncGenerator<ReportRow[]> {
    const readRow = format.newRowReader();
    const problems: ReadProblem[] = [];
    const reader = new FieldReader(format.columns, match, [], 0, problems);
    let batch: ReportRow[] = [];
    let rows = 0;
    for await (const record of records) {
      rows++;
      const { fields, line } = record;
      if (fields.length !== width) {
        // Extra empty fields at the end of a row (trailing tabs) change nothing; anything else is a broken row.
        const extraAreEmpty = fields.length > width && fields.slice(width).every((field) => field.trim() === '');
        if (!extraAreEmpty) {
          options.problems.add({
            line,
            message: `the row has ${fields.length} fields where the header has ${width}${fields.length < width ? ' (is the file truncated?)' : ''}`,
          });
          continue;
        }
      }
      const parsed = readRow(reader.next(fields, line));
      if (problems.length > 0) {
        for (const problem of problems) options.problems.add(problem);
        problems.length = 0;
      }
      if (parsed && options.problems.count === 0) {
        (parsed as ReportRow).line = line;
        batch.push(parsed as ReportRow);
      }
      if (batch.length >= options.batchSize) {
        options.onRows?.(rows);
        yield batch;
        batch = [];
      }
    }
    options.onRows?.(rows);
    if (batch.length > 0) yield batch;
  }
  return { ok: true, format, batches: batches() };
}
