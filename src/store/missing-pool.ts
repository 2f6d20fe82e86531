// Keeps each product's missing pool (missing_lot) up to date: whatever changes a product's data bumps its
// facts_version; refreshStaleProducts() recomputes the stale ones with the rules of src/domain and stores the result.

import { hash } from 'node:crypto';
import { copyFields } from '../db/copy-text.js';
import type { Database, Sql } from '../db/database.js';
import { type Lot, type ProductEvents, type ProductFacts, productEvents, productPool } from '../domain/detection.js';
import { COUNTED_LEDGER_REASONS } from '../domain/missing-events.js';
import { moneyFrom, regionCurrency } from '../domain/money.js';
import { type Policy, WINDOW_KINDS, type WindowKind, windowKey, windowKind } from '../domain/policy.js';
import type { ReimbursementFact } from '../domain/reimbursement-types.js';
import type { MissingType, Region } from '../domain/types.js';
import { windowDates } from '../domain/windows.js';
import { accountPolicy } from './accounts.js';
import { keepAllProducts, keepPendingUnits, keepProducts } from './missing-window.js';

/**
 * Products recomputed per batch (and per transaction, outside an import): big enough to amortise the queries, small
 * enough to keep locks short. A batch's ledger rows lie all over the table's pages; with 2,000 products each page is
 * read once for more of them. On the embedded database a 20,000-product recomputation took 9.8 s in batches of 500,
 * 8.0 s of 2,000 and 11.6 s of 5,000 (its kept numbers, keepProducts, grow faster than the batch); PostgreSQL was the
 * same within its noise.
 */
const BATCH = 2_000;

/** Marks products whose data changed: their missing pool will be computed again. */
export async function markStale(sql: Sql, accountId: number, productIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  await sql.execute(
    'UPDATE product SET facts_version = facts_version + 1 WHERE account_id = $1 AND id = ANY($2::int[])',
    [accountId, ids],
  );
}

/** Marks stale the products of the shipments named (their closed date may come from the ledger's receipts). */
export async function markShipmentsStale(sql: Sql, accountId: number, shipmentIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(shipmentIds)];
  if (ids.length === 0) return;
  // The shipments' products are found once, before the update: as a subquery, with the product table's statistics
  // of before the import (a new account: no products), the planner looked the shipments up again for each product
  // (20,000 products × 8,383 shipments took 135 s of a 1M-row ledger's import).
  await sql.execute(
    `WITH touched AS MATERIALIZED (
       SELECT DISTINCT product_id FROM shipment_item WHERE account_id = $1 AND shipment_id = ANY($2::text[])
     )
     UPDATE product SET facts_version = facts_version + 1
     FROM touched WHERE product.account_id = $1 AND product.id = touched.product_id`,
    [accountId, ids],
  );
}

interface ProductVersion {
  id: number;
  version: number;
  /** lots_digest: what the product's stored rows are. */
  digest: string | null;
}

type FactRow<T> = T & { product_id: number };

async function loadFacts(sql: Sql, accountId: number, productIds: number[]) {
  const params = [accountId, productIds];
  // One after the other: inside a transaction they share one connection.
  const [ledger, shipments, refunds, returns, reimbursements, claims, orders, removalOrders, removalShipments] =
    await sequence([
      () =>
        sql.query<
          FactRow<{
            key: string;
            date: string;
            event_type: string;
            reason: string | null;
            quantity: number;
            reference_id: string | null;
            fulfillment_center: string | null;
            disposition: string | null;
            reconciled_quantity: number | null;
            unreconciled_quantity: number | null;
          }>
        >(
          `SELECT product_id, row_key::text || ':' || occurrence AS key, date, event_type, reason, quantity, reference_id,
              fulfillment_center, disposition, reconciled_quantity, unreconciled_quantity
       FROM ledger_entry
       WHERE account_id = $1 AND product_id = ANY($2::int[]) AND event_type = 'Adjustments' AND reason = ANY($3::text[])`,
          [...params, [...COUNTED_LEDGER_REASONS]],
        ),
      () =>
        sql.query<
          FactRow<{
            shipment_id: string;
            status: string | null;
            closed_date: string | null;
            closed_seen_day: string | null;
            destination: string | null;
            quantity_shipped: number;
            quantity_received: number;
            latest_receipt: string | null;
          }>
        >(
          // A CLOSED shipment without a closed date takes its latest ledger Receipt (RULES section 1): looked up once per
          // such shipment, not once per item of it (per item, a batch of a large seller's products took minutes).
          `WITH items AS (
         SELECT i.product_id, i.shipment_id, s.status, s.closed_date,
                (s.closed_seen_at AT TIME ZONE 'UTC')::date::text AS closed_seen_day,
                s.destination_fulfillment_center_id AS destination, i.quantity_shipped, i.quantity_received
           FROM shipment_item i JOIN shipment s ON s.account_id = i.account_id AND s.shipment_id = i.shipment_id
          WHERE i.account_id = $1 AND i.product_id = ANY($2::int[])
       ), undated AS (
         SELECT DISTINCT shipment_id FROM items WHERE status = 'CLOSED' AND closed_date IS NULL
       ), receipts AS (
         SELECT si.shipment_id, max(r.date) AS latest_receipt
           FROM undated u
           JOIN shipment_item si ON si.account_id = $1 AND si.shipment_id = u.shipment_id
           JOIN ledger_entry r ON r.account_id = si.account_id AND r.product_id = si.product_id
                              AND r.event_type = 'Receipts' AND r.reference_id = si.shipment_id
          GROUP BY si.shipment_id
       )
       SELECT items.*, receipts.latest_receipt FROM items LEFT JOIN receipts USING (shipment_id)`,
          params,
        ),
      () =>
        sql.query<
          FactRow<{
            key: string;
            order_id: string | null;
            posted_day: string | null;
            quantity_purchased: number | null;
            fulfillment_id: string | null;
            amount: string | null;
            currency: string | null;
          }>
        >(
          // Days as text from the database: a Date parsed for each row, then its day taken in JS, was 5 % of a batch.
          `SELECT product_id, row_key::text || ':' || occurrence AS key, order_id,
              (posted_date AT TIME ZONE 'UTC')::date::text AS posted_day, quantity_purchased, fulfillment_id,
              amount, currency
       FROM settlement_row
       WHERE account_id = $1 AND product_id = ANY($2::int[]) AND amount_type = 'ItemPrice'
         AND amount_description = 'Principal' AND transaction_type = 'Refund'`,
          params,
        ),
      () =>
        sql.query<FactRow<{ order_id: string; quantity: number }>>(
          'SELECT product_id, order_id, quantity FROM customer_return WHERE account_id = $1 AND product_id = ANY($2::int[])',
          params,
        ),
      () =>
        sql.query<
          FactRow<{
            key: string;
            reimbursement_id: string;
            approval_date: Date;
            case_id: string | null;
            amazon_order_id: string | null;
            reason: string;
            quantity_total: number;
            amount_total: string;
            currency: string;
            original_reimbursement_id: string | null;
            original_reimbursement_type: string | null;
            attributed_units: number;
          }>
        >(
          `SELECT product_id, row_key::text || ':' || occurrence AS key, reimbursement_id, approval_date, case_id,
              amazon_order_id, reason, quantity_total, amount_total, currency, original_reimbursement_id,
              original_reimbursement_type,
              COALESCE((SELECT sum(a.units) FROM attribution a
                        WHERE a.account_id = r.account_id AND a.line_key = r.row_key::text || ':' || r.occurrence), 0)::int
                AS attributed_units
       FROM reimbursement r WHERE account_id = $1 AND product_id = ANY($2::int[])`,
          params,
        ),
      () =>
        sql.query<FactRow<{ type: MissingType; event_key: string; units: number }>>(
          `SELECT i.product_id, i.type::text AS type, c."eventKey" AS event_key, c.units
         FROM case_item i JOIN "case" k ON k.id = i.case_id
         CROSS JOIN LATERAL jsonb_to_recordset(i.claims) AS c("eventKey" text, units int)
         WHERE i.account_id = $1 AND i.product_id = ANY($2::int[]) AND k.deleted_at IS NULL`,
          params,
        ),
      () =>
        // The Order rows (principal and fees) of the orders the products' refunds name: the payout of section 9.
        sql.query<
          FactRow<{
            order_id: string;
            amount_type: string | null;
            amount_description: string | null;
            amount: string | null;
            currency: string | null;
            quantity_purchased: number | null;
            import_id: number;
            line: number;
          }>
        >(
          // The refunded orders first, then their Order rows by the order index. As `order_id IN (the product's
          // refunds)`, PostgreSQL checked each Order row of a batch against all of its product's principal rows: 17 s
          // for a batch of 2,000 products with 160 settlement rows each, against 0.4 s this way. Put in file order
          // by loadFacts (the first principal's currency is the order line's): sorted here, it was a sixth of the query.
          `WITH refunded AS (
           SELECT DISTINCT r.product_id, r.order_id FROM settlement_row r
           WHERE r.account_id = $1 AND r.product_id = ANY($2::int[]) AND r.transaction_type = 'Refund'
             AND r.amount_type = 'ItemPrice' AND r.amount_description = 'Principal'
         )
         SELECT o.product_id, o.order_id, o.amount_type, o.amount_description, o.amount, o.currency, o.quantity_purchased,
                o.import_id, o.line
         FROM refunded r
         JOIN settlement_row o ON o.account_id = $1 AND o.product_id = r.product_id AND o.order_id = r.order_id
                              AND o.transaction_type = 'Order'`,
          params,
        ),
      () =>
        sql.query<
          FactRow<{
            order_id: string;
            disposition: string;
            order_type: string;
            order_status: string;
            last_updated: string;
            requested: number;
            cancelled: number;
            disposed: number;
            shipped: number;
          }>
        >(
          `SELECT product_id, order_id, disposition, order_type, order_status,
                (last_updated_date AT TIME ZONE 'UTC')::date::text AS last_updated, requested, cancelled, disposed, shipped
         FROM removal_order WHERE account_id = $1 AND product_id = ANY($2::int[])`,
          params,
        ),
      () =>
        // A receipt is per shipment and SKU: the shipment's rows of several dispositions are summed against it.
        sql.query<
          FactRow<{
            order_id: string;
            tracking_number: string;
            carrier: string | null;
            shipment_day: string;
            disposition: string | null;
            shipped: number;
            received: number | null;
          }>
        >(
          `SELECT s.product_id, s.order_id, s.tracking_number, min(s.carrier) AS carrier,
                (min(s.shipment_date) AT TIME ZONE 'UTC')::date::text AS shipment_day,
                NULLIF(string_agg(DISTINCT s.disposition, ', '), '') AS disposition, sum(s.shipped)::int AS shipped,
                min(r.received_units) AS received
         FROM removal_shipment s
         LEFT JOIN removal_receipt r ON r.account_id = s.account_id AND r.order_id = s.order_id
                                    AND r.tracking_number = s.tracking_number AND r.product_id = s.product_id
         WHERE s.account_id = $1 AND s.product_id = ANY($2::int[])
         GROUP BY s.product_id, s.order_id, s.tracking_number`,
          params,
        ),
    ] as const);
  return {
    ledger,
    shipments,
    refunds,
    returns,
    reimbursements,
    claims,
    orders: orders.sort((a, b) => a.import_id - b.import_id || a.line - b.line),
    removalOrders,
    removalShipments,
  };
}

async function sequence<T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as never;
}

function groupBy<T extends { product_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.product_id);
    if (group) group.push(row);
    else groups.set(row.product_id, [row]);
  }
  return groups;
}

const optional = <T>(value: T | null): T | undefined => value ?? undefined;

async function computeLots(
  sql: Sql,
  accountId: number,
  region: Region,
  productIds: number[],
): Promise<Map<number, { lots: Lot[]; events: ProductEvents }>> {
  const facts = await loadFacts(sql, accountId, productIds);
  const ledger = groupBy(facts.ledger);
  const shipments = groupBy(facts.shipments);
  const refunds = groupBy(facts.refunds);
  const returns = groupBy(facts.returns);
  const reimbursements = groupBy(facts.reimbursements);
  const claims = groupBy(facts.claims);
  const orders = groupBy(facts.orders);
  const removalOrders = groupBy(facts.removalOrders);
  const removalShipments = groupBy(facts.removalShipments);
  const currency = regionCurrency(region);

  // A reversal names its original line by id; the original may be another product's line or not in the batch.
  const reasons = new Map<string, string[]>();
  for (const line of facts.reimbursements)
    reasons.set(line.reimbursement_id, [...(reasons.get(line.reimbursement_id) ?? []), line.reason]);
  const missingOriginals = [
    ...new Set(
      facts.reimbursements.flatMap((line) =>
        line.original_reimbursement_id && !reasons.has(line.original_reimbursement_id)
          ? [line.original_reimbursement_id]
          : [],
      ),
    ),
  ];
  if (missingOriginals.length > 0) {
    const originals = await sql.query<{ reimbursement_id: string; reason: string }>(
      'SELECT reimbursement_id, reason FROM reimbursement WHERE account_id = $1 AND reimbursement_id = ANY($2::text[])',
      [accountId, missingOriginals],
    );
    for (const line of originals)
      reasons.set(line.reimbursement_id, [...(reasons.get(line.reimbursement_id) ?? []), line.reason]);
  }

  const computed = new Map<number, { lots: Lot[]; events: ProductEvents }>();
  for (const productId of productIds) {
    const productFacts: ProductFacts = {
      ledger: (ledger.get(productId) ?? []).map((row) => ({
        key: row.key,
        date: row.date,
        eventType: row.event_type,
        reason: optional(row.reason),
        quantity: row.quantity,
        referenceId: optional(row.reference_id),
        fulfillmentCenter: optional(row.fulfillment_center),
        disposition: optional(row.disposition),
        reconciledQuantity: optional(row.reconciled_quantity),
        unreconciledQuantity: optional(row.unreconciled_quantity),
      })),
      shipments: (shipments.get(productId) ?? []).map((row) => ({
        shipmentId: row.shipment_id,
        status: optional(row.status),
        closedDate: optional(row.closed_date),
        latestReceiptDay: optional(row.latest_receipt),
        closedSeenDay: optional(row.closed_seen_day),
        destination: optional(row.destination),
        quantityShipped: row.quantity_shipped,
        quantityReceived: row.quantity_received,
      })),
      refunds: (refunds.get(productId) ?? []).flatMap((row) =>
        row.order_id && row.posted_day
          ? [
              {
                key: row.key,
                orderId: row.order_id,
                postedDay: row.posted_day,
                quantityPurchased: optional(row.quantity_purchased),
                fulfillmentId: optional(row.fulfillment_id),
                principal: moneyFrom(row.amount, row.currency ?? currency) ?? undefined,
              },
            ]
          : [],
      ),
      returns: (returns.get(productId) ?? []).map((row) => ({ orderId: row.order_id, quantity: row.quantity })),
      reimbursements: (reimbursements.get(productId) ?? []).map(
        (row): ReimbursementFact & { attributedUnits: number } => ({
          key: row.key,
          reimbursementId: row.reimbursement_id,
          approvalDate: row.approval_date,
          caseId: optional(row.case_id),
          orderId: optional(row.amazon_order_id),
          reason: row.reason,
          units: row.quantity_total,
          amount: row.amount_total,
          currency: row.currency,
          originalReimbursementId: optional(row.original_reimbursement_id),
          originalReimbursementType: optional(row.original_reimbursement_type),
          attributedUnits: row.attributed_units,
        }),
      ),
      claims: (claims.get(productId) ?? []).map((row) => ({
        type: row.type,
        eventKey: row.event_key,
        units: row.units,
      })),
      orderRows: (orders.get(productId) ?? []).map((row) => ({
        orderId: row.order_id,
        amountType: row.amount_type,
        amountDescription: row.amount_description,
        amount: moneyFrom(row.amount, row.currency ?? currency),
        quantityPurchased: row.quantity_purchased,
      })),
      removalOrders: (removalOrders.get(productId) ?? []).map((row) => ({
        orderId: row.order_id,
        orderType: row.order_type,
        orderStatus: row.order_status,
        lastUpdatedDay: row.last_updated,
        disposition: row.disposition || undefined,
        requested: row.requested,
        cancelled: row.cancelled,
        disposed: row.disposed,
        shipped: row.shipped,
      })),
      removalShipments: (removalShipments.get(productId) ?? []).map((row) => ({
        orderId: row.order_id,
        trackingNumber: row.tracking_number,
        carrier: optional(row.carrier),
        shipmentDay: row.shipment_day,
        disposition: optional(row.disposition),
        shipped: row.shipped,
        received: optional(row.received),
      })),
    };
    const events = productEvents(productFacts);
    computed.set(productId, { lots: productPool(productFacts, (id) => reasons.get(id) ?? [], events), events });
  }
  return computed;
}

const EVENT_COLUMNS = ['account_id', 'product_id', 'type', 'event_key', 'date', 'units'];

type Dates = { opens: string; deadline: string };

/** missing_lot's columns after account_id and product_id, each with its value: one list, in COPY's order. */
const LOT_FIELDS: ReadonlyArray<readonly [column: string, value: (lot: Lot, dates: Dates) => unknown]> = [
  ['type', ({ event }) => event.type],
  ['event_key', ({ event }) => event.key],
  ['date', ({ event }) => event.date],
  ['opens', (_, { opens }) => opens],
  ['deadline', (_, { deadline }) => deadline],
  ['units', ({ units }) => units],
  ['source', ({ event }) => event.source],
  ['reference', ({ event }) => event.reference],
  ['reason_code', ({ event }) => event.reasonCode],
  ['fulfillment_center', ({ event }) => event.fulfillmentCenter],
  ['disposition', ({ event }) => event.disposition],
  ['payout_basis', ({ event }) => event.payout?.basis],
  ['payout_per_unit', ({ event }) => event.payout?.perUnit?.amount.toString()],
  ['payout_currency', ({ event }) => event.payout?.perUnit?.currency],
  ['reconciled_quantity', ({ event }) => event.reconciledQuantity],
  ['unreconciled_quantity', ({ event }) => event.unreconciledQuantity],
  ['amazon_reconciled', ({ event }) => event.amazonReconciled ?? false],
  ['in_transit', ({ event }) => event.inTransit ?? false],
  ['tracking_number', ({ event }) => event.trackingNumber],
  ['carrier', ({ event }) => event.carrier],
  [
    'removal',
    ({ event }) => (event.removal === undefined || event.removal === null ? null : JSON.stringify(event.removal)),
  ],
];

const LOT_COLUMNS = ['account_id', 'product_id', ...LOT_FIELDS.map(([column]) => column)];

/**
 * A policy's window dates by kind and event day, computed once each: a batch's lots share few days, and dating every
 * lot anew (two Dates and two ISO strings) was 3 % of a recomputation.
 */
function datesOfWindows(policy: Policy): (kind: WindowKind, day: string) => Dates {
  const known = new Map<string, Dates>();
  return (kind, day) => {
    const key = `${kind} ${day}`;
    let dates = known.get(key);
    if (!dates) {
      dates = windowDates(day, policy[kind]);
      known.set(key, dates);
    }
    return dates;
  };
}

/** A product's missing_event and missing_lot rows as COPY text. */
function poolText(
  accountId: number,
  productId: number,
  datesOf: (kind: WindowKind, day: string) => Dates,
  pool: { lots: Lot[]; events: ProductEvents } | undefined,
): { events: string; lots: string } {
  let eventText = '';
  for (const ofType of Object.values(pool?.events ?? {})) {
    for (const event of ofType) {
      eventText += `${copyFields([accountId, productId, event.type, event.key, event.date, event.units])}\n`;
    }
  }
  let lotText = '';
  // One array of values for all the lots: copyFields reads it at once.
  const values: unknown[] = [accountId, productId];
  for (const lot of pool?.lots ?? []) {
    const dates = datesOf(windowKind(lot.event.type, lot.event.inTransit), lot.event.date);
    for (let i = 0; i < LOT_FIELDS.length; i++) values[i + 2] = LOT_FIELDS[i]![1](lot, dates);
    lotText += `${copyFields(values)}\n`;
  }
  return { events: eventText, lots: lotText };
}

/**
 * Writes the products' lots and gross events (missing_event, which the history counts by month) again, with COPY: as
 * JSON rows read by json_to_recordset they took twice as long on the embedded database, whose JSON parsing runs in
 * WebAssembly. A product whose rows come out as its stored digest says they are is not written: most recomputations
 * (a file that touched a product without changing what is missing of it) find the same rows, and deleting and
 * writing them again was most of a recomputation's writing. Returns the products whose rows changed.
 */
async function writeLots(
  sql: Sql,
  accountId: number,
  policy: Policy,
  versions: readonly ProductVersion[],
  computed: Map<number, { lots: Lot[]; events: ProductEvents }>,
): Promise<number[]> {
  const changed: number[] = [];
  const digests: string[] = [];
  let eventData = '';
  let lotData = '';
  const datesOf = datesOfWindows(policy);
  for (const product of versions) {
    const text = poolText(accountId, product.id, datesOf, computed.get(product.id));
    // The separator keeps an event's text from passing for a lot's.
    const digest = hash('md5', `${text.events}\u0002${text.lots}`, 'hex');
    digests.push(digest);
    if (digest === product.digest) continue;
    changed.push(product.id);
    eventData += text.events;
    lotData += text.lots;
  }
  if (changed.length > 0) {
    await sql.execute('DELETE FROM missing_event WHERE account_id = $1 AND product_id = ANY($2::int[])', [
      accountId,
      changed,
    ]);
    await sql.execute('DELETE FROM missing_lot WHERE account_id = $1 AND product_id = ANY($2::int[])', [
      accountId,
      changed,
    ]);
    if (eventData) await sql.copyFrom('missing_event', EVENT_COLUMNS, eventData);
    if (lotData) await sql.copyFrom('missing_lot', LOT_COLUMNS, lotData);
  }
  // Only up to the version read: data that changed meanwhile leaves the product stale, to be computed again.
  await sql.execute(
    `UPDATE product p SET lots_version = GREATEST(p.lots_version, v.version), lots_digest = v.digest
     FROM unnest($2::int[], $3::int[], $4::text[]) AS v(id, version, digest) WHERE p.account_id = $1 AND p.id = v.id`,
    [accountId, versions.map((product) => product.id), versions.map((product) => product.version), digests],
  );
  return changed;
}

/**
 * Recomputes one batch of the account's stale products in the transaction `sql`, those after the id `after`; their
 * ids (none: nothing stale after it). Going on from the last batch's id reads each product once: from the start
 * every time, the 40 batches of a 20,000-SKU import read the products 20 times over. `selected` is told the batch's
 * last id (undefined: none) as soon as it is known, before its facts are read.
 */
async function refreshBatch(
  sql: Sql,
  account: { id: number; region: Region },
  policy: Policy,
  after: number,
  selected?: (lastId: number | undefined) => void,
  batchSize = BATCH,
): Promise<number[]> {
  const stale = await sql.query<ProductVersion>(
    `SELECT id, facts_version AS version, lots_digest AS digest FROM product
     WHERE account_id = $1 AND id > $2 AND facts_version > lots_version ORDER BY id LIMIT $3
     FOR UPDATE SKIP LOCKED`,
    [account.id, after, batchSize],
  );
  selected?.(stale.at(-1)?.id);
  return recompute(sql, account, policy, stale);
}

/**
 * Waits for the products of `productIds` another transaction holds (the batches skip them), then recomputes those
 * still stale once it is done: a seller's change that made them stale answers with their new numbers, not with the
 * numbers of before for the moment the other transaction takes to commit.
 */
async function refreshAwaited(
  sql: Sql,
  account: { id: number; region: Region },
  policy: Policy,
  productIds: readonly number[],
): Promise<number[]> {
  // In id order, as the batches lock them: two transactions never wait for each other. A row another transaction
  // recomputed and committed meanwhile is looked at again as it now is, and is no longer stale.
  const stale = await sql.query<ProductVersion>(
    `SELECT id, facts_version AS version, lots_digest AS digest FROM product
     WHERE account_id = $1 AND id = ANY($2::int[]) AND facts_version > lots_version ORDER BY id
     FOR UPDATE`,
    [account.id, [...new Set(productIds)]],
  );
  return recompute(sql, account, policy, stale);
}

/** Recomputes the stale products `stale`, locked by the caller's transaction `sql`; their ids. */
async function recompute(
  sql: Sql,
  account: { id: number; region: Region },
  policy: Policy,
  stale: readonly ProductVersion[],
): Promise<number[]> {
  if (stale.length === 0) return [];
  const computed = await computeLots(
    sql,
    account.id,
    account.region,
    stale.map((product) => product.id),
  );
  const changed = await writeLots(sql, account.id, policy, stale, computed);
  // The kept numbers are of the lots and of the OPEN cases' pending units (kept when the batches are done): a
  // product whose lots are the same keeps the same numbers.
  if (changed.length > 0) await keepProducts(sql, account.id, changed);
  return stale.map((product) => product.id);
}

/**
 * Recomputes the missing pool of the account's stale products, a batch at a time (of `batchSize` products), each
 * batch in one transaction. Products another transaction is recomputing are left to it, except those of `awaiting`
 * (the products a seller's change made stale, whose numbers its answer shows): those are waited for. Returns the ids
 * of the products recomputed.
 */
export async function refreshStaleProducts(
  db: Database,
  accountId: number,
  { batchSize = BATCH, awaiting = [] }: { batchSize?: number; awaiting?: readonly number[] } = {},
): Promise<number[]> {
  const account = await db.prisma.account.findUnique({ where: { id: accountId } });
  if (!account) return [];
  const policy = await accountPolicy(db, account);
  const batch: Batch = (after, selected) =>
    db.transaction((sql) => refreshBatch(sql, account, policy, after, selected, batchSize));
  const awaited =
    awaiting.length > 0 ? () => db.transaction((sql) => refreshAwaited(sql, account, policy, awaiting)) : undefined;
  const finish = () => db.transaction((sql) => keepPendingUnits(sql, accountId));
  // The embedded database has one connection: a second transaction would only wait for the first.
  return refreshInBatches(batch, finish, { overlap: db.kind === 'postgres', awaited });
}

type Batch = (after: number, selected?: (lastId: number | undefined) => void) => Promise<number[]>;

/**
 * Recomputes every stale product of the account inside the caller's transaction, so that its numbers change in the
 * same commit as what made them stale: readers see them before or after, never half-way. Products another
 * transaction is recomputing are left to it. The caller reads the policy before (on the embedded database, its
 * transaction holds the only connection).
 */
export function refreshStaleProductsIn(
  sql: Sql,
  account: { id: number; region: Region },
  policy: Policy,
): Promise<number[]> {
  return refreshInBatches(
    (after, selected) => refreshBatch(sql, account, policy, after, selected),
    () => keepPendingUnits(sql, account.id),
  );
}

/**
 * Runs `batch` after the last product id each batch refreshed until none is left stale, then `awaited` (if any) and
 * `finish`. With `overlap` (PostgreSQL), two batches are in flight: the next starts on another connection as soon as
 * the current one has selected its products, so that the database reads the next batch's facts while this process
 * runs the current batch's rules, about half of a batch's time either way. The two take disjoint products (ids after
 * the current batch's last), and what one reads (facts) the other does not write (lots, kept numbers, versions).
 */
async function refreshInBatches(
  batch: Batch,
  finish: () => Promise<unknown>,
  { overlap = false, awaited }: { overlap?: boolean; awaited?: () => Promise<number[]> } = {},
): Promise<number[]> {
  const start = (after: number) => {
    let tell: (lastId: number | undefined) => void = () => {};
    const told = new Promise<number | undefined>((resolve) => {
      tell = resolve;
    });
    const done = batch(after, tell);
    // A batch that fails before its selection tells nothing: its failure is the answer.
    return { selected: Promise.race([told, done.then(() => told)]), done };
  };
  const refreshed: number[] = [];
  let after = 0;
  let current = start(after);
  for (;;) {
    const lastId = await current.selected;
    if (lastId === undefined) {
      await current.done;
      if (after === 0) break;
      // Products made stale meanwhile behind the last batch: one more round from the start.
      after = 0;
      current = start(after);
      continue;
    }
    const next = overlap ? start(lastId) : undefined;
    try {
      refreshed.push(...(await current.done));
    } catch (error) {
      // Not left running on its own: its transaction ends (committed or not) before the failure is told.
      await next?.done.catch(() => {});
      throw error;
    }
    after = lastId;
    current = next ?? start(lastId);
  }
  if (awaited) refreshed.push(...(await awaited()));
  await finish();
  return refreshed;
}

/** Dates the stored lots with a new policy (after the account changed its windows or its region). */
export async function applyPolicy(sql: Sql, accountId: number, policy: Policy): Promise<void> {
  await sql.execute(
    `UPDATE missing_lot l SET opens = l.date + p.wait_days, deadline = l.date + p.deadline_days
     FROM unnest($2::text[], $3::boolean[], $4::int[], $5::int[]) AS p(type, in_transit, wait_days, deadline_days)
     WHERE l.account_id = $1 AND l.type = p.type::"MissingType" AND l.in_transit = p.in_transit`,
    [
      accountId,
      WINDOW_KINDS.map((kind) => windowKey(kind).type),
      WINDOW_KINDS.map((kind) => windowKey(kind).inTransit),
      WINDOW_KINDS.map((kind) => policy[kind].waitDays),
      WINDOW_KINDS.map((kind) => policy[kind].deadlineDays),
    ],
  );
  // The lots were written here, not as their digests say: the next recomputation writes them whole.
  await sql.execute('UPDATE product SET lots_digest = NULL WHERE account_id = $1 AND lots_digest IS NOT NULL', [
    accountId,
  ]);
  await keepAllProducts(sql, accountId);
}

/** The accounts that have stale products (at start-up: work a crash left undone). */
export async function accountsWithStaleProducts(db: Database): Promise<number[]> {
  const rows = await db.sql.query<{ account_id: number }>(
    'SELECT DISTINCT account_id FROM product WHERE facts_version > lots_version',
  );
  return rows.map((row) => row.account_id);
}
