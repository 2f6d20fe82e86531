// How the values of Amazon's files are written (REPORTS.md, "Reading rules that apply to every file").
// Each parser returns undefined for text it cannot read; the caller reports the line and column.

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

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

/** `MM/DD/YYYY` and `YYYY-MM-DD`, the two formats of nearly every row, without regular expressions. */
function parseCommonDay(value: string): Day | undefined {
  if (value.length !== 10) return undefined;
  if (value.charCodeAt(2) === 47 && value.charCodeAt(5) === 47) {
    const month = digits(value, 0, 2);
    const day = digits(value, 3, 2);
    const year = digits(value, 6, 4);
    if (dayIsValid(year, month, day)) return `${value.slice(6, 10)}-${value.slice(0, 2)}-${value.slice(3, 5)}`;
    return undefined;
  }
  if (value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    if (dayIsValid(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2))) return value;
  }
  return undefined;
}

/**
 * A calendar day in any of the formats Amazon uses: `MM/DD/YYYY` (ledger), `YYYY-MM-DD` (optionally followed by a
 * time, whose date part is taken as written), `DD-MM-YYYY`, `DD.MM.YYYY` and `DD-MON-YYYY`.
 */
export function parseDay(text: string): Day | undefined {
  const value = text.trim();
  const common = parseCommonDay(value);
  if (common) return common;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/.exec(value);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (match) return validDay(Number(match[3]), Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(value);
  if (match) return validDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[- ]([\p{L}]{3,5})\.?[- ](\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    return month ? validDay(Number(match[3]), month, Number(match[1])) : undefined;
  }
  return undefined;
}

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
  const zone = value.slice(19);
  let offset = 0;
  if (zone !== 'Z') {
    const sign = zone.charCodeAt(0) === 45 ? -1 : zone.charCodeAt(0) === 43 ? 1 : 0;
    const colon = zone.length === 6 && zone.charCodeAt(3) === 58;
    if (sign === 0 || !(colon || zone.length === 5)) return undefined;
    const zoneHours = digits(zone, 1, 2);
    const zoneMinutes = digits(zone, colon ? 4 : 3, 2);
    if (zoneHours < 0 || zoneMinutes < 0) return undefined;
    offset = sign * (zoneHours * 60 + zoneMinutes);
  }
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds) - offset * 60_000);
}

/**
 * An instant, as ISO-8601 (`2025-04-01T08:00:00+00:00`, `…-0700`, `…Z`), as `YYYY-MM-DD HH:MM:SS UTC`, or a bare
 * day (midnight UTC). A time without a zone is read as UTC, which is what Amazon's reports mean by it.
 */
export function parseInstant(text: string): Date | undefined {
  const value = text.trim();
  const common = parseCommonInstant(value);
  if (common) return common;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})?$/i.exec(
      value,
    );
  if (match) {
    const day = validDay(Number(match[1]), Number(match[2]), Number(match[3]));
    const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (!day || hours > 23 || minutes > 59 || seconds > 60) return undefined;
    const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
    let offsetMinutes = 0;
    const zone = match[8]?.toUpperCase();
    if (zone && /^[+-]/.test(zone)) {
      const digits = zone.replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
    } else if (zone && zone !== 'Z' && zone !== 'UTC' && zone !== 'GMT') {
      const named = ZONE_OFFSETS[zone];
      if (named === undefined) return undefined;
      offsetMinutes = named * 60;
    }
    const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hours, minutes, seconds, millis);
    return new Date(utc - offsetMinutes * 60_000);
  }
  // A bare day is midnight UTC; a day followed by a time that did not read is not an instant at all.
  if (/^\d{4}-\d{1,2}-\d{1,2}[T ]/.test(value)) return undefined;
  const day = parseDay(value);
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

/**
 * A decimal amount as an exact string (`"-12.99"`), never a float. `.` or `,` is the decimal separator; when both
 * appear, the last one is, and the other groups thousands (`1.234,56`, `1,234.56`).
 */
const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

export function parseDecimal(text: string): string | undefined {
  if (CANONICAL_DECIMAL.test(text) && text !== '-0') return text;
  let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (value === '') return undefined;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    value = value.split(grouping).join('');
    if (decimal === ',') value = value.replace(',', '.');
  } else if (lastComma >= 0) {
    if (value.indexOf(',') !== lastComma) return undefined;
    value = value.replace(',', '.');
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const integer = match[2]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && /[1-9]/.test(integer + fraction) ? '-' : '';
  return fraction ? `${sign}${integer}.${fraction}` : `${sign}${integer}`;
}

/** A whole number of units; `3.0` and `3,00` are accepted, `2.5` is not. */
const SMALL_INTEGER = /^-?\d{1,9}$/;

export function parseInteger(text: string): number | undefined {
  if (SMALL_INTEGER.test(text)) return Number(text);
  const decimal = parseDecimal(text);
  if (decimal === undefined || decimal.includes('.')) return undefined;
  const value = Number(decimal);
  return Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : undefined;
}
