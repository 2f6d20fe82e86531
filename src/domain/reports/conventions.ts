// How one file writes its dates and numbers (issue: sellers' real files). A date `03/05/2026` is 3 May or 5 March,
// a number `1,234` is 1234 or 1.234: each file has one day order and one decimal mark, decided from the file's own
// values (a date whose first part is above 12 is day-first; `4,10` has a decimal comma), else from what Amazon's
// download of the report and the account's region write. When neither settles it, the file is refused at its first
// ambiguous value: never guessed.
import type { Region } from '../types.js';
import type { ReadProblem } from './format.js';
import {
  type Day,
  type DayOrder,
  type DecimalMark,
  dayOrdersOf,
  decimalMarkOf,
  isPlainInteger,
  parseDay,
  parseDecimal,
  parseInstant,
  parseInteger,
} from './values.js';

/** A value that can only be read once the file's day order or decimal mark is decided. */
export const PENDING = Symbol('pending');
export type Pending = typeof PENDING;

/** What the sellers and Amazon of a region write when the values leave it open. */
const REGION_DAY_ORDER: Readonly<Record<Region, DayOrder>> = {
  // amazon.com, .ca: month first. EU and UK, India, the Middle East: day first. Japan writes YYYY/MM/DD (no
  // question); Australia and Singapore: day first.
  NA: 'MDY',
  EU: 'DMY',
  FE: 'DMY',
};

/** The EU region mixes decimal points (UK, Ireland, India, the Middle East) and commas (the continent). */
const REGION_DECIMAL_MARK: Readonly<Record<Region, DecimalMark | undefined>> = { NA: '.', EU: undefined, FE: '.' };

const ORDER_NAMES: Readonly<Record<DayOrder, string>> = {
  DMY: 'day-first order (DD/MM/YYYY)',
  MDY: 'month-first order (MM/DD/YYYY)',
};

const MARK_NAMES: Readonly<Record<DecimalMark, string>> = {
  '.': 'decimal point (1,234.56)',
  ',': 'decimal comma (1.234,56)',
};

interface Seen {
  line: number;
  column: string;
  text: string;
}

interface Decision<T> {
  value: T;
  /** Why: a value of the file, or what the region and the report write. */
  because: string;
}

export interface ConventionContext {
  region: Region;
  /** The report's title, for messages. */
  report: string;
  /** The order Amazon's own download of the report writes its dates in, when it has one. */
  nativeDayOrder?: DayOrder;
  /** The file's delimiter: a semicolon-separated file comes from a spreadsheet in a decimal-comma locale. */
  delimiter?: string;
  /** A decimal mark known from the file's kind (a workbook's numbers are numbers, written with a point). */
  decimalMark?: DecimalMark;
}

function quote(seen: Seen): string {
  return `line ${seen.line}, ${seen.column}: "${seen.text}"`;
}

/** Adds a day to a `YYYY-MM-DD` day, or takes one away. */
function shiftDay(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The day order and decimal mark of one file, decided as its values are read. A value that needs an open decision
 * reads as PENDING: the caller holds its row until `waiting` turns false, or the file ends and finish() decides.
 */
export class FileConventions {
  private dayOrder?: Decision<DayOrder>;
  private decimalMark?: Decision<DecimalMark>;
  private firstAmbiguousDay?: Seen;
  private firstAmbiguousNumber?: Seen;

  constructor(private readonly context: ConventionContext) {
    if (context.decimalMark) {
      this.decimalMark = { value: context.decimalMark, because: 'the file is a workbook' };
    }
  }

  /** Whether some value read so far waits for a decision. */
  get waiting(): boolean {
    return (!this.dayOrder && !!this.firstAmbiguousDay) || (!this.decimalMark && !!this.firstAmbiguousNumber);
  }

  /**
   * A day. `sameDay`, when the row gives it (the ledger's Date and Time), is the day the value must be within a
   * day of: it tells which order the row's date is written in.
   */
  day(text: string, line: number, column: string, sameDay?: Day): Day | undefined | Pending {
    if (!this.dayOrder && this.orderQuestion(text, line, column, sameDay) === PENDING) return PENDING;
    return parseDay(text, this.dayOrder?.value);
  }

  instant(text: string, line: number, column: string): Date | undefined | Pending {
    if (!this.dayOrder && this.orderQuestion(text, line, column) === PENDING) return PENDING;
    return parseInstant(text, this.dayOrder?.value);
  }

  private orderQuestion(text: string, line: number, column: string, sameDay?: Day): Pending | undefined {
    const orders = dayOrdersOf(text);
    if (orders === undefined) return undefined;
    if (orders !== 'either') {
      this.dayOrder = { value: orders, because: `${quote({ line, column, text })} reads only ${ORDER_NAMES[orders]}` };
      return undefined;
    }
    if (sameDay) {
      const near = (order: DayOrder) => {
        const day = parseDay(text, order);
        return day !== undefined && (day === sameDay || shiftDay(day, 1) === sameDay || shiftDay(day, -1) === sameDay);
      };
      const [dayFirst, monthFirst] = [near('DMY'), near('MDY')];
      if (dayFirst !== monthFirst) {
        const order = dayFirst ? 'DMY' : 'MDY';
        this.dayOrder = {
          value: order,
          because: `${quote({ line, column, text })} is the day of its row's ${sameDay} in ${ORDER_NAMES[order]}`,
        };
        return undefined;
      }
    }
    this.firstAmbiguousDay ??= { line, column, text };
    return PENDING;
  }

  decimal(text: string, line: number, column: string): string | undefined | Pending {
    const mark = this.markFor(text, line, column);
    return mark === PENDING ? PENDING : parseDecimal(text, mark);
  }

  integer(text: string, line: number, column: string): number | undefined | Pending {
    const mark = this.markFor(text, line, column);
    return mark === PENDING ? PENDING : parseInteger(text, mark);
  }

  private markFor(text: string, line: number, column: string): DecimalMark | Pending {
    if (this.decimalMark) return this.decimalMark.value;
    if (isPlainInteger(text)) return '.';
    const mark = decimalMarkOf(text);
    if (mark === undefined) return '.';
    if (mark === 'either') {
      this.firstAmbiguousNumber ??= { line, column, text };
      return PENDING;
    }
    this.decimalMark = { value: mark, because: `${quote({ line, column, text })} has a ${MARK_NAMES[mark]}` };
    return mark;
  }

  /** Why a date the file's order cannot read is refused, when the other order would read it. */
  explainDay(text: string): string | undefined {
    const order = this.dayOrder;
    if (!order) return undefined;
    const other: DayOrder = order.value === 'DMY' ? 'MDY' : 'DMY';
    if (parseInstant(text, other) === undefined) return undefined;
    return `"${text}" is not a date in the file's ${ORDER_NAMES[order.value]}, decided because ${order.because}`;
  }

  /** Why a number the file's decimal mark cannot read is refused, when the other mark would read it. */
  explainNumber(text: string): string | undefined {
    const mark = this.decimalMark;
    if (!mark) return undefined;
    if (parseDecimal(text, mark.value === '.' ? ',' : '.') === undefined) return undefined;
    return `"${text}" is not a number with the file's ${MARK_NAMES[mark.value]}, decided because ${mark.because}`;
  }

  /**
   * At the end of the file: decides what the values left open, from what Amazon's download of the report writes and
   * from the account's region, or returns the problem (at the first ambiguous value) when they do not agree.
   */
  finish(): ReadProblem[] {
    const problems: ReadProblem[] = [];
    const { region, report, nativeDayOrder, delimiter } = this.context;
    const day = this.firstAmbiguousDay;
    if (!this.dayOrder && day) {
      const regional = REGION_DAY_ORDER[region];
      if (nativeDayOrder && nativeDayOrder !== regional) {
        problems.push({
          line: day.line,
          column: day.column,
          message: `"${day.text}" can be read day-first or month-first, and no date of the file tells which: Amazon's ${report} report writes ${ORDER_NAMES[nativeDayOrder]}, sellers of the ${region} region ${ORDER_NAMES[regional]}. Download the report as a tab-separated .txt file, or over a period that includes a day after the 12th`,
        });
      } else {
        const order = nativeDayOrder ?? regional;
        this.dayOrder = { value: order, because: `the ${region} region writes ${ORDER_NAMES[order]}` };
      }
    }
    const number = this.firstAmbiguousNumber;
    if (!this.decimalMark && number) {
      const mark = delimiter === ';' ? ',' : REGION_DECIMAL_MARK[region];
      if (mark) {
        this.decimalMark = {
          value: mark,
          because: delimiter === ';' ? 'the file is separated by semicolons' : `the ${region} region writes it`,
        };
      } else {
        problems.push({
          line: number.line,
          column: number.column,
          message: `"${number.text}" can be read with a decimal point or a decimal comma, and no number of the file tells which (the ${region} region writes both)`,
        });
      }
    }
    return problems;
  }
}
