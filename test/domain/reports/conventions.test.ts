// Issue: sellers' real files, points 3 and 4: one day order and one decimal mark per file, decided from all of the
// file's values, else from what Amazon's report and the account's region write; never guessed.
import { describe, expect, it } from 'vitest';
import { FileConventions, PENDING } from '../../../src/domain/reports/conventions.js';

const northAmerica = () => new FileConventions({ region: 'NA', report: 'Test' });

describe('FileConventions: the day order', () => {
  it('is decided by a date whose first part is above 12, for every date of the file', () => {
    const file = northAmerica();
    expect(file.day('03/05/2026', 2, 'Date')).toBe(PENDING);
    expect(file.waiting).toBe(true);
    expect(file.day('13/05/2026', 3, 'Date')).toBe('2026-05-13');
    expect(file.waiting).toBe(false);
    expect(file.day('03/05/2026', 2, 'Date')).toBe('2026-05-03');
    expect(file.instant('04/05/2026 10:00:00 UTC', 4, 'Posted')).toEqual(new Date('2026-05-04T10:00:00.000Z'));
  });

  it('is decided month-first by a date whose second part is above 12', () => {
    const file = northAmerica();
    expect(file.day('03/14/2026', 2, 'Date')).toBe('2026-03-14');
    expect(file.day('03/05/2026', 3, 'Date')).toBe('2026-03-05');
  });

  it('refuses a date the decided order cannot read, saying which line decided it', () => {
    const file = northAmerica();
    file.day('13/05/2026', 2, 'Date');
    expect(file.day('05/13/2026', 9, 'Date')).toBeUndefined();
    expect(file.explainDay('05/13/2026')).toBe(
      '"05/13/2026" is not a date in the file\'s day-first order (DD/MM/YYYY), decided because line 2, Date: "13/05/2026" reads only day-first order (DD/MM/YYYY)',
    );
  });

  it("is decided by the ISO date of the same row (the ledger's Date and Time)", () => {
    const file = northAmerica();
    expect(file.day('03/05/2026', 2, 'Date', '2026-05-03')).toBe('2026-05-03');
    expect(file.waiting).toBe(false);
    expect(file.day('04/06/2026', 3, 'Date')).toBe('2026-06-04');
  });

  it('needs no decision for ISO, dotted and year-first dates, or a day equal to its month', () => {
    const file = northAmerica();
    for (const text of ['2026-03-05', '05.03.2026', '2026/03/05', '05/05/2026', '2026-03-13 20:21:38 UTC']) {
      expect(file.day(text, 2, 'Date'), text).not.toBe(PENDING);
    }
    expect(file.waiting).toBe(false);
  });

  it("takes the region's order at the end when the values leave it open", () => {
    const file = new FileConventions({ region: 'EU', report: 'Test' });
    expect(file.day('03/05/2026', 2, 'Date')).toBe(PENDING);
    expect(file.finish()).toEqual([]);
    expect(file.day('03/05/2026', 2, 'Date')).toBe('2026-05-03');
  });

  it("refuses, at the first ambiguous date, a file whose report's order is not its region's", () => {
    const file = new FileConventions({ region: 'EU', report: 'Ledger', nativeDayOrder: 'MDY' });
    file.day('03/05/2026', 2, 'Date');
    file.day('03/06/2026', 3, 'Date');
    const [problem] = file.finish();
    expect(problem).toMatchObject({ line: 2, column: 'Date' });
    expect(problem!.message).toMatch(/^"03\/05\/2026" can be read day-first or month-first/);
  });

  it("agrees with a report whose order is its region's", () => {
    const file = new FileConventions({ region: 'NA', report: 'Ledger', nativeDayOrder: 'MDY' });
    file.day('03/05/2026', 2, 'Date');
    expect(file.finish()).toEqual([]);
    expect(file.day('03/05/2026', 2, 'Date')).toBe('2026-03-05');
  });
});

describe('FileConventions: the decimal mark', () => {
  it('is decided by a number that reads one way only', () => {
    const file = northAmerica();
    expect(file.decimal('1,250', 2, 'cost')).toBe(PENDING);
    expect(file.decimal('4,10', 3, 'cost')).toBe('4.1');
    expect(file.decimal('1,250', 2, 'cost')).toBe('1.25');
    expect(file.integer('1.000', 4, 'qty')).toBe(1000);
  });

  it('needs no decision for numbers without a separator', () => {
    const file = northAmerica();
    expect(file.integer('-3', 2, 'qty')).toBe(-3);
    expect(file.decimal('12', 2, 'cost')).toBe('12');
    expect(file.waiting).toBe(false);
  });

  it('is a comma in a semicolon-separated file, and a point in North America, when the values leave it open', () => {
    const semicolon = new FileConventions({ region: 'EU', report: 'Test', delimiter: ';' });
    semicolon.decimal('1,250', 2, 'cost');
    expect(semicolon.finish()).toEqual([]);
    expect(semicolon.decimal('1,250', 2, 'cost')).toBe('1.25');
    const american = northAmerica();
    american.decimal('1,250', 2, 'cost');
    expect(american.finish()).toEqual([]);
    expect(american.decimal('1,250', 2, 'cost')).toBe('1250');
  });

  it('is refused in the EU region, which writes both, at the first ambiguous number', () => {
    const file = new FileConventions({ region: 'EU', report: 'Test', delimiter: ',' });
    file.decimal('1,250', 5, 'cost');
    expect(file.finish()).toEqual([
      {
        line: 5,
        column: 'cost',
        message:
          '"1,250" can be read with a decimal point or a decimal comma, and no number of the file tells which (the EU region writes both)',
      },
    ]);
  });

  it('is a point in a workbook, whose numbers are numbers', () => {
    const file = new FileConventions({ region: 'EU', report: 'Test', decimalMark: '.' });
    expect(file.decimal('1.234', 2, 'cost')).toBe('1.234');
  });
});
