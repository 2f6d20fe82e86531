// Reads the "Missing | Claimed" view at an asOf day from the stored missing pools, whose lots carry their window
// dates (opens = date + W, deadline = date + E). SQL puts the units in their window states (the rule of
// src/domain/windows.ts stateOn, checked against src/domain by test/store/missing-view.test.ts), so that a page of the
// most urgent products is found by index; the numbers of each row then come from src/domain/summary.ts, and its
// expected payout from src/domain/payout.ts (the lots of UNRETURNED carry theirs, summed here per basis and currency).
// At the account's kept day the list, its count and the totals read the kept numbers of missing-window.ts instead.
import type { Database } from '../db/database.js';
import type { Day } from '../domain/calendar.js';
import type { RemovalQuantities } from '../domain/missing-events.js';
import { type Money, moneyFrom, sumByCurrency } from '../domain/money.js';
import {
  mergeParts,
  type PayoutBasis,
  type PayoutPart,
  type UnitPayout,
  unitPayoutBeforeOrder,
} from '../domain/payout.js';
import {
  type ProductSummary,
  type StateCounts,
  summaryFromCounts,
  type Totals,
  totalsOf,
  unitValue,
} from '../domain/summary.js';
import type { MissingType, Valuation } from '../domain/types.js';
import { stateOn, type WindowState } from '../domain/windows.js';
import type { Product } from '../generated/prisma/client.js';
import { COUNTS, isKeptAt, KEPT_COUNTS, type KeptCounts, keptCount, keptPage, NO_DEADLINE } from './missing-window.js';
import * as rule from './sql/windows.js';

export interface ViewOptions {
  accountId: number;
  asOfDay: Day;
  valuation: Valuation;
  /** The account's cost-basis day (docs/rules.md section 9). */
  costBasisDay: Day;
  /** Only the numbers of this type. */
  type?: MissingType;
}

type Prices = Pick<Product, 'lastSalePrice' | 'lastSaleCurrency' | 'purchaseCost' | 'purchaseCurrency'>;

export function unitValueOf(product: Prices, valuation: Valuation): Money | null {
  return unitValue(
    {
      lastSalePrice: moneyFrom(product.lastSalePrice, product.lastSaleCurrency),
      purchaseCost: moneyFrom(product.purchaseCost, product.purchaseCurrency),
    },
    valuation,
  );
}

/** What a unit of a LOST, DAMAGED or INBOUND lot of the product would be paid on asOf (docs/rules.md section 9). */
export function payoutBeforeOrderOf(product: Prices, options: Pick<ViewOptions, 'asOfDay' | 'costBasisDay'>) {
  return unitPayoutBeforeOrder(
    {
      purchaseCost: moneyFrom(product.purchaseCost, product.purchaseCurrency),
      lastSalePrice: moneyFrom(product.lastSalePrice, product.lastSaleCurrency),
    },
    options.asOfDay,
    options.costBasisDay,
  );
}

type CountRow = KeptCounts & { product_id: number };

const toStateCounts = (row: KeptCounts): StateCounts => ({
  type: row.type,
  waiting: row.waiting,
  claimable: row.claimable,
  expired: row.expired,
  claimed: row.claimed,
  nextDeadline: row.next_deadline ?? undefined,
  payoutParts: mergeParts(
    (row.payout ?? []).map(
      (part): PayoutPart => ({ basis: part.basis, units: part.units, amount: moneyFrom(part.amount, part.currency) }),
    ),
  ),
});

function countParams(options: ViewOptions, productIds: readonly number[] | null): unknown[] {
  return [options.accountId, options.asOfDay, options.type ?? null, productIds ? [...productIds] : null];
}

async function countsOf(db: Database, options: ViewOptions, productIds: readonly number[]) {
  const rows = await db.sql.query<CountRow>(`${COUNTS} SELECT * FROM counts`, countParams(options, productIds));
  const counts = new Map<number, StateCounts[]>();
  for (const row of rows) counts.set(row.product_id, [...(counts.get(row.product_id) ?? []), toStateCounts(row)]);
  return counts;
}

/** The row of each of the given products at asOf (products with nothing missing get an empty summary). */
export async function summariesOf(
  db: Database,
  options: ViewOptions,
  products: readonly Product[],
): Promise<Map<number, ProductSummary>> {
  const counts = await countsOf(
    db,
    options,
    products.map((product) => product.id),
  );
  return new Map(
    products.map((product) => [
      product.id,
      summaryFromCounts(
        counts.get(product.id) ?? [],
        unitValueOf(product, options.valuation),
        payoutBeforeOrderOf(product, options),
      ),
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
 * How many lots the first walk along the deadline index reads, per product asked for: products rarely have more than
 * one claimable lot, so four per product usually fill the page at once. Each further walk reads four times more.
 */
const WALK_PER_PRODUCT = 4;

/**
 * The products with CLAIMABLE units at asOf after `after`, by their earliest deadline then SKU, at most `limit`.
 * Rather than aggregating every claimable lot of the account (tens of thousands for a large seller, at every page),
 * it walks the lots in deadline order along their index: a product's first lot on the walk is its earliest. The
 * products whose earliest deadline is before the last day walked are complete; a product of that last day might
 * share it with others not yet walked, so the walk goes further when the page is not full.
 */
async function urgentProducts(
  db: Database,
  options: ViewOptions,
  after: ListPosition | undefined,
  limit: number,
  firstWalk: number,
): Promise<number[]> {
  for (let walk = firstWalk; ; walk *= 4) {
    // The walk's extent comes back even when no product of it is left after the cursor (one row, product_id null).
    const rows = await db.sql.query<{
      product_id: number | null;
      last_walked: string | null;
      walked: number;
      next_deadline: string | null;
    }>(
      `WITH walked AS (
         SELECT product_id, deadline FROM missing_lot
         WHERE account_id = $1 AND ${rule.windowState.CLAIMABLE('$2::date')} AND deadline >= COALESCE($4::date, $2::date)
           AND ($3::"MissingType" IS NULL OR type = $3::"MissingType")
         ORDER BY deadline
         LIMIT $6
       ), edge AS (
         SELECT max(deadline) AS last_walked, count(*)::int AS walked FROM walked
       ), ranked AS (
         SELECT f.product_id, earliest.day, p.sku
         FROM (SELECT DISTINCT product_id FROM walked) f
         JOIN product p ON p.id = f.product_id
         CROSS JOIN LATERAL (
           SELECT min(x.deadline) AS day FROM missing_lot x
           WHERE x.account_id = $1 AND x.product_id = f.product_id AND ${rule.windowState.CLAIMABLE('$2::date', 'x.')}
             AND ($3::"MissingType" IS NULL OR x.type = $3::"MissingType")
         ) earliest
         WHERE $4::date IS NULL OR (earliest.day, p.sku) > ($4::date, $5::text)
       )
       SELECT r.product_id, e.last_walked::text AS last_walked, e.walked, r.day::text AS next_deadline
       FROM edge e LEFT JOIN ranked r ON true
       ORDER BY r.day, r.sku`,
      [options.accountId, options.asOfDay, options.type ?? null, after?.nextDeadline ?? null, after?.sku ?? '', walk],
    );
    const walkedAll = (rows[0]?.walked ?? 0) < walk;
    const found = rows.filter(
      (row): row is typeof row & { product_id: number; next_deadline: string } => row.product_id !== null,
    );
    const complete = walkedAll ? found : found.filter((row) => row.next_deadline < (row.last_walked ?? ''));
    if (walkedAll || complete.length >= limit) return complete.slice(0, limit).map((row) => row.product_id);
  }
}

/**
 * The products with anything missing, claimed or expired, the most urgent first: those with CLAIMABLE units by their
 * earliest deadline (found through the index on the lots' deadlines), then the others by SKU. `firstWalk` sets the
 * first walk's length (tests make it short, to cut walks in the middle of a day).
 */
export async function missingProducts(
  db: Database,
  options: ViewOptions,
  page: { first: number; after?: ListPosition; firstWalk?: number },
): Promise<{ rows: ProductRow[]; hasNextPage: boolean }> {
  const limit = page.first + 1;
  const after = page.after;
  const kept = await keptPage(
    db,
    { accountId: options.accountId, day: options.asOfDay, type: options.type },
    after && { sortDay: after.nextDeadline ?? NO_DEADLINE, sku: after.sku },
    limit,
  );
  if (kept) {
    return {
      rows: kept.slice(0, page.first).map(({ product, counts }) => rowOf(product, counts.map(toStateCounts), options)),
      hasNextPage: kept.length > page.first,
    };
  }
  const ids: number[] = [];
  if (after === undefined || after.nextDeadline !== null) {
    ids.push(...(await urgentProducts(db, options, after, limit, page.firstWalk ?? limit * WALK_PER_PRODUCT)));
  }
  if (ids.length < limit) {
    // The products without CLAIMABLE units: something waiting, expired, or claimed in an OPEN case.
    const others = await db.sql.query<{ id: number }>(
      `SELECT p.id FROM product p
       WHERE p.account_id = $1 AND ($4::text IS NULL OR p.sku > $4::text)
         AND (EXISTS (SELECT 1 FROM missing_lot l WHERE l.account_id = $1 AND l.product_id = p.id
                        AND ($3::"MissingType" IS NULL OR l.type = $3::"MissingType"))
              OR EXISTS (SELECT 1 FROM case_item i WHERE i.account_id = $1 AND i.product_id = p.id AND i.open
                           AND ${rule.pendingUnits('i.')} > 0
                           AND ($3::"MissingType" IS NULL OR i.type = $3::"MissingType")))
         AND NOT EXISTS (SELECT 1 FROM missing_lot l WHERE l.account_id = $1 AND l.product_id = p.id
                           AND ${rule.windowState.CLAIMABLE('$2::date', 'l.')}
                           AND ($3::"MissingType" IS NULL OR l.type = $3::"MissingType"))
       ORDER BY p.sku
       LIMIT $5`,
      [
        options.accountId,
        options.asOfDay,
        options.type ?? null,
        after?.nextDeadline === null ? after.sku : null,
        limit - ids.length,
      ],
    );
    ids.push(...others.map((row) => row.id));
  }
  const shown = ids.slice(0, page.first);
  return {
    rows: await rowsOf(db, options, shown, await countsOf(db, options, shown)),
    hasNextPage: ids.length > page.first,
  };
}

/** A product's row from its counts. */
function rowOf(product: Product, counts: readonly StateCounts[], options: ViewOptions): ProductRow {
  return {
    product,
    summary: summaryFromCounts(counts, unitValueOf(product, options.valuation), payoutBeforeOrderOf(product, options)),
  };
}

/** The rows of the products `ids`, in that order, from their counts. */
async function rowsOf(
  db: Database,
  options: ViewOptions,
  ids: number[],
  counts: Map<number, StateCounts[]>,
): Promise<ProductRow[]> {
  const products = await db.prisma.product.findMany({ where: { id: { in: ids } } });
  const byId = new Map(products.map((product) => [product.id, product]));
  return ids.map((id) => rowOf(byId.get(id)!, counts.get(id) ?? [], options));
}

/** How many products missingProducts lists in all: those with lots of the type, or with units pending in an OPEN case. */
export async function countMissingProducts(db: Database, options: ViewOptions): Promise<number> {
  const kept = await keptCount(db, { accountId: options.accountId, day: options.asOfDay, type: options.type });
  if (kept !== undefined) return kept;
  const [row] = await db.sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM product p
     WHERE p.account_id = $1
       AND (EXISTS (SELECT 1 FROM missing_lot l WHERE l.account_id = $1 AND l.product_id = p.id
                      AND ($2::"MissingType" IS NULL OR l.type = $2::"MissingType"))
            OR EXISTS (SELECT 1 FROM case_item i WHERE i.account_id = $1 AND i.product_id = p.id AND i.open
                         AND ${rule.pendingUnits('i.')} > 0
                         AND ($2::"MissingType" IS NULL OR i.type = $2::"MissingType")))`,
    [options.accountId, options.type ?? null],
  );
  return row?.count ?? 0;
}

/**
 * The account's totals at asOf (docs/rules.md sections 6 and 9). The sums are made in SQL; the unit value of each product
 * follows unitValue of src/domain/summary.ts (the latest sale price, else the cost; the other way round for
 * PURCHASE_COST), and the expected payout unitPayoutBeforeOrder of src/domain/payout.ts (from the cost-basis day the
 * purchase cost, before it the latest sale price, else the cost) or, for UNRETURNED, the lots' own.
 */
export async function accountTotals(db: Database, options: ViewOptions): Promise<Totals> {
  // At the kept day the per-product numbers are read from missing_window, else computed from the lots.
  const counts = (await isKeptAt(db, options.accountId, options.asOfDay)) ? KEPT_COUNTS : COUNTS;
  const rows = await db.sql.query<{
    waiting: number;
    claimable: number;
    expired: number;
    claimed: number;
    currency: string | null;
    reimbursable: string | null;
  }>(
    `${counts}, valued AS (
       SELECT c.*, ${rule.unitValue('$5', 'p.')} AS value FROM counts c JOIN product p ON p.id = c.product_id
     )
     SELECT sum(waiting)::int AS waiting, sum(claimable)::int AS claimable, sum(expired)::int AS expired,
            sum(claimed)::int AS claimed, value[2] AS currency,
            sum((waiting + claimable) * value[1]::numeric)::text AS reimbursable
     FROM valued GROUP BY value[2]`,
    [...countParams(options, null), options.valuation],
  );
  const payouts = await db.sql.query<{ currency: string; amount: string }>(
    `${counts}, before_order AS (
       SELECT c.waiting + c.claimable AS units, ${rule.payoutBeforeOrder('$2::date', '$5::date', 'p.')} AS value
       FROM counts c JOIN product p ON p.id = c.product_id
       WHERE c.type <> 'UNRETURNED' AND c.waiting + c.claimable + c.expired + c.claimed > 0
     ), amounts AS (
       SELECT value[2] AS currency, units * value[1]::numeric AS amount FROM before_order WHERE value IS NOT NULL
       UNION ALL
       SELECT part->>'currency', (part->>'amount')::numeric
       FROM counts c CROSS JOIN LATERAL json_array_elements(c.payout::json) part
       WHERE c.type = 'UNRETURNED' AND part->>'amount' IS NOT NULL
     )
     SELECT currency, sum(amount)::text AS amount FROM amounts GROUP BY currency`,
    [...countParams(options, null), options.costBasisDay],
  );
  return {
    ...totalsOf(
      rows.map((row) => {
        const missingUnits = row.waiting + row.claimable;
        return {
          missingUnits,
          claimableUnits: row.claimable,
          claimedUnits: row.claimed,
          expiredUnits: row.expired,
          reimbursable: row.currency ? (moneyFrom(row.reimbursable, row.currency) ?? null) : null,
          payoutParts: [],
        };
      }),
    ),
    expectedPayout: sumByCurrency(payouts.flatMap((row) => moneyFrom(row.amount, row.currency) ?? [])),
  };
}

export interface Evidence {
  /** The event the units come from: a case claims units by it. */
  eventKey: string;
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
  /** UNRETURNED: what Amazon would pay per unit by the event's order (docs/rules.md section 9). */
  payout: UnitPayout | null;
  /** The ledger row's own reconciliation, and whether Amazon says it settled the event (section 9). */
  reconciledQuantity: number | null;
  unreconciledQuantity: number | null;
  amazonReconciled: boolean;
  /** REMOVAL lost in transit: the shipment's tracking number and carrier; REMOVAL: every quantity (section 10). */
  trackingNumber: string | null;
  carrier: string | null;
  removal: RemovalQuantities | null;
}

/** The units of the missing pool of some products, event by event, with their window state at asOf. */
export async function evidenceOf(
  db: Database,
  options: ViewOptions,
  productIds: readonly number[],
): Promise<Map<number, Evidence[]>> {
  const lots = await db.sql.query<{
    product_id: number;
    event_key: string;
    type: MissingType;
    date: Day;
    opens: Day;
    deadline: Day;
    units: number;
    source: string;
    reference: string | null;
    reason_code: string | null;
    fulfillment_center: string | null;
    disposition: string | null;
    payout_basis: PayoutBasis | null;
    payout_per_unit: string | null;
    payout_currency: string | null;
    reconciled_quantity: number | null;
    unreconciled_quantity: number | null;
    amazon_reconciled: boolean;
    tracking_number: string | null;
    carrier: string | null;
    removal: RemovalQuantities | null;
  }>(
    `SELECT product_id, event_key, type::text AS type, date, opens, deadline, units, source, reference, reason_code,
            fulfillment_center, disposition, payout_basis, payout_per_unit::text AS payout_per_unit, payout_currency,
            reconciled_quantity, unreconciled_quantity, amazon_reconciled, tracking_number, carrier, removal
     FROM missing_lot
     WHERE account_id = $1 AND product_id = ANY($2::int[]) AND ($3::"MissingType" IS NULL OR type = $3::"MissingType")
     ORDER BY product_id, date, type, event_key`,
    [options.accountId, [...productIds], options.type ?? null],
  );
  const evidence = new Map<number, Evidence[]>(productIds.map((id) => [id, []]));
  for (const lot of lots) {
    evidence.get(lot.product_id)!.push({
      eventKey: lot.event_key,
      type: lot.type,
      date: lot.date,
      units: lot.units,
      state: stateOn(lot, options.asOfDay),
      deadline: lot.deadline,
      source: lot.source,
      reference: lot.reference,
      reasonCode: lot.reason_code,
      fulfillmentCenter: lot.fulfillment_center,
      disposition: lot.disposition,
      payout: lot.payout_basis
        ? { basis: lot.payout_basis, perUnit: moneyFrom(lot.payout_per_unit, lot.payout_currency) }
        : null,
      reconciledQuantity: lot.reconciled_quantity,
      unreconciledQuantity: lot.unreconciled_quantity,
      amazonReconciled: lot.amazon_reconciled,
      trackingNumber: lot.tracking_number,
      carrier: lot.carrier,
      removal: lot.removal,
    });
  }
  return evidence;
}
