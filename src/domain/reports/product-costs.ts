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
  cost: { name: 'cost', aliases: ['unit-cost', 'purchase-cost'], required: true },
  currency: { name: 'currency', aliases: ['currency-unit'], required: true },
  title: { name: 'title', aliases: ['product-name'], text: 'title' },
} as const;

export const productCostsFormat: ReportFormat<ProductCostValues, keyof typeof columns> = {
  kind: 'PRODUCT_COSTS',
  title: 'Product costs',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const cost = row.decimal('cost', true);
    if (cost?.startsWith('-')) row.problem('cost', 'a cost cannot be negative');
    const currency = row.requiredText('currency').toUpperCase();
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
