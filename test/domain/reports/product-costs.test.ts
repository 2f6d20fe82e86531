// REPORTS.md section 6: product costs (Reclaim's own file), and RULES.md section 6 (a costs file: sku, cost, currency).
import { describe, expect, it } from 'vitest';
import { productCostsFormat } from '../../../src/domain/reports/product-costs.js';
import { readTsv, sample } from './read-tsv.js';

function readLine(line: string, header = 'sku\tcost\tcurrency') {
  const { rows, problems } = readTsv(productCostsFormat, `${header}\n${line}\n`);
  return { row: rows[0], problems };
}

describe('product costs: values of the sample file', () => {
  it('reads every cost of product-costs.tsv', () => {
    const { rows, problems } = readTsv(productCostsFormat, sample('product-costs.tsv'));
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      { sku: 'SKU-LAMP-02', cost: '22.5', currency: 'USD', title: undefined },
      { sku: 'SKU-PEN-05', cost: '3', currency: 'USD', title: undefined },
      { sku: 'SKU-MUG-01', cost: '5.1', currency: 'USD', title: undefined },
    ]);
    expect(rows.map((row) => row.identity)).toEqual([['SKU-LAMP-02'], ['SKU-PEN-05'], ['SKU-MUG-01']]);
    expect(rows[0]?.product).toEqual({ sku: 'SKU-LAMP-02', title: undefined });
  });

  it('reads the optional title, a decimal comma and a currency in lower case', () => {
    const { row, problems } = readLine('SKU-1\t4,10\teur\tMug', 'SKU\tCost\tCurrency\tTitle');
    expect(problems).toEqual([]);
    expect(row?.values).toEqual({ sku: 'SKU-1', cost: '4.1', currency: 'EUR', title: 'Mug' });
    expect(row?.product).toEqual({ sku: 'SKU-1', title: 'Mug' });
  });

  it('accepts a cost of zero', () => {
    expect(readLine('SKU-1\t0\tUSD').row?.values.cost).toBe('0');
    expect(readLine('SKU-1\t-0\tUSD').row?.values.cost).toBe('0');
  });

  it('makes the SKU the identity: a second cost for a SKU is the same row', () => {
    expect(readLine('SKU-1\t5\tUSD').row?.identity).toEqual(readLine('SKU-1\t6\tEUR').row?.identity);
  });
});

describe('product costs: a negative cost and a bad currency code are refused', () => {
  it('refuses a negative cost', () => {
    const { row, problems } = readLine('SKU-1\t-5.00\tUSD');
    expect(row).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'cost', message: 'a cost cannot be negative' }]);
  });

  it.each(['US', 'USDX', 'US$', '$', '840'])('refuses the currency %j', (currency) => {
    const { row, problems } = readLine(`SKU-1\t5\t${currency}`);
    expect(row).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 'currency' });
    expect(problems[0]?.message).toContain('is not an ISO 4217 currency code');
  });

  it('reports an empty currency, cost and SKU', () => {
    const { row, problems } = readLine('\t\t');
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { line: 2, column: 'cost', message: 'cost is empty' },
      { line: 2, column: 'currency', message: 'currency is empty' },
      { line: 2, column: 'sku', message: 'sku is empty' },
    ]);
  });

  it('reports a cost that is not a number', () => {
    const { problems } = readLine('SKU-1\tfive\tUSD');
    expect(problems).toEqual([{ line: 2, column: 'cost', message: '"five" is not a number' }]);
  });
});
