// Reads the "Missing | Claimed" view at an asOf day from the stored missing pools. SQL puts the units in their window
// states (the rule of src/domain/summary.ts countByState, checked against it by test/store/missing-view.test.ts), so
// that a page of the most urgent products is one aggregate; the numbers of each row come from summaryFromCounts.
import type { Database } from '../db/database.js';
import type { Day } from '../domain/calendar.js';
import { moneyFrom } from '../domain/money.js';
import type { Policy } from '../domain/policy.js';
import {
  type ProductSummary,
  type StateCounts,
  summaryFromCounts,
  type Totals,
  totalsOf,
  unitValue,
} from '../domain/summary.js';
import { MISSING_TYPES, type MissingType, type Valuation } from '../domain/types.js';
import { type WindowState, windowDates, windowState } from '../domain/windows.js';
import type { Product } from '../generated/prisma/client.js';

export interface ViewOptions {
  accountId: number;
  asOfDay: Day;
  policy: Policy;
  valuation: Valuation;
  /** Only the numbers of this type. */
  type?: MissingType;
}

type Prices = Pick<Product, 'lastSalePrice' | 'lastSaleCurrency' | 'purchaseCost' | 'purchaseCurrency'>;

export function unitValueOf(product: Prices, valuation: Valuation) {
  return unitValue(
    {
      lastSalePrice: moneyFrom(product.lastSalePrice, product.lastSaleCurrency),
      purchaseCost: moneyFrom(product.purchaseCost, product.purchaseCurrency),
    },
    valuation,
  );
}

interface CountRow {
  type: MissingType;
  waiting: number;
  claimable: number;
  expired: number;
  claimed: number;
  next_deadline: Day | null;
}

const toStateCounts = (row: CountRow): StateCounts => ({
  type: row.type,
  waiting: row.waiting,
  claimable: row.claimable,
  expired: row.expired,
  claimed: row.claimed,
  nextDeadline: row.next_deadline ?? undefined,
});

/**
 * The units of each product and type in each window state ($1 account, $2 asOf day, $3–$5 the policy, $6 a type
 * or null, $7 product ids or null for all).
 */
const COUNTS = `
  WITH policy AS (
    SELECT type::"MissingType" AS type, wait_days, deadline_days
    FROM unnest($3::text[], $4::int[], $5::int[]) AS p(type, wait_days, deadline_days)
  ), pool AS (
    SELECT l.product_id, l.type, l.units, l.date + p.wait_days AS opens, l.date + p.deadline_days AS deadline
    FROM missing_lot l JOIN policy p ON p.type = l.type
    WHERE l.account_id = $1 AND ($6::"MissingType" IS NULL OR l.type = $6::"MissingType")
      AND ($7::int[] IS NULL OR l.product_id = ANY($7::int[]))
  ), counts AS (
    SELECT product_id, type,
           COALESCE(sum(units) FILTER (WHERE $2::date < opens), 0)::int AS waiting,
           COALESCE(sum(units) FILTER (WHERE $2::date >= opens AND $2::date <= deadline), 0)::int AS claimable,
           COALESCE(sum(units) FILTER (WHERE $2::date > deadline), 0)::int AS expired,
           0 AS claimed,
           min(deadline) FILTER (WHERE $2::date >= opens AND $2::date <= deadline) AS next_deadline
    FROM pool GROUP BY product_id, type
  )`;

function countParams(options: ViewOptions, productIds: number[] | null): unknown[] {
  const { policy } = options;
  return [
    options.accountId,
    options.asOfDay,
    MISSING_TYPES,
    MISSING_TYPES.map((type) => policy[type].waitDays),
    MISSING_TYPES.map((type) => policy[type].deadlineDays),
    options.type ?? null,
    productIds,
  ];
}

/** The row of each of the given products at asOf (products with nothing missing get an empty summary). */
export async function summariesOf(
  db: Database,
  options: ViewOptions,
  products: readonly Product[],
): Promise<Map<number, ProductSummary>> {
  const rows = await db.sql.query<CountRow & { product_id: number }>(
    `${COUNTS} SELECT product_id, type::text AS type, waiting, claimable, expired, claimed, next_deadline FROM counts`,
    countParams(
      options,
      products.map((product) => product.id),
    ),
  );
  const counts = new Map<number, StateCounts[]>();
  for (const row of rows) counts.set(row.product_id, [...(counts.get(row.product_id) ?? []), toStateCounts(row)]);
  return new Map(
    products.map((product) => [
      product.id,
      summaryFromCounts(counts.get(product.id) ?? [], unitValueOf(product, options.valuation)),
    ]),
  );
}

export interface ProductRow {
  product: Product;
  summary: ProductSummary;
}

/** Where a page starts: after the product with this next deadline (null: none) and SKU. */
export interface ListPosition {
  nextDeadline: Day | null;
  sku: string;
}

/**
 * The products with anything missing, claimed or expired, the most urgent first: earliest next deadline, then those
 * without one; SKU order among equals.
 */
export async function missingProducts(
  db: Database,
  options: ViewOptions,
  page: { first: number; after?: ListPosition },
): Promise<{ rows: ProductRow[]; hasNextPage: boolean }> {
  const after = page.after;
  const ranked = await db.sql.query<{ product_id: number; counts: CountRow[] }>(
    `${COUNTS}, per_product AS (
       SELECT product_id, min(next_deadline) AS next_deadline,
              json_agg(json_build_object('type', type, 'waiting', waiting, 'claimable', claimable, 'expired', expired,
                                         'claimed', claimed, 'next_deadline', next_deadline)) AS counts
       FROM counts GROUP BY product_id
       HAVING sum(waiting + claimable + claimed + expired) > 0
     )
     SELECT pp.product_id, pp.counts
     FROM per_product pp JOIN product p ON p.id = pp.product_id
     WHERE $8::boolean IS NOT TRUE
        OR ($9::date IS NOT NULL AND (pp.next_deadline > $9::date OR pp.next_deadline IS NULL
                                      OR (pp.next_deadline = $9::date AND p.sku > $10)))
        OR ($9::date IS NULL AND pp.next_deadline IS NULL AND p.sku > $10)
     ORDER BY pp.next_deadline ASC NULLS LAST, p.sku ASC
     LIMIT $11`,
    [...countParams(options, null), after !== undefined, after?.nextDeadline ?? null, after?.sku ?? '', page.first + 1],
  );
  const shown = ranked.slice(0, page.first);
  const products = await db.prisma.product.findMany({ where: { id: { in: shown.map((row) => row.product_id) } } });
  const byId = new Map(products.map((product) => [product.id, product]));
  return {
    rows: shown.map(({ product_id, counts }) => {
      const product = byId.get(product_id)!;
      return {
        product,
        summary: summaryFromCounts(counts.map(toStateCounts), unitValueOf(product, options.valuation)),
      };
    }),
    hasNextPage: ranked.length > page.first,
  };
}

/** The account's totals at asOf (RULES.md section 6). */
export async function accountTotals(db: Database, options: ViewOptions): Promise<Totals> {
  const rows = await db.sql.query<
    CountRow & {
      product_id: number;
      last_sale_price: string | null;
      last_sale_currency: string | null;
      purchase_cost: string | null;
      purchase_currency: string | null;
    }
  >(
    `${COUNTS}
     SELECT c.product_id, c.type::text AS type, c.waiting, c.claimable, c.expired, c.claimed, c.next_deadline,
            p.last_sale_price, p.last_sale_currency, p.purchase_cost, p.purchase_currency
     FROM counts c JOIN product p ON p.id = c.product_id`,
    countParams(options, null),
  );
  const perProduct = new Map<number, { prices: Prices; counts: StateCounts[] }>();
  for (const row of rows) {
    const entry = perProduct.get(row.product_id) ?? {
      prices: {
        lastSalePrice: row.last_sale_price as never,
        lastSaleCurrency: row.last_sale_currency,
        purchaseCost: row.purchase_cost as never,
        purchaseCurrency: row.purchase_currency,
      },
      counts: [],
    };
    entry.counts.push(toStateCounts(row));
    perProduct.set(row.product_id, entry);
  }
  return totalsOf(
    [...perProduct.values()].map(({ prices, counts }) =>
      summaryFromCounts(counts, unitValueOf(prices, options.valuation)),
    ),
  );
}

export interface Evidence {
  type: MissingType;
  date: Day;
  units: number;
  state: WindowState;
  deadline: Day;
  source: string;
  reference: string | null;
  reasonCode: string | null;
  fulfillmentCenter: string | null;
  disposition: string | null;
}

/** The units of the missing pool of some products, event by event, with their window state at asOf. */
export async function evidenceOf(
  db: Database,
  options: ViewOptions,
  productIds: readonly number[],
): Promise<Map<number, Evidence[]>> {
  const lots = await db.sql.query<{
    product_id: number;
    type: MissingType;
    date: Day;
    units: number;
    source: string;
    reference: string | null;
    reason_code: string | null;
    fulfillment_center: string | null;
    disposition: string | null;
  }>(
    `SELECT product_id, type::text AS type, date, units, source, reference, reason_code, fulfillment_center, disposition
     FROM missing_lot WHERE account_id = $1 AND product_id = ANY($2::int[]) AND ($3::"MissingType" IS NULL OR type = $3::"MissingType")
     ORDER BY product_id, date, type, event_key`,
    [options.accountId, [...productIds], options.type ?? null],
  );
  const evidence = new Map<number, Evidence[]>(productIds.map((id) => [id, []]));
  for (const lot of lots) {
    const window = options.policy[lot.type];
    evidence.get(lot.product_id)!.push({
      type: lot.type,
      date: lot.date,
      units: lot.units,
      state: windowState(lot.date, window, options.asOfDay),
      deadline: windowDates(lot.date, window).deadline,
      source: lot.source,
      reference: lot.reference,
      reasonCode: lot.reason_code,
      fulfillmentCenter: lot.fulfillment_center,
      disposition: lot.disposition,
    });
  }
  return evidence;
}
