// A product read with raw SQL, as Prisma gives it: a page of missingProducts reads its products in the statement that
// reads their numbers (one round trip to the database instead of two, and none of the ORM's own work: Prisma's
// findMany of the page's 50 products cost more than the page's own statement).
import { Prisma, type Product } from '../generated/prisma/client.js';

/** A product's columns (under the alias `p`) as JSON, named as Product's fields (see keptPage). */
export const PRODUCT_JSON = `'id', p.id, 'accountId', p.account_id, 'sku', p.sku, 'fnsku', p.fnsku, 'asin', p.asin,
  'title', p.title, 'purchaseCost', p.purchase_cost::text, 'purchaseCurrency', p.purchase_currency,
  'lastSalePrice', p.last_sale_price::text, 'lastSaleCurrency', p.last_sale_currency, 'lastSaleAt', p.last_sale_at,
  'createdAt', p.created_at, 'updatedAt', p.updated_at, 'factsVersion', p.facts_version, 'lotsVersion', p.lots_version,
  'lotsDigest', p.lots_digest`;

/** A product of PRODUCT_JSON: decimals come as exact text, instants as text with their offset (timestamptz). */
export type ProductColumns = Omit<
  Product,
  'purchaseCost' | 'lastSalePrice' | 'lastSaleAt' | 'createdAt' | 'updatedAt'
> & {
  purchaseCost: string | null;
  lastSalePrice: string | null;
  lastSaleAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const decimal = (text: string | null) => (text === null ? null : new Prisma.Decimal(text));

export function productOf(row: ProductColumns): Product {
  return {
    id: row.id,
    accountId: row.accountId,
    sku: row.sku,
    fnsku: row.fnsku,
    asin: row.asin,
    title: row.title,
    purchaseCost: decimal(row.purchaseCost),
    purchaseCurrency: row.purchaseCurrency,
    lastSalePrice: decimal(row.lastSalePrice),
    lastSaleCurrency: row.lastSaleCurrency,
    lastSaleAt: row.lastSaleAt === null ? null : new Date(row.lastSaleAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    factsVersion: row.factsVersion,
    lotsVersion: row.lotsVersion,
    lotsDigest: row.lotsDigest,
  };
}
