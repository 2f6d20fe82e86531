// From text to records of fields, with line numbers (the header is line 1), in time linear in the text.
// The delimiter (tab, comma or semicolon) is recognised from the header line; CR-only, CRLF and LF line ends all read.
// Amazon's tab-separated files are rarely quoted: a file with a tab-separated, unquoted header takes a fast path that
// splits lines on tabs. Everything else goes through QuotedSplitter, which reads RFC 4180 quoting and also Seller
// Central's fully quoted CSV, where a quote inside a title is not doubled (`"Webcam 1/2" Sensor"`). csv-parse, tried
// first, refuses such a row, or with relax_quotes keeps the quotes and splits `"Monitor 24", black"` in two; and it is
// about 8 times slower than splitting (docs/performance.md).
import { READ_LIMITS, type ReadLimits, readLimit } from './limits.js';
import { ReadFailed } from './read-failure.js';

export interface TextRecord {
  /** The line the record starts on. */
  line: number;
  fields: string[];
}

export type Delimiter = '\t' | ',' | ';';

/** How a delimited text file is written, as its header line shows. */
export interface RecordShape {
  delimiter: Delimiter;
  /** Every field of the header is quoted (Seller Central's CSV): see QuotedSplitter on unescaped quotes. */
  fullyQuoted: boolean;
  /** Some field of the header is quoted. */
  quoted: boolean;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;

/**
 * The delimiter of a header line: whichever of tab, semicolon and comma it holds most often outside quotes (a tab
 * wins a tie: a title with a comma is common, a column name with a tab is not).
 */
export function recordShape(headerLine: string): RecordShape {
  const line = headerLine.replace(/^\uFEFF/, '');
  const counts = { '\t': 0, ';': 0, ',': 0 };
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\t' || char === ';' || char === ',')) counts[char]++;
  }
  const delimiter = (['\t', ';', ','] as const).reduce((best, candidate) =>
    counts[candidate] > counts[best] ? candidate : best,
  );
  // The header's fields as written, quotes included.
  const written: string[] = [];
  let start = 0;
  inQuotes = false;
  for (let i = 0; i <= line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (i === line.length || (!inQuotes && line[i] === delimiter)) {
      written.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  const isQuoted = (field: string) => field.length >= 2 && field.startsWith('"') && field.endsWith('"');
  return { delimiter, fullyQuoted: written.every(isQuoted), quoted: written.some(isQuoted) };
}

/** The fields of one line (a header), quotes stripped and undoubled. */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  const splitter = new QuotedSplitter(delimiter, false);
  const records = [...splitter.push(line), ...splitter.end()];
  return records[0]?.fields ?? [];
}

/** The first line of a text, without its line end. */
export function firstLine(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Records come in arrays of up to this many: a record at a time through an async generator cost promises and result
 * objects per row (a fifth of a 1M-row import's garbage), and a megabyte chunk's records at once outlived the young
 * generation's collections while they were read. The first record (the header) comes alone, in an array of its
 * own: a limit broken on a later line is then reported where the header names its columns (read-report.ts).
 */
const RECORDS_PER_ARRAY = 256;

/**
 * Splits tab-separated lines. The line end is the first one of the file: a CR not followed by LF makes a CR-only
 * file (old Mac exports), anything else is LF with an optional CR before it. Pieces of a line cut by chunk
 * boundaries are kept apart and joined once, so that a huge line costs its length, not its length squared.
 */
async function* splitTabLines(
  chunks: AsyncIterator<string>,
  first: string,
  limits: ReadLimits,
): AsyncGenerator<TextRecord[]> {
  const firstLf = first.indexOf('\n');
  const firstCr = first.indexOf('\r');
  const crOnly = firstCr !== -1 && (firstLf === -1 || firstCr < firstLf) && first.charCodeAt(firstCr + 1) !== LF;
  const separator = crOnly ? '\r' : '\n';
  let pending: string[] = [];
  let pendingLength = 0;
  let line = 0;
  let headerSent = false;
  /** Whether the records gathered are given now: a full array, or the header (see RECORDS_PER_ARRAY). */
  const due = (records: TextRecord[]) => records.length >= RECORDS_PER_ARRAY || (!headerSent && records.length > 0);

  function emit(text: string, records: TextRecord[]): void {
    line++;
    const end = !crOnly && text.charCodeAt(text.length - 1) === CR ? text.length - 1 : text.length;
    if (end === 0) return;
    const fields = (end === text.length ? text : text.slice(0, end)).split('\t');
    if (fields.length > limits.maxColumns) throw tooManyFields(line, limits);
    // A field can only be too long in a line that is.
    if (end > limits.maxFieldChars) {
      const long = fields.findIndex((field) => field.length > limits.maxFieldChars);
      if (long !== -1) throw fieldTooLong(line, limits, long + 1);
    }
    records.push({ line, fields });
  }

  let chunk: string | undefined = first;
  while (chunk !== undefined) {
    let records: TextRecord[] = [];
    let start = 0;
    let end = chunk.indexOf(separator);
    if (pending.length > 0 && end !== -1) {
      pending.push(chunk.slice(0, end));
      emit(pending.join(''), records);
      pending = [];
      pendingLength = 0;
      start = end + 1;
      end = chunk.indexOf(separator, start);
      if (due(records)) {
        headerSent = true;
        yield records;
        records = [];
      }
    }
    for (; end !== -1; end = chunk.indexOf(separator, start)) {
      if (end - start > limits.maxLineChars) throw lineTooLong(line + 1, limits);
      emit(chunk.slice(start, end), records);
      start = end + 1;
      if (due(records)) {
        headerSent = true;
        yield records;
        records = [];
      }
    }
    if (start < chunk.length) {
      pending.push(start === 0 ? chunk : chunk.slice(start));
      pendingLength += chunk.length - start;
      if (pendingLength > limits.maxLineChars) throw lineTooLong(line + 1, limits);
    }
    if (records.length > 0) yield records;
    const next = await chunks.next();
    chunk = next.done ? undefined : next.value;
  }
  if (pending.length > 0) {
    const records: TextRecord[] = [];
    emit(pending.join(''), records);
    if (records.length > 0) yield records;
  }
}

function lineTooLong(line: number, limits: ReadLimits): ReadFailed {
  return new ReadFailed(readLimit(line, `the line is longer than ${limits.maxLineChars} characters`));
}

function fieldTooLong(line: number, limits: ReadLimits, field: number): ReadFailed {
  return new ReadFailed(readLimit(line, `the value is longer than ${limits.maxFieldChars} characters`, field));
}

function tooManyFields(line: number, limits: ReadLimits): ReadFailed {
  return new ReadFailed(readLimit(line, `the row has more than ${limits.maxColumns} fields`, limits.maxColumns + 1));
}

enum State {
  /** At the start of a field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** After a run of quotes inside a quoted field: the next character says whether the field closed. */
  Quotes,
  /** Fully quoted files: after quotes and a delimiter, the next character says whether the field closed. */
  QuotesDelimiter,
  /** After a CR that ended a record: a LF right after it belongs to it. */
  RecordCr,
  /** After a CR that ended a chunk inside a quoted field: a LF right after it is the same line break. */
  QuotedCr,
}

/**
 * A quoting-aware splitter, fed chunk by chunk. Each chunk is scanned once (the next quote, LF and CR are looked up
 * with indexOf and remembered until passed); the text of a field cut by a chunk boundary is kept in pieces.
 * A run of quotes inside a quoted field closes it when its last quote is the closing one: an odd run before the
 * delimiter or a line end (`"a"""` is `a"`); any other run is text, halved (`""` is one quote, and so is the lone
 * quote Seller Central leaves undoubled in `"Webcam 1/2" Sensor"`). Seller Central's CSV quotes every field, and there
 * a run before the delimiter closes the field when the next field starts as a field does (a quote, the delimiter, a
 * line end), even if the run is even (`"Cable 6""` is `Cable 6"`), and not when a space follows (`"Monitor 24", black"`
 * is one title). A quote inside an unquoted field is text. Line breaks inside quoted fields are kept and counted, so
 * that each record is numbered by the line it starts on.
 */
export class QuotedSplitter {
  private state = State.FieldStart;
  private readonly delimiterCode: number;
  private fields: string[] = [];
  /** Pieces of the field being read, when it spans chunks or holds quotes. */
  private parts: string[] = [];
  private partsLength = 0;
  private quoteRun = 0;
  private line = 1;
  private recordLine = 1;

  constructor(
    delimiter: Delimiter,
    private readonly fullyQuoted: boolean,
    private readonly limits: ReadLimits = READ_LIMITS,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  private addPart(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.partsLength += text.length;
    if (this.partsLength > this.limits.maxFieldChars)
      throw fieldTooLong(this.recordLine, this.limits, this.fields.length + 1);
  }

  private endField(tail: string): void {
    let value = tail;
    if (this.parts.length > 0) {
      this.parts.push(tail);
      value = this.parts.join('');
      this.parts = [];
      this.partsLength = 0;
    }
    if (value.length > this.limits.maxFieldChars)
      throw fieldTooLong(this.recordLine, this.limits, this.fields.length + 1);
    this.fields.push(value);
    if (this.fields.length > this.limits.maxColumns) {
      throw tooManyFields(this.recordLine, this.limits);
    }
  }

  private endRecord(): TextRecord | undefined {
    const fields = this.fields;
    const line = this.recordLine;
    this.fields = [];
    this.recordLine = this.line;
    // A line with nothing on it is no record (blank lines are skipped, but counted).
    if (fields.length === 1 && fields[0] === '') return undefined;
    return { line, fields };
  }

  /** The text of a run of `count` quotes that did not close their field: pairs are one quote, a lone one is one. */
  private static quotes(count: number): string {
    return '"'.repeat(Math.ceil(count / 2));
  }

  /** Closes a quoted field after a run of quotes: the last one closes it, the others are text. */
  private closeQuoted(): void {
    this.endField(this.quoteRun > 1 ? QuotedSplitter.quotes(this.quoteRun - 1) : '');
  }

  /** The records the chunk completes. */
  push(chunk: string): TextRecord[] {
    const records: TextRecord[] = [];
    const delimiter = this.delimiterCode;
    const length = chunk.length;
    let pos = 0;
    let nextQuote = -2;
    let nextLf = -2;
    let nextCr = -2;
    while (pos < length) {
      switch (this.state) {
        case State.FieldStart: {
          if (chunk.charCodeAt(pos) === QUOTE) {
            this.state = State.Quoted;
            pos++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          let end = pos;
          let code = 0;
          while (end < length) {
            code = chunk.charCodeAt(end);
            if (code === delimiter || code === LF || code === CR) break;
            end++;
          }
          if (end === length) {
            this.addPart(chunk.slice(pos));
            pos = length;
            break;
          }
          this.endField(chunk.slice(pos, end));
          pos = end + 1;
          if (code === delimiter) {
            this.state = State.FieldStart;
          } else {
            this.line++;
            this.state = code === CR ? State.RecordCr : State.FieldStart;
            const record = this.endRecord();
            if (record) records.push(record);
          }
          break;
        }
        case State.Quoted: {
          if (nextQuote !== -1 && nextQuote < pos) nextQuote = chunk.indexOf('"', pos);
          const end = nextQuote === -1 ? length : nextQuote;
          // Line breaks inside the field count for the numbering of the records after it: LF, CR LF and a lone CR
          // are one line break each. A CR that ends the chunk waits for the next chunk's first character.
          if (nextLf !== -1 && nextLf < pos) nextLf = chunk.indexOf('\n', pos);
          while (nextLf !== -1 && nextLf < end) {
            this.line++;
            nextLf = chunk.indexOf('\n', nextLf + 1);
          }
          if (nextCr !== -1 && nextCr < pos) nextCr = chunk.indexOf('\r', pos);
          while (nextCr !== -1 && nextCr < end) {
            if (nextCr + 1 < length && chunk.charCodeAt(nextCr + 1) !== LF) this.line++;
            nextCr = chunk.indexOf('\r', nextCr + 1);
          }
          if (end > pos) this.addPart(chunk.slice(pos, end));
          if (end === length) {
            if (chunk.charCodeAt(length - 1) === CR) this.state = State.QuotedCr;
            pos = length;
            break;
          }
          this.state = State.Quotes;
          this.quoteRun = 1;
          pos = end + 1;
          break;
        }
        case State.QuotedCr: {
          this.line++;
          this.state = State.Quoted;
          if (chunk.charCodeAt(pos) === LF) {
            this.addPart('\n');
            pos++;
          }
          break;
        }
        case State.Quotes: {
          const code = chunk.charCodeAt(pos);
          const odd = this.quoteRun % 2 === 1;
          if (code === QUOTE) {
            this.quoteRun++;
            pos++;
          } else if (code === delimiter) {
            pos++;
            if (this.fullyQuoted) {
              this.state = State.QuotesDelimiter;
            } else if (odd) {
              this.closeQuoted();
              this.state = State.FieldStart;
            } else {
              this.addPart(QuotedSplitter.quotes(this.quoteRun) + String.fromCharCode(delimiter));
              this.state = State.Quoted;
            }
          } else if ((code === LF || code === CR) && (odd || this.fullyQuoted)) {
            pos++;
            this.closeQuoted();
            this.line++;
            this.state = code === CR ? State.RecordCr : State.FieldStart;
            const record = this.endRecord();
            if (record) records.push(record);
          } else {
            this.addPart(QuotedSplitter.quotes(this.quoteRun));
            this.state = State.Quoted;
          }
          break;
        }
        case State.QuotesDelimiter: {
          const code = chunk.charCodeAt(pos);
          const closes =
            code === QUOTE || code === delimiter || code === LF || code === CR
              ? true
              : code === SPACE
                ? false
                : this.quoteRun % 2 === 1;
          if (closes) {
            this.closeQuoted();
            this.state = State.FieldStart;
          } else {
            this.addPart(QuotedSplitter.quotes(this.quoteRun) + String.fromCharCode(delimiter));
            this.state = State.Quoted;
          }
          break;
        }
        case State.RecordCr: {
          if (chunk.charCodeAt(pos) === LF) pos++;
          this.recordLine = this.line;
          this.state = State.FieldStart;
          break;
        }
      }
    }
    return records;
  }

  /** The last record, when the text does not end with a line end. */
  end(): TextRecord[] {
    switch (this.state) {
      case State.RecordCr:
        return [];
      case State.FieldStart:
        if (this.fields.length === 0) return [];
        this.endField('');
        break;
      case State.Unquoted:
      case State.Quoted:
      case State.QuotedCr:
        this.endField('');
        break;
      case State.Quotes:
        this.closeQuoted();
        break;
      case State.QuotesDelimiter:
        this.closeQuoted();
        this.endField('');
        break;
    }
    const record = this.endRecord();
    return record ? [record] : [];
  }
}

async function* splitQuoted(
  chunks: AsyncIterator<string>,
  first: string,
  shape: RecordShape,
  limits: ReadLimits,
): AsyncGenerator<TextRecord[]> {
  const splitter = new QuotedSplitter(shape.delimiter, shape.fullyQuoted, limits);
  // The header first, alone (see RECORDS_PER_ARRAY): the text is fed a line at a time until a record comes out.
  let rest = first;
  while (rest.length > 0) {
    const line = firstLine(rest).length;
    const header = splitter.push(rest.slice(0, line + 1));
    rest = rest.slice(line + 1);
    if (header.length > 0) {
      yield header;
      break;
    }
  }
  for (let chunk: string | undefined = rest; chunk !== undefined; ) {
    // Fed in pieces, so that no more than a piece's records are made at once.
    for (let at = 0; at < chunk.length; at += QUOTED_PIECE_CHARS) {
      const records = splitter.push(
        chunk.length <= QUOTED_PIECE_CHARS ? chunk : chunk.slice(at, at + QUOTED_PIECE_CHARS),
      );
      for (let from = 0; from < records.length; from += RECORDS_PER_ARRAY) {
        yield records.length <= RECORDS_PER_ARRAY ? records : records.slice(from, from + RECORDS_PER_ARRAY);
      }
    }
    const next = await chunks.next();
    chunk = next.done ? undefined : next.value;
  }
  const records = splitter.end();
  if (records.length > 0) yield records;
}

const QUOTED_PIECE_CHARS = 64 * 1024;

export interface OpenedRecords {
  shape: RecordShape;
  /** The records, in arrays of at most RECORDS_PER_ARRAY, the header alone in the first. */
  records: AsyncGenerator<TextRecord[]>;
}

/** Reads up to the end of the header line, recognises the file's shape, and returns its records from line 1. */
export async function openRecords(
  text: AsyncIterable<string>,
  limits: ReadLimits = READ_LIMITS,
): Promise<OpenedRecords> {
  const iterator = text[Symbol.asyncIterator]();
  const pieces: string[] = [];
  let length = 0;
  let head = '';
  // Up to the header's line end and one character past it (is its CR followed by a LF?).
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    pieces.push(next.value);
    length += next.value.length;
    if (next.value.includes('\n') || next.value.includes('\r')) {
      head = pieces.join('');
      if (firstLine(head).length < head.length - 1) break;
    }
    if (length > limits.maxLineChars) throw lineTooLong(1, limits);
  }
  head = pieces.join('');
  const shape = recordShape(firstLine(head));
  const records =
    shape.delimiter === '\t' && !shape.quoted
      ? splitTabLines(iterator, head, limits)
      : splitQuoted(iterator, head, shape, limits);
  return { shape, records };
}

/** The records of a text (its shape recognised from the header). */
export async function* readRecords(text: AsyncIterable<string>, limits?: ReadLimits): AsyncGenerator<TextRecord> {
  const { records } = await openRecords(text, limits);
  for await (const array of records) yield* array;
}
