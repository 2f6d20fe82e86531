// Product costs (Reclaim's own file): docs/reports.md section 6. The seller's purchase cost per unit of each SKU.
import type { ReportFormat } from './format.js';

export interface ProductCostValues {
  sku: string;
  cost: string;
  currency: string;
  title?: string;
}

const columns = {
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  // The names sellers' own sheets give the column, and Amazon's ("manufacturing cost", docs/rules.md section 9).
  cost: {
    name: 'cost',
    aliases: ['unit-cost', 'purchase-cost', 'manufacturing-cost', 'cost-per-unit', 'product-cost', 'cogs', 'unit-cogs'],
    required: true,
  },
  currency: { name: 'currency', aliases: ['currency-unit', 'currency-code'], required: true },
  title: { name: 'title', aliases: ['product-name'], text: 'title' },
} as const;

export const productCostsFormat: ReportFormat<ProductCostValues, keyof typeof columns> = {
  kind: 'PRODUCT_COSTS',
  title: 'Product costs',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    // Read once: a currency past its length limit is one problem, not one per read.
    const currencyText = row.text('currency');
    const cost = row.decimal('cost', true, (text) => costWithoutCurrency(text, currencyText?.toUpperCase()));
    if (cost?.startsWith('-')) row.problem('cost', 'a cost cannot be negative');
    const currency = (currencyText ?? row.requiredText('currency')).toUpperCase();
    if (currency && !/^[A-Z]{3}$/.test(currency))
      row.problem('currency', `"${currency}" is not an ISO 4217 currency code`);
    const values: ProductCostValues = {
      sku: row.requiredText('sku'),
      cost: cost ?? '0',
      currency,
      title: row.text('title'),
    };
    if (row.problems.length > before) return undefined;
    return { values, identity: [values.sku], product: { sku: values.sku, title: values.title } };
  },
};

/**
 * The currencies each sign stands for, in the marketplaces Amazon runs (a sign a spreadsheet writes in a currency
 * cell: Excel saves such a cell to CSV as it shows it, `$5.10` or `5,10 €`).
 */
const CURRENCIES_OF_SIGN: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'CAD', 'MXN', 'AUD', 'SGD', 'NZD'],
  US$: ['USD'],
  C$: ['CAD'],
  CA$: ['CAD'],
  MX$: ['MXN'],
  A$: ['AUD'],
  AU$: ['AUD'],
  S$: ['SGD'],
  R$: ['BRL'],
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  '￥': ['JPY', 'CNY'],
  '₹': ['INR'],
  ZŁ: ['PLN'],
  KR: ['SEK', 'NOK', 'DKK'],
  '₺': ['TRY'],
  TL: ['TRY'],
};

/**
 * A cost as a currency cell of a spreadsheet writes it (`$5.10`, `5,10 €`, `USD 5.10`, `5.10 USD`): the number alone,
 * when the sign or code is the row's currency (`currency`, its column; not checked when it is missing), or the problem.
 * A number without a sign is left as it is.
 */
export function costWithoutCurrency(text: string, currency: string | undefined): string | { problem: string } {
  const match =
    /^(-?)\s*([^\d\s.,+-][^\d\s]*?)\s*(-?\d.*)$/u.exec(text) ?? /^(-?)()(.*?\d)\s*([^\d\s.,]+)$/u.exec(text);
  if (!match) return text;
  const sign = (match[2] || match[4] || '').toUpperCase();
  const number = `${match[1]}${match[3]}`;
  if (/^[A-Z]{3}$/.test(sign)) {
    if (currency && sign !== currency) {
      return { problem: `"${text}" is a cost in ${sign}, but the row's currency is ${currency}` };
    }
    return number;
  }
  const currencies = CURRENCIES_OF_SIGN[sign];
  if (!currencies) {
    return {
      problem: `"${text}" is not a number: write the cost as a number, its currency in the currency column`,
    };
  }
  if (currency && !currencies.includes(currency)) {
    return { problem: `"${text}" is a cost in ${currencies.join(' or ')}, but the row's currency is ${currency}` };
  }
  return number;
}
