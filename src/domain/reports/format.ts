// What every report format shares: its columns, how a header is matched to them, and how one row's fields are read
// with each problem reported by line and column (docs/reports.md, "Reading rules that apply to every file").
import { fitsAmountColumn, MAX_AMOUNT } from '../money.js';
import type { ReportKind } from '../types.js';
import { type FileConventions, PENDING, type Pending } from './conventions.js';
import type { Day, DayOrder } from './values.js';

export interface Column {
  /** The column as docs/reports.md names it, used in error messages when the file has no header text for it. */
  readonly name: string;
  /** Other spellings seen in downloads (Seller Central and the SP-API name some columns differently). */
  readonly aliases?: readonly string[];
  readonly required?: boolean;
  /**
   * A column of the same row whose date (ISO, as written) is this column's day, give or take one: it tells the order
   * of an ambiguous `03/05/2026` (the ledger's Date and its Date and Time).
   */
  readonly sameDayAs?: string;
  /** What kind of text the column holds, for its length limit (`code` when absent). */
  readonly text?: TextKind;
}

/** Kinds of stored text, each with its own length limit (src/ingest/limits.ts). */
export type TextKind = 'sku' | 'fnsku' | 'asin' | 'orderId' | 'id' | 'code' | 'title' | 'text';

/** Length limits of text values: a title past its limit is cut and ends with `truncation`, the rest are refused. */
export interface TextLimits {
  lengths: Readonly<Record<TextKind, number>>;
  truncation: string;
}

export interface ReadProblem {
  line: number;
  column?: string;
  message: string;
}

/** One sentence for a refused file: where its first problem is, what it is, and how many more there are. */
export function problemSummary(problems: readonly ReadProblem[], count: number): string {
  const first = problems[0];
  const where = first && first.line > 0 ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ` : '';
  const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
  return `${where}${first?.message ?? 'the file cannot be read'}${more}`;
}

export interface ProductMention {
  sku: string;
  fnsku?: string;
  asin?: string;
  title?: string;
}

export interface ParsedRow<Values> {
  values: Values;
  /** The normalised fields that make two rows the same row (for idempotent re-imports). */
  identity: readonly unknown[];
  product?: ProductMention;
}

export interface ReportFormat<Values = unknown, Key extends string = string> {
  readonly kind: ReportKind;
  /** The report's name in Seller Central, for messages. */
  readonly title: string;
  readonly columns: Readonly<Record<Key, Column>>;
  /**
   * Whether two identical rows of one file are two events (ledger movements, returns) or one line written twice
   * (reimbursements, whose identity docs/rules.md section 2 defines without any position in the file).
   */
  readonly repeatedRowsAreDistinct: boolean;
  /** The order Amazon's own download writes `NN/NN/YYYY` dates in, when the report has one (docs/reports.md). */
  readonly dayOrder?: DayOrder;
  /**
   * A reader for one file, returning undefined for a row that has problems (recorded in the reader).
   * Some formats carry state from row to row: a settlement's currency is only on its first row.
   */
  newRowReader(): (fields: FieldReader<Key>) => ParsedRow<Values> | undefined;
}

/** Column names match ignoring case, spaces, `-` and `_` (`Event Type` = `EventType` = `event-type`). */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase()
    .replace(/[\s\-_]+/g, '');
}

export interface HeaderMatch<Key extends string = string> {
  /** Where each known column is in the file. */
  positions: Partial<Record<Key, number>>;
  /** The header text of each known column as the file writes it. */
  names: Partial<Record<Key, string>>;
  missing: Key[];
  matched: number;
}

export function matchHeader<Key extends string>(
  columns: Readonly<Record<Key, Column>>,
  header: readonly string[],
): HeaderMatch<Key> {
  const index = new Map<string, number>();
  header.forEach((text, position) => {
    const key = normaliseHeader(text);
    if (key && !index.has(key)) index.set(key, position);
  });
  const positions: Partial<Record<Key, number>> = {};
  const names: Partial<Record<Key, string>> = {};
  const missing: Key[] = [];
  let matched = 0;
  for (const key of Object.keys(columns) as Key[]) {
    const column = columns[key];
    const spellings = [column.name, ...(column.aliases ?? [])].map(normaliseHeader);
    const position = spellings.map((spelling) => index.get(spelling)).find((found) => found !== undefined);
    if (position === undefined) {
      if (column.required) missing.push(key);
      continue;
    }
    positions[key] = position;
    names[key] = header[position]!.trim().replace(/^"(.*)"$/, '$1');
    matched++;
  }
  return { positions, names, missing, matched };
}

const LIMIT_REASON: Record<TextKind, string> = {
  sku: 'Amazon allows in a seller SKU',
  fnsku: 'of an FNSKU',
  asin: 'of an ASIN',
  orderId: 'of an order id',
  id: 'Reclaim accepts in an id',
  code: 'Reclaim accepts in this column',
  title: 'of a title',
  text: 'Reclaim accepts in a text',
};

/** The `YYYY-MM-DD` a text starts with, if it does (an ISO date and time). */
function isoDayAtStart(text: string | undefined): Day | undefined {
  if (text === undefined || text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  for (let i = 0; i < ISO_DAY_DIGITS.length; i++) {
    const code = text.charCodeAt(ISO_DAY_DIGITS[i]!);
    if (code < 48 || code > 57) return undefined;
  }
  return text.length === 10 ? text : text.slice(0, 10);
}

const ISO_DAY_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** A field's text without what surrounds its value, or the problem that makes it no value. */
export type Unwrap = (text: string) => string | { problem: string };

/**
 * Reads the fields of one row by column, converting as asked and collecting every problem with its line and column,
 * so that a bad file is reported in full rather than one error at a time. Dates and numbers are read in the file's
 * conventions: a value they leave open sets `pending`, and the row must be read again once they are decided.
 */
export class FieldReader<Key extends string> {
  /** The row holds a value that waits for the file's day order or decimal mark. */
  pending = false;
  public fields: readonly string[] = [];
  public line = 0;

  constructor(
    private readonly columns: Readonly<Record<Key, Column>>,
    private readonly header: HeaderMatch<Key>,
    readonly problems: ReadProblem[],
    readonly conventions: FileConventions,
    private readonly limits?: TextLimits,
  ) {}

  /** Moves to the next row (one reader serves a whole file). */
  next(fields: readonly string[], line: number): this {
    this.fields = fields;
    this.line = line;
    this.pending = false;
    return this;
  }

  has(key: Key): boolean {
    return this.header.positions[key] !== undefined;
  }

  private columnName(key: Key): string {
    return this.header.names[key] ?? this.columns[key].name;
  }

  problem(key: Key | undefined, message: string): void {
    this.problems.push({ line: this.line, ...(key ? { column: this.columnName(key) } : {}), message });
  }

  /** The field's text, trimmed, with the quotes of quoted files removed; undefined when empty or absent. */
  text(key: Key): string | undefined {
    const position = this.header.positions[key];
    if (position === undefined) return undefined;
    let value = this.fields[position];
    if (value === undefined || value === '') return undefined;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    // Spaces around a value are noise; most values have none, and trim() is only paid for those that do.
    if (first <= 32 || last <= 32) value = value.trim();
    // A quoted field in an otherwise unquoted file: strip its quotes, undouble the ones inside.
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replaceAll('""', '"').trim();
    }
    if (this.limits) {
      const kind = this.columns[key].text ?? 'code';
      const limit = this.limits.lengths[kind];
      if (value.length > limit) {
        if (kind === 'title') return value.slice(0, limit - this.limits.truncation.length) + this.limits.truncation;
        this.problem(key, `the value is ${value.length} characters long, more than the ${limit} ${LIMIT_REASON[kind]}`);
        return value.slice(0, limit);
      }
    }
    return value ? value : undefined;
  }

  requiredText(key: Key): string {
    const value = this.text(key);
    if (value === undefined) this.problem(key, `${this.columnName(key)} is empty`);
    return value ?? '';
  }

  private convert<T>(
    key: Key,
    required: boolean,
    what: string,
    read: (text: string, column: string) => T | undefined | Pending,
    explain: (text: string) => string | undefined,
    unwrap?: Unwrap,
  ): T | undefined {
    const written = this.text(key);
    if (written === undefined) {
      if (required) this.problem(key, `${this.columnName(key)} is empty`);
      return undefined;
    }
    const text = unwrap ? unwrap(written) : written;
    if (typeof text !== 'string') {
      this.problem(key, text.problem);
      return undefined;
    }
    const value = read(text, this.columnName(key));
    if (value === PENDING) {
      this.pending = true;
      return undefined;
    }
    if (value === undefined) this.problem(key, explain(text) ?? `"${written}" is not ${what}`);
    return value;
  }

  // The readers of each kind of value are made once per file, not at every call: a closure each per value read was a
  // third of a 1M-row ledger's allocations besides the rows' own text.
  private readonly readInteger = (text: string, column: string) => this.conventions.integer(text, this.line, column);
  private readonly readDecimal = (text: string, column: string) => this.conventions.decimal(text, this.line, column);
  private readonly readInstant = (text: string, column: string) => this.conventions.instant(text, this.line, column);
  private readonly readDay = (text: string, column: string) =>
    this.conventions.day(text, this.line, column, this.pairedKey && isoDayAtStart(this.text(this.pairedKey)));
  private readonly explainNumber = (text: string) => this.conventions.explainNumber(text);
  private readonly explainDay = (text: string) => this.conventions.explainDay(text);
  /** The column the day being read is paired with (sameDayAs), while day() reads it. */
  private pairedKey: Key | undefined;

  integer(key: Key, required = false): number | undefined {
    return this.convert(key, required, 'a whole number', this.readInteger, this.explainNumber);
  }

  /** `unwrap` takes off what may surround the number in the field (a currency's sign: product-costs.ts). */
  decimal(key: Key, required = false, unwrap?: Unwrap): string | undefined {
    const value = this.convert(key, required, 'a number', this.readDecimal, this.explainNumber, unwrap);
    if (value === undefined || fitsAmountColumn(value)) return value;
    this.problem(key, `"${this.text(key)}" is too large: an amount goes up to ${MAX_AMOUNT.toFixed()}`);
    return undefined;
  }

  day(key: Key, required = false): Day | undefined {
    this.pairedKey = this.columns[key].sameDayAs as Key | undefined;
    return this.convert(key, required, 'a date', this.readDay, this.explainDay);
  }

  instant(key: Key, required = false): Date | undefined {
    return this.convert(key, required, 'a date and time', this.readInstant, this.explainDay);
  }
}
