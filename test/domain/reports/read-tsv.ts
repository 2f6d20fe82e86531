// Test helpers: the sample files of spec/samples, and a small reader that runs a format's row reader
// over tab-separated text the way the import does (header on line 1, one FieldReader for the whole file).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FileConventions } from '../../../src/domain/reports/conventions.js';
import {
  FieldReader,
  type HeaderMatch,
  matchHeader,
  type ParsedRow,
  type ReadProblem,
  type ReportFormat,
} from '../../../src/domain/reports/format.js';
import type { Region } from '../../../src/domain/types.js';

export const SAMPLES = path.resolve(import.meta.dirname, '../../../spec/samples');

export const SAMPLE_FILES = [
  'ledger.tsv',
  'reimbursements.tsv',
  'reimbursements-after-case.tsv',
  'customer-returns.tsv',
  'settlement.tsv',
  'inbound-shipments.tsv',
  'product-costs.tsv',
] as const;

export function sample(name: (typeof SAMPLE_FILES)[number]): string {
  return readFileSync(path.join(SAMPLES, name), 'utf8');
}

/** The header fields of a sample file. */
export function sampleHeader(name: (typeof SAMPLE_FILES)[number]): string[] {
  return sample(name).split(/\r?\n/, 1)[0]!.split('\t');
}

export interface ReadRow<Values> extends ParsedRow<Values> {
  line: number;
}

export interface ReadResult<Values, Key extends string> {
  match: HeaderMatch<Key>;
  rows: ReadRow<Values>[];
  problems: ReadProblem[];
}

/**
 * Reads tab-separated text (header on line 1, blank lines skipped but counted) with a format's row reader, in the
 * conventions of the file's values, else of `region`.
 */
export function readTsv<Values, Key extends string>(
  format: ReportFormat<Values, Key>,
  text: string,
  region: Region = 'NA',
): ReadResult<Values, Key> {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const match = matchHeader(format.columns, lines[0]!.split('\t'));
  const problems: ReadProblem[] = [];
  const conventions = new FileConventions({ region, report: format.title, nativeDayOrder: format.dayOrder });
  // A first look at every row decides the file's day order and decimal mark, as the import does.
  const looker = new FieldReader(format.columns, match, [], conventions);
  const look = format.newRowReader();
  lines.forEach((line, index) => {
    if (index > 0 && line !== '') look(looker.next(line.split('\t'), index + 1));
  });
  problems.push(...conventions.finish());
  const reader = new FieldReader(format.columns, match, problems, conventions);
  const readRow = format.newRowReader();
  const rows: ReadRow<Values>[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || line === '') return;
    const parsed = readRow(reader.next(line.split('\t'), index + 1));
    if (parsed) rows.push({ ...parsed, line: index + 1 });
  });
  return { match, rows, problems };
}

/** A tab-separated file from a header and rows given as column name → value (absent columns are empty). */
export function tsv(header: readonly string[], ...rows: Readonly<Record<string, string>>[]): string {
  const lines = [header.join('\t')];
  for (const row of rows) lines.push(header.map((name) => row[name] ?? '').join('\t'));
  return `${lines.join('\n')}\n`;
}

/** The fields of one line of a sample (the header is line 1), by the sample's own column names. */
export function sampleRow(name: (typeof SAMPLE_FILES)[number], line: number): Record<string, string> {
  const lines = sample(name).split(/\r?\n/);
  const header = lines[0]!.split('\t');
  const fields = lines[line - 1]!.split('\t');
  return Object.fromEntries(header.map((column, index) => [column, fields[index] ?? '']));
}
