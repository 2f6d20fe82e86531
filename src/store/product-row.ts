// A product read with raw SQL, as Prisma gives it: a page of missingProducts reads its products in the statement that
// reads their numbers (one round trip to the database instead of two, and none of the ORM's own work).
import { Prisma, type Product } from '../generated/prisma/client.js';

/** The columns of `product` (under the alias `p`) that productOf reads, named as Product's fields. */
export const PRODUCT_COLUMNS = `p.id AS "id", p.account_id AS "accountId", p.sku AS "sku", p.fnsku AS "fnsku",
  p.asin AS "asin", p.title AS "title", p.purchase_cost::text AS "purchaseCost",
  p.purchase_currency AS "purchaseCurrency", p.last_sale_price::text AS "lastSalePrice",
  p.last_sale_currency AS "lastSaleCurrency", p.last_sale_at AS "lastSaleAt", p.created_at AS "createdAt",
  p.updated_at AS "updatedAt", p.facts_version AS "factsVersion", p.lots_version AS "lotsVersion"`;

/** A product's columns as JSON: what PRODUCT_COLUMNS gives, as one value (see keptPage). */
export const PRODUCT_JSON = `'id', p.id, 'accountId', p.account_id, 'sku', p.sku, 'fnsku', p.fnsku, 'asin', p.asin,
  'title', p.title, 'purchaseCost', p.purchase_cost::text, 'purchaseCurrency', p.purchase_currency,
  'lastSalePrice', p.last_sale_price::text, 'lastSaleCurrency', p.last_sale_currency, 'lastSaleAt', p.last_sale_at,
  'createdAt', p.created_at, 'updatedAt', p.updated_at, 'factsVersion', p.facts_version, 'lotsVersion', p.lots_version`;

/** A row of PRODUCT_COLUMNS (or PRODUCT_JSON): decimals come as exact text, instants as Dates (as text in JSON). */
export type ProductColumns = Omit<
  Product,
  'purchaseCost' | 'lastSalePrice' | 'lastSaleAt' | 'createdAt' | 'updatedAt'
> & {
  purchaseCost: string | null;
  lastSalePrice: string | null;
  lastSaleAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
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
  };
}
