// docs/reports.md, "Reading rules that apply to every file": numbers and dates as Amazon writes them.
import { describe, expect, it } from 'vitest';
import {
  dayOrdersOf,
  decimalMarkOf,
  parseDay,
  parseDecimal,
  parseInstant,
  parseInteger,
} from '../../../src/domain/reports/values.js';

function instant(text: string): string | undefined {
  return parseInstant(text)?.toISOString();
}

describe('parseDay: the ledger writes MM/DD/YYYY', () => {
  it.each([
    ['03/01/2025', '2025-03-01'],
    ['12/31/2024', '2024-12-31'],
    ['4/1/2025', '2025-04-01'],
    [' 05/02/2025 ', '2025-05-02'],
  ])('%s is %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it('reads the month first, not the day', () => {
    expect(parseDay('01/12/2025')).toBe('2025-01-12');
    expect(parseDay('13/01/2025')).toBeUndefined();
  });
});

// Issue: sellers' real files, point 3 (DD/MM/YYYY in EU exports, YYYY/MM/DD in Japan).
describe('parseDay: NN/NN/YYYY in the order of its file', () => {
  it('reads the day first when the file writes day-first', () => {
    expect(parseDay('01/12/2025', 'DMY')).toBe('2025-12-01');
    expect(parseDay('13/01/2025', 'DMY')).toBe('2025-01-13');
    expect(parseDay('7/3/2026', 'DMY')).toBe('2026-03-07');
    expect(parseDay('01/13/2025', 'DMY')).toBeUndefined();
  });

  it('reads YYYY/MM/DD (Japan) whatever the order', () => {
    expect(parseDay('2025/04/01', 'DMY')).toBe('2025-04-01');
    expect(parseDay('2025/4/1', 'MDY')).toBe('2025-04-01');
  });
});

describe("dayOrdersOf: what one date says of its file's order", () => {
  it.each([
    ['13/03/2026', 'DMY'],
    ['03/13/2026', 'MDY'],
    ['03/05/2026', 'either'],
    ['03/05/2026 10:00:00', 'either'],
    ['05/05/2026', undefined],
    ['31/02/2026', undefined],
    ['2026-03-05', undefined],
    ['05.03.2026', undefined],
    ['2026/03/05', undefined],
  ] as const)('%s says %s', (text, orders) => {
    expect(dayOrdersOf(text)).toBe(orders);
  });
});

describe('parseDay: ISO days, and the DD-MM-YYYY and DD-MON-YYYY formats of help pages', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2025-4-1', '2025-04-01'],
    ['01-04-2025', '2025-04-01'],
    ['01.04.2025', '2025-04-01'],
    ['1-4-2025', '2025-04-01'],
    ['01-Apr-2025', '2025-04-01'],
    ['01-APR-2025', '2025-04-01'],
    ['01-apr-2025', '2025-04-01'],
    ['03 Apr 2025', '2025-04-03'],
    ['03-Apr.-2025', '2025-04-03'],
  ])('%s is %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it('takes the date part of an ISO date followed by a time as written', () => {
    expect(parseDay('2025-04-01T23:30:00-0700')).toBe('2025-04-01');
    expect(parseDay('2025-04-01 08:00:00 UTC')).toBe('2025-04-01');
  });
});

describe('parseDay: month names in the languages of EU downloads', () => {
  it.each([
    ['15-Jan-2025', '2025-01-15'],
    ['15-Gen-2025', '2025-01-15'],
    ['15-Ene-2025', '2025-01-15'],
    ['15-Feb-2025', '2025-02-15'],
    ['15-Fév-2025', '2025-02-15'],
    ['15-Fev-2025', '2025-02-15'],
    ['15-Mär-2025', '2025-03-15'],
    ['15-MÄR-2025', '2025-03-15'],
    ['15-Mrz-2025', '2025-03-15'],
    ['15-Avr-2025', '2025-04-15'],
    ['15-Abr-2025', '2025-04-15'],
    ['15-Mai-2025', '2025-05-15'],
    ['15-Mag-2025', '2025-05-15'],
    ['15-Juin-2025', '2025-06-15'],
    ['15-Giu-2025', '2025-06-15'],
    ['15-Juil-2025', '2025-07-15'],
    ['15-Lug-2025', '2025-07-15'],
    ['15-Aoû-2025', '2025-08-15'],
    ['15-Aou-2025', '2025-08-15'],
    ['15-Ago-2025', '2025-08-15'],
    ['15-Set-2025', '2025-09-15'],
    ['15-Okt-2025', '2025-10-15'],
    ['15-Ott-2025', '2025-10-15'],
    ['15-Nov-2025', '2025-11-15'],
    ['15-Dez-2025', '2025-12-15'],
    ['15-Déc-2025', '2025-12-15'],
    ['15-Dic-2025', '2025-12-15'],
  ])('%s is %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it('refuses a month name it does not know', () => {
    expect(parseDay('15-Foo-2025')).toBeUndefined();
    expect(parseDay('15-Xyzw-2025')).toBeUndefined();
  });
});

describe('parseDay: leap years and days that do not exist', () => {
  it('accepts 29 February in leap years only (divisible by 4, centuries by 400)', () => {
    expect(parseDay('02/29/2024')).toBe('2024-02-29');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('02/29/2000')).toBe('2000-02-29');
    expect(parseDay('02/29/2025')).toBeUndefined();
    expect(parseDay('2025-02-29')).toBeUndefined();
    expect(parseDay('02/29/1900')).toBeUndefined();
    expect(parseDay('29-02-2025')).toBeUndefined();
    expect(parseDay('29-Feb-2025')).toBeUndefined();
    expect(parseDay('29-Feb-2024')).toBe('2024-02-29');
  });

  it.each([
    '02/30/2025',
    '04/31/2025',
    '00/10/2025',
    '01/00/2025',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-4-31',
    '31-04-2025',
    '32-Jan-2025',
  ])('refuses %s', (text) => {
    expect(parseDay(text)).toBeUndefined();
  });

  it('accepts the last day of every month', () => {
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    last.forEach((day, index) => {
      const month = String(index + 1).padStart(2, '0');
      expect(parseDay(`${month}/${day}/2025`)).toBe(`2025-${month}-${day}`);
      expect(parseDay(`${month}/${day + 1}/2025`)).toBeUndefined();
    });
  });
});

describe('parseDay: garbage is refused, not guessed', () => {
  it.each(['', '   ', 'abc', '2025/13/01', '2025-04-01X', '03/01/25', '1899-12-31', '3000-01-01', '03-01-2025-1'])(
    'refuses %j',
    (text) => {
      expect(parseDay(text)).toBeUndefined();
    },
  );
});

describe('parseInstant: ISO-8601 with an offset, stored in UTC', () => {
  it.each([
    ['2025-04-01T08:00:00+00:00', '2025-04-01T08:00:00.000Z'],
    ['2025-04-01T08:00:00Z', '2025-04-01T08:00:00.000Z'],
    ['2025-04-01T08:00:00z', '2025-04-01T08:00:00.000Z'],
    ['2025-03-01T10:00:00-0700', '2025-03-01T17:00:00.000Z'],
    ['2025-04-01T08:00:00-07:00', '2025-04-01T15:00:00.000Z'],
    ['2025-04-01T08:00:00+02:00', '2025-04-01T06:00:00.000Z'],
    ['2025-04-01T08:00:00+0200', '2025-04-01T06:00:00.000Z'],
    ['2025-04-01T08:00:00+0530', '2025-04-01T02:30:00.000Z'],
    ['2025-04-01T08:00:00+02', '2025-04-01T06:00:00.000Z'],
    ['2025-04-01T08:00:00.123Z', '2025-04-01T08:00:00.123Z'],
    ['2025-04-01T08:00:00.5+01:00', '2025-04-01T07:00:00.500Z'],
    [' 2025-04-01T08:00:00Z ', '2025-04-01T08:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(instant(text)).toBe(iso);
  });

  it('moves to the previous or next UTC day when the offset says so', () => {
    expect(instant('2025-04-01T22:30:00-0700')).toBe('2025-04-02T05:30:00.000Z');
    expect(instant('2025-04-01T01:00:00+02:00')).toBe('2025-03-31T23:00:00.000Z');
    expect(instant('2024-12-31T20:00:00-08:00')).toBe('2025-01-01T04:00:00.000Z');
  });
});

describe('parseInstant: YYYY-MM-DD HH:MM:SS UTC (settlements) and times without a zone', () => {
  it.each([
    ['2025-04-01 08:00:00 UTC', '2025-04-01T08:00:00.000Z'],
    ['2025-04-15 12:00:00 UTC', '2025-04-15T12:00:00.000Z'],
    ['2025-04-01 08:00:00 utc', '2025-04-01T08:00:00.000Z'],
    ['2025-04-01 08:00:00 GMT', '2025-04-01T08:00:00.000Z'],
    ['2025-04-01 08:00:00', '2025-04-01T08:00:00.000Z'],
    ['2025-04-01T08:00', '2025-04-01T08:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(instant(text)).toBe(iso);
  });
});

// Seller Central's pages and US downloads write the month's name first, and its Date Range report adds a time:
// `Sep 4, 2026 1:05:07 AM PDT`; its UK and Indian reports the day first, `15 Mar 2026 3:22:08 PM UTC`.
describe('parseDay and parseInstant: a month named first, and a named month followed by a time', () => {
  it.each([
    ['Sep 4, 2026', '2026-09-04'],
    ['Sep 04, 2026', '2026-09-04'],
    ['Sept. 4, 2026', '2026-09-04'],
    ['September 4, 2026', '2026-09-04'],
    ['september 4 2026', '2026-09-04'],
    ['Feb 29, 2024', '2024-02-29'],
  ])('%s is the day %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
    // The order of the file's NN/NN dates changes nothing for a named month.
    expect(parseDay(text, 'DMY')).toBe(day);
  });

  it.each([
    ['Sep 4, 2026 1:05:07 AM PDT', '2026-09-04T08:05:07.000Z'],
    ['Dec 1, 2017 12:38:23 AM PST', '2017-12-01T08:38:23.000Z'],
    ['Jan 15, 2026 12:00:00 PM PST', '2026-01-15T20:00:00.000Z'],
    ['15 Mar 2026 3:22:08 PM UTC', '2026-03-15T15:22:08.000Z'],
    ['15-Mar-2026 15:22:08', '2026-03-15T15:22:08.000Z'],
    ['Sep 4, 2026', '2026-09-04T00:00:00.000Z'],
  ])('%s is the instant %s', (text, iso) => {
    expect(instant(text)).toBe(iso);
  });

  it.each(['Feb 30, 2026', 'Foo 4, 2026', 'Sep 4, 2026 13:00:00 PM', 'Sep 4, 2026 1:05:07 AM XYZ', 'Sep 4 26'])(
    'refuses %j',
    (text) => {
      expect(parseInstant(text)).toBeUndefined();
    },
  );
});

describe('parseInstant: a bare day is midnight UTC', () => {
  it.each([
    ['2025-04-01', '2025-04-01T00:00:00.000Z'],
    ['03/01/2025', '2025-03-01T00:00:00.000Z'],
    ['01-Apr-2025', '2025-04-01T00:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(instant(text)).toBe(iso);
  });
});

describe('parseInstant: impossible dates and times are refused', () => {
  it.each([
    '2025-02-30T08:00:00Z',
    '2025-02-29T08:00:00Z',
    '2025-13-01T08:00:00Z',
    '2025-04-01T24:00:00Z',
    '2025-04-01T08:60:00Z',
    '2025-04-01 25:00:00 UTC',
    'garbage',
    '',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('accepts 29 February of a leap year', () => {
    expect(instant('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z');
    expect(instant('2024-02-29 12:00:00 UTC')).toBe('2024-02-29T12:00:00.000Z');
  });

  // A time that does not read must be reported, not dropped to midnight of its day (docs/reports.md: "an unparseable date
  // or number: the import reports each problem with its line number").
  it('refuses a date and time it cannot read rather than reading it as midnight', () => {
    expect(parseInstant('2025-04-01T08:00:00Zjunk')).toBeUndefined();
    // Either read correctly or refused, never midnight.
    expect([undefined, '2025-04-01T15:00:00.000Z']).toContain(instant('2025-04-01T08:00:00 PDT'));
    expect([undefined, '2025-04-01T08:00:00.000Z']).toContain(instant('2025-04-01 8:00:00 UTC'));
  });
});

describe('parseDecimal: exact strings, with the decimal mark of the file', () => {
  it.each([
    ['12.99', '12.99'],
    ['-12.99', '-12.99'],
    ['0', '0'],
    ['-0.5', '-0.5'],
    ['12.90', '12.9'],
    ['34.00', '34'],
    ['1,234.56', '1234.56'],
    ['1,234,567.89', '1234567.89'],
    ['1,234', '1234'],
    ['1 234.56', '1234.56'],
    ["1'234.50", '1234.5'],
    ['007', '7'],
    ['00.50', '0.5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['+5', '5'],
    [' 3 ', '3'],
  ])('%j with a decimal point is %s', (text, value) => {
    expect(parseDecimal(text, '.')).toBe(value);
  });

  it.each([
    ['4,10', '4.1'],
    ['-4,10', '-4.1'],
    ['0,5', '0.5'],
    ['1.234,56', '1234.56'],
    ['1.234.567,89', '1234567.89'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1,234', '1.234'],
    ['12.500', '12500'],
  ])('%j with a decimal comma is %s', (text, value) => {
    expect(parseDecimal(text, ',')).toBe(value);
  });

  it('has no negative zero', () => {
    expect(parseDecimal('-0')).toBe('0');
    expect(parseDecimal('-0.00')).toBe('0');
    expect(parseDecimal('-0,00', ',')).toBe('0');
  });

  it.each(['', '   ', '-', '+', '.', ',', 'abc', '1e5', '12.99 USD', '$12.99', '1,2,3', '1.2.3', '--5', '1-2', 'NaN'])(
    'refuses %j',
    (text) => {
      expect(parseDecimal(text, '.')).toBeUndefined();
      expect(parseDecimal(text, ',')).toBeUndefined();
    },
  );

  it('refuses a number written with the other mark', () => {
    expect(parseDecimal('4,10', '.')).toBeUndefined();
    expect(parseDecimal('1,234.56', ',')).toBeUndefined();
    expect(parseDecimal('0,125', '.')).toBeUndefined();
    expect(parseDecimal('12,34,567', '.')).toBeUndefined();
  });
});

describe("decimalMarkOf: what one number says of its file's decimal mark", () => {
  it.each([
    ['4,10', ','],
    ['0,125', ','],
    ['1.234,56', ','],
    ['1.234.567', ','],
    ['12.99', '.'],
    ['1,234.56', '.'],
    ['1,234,567', '.'],
    ['1,234', 'either'],
    ['12.500', 'either'],
    ['-1,500', 'either'],
    ['12', undefined],
    ['25.98.1', undefined],
  ] as const)('%s says %s', (text, mark) => {
    expect(decimalMarkOf(text)).toBe(mark);
  });
});

describe('parseInteger: whole numbers of units', () => {
  it.each([
    ['3', 3],
    ['-3', -3],
    ['0', 0],
    ['0003', 3],
    ['+5', 5],
    [' 3 ', 3],
    ['3.0', 3],
    ['-1.000', -1],
    ['1234567890', 1_234_567_890],
    ['2147483647', 2_147_483_647],
    ['-2147483647', -2_147_483_647],
  ])('%j is %d', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it('reads whole numbers written with a decimal comma in files that use one', () => {
    expect(parseInteger('3,00', ',')).toBe(3);
    expect(parseInteger('1.000,00', ',')).toBe(1000);
    expect(parseInteger('1,000', '.')).toBe(1000);
  });

  it('reads -0 as zero', () => {
    expect(parseInteger('-0') === 0).toBe(true);
  });

  it.each(['2.5', '2,5', '-0.1', '', 'abc', '1e3', '3 units', '3,00'])('refuses %j', (text) => {
    expect(parseInteger(text)).toBeUndefined();
  });

  it('refuses numbers too large for a quantity', () => {
    expect(parseInteger('2147483648')).toBeUndefined();
    expect(parseInteger('3000000000')).toBeUndefined();
    expect(parseInteger('99999999999999999999')).toBeUndefined();
  });
});
