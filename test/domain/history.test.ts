// The month bucketing of the history (src/domain/history.ts; docs/api.md, `history`).
import { describe, expect, it } from 'vitest';
import { addMonths, bucketHistory, type HistoryFact, historyRange, monthOf } from '../../src/domain/history.js';
import { formatAmount } from '../../src/domain/money.js';

const asOf = new Date('2025-06-15T23:30:00Z');

describe('the months asked', () => {
  it('run from the month of `from` to the month of `to`, both whole', () => {
    expect(historyRange(asOf, '2025-01-31', '2025-03-01')).toEqual({
      first: '2025-01-01',
      end: '2025-04-01',
      months: ['2025-01-01', '2025-02-01', '2025-03-01'],
      asOfDay: '2025-06-15',
    });
  });

  it("end with asOf's UTC month without `to`, and are a year without `from`", () => {
    const range = historyRange(new Date('2025-06-30T23:59:59Z'));
    expect(range.months).toHaveLength(12);
    expect([range.first, range.end, range.asOfDay]).toEqual(['2024-07-01', '2025-07-01', '2025-06-30']);
    expect(historyRange(asOf, undefined, '2025-02-10').months.at(0)).toBe('2024-03-01');
  });

  it('cross years, and refuse a backwards range or more than 36 months', () => {
    expect(historyRange(asOf, '2024-11-05', '2025-02-01').months).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
    expect(() => historyRange(asOf, '2025-03-01', '2025-02-28')).toThrow(/after/);
    expect(historyRange(asOf, '2022-02-01', '2025-01-31').months).toHaveLength(36);
    expect(() => historyRange(asOf, '2022-01-31', '2025-01-01')).toThrow(/36 months/);
  });

  it('are named by their first day', () => {
    expect(monthOf('2025-02-28')).toBe('2025-02-01');
    expect(addMonths('2025-01-01', -1)).toBe('2024-12-01');
    expect(addMonths('2024-12-01', 2)).toBe('2025-02-01');
  });
});

describe('the facts in their months', () => {
  const range = historyRange(asOf, '2025-04-01', '2025-06-30');
  const fact = (series: HistoryFact['series'], day: string, units: number, amount: string | null, currency = 'USD') =>
    ({ series, day, units, amount, currency: amount === null ? null : currency }) satisfies HistoryFact;

  const months = bucketHistory(range, [
    fact('missing', '2025-04-30', 3, '38.97'),
    fact('missing', '2025-04-01', 1, null),
    fact('missing', '2025-05-01', 2, '10.00', 'EUR'),
    fact('missing', '2025-05-31', 1, '0.10'),
    fact('claimed', '2025-05-15', 2, '25.98'),
    // A payment and its reversal: the month nets them.
    fact('reimbursed', '2025-05-15', 1, '12.99'),
    fact('reimbursed', '2025-05-28', -1, '-12.99'),
    fact('reimbursed', '2025-06-05', 1, '18.00'),
    fact('expired', '2025-06-14', 1, '3.00'),
    // Deadline on asOf's day: still claimable that day, not expired.
    fact('expired', '2025-06-15', 5, '50.00'),
    // Outside the range.
    fact('missing', '2025-03-31', 7, '70.00'),
    fact('missing', '2025-07-01', 7, '70.00'),
  ]);

  it('sum the units of each series per month, valued or not', () => {
    expect(months.map((m) => [m.month, m.missingUnits, m.claimedUnits, m.reimbursedUnits, m.expiredUnits])).toEqual([
      ['2025-04-01', 4, 0, 0, 0],
      ['2025-05-01', 3, 2, 0, 0],
      ['2025-06-01', 0, 0, 1, 1],
    ]);
  });

  it('sum the values per currency, in decimal, currencies apart and in alphabetical order', () => {
    const shown = months.map((m) =>
      m.values.map((v) => [
        v.currency,
        formatAmount(v.missing),
        formatAmount(v.claimed),
        formatAmount(v.reimbursed),
        formatAmount(v.expired),
      ]),
    );
    expect(shown).toEqual([
      [['USD', '38.97', '0.00', '0.00', '0.00']],
      [
        ['EUR', '10.00', '0.00', '0.00', '0.00'],
        ['USD', '0.10', '25.98', '0.00', '0.00'],
      ],
      [['USD', '0.00', '0.00', '18.00', '3.00']],
    ]);
  });

  it('adds amounts exactly: ten times 0.10 is 1.00', () => {
    const [month] = bucketHistory(
      historyRange(asOf, '2025-05-01', '2025-05-31'),
      Array.from({ length: 10 }, () => fact('missing', '2025-05-02', 1, '0.1')),
    );
    expect(month!.values[0]!.missing.amount.toFixed()).toBe('1');
  });
});
