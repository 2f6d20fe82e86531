// How the values of Amazon's files are written (docs/reports.md, "Reading rules that apply to every file").
// Each parser returns undefined for text it cannot read; the caller reports the line and column.

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** The order of day and month in a date written `NN/NN/YYYY`: day first (Europe) or month first (the US). */
export type DayOrder = 'DMY' | 'MDY';

/** The decimal separator of a file's numbers; the other of `.` and `,` groups thousands. */
export type DecimalMark = '.' | ',';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  sept: 9,
  // German, French, Italian and Spanish spellings seen in EU downloads
  janv: 1,
  févr: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  juil: 7,
  août: 8,
  aout: 8,
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  fév: 2,
  fev: 2,
  avr: 4,
  juin: 6,
  aoû: 8,
  aou: 8,
  déc: 12,
  gen: 1,
  mag: 5,
  giu: 6,
  lug: 7,
  ago: 8,
  set: 9,
  ott: 10,
  dic: 12,
  ene: 1,
  abr: 4,
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function validDay(year: number, month: number, day: number): Day | undefined {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - 48;
  }
  return value;
}

function dayIsValid(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

/** The last `NN/NN/YYYY` read, in its order, and its day: a file's rows come day after day, most of them alike. */
let lastSlashed = { text: '', order: 'MDY' as DayOrder, day: undefined as Day | undefined };

/** `NN/NN/YYYY` and `YYYY-MM-DD`, the two formats of nearly every row, without regular expressions. */
function parseCommonDay(value: string, order: DayOrder): Day | undefined {
  if (value.length !== 10) return undefined;
  if (value.charCodeAt(2) === 47 && value.charCodeAt(5) === 47) {
    if (value === lastSlashed.text && order === lastSlashed.order) return lastSlashed.day;
    const first = digits(value, 0, 2);
    const second = digits(value, 3, 2);
    const year = digits(value, 6, 4);
    const month = order === 'MDY' ? first : second;
    const day = order === 'MDY' ? second : first;
    const read = dayIsValid(year, month, day) ? `${value.slice(6, 10)}-${pad(month)}-${pad(day)}` : undefined;
    lastSlashed = { text: value, order, day: read };
    return read;
  }
  if (value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    if (dayIsValid(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2))) return value;
  }
  return undefined;
}

const SLASH_YEAR_LAST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?=$|[T ])/;

/**
 * What a date says of the order of day and month: `DMY` or `MDY` when only that order reads it (`13/03/2026`,
 * `03/13/2026`), `either` when both do and give different days (`03/05/2026`), undefined when there is no question
 * (ISO and dotted dates, `05/05/2026`, text that is no date).
 */
export function dayOrdersOf(text: string): DayOrder | 'either' | undefined {
  const match = SLASH_YEAR_LAST.exec(text.trim());
  if (!match) return undefined;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (first === second) return undefined;
  const dayFirst = dayIsValid(year, second, first);
  const monthFirst = dayIsValid(year, first, second);
  if (dayFirst && monthFirst) return 'either';
  return dayFirst ? 'DMY' : monthFirst ? 'MDY' : undefined;
}

/**
 * A calendar day in any of the formats Amazon's downloads and spreadsheets use: `NN/NN/YYYY` in the given order,
 * `YYYY-MM-DD` and `YYYY/MM/DD` (optionally followed by a time, whose date part is taken as written), `DD.MM.YYYY`,
 * `DD-MM-YYYY`, `DD-MON-YYYY` and `MON DD, YYYY` (an English month's name in full too).
 */
export function parseDay(text: string, order: DayOrder = 'MDY'): Day | undefined {
  const value = text.trim();
  const common = parseCommonDay(value, order);
  if (common) return common;
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ])/.exec(value);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = SLASH_YEAR_LAST.exec(value);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    return order === 'MDY' ? validDay(Number(match[3]), first, second) : validDay(Number(match[3]), second, first);
  }
  match = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?:$|[T ])/.exec(value);
  if (match) return validDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[- ]([\p{L}]{3,5})\.?[- ](\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    return month ? validDay(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = MONTH_FIRST.exec(value);
  if (match) {
    const month = monthNamed(match[1]!);
    return month ? validDay(Number(match[3]), month, Number(match[2])) : undefined;
  }
  return undefined;
}

/** `Sep 4, 2026`, `September 4 2026`: the month's name first, as Seller Central's pages and US downloads write it. */
const MONTH_FIRST = /^([\p{L}]{3,9})\.? (\d{1,2}),? (\d{4})$/u;

/** The month of an abbreviation (MONTHS) or of an English month's full name (`September`: its first three letters). */
function monthNamed(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower] ?? (ENGLISH_MONTHS.includes(lower) ? MONTHS[lower.slice(0, 3)] : undefined);
}

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A day written with its month's name and followed by a time (`Sep 4, 2026 1:05:07 AM PDT`, `15 Mar 2026 3:22:08 PM
 * UTC`): the day, and the rest from the time on.
 */
const NAMED_MONTH_AND_TIME =
  /^((?:[\p{L}]{3,9}\.? \d{1,2},? \d{4})|(?:\d{1,2}[- ][\p{L}]{3,5}\.?[- ]\d{4}))[ ,]+(\d{1,2}:.*)$/u;

/** `YYYY-MM-DDTHH:MM:SS` followed by `Z`, `+00:00` or `-0700`: the shape of nearly every instant, read by hand. */
function parseCommonInstant(value: string): Date | undefined {
  if (value.length < 20 || value.length > 25 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58)
    return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hours = digits(value, 11, 2);
  const minutes = digits(value, 14, 2);
  const seconds = digits(value, 17, 2);
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(16) !== 58) return undefined;
  if (
    !dayIsValid(year, month, day) ||
    hours < 0 ||
    hours > 23 ||
    minutes < 0 ||
    minutes > 59 ||
    seconds < 0 ||
    seconds > 59
  ) {
    return undefined;
  }
  // The zone, from character 19: `Z`, `+00:00` or `-0700` (read in place: no string cut for it).
  const zoneLength = value.length - 19;
  let offset = 0;
  if (!(zoneLength === 1 && value.charCodeAt(19) === 90)) {
    const sign = value.charCodeAt(19) === 45 ? -1 : value.charCodeAt(19) === 43 ? 1 : 0;
    const colon = zoneLength === 6 && value.charCodeAt(22) === 58;
    if (sign === 0 || !(colon || zoneLength === 5)) return undefined;
    const zoneHours = digits(value, 20, 2);
    const zoneMinutes = digits(value, colon ? 23 : 22, 2);
    if (zoneHours < 0 || zoneMinutes < 0) return undefined;
    offset = sign * (zoneHours * 60 + zoneMinutes);
  }
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds) - offset * 60_000);
}

const INSTANT =
  /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(AM|PM)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})?$/i;

/**
 * An instant: ISO-8601 (`2025-04-01T08:00:00+00:00`, `…-0700`, `…Z`), or a day in any format of parseDay (in the
 * given order) followed by a time, with or without AM/PM and a zone (`2026-03-13 20:21:38 UTC`,
 * `13.03.2026 20:21:38 UTC`, `07/01/2026 10:00:00 PM PDT`, `Sep 4, 2026 1:05:07 AM PDT`), or a bare day (midnight
 * UTC). A time without a zone is read as UTC, which is what Amazon's reports mean by it.
 */
export function parseInstant(text: string, order: DayOrder = 'MDY'): Date | undefined {
  let value = text.trim();
  const common = parseCommonInstant(value);
  if (common) return common;
  const named = NAMED_MONTH_AND_TIME.exec(value);
  if (named) {
    // The day to ISO, the time read as any other.
    const day = parseDay(named[1]!, order);
    if (!day) return undefined;
    value = `${day} ${named[2]}`;
  }
  const match = INSTANT.exec(value);
  if (match) {
    const day = parseDay(match[1]!, order);
    let hours = Number(match[2]);
    const [minutes, seconds] = [Number(match[3]), Number(match[4] ?? 0)];
    const meridiem = match[6]?.toUpperCase();
    if (meridiem) {
      if (hours < 1 || hours > 12) return undefined;
      hours = (hours % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    if (!day || hours > 23 || minutes > 59 || seconds > 60) return undefined;
    const millis = Number((match[5] ?? '0').padEnd(3, '0').slice(0, 3));
    let offsetMinutes = 0;
    const zone = match[7]?.toUpperCase();
    if (zone && /^[+-]/.test(zone)) {
      const zoneDigits = zone.replace(':', '');
      const sign = zoneDigits[0] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(zoneDigits.slice(1, 3)) * 60 + Number(zoneDigits.slice(3, 5) || 0));
    } else if (zone && zone !== 'Z' && zone !== 'UTC' && zone !== 'GMT') {
      const named = ZONE_OFFSETS[zone];
      if (named === undefined) return undefined;
      offsetMinutes = named * 60;
    }
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const utc = Date.UTC(year, month - 1, date, hours, minutes, seconds, millis);
    return new Date(utc - offsetMinutes * 60_000);
  }
  // A bare day is midnight UTC; a day followed by a time that did not read is not an instant at all.
  if (/^(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})[T ]/.test(value)) return undefined;
  const day = parseDay(value, order);
  return day ? new Date(`${day}T00:00:00Z`) : undefined;
}

/** The zone abbreviations Amazon writes after times (Seller Central in the US and Europe, Amazon Japan). */
const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  PST: -8,
  PDT: -7,
  MST: -7,
  MDT: -6,
  CST: -6,
  CDT: -5,
  EST: -5,
  EDT: -4,
  BST: 1,
  CET: 1,
  CEST: 2,
  JST: 9,
};

const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const PLAIN_INTEGER = /^[+-]?\d+$/;
const NUMBER_WITH_DOT = /^([+-]?)([1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
const NUMBER_WITH_COMMA = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+|\d*)(?:,(\d*))?$/;

/** Spaces, no-break spaces and apostrophes group thousands in some locales, whatever the decimal mark. */
function withoutSpaces(text: string): string {
  return text.trim().replace(/[\s\u00a0\u202f']/g, '');
}

/**
 * What a number says of its file's decimal mark: the mark when only one reading works (`4,10`, `1,234.50`,
 * `1.234.567`, `0,125`), `either` when `.` or `,` could be a decimal mark or a thousands separator (`1,234`,
 * `12.500`), undefined when there is no question (no separator, or no number).
 */
export function decimalMarkOf(text: string): DecimalMark | 'either' | undefined {
  const value = withoutSpaces(text);
  if (!value.includes('.') && !value.includes(',')) return undefined;
  const withPoint = parseDecimal(value, '.') !== undefined;
  const withComma = parseDecimal(value, ',') !== undefined;
  if (withPoint && withComma) return 'either';
  return withPoint ? '.' : withComma ? ',' : undefined;
}

/**
 * A decimal amount as an exact string (`"-12.99"`), never a float, with `mark` as the decimal separator; the other
 * of `.` and `,` may group thousands by threes (`1.234,56` with `,`, `1,234.56` with `.`).
 */
export function parseDecimal(text: string, mark: DecimalMark = '.'): string | undefined {
  if (mark === '.' && CANONICAL_DECIMAL.test(text) && text !== '-0') return text;
  const value = withoutSpaces(text);
  if (value === '') return undefined;
  const match = (mark === '.' ? NUMBER_WITH_DOT : NUMBER_WITH_COMMA).exec(value);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const integer = match[2]!.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && /[1-9]/.test(integer + fraction) ? '-' : '';
  return fraction ? `${sign}${integer}.${fraction}` : `${sign}${integer}`;
}

/** A whole number of units; `3.0` and `3,00` are accepted (with their file's mark), `2.5` is not. */
const SMALL_INTEGER = /^-?\d{1,9}$/;

export function parseInteger(text: string, mark: DecimalMark = '.'): number | undefined {
  if (SMALL_INTEGER.test(text)) return Number(text);
  const decimal = parseDecimal(text, mark);
  if (decimal === undefined || decimal.includes('.')) return undefined;
  const value = Number(decimal);
  return Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : undefined;
}

/** Whether a number has no separator at all, and so reads the same in every file. */
export function isPlainInteger(text: string): boolean {
  return PLAIN_INTEGER.test(text);
}
