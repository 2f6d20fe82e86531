// A report a seller opened in Excel and saved as .xlsx: the first sheet, header in row 1, read with exceljs's
// streaming reader (never the whole workbook in memory). Each cell becomes the text the report would have had:
// dates as ISO days (or ISO date and time, UTC), numbers as exact decimals.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { READ_LIMITS, readLimit } from './limits.js';
import { failureOf, ReadFailed, readFailure } from './read-failure.js';
import type { TextRecord } from './records.js';

function unreadable(message: string): ReadFailed {
  return new ReadFailed(readFailure('UNREADABLE_WORKBOOK', message));
}

/**
 * Excel keeps 15 significant digits and writes some numbers with 17 (`4.0999999999999996`): rounding to 15 gives back
 * the number the seller sees, as an exact decimal string.
 */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/** exceljs reads a date cell as the instant whose UTC fields are the ones Excel shows: those fields, as ISO text. */
function dateText(value: Date): string {
  const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: Array<{ text: string }>;
      result?: unknown;
      formula?: string;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((run) => run.text).join('');
    if ('formula' in cell || 'result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error !== undefined) return cell.error;
  }
  return String(value);
}

type ZipParse = NodeJS.ReadableStream & { push(chunk: unknown): boolean } & NodeJS.EventEmitter;
let zipEndPatched = false;

/**
 * exceljs reads a workbook's entries from unzipper's Parse stream, which emits 'end' as soon as its input is consumed
 * ('finish'), while entries may still wait in its readable buffer. exceljs then stops at the entries read so far: about
 * one read in 300 of the same file lost `xl/workbook.xml` (written last by Excel and exceljs) and failed with
 * "Cannot read properties of undefined (reading 'sheets')". Here unzipper's Parse ends its readable side instead, so
 * that 'end' comes once every entry was read. Once per process, on the unzipper exceljs loads.
 */
function endZipEntriesWhenRead(): void {
  if (zipEndPatched) return;
  zipEndPatched = true;
  const unzipper = createRequire(createRequire(import.meta.url).resolve('exceljs'))('unzipper') as {
    Parse: (options: unknown) => ZipParse;
  };
  const parse = unzipper.Parse;
  unzipper.Parse = (options: unknown) => {
    const stream = parse(options);
    const early = stream.listeners('finish').find((listener) => String(listener).includes("emit('end')"));
    if (early) {
      stream.removeListener('finish', early as (...args: unknown[]) => void);
      stream.on('finish', () => stream.push(null));
    }
    return stream;
  };
}

/**
 * The rows of a workbook's first sheet as records, numbered by their row (the header is row 1). Rows shorter than
 * the header (Excel does not store trailing empty cells) are padded with empty fields. Fails with a ReadFailed,
 * UNREADABLE_WORKBOOK or READ_LIMIT.
 */
export async function* workbookRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<TextRecord> {
  // Loaded on the first workbook, not at start-up: exceljs costs a server about 30 MB it mostly never uses.
  const { default: excel } = await import('exceljs');
  endZipEntriesWhenRead();
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        if (values.length - 1 > READ_LIMITS.maxColumns) {
          throw new ReadFailed(
            readLimit(row.number, `the row has more than ${READ_LIMITS.maxColumns} cells`, values.length - 1),
          );
        }
        const fields: string[] = new Array(Math.max(width, values.length - 1)).fill('');
        for (let column = 1; column < values.length; column++) {
          const text = cellText(values[column]);
          if (text.length > READ_LIMITS.maxFieldChars) {
            throw new ReadFailed(
              readLimit(row.number, `the value is longer than ${READ_LIMITS.maxFieldChars} characters`, column),
            );
          }
          fields[column - 1] = text;
        }
        if (width === 0) width = fields.length;
        yield { line: row.number, fields };
      }
      // Only the first sheet is the report.
      return;
    }
  } catch (error) {
    if (failureOf(error, 'UNREADABLE_WORKBOOK', 'READ_LIMIT')) throw error;
    throw unreadable(`the Excel workbook cannot be read (${(error as Error).message})`);
  }
  throw unreadable('the Excel workbook has no sheet');
}
