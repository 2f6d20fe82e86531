// The removal shipments of an account and the receipts the seller records for them (docs/rules.md section 10). A shipment
// here is one SKU of one tracking number of one order: its rows of several dispositions are summed, as the seller
// counts what arrived per SKU.
import type { Database } from '../db/database.js';
import type { Day } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { checkReceipt } from '../domain/removals.js';
import type { Product } from '../generated/prisma/client.js';
import { markStale } from './missing-pool.js';

export interface RemovalShipmentRow {
  productId: number;
  sku: string;
  orderId: string;
  trackingNumber: string;
  carrier: string | null;
  shipmentDate: Date;
  shippedUnits: number;
  receivedUnits: number | null;
}

/** Where a page starts: after this shipment, in the list's order (the most recent first). */
export interface ShipmentPosition {
  shipmentDate: string;
  orderId: string;
  trackingNumber: string;
  sku: string;
}

export interface ShipmentFilter {
  /** true: only those waiting for a receipt, shipped from `since` to asOf; false: only those with one. */
  awaitingReceipt?: boolean;
  /** With awaitingReceipt: the first shipment day listed and the last (asOf). */
  since?: Day;
  until?: Day;
}

const SHIPMENTS = `
  SELECT s.product_id AS "productId", p.sku, s.order_id AS "orderId", s.tracking_number AS "trackingNumber",
         min(s.carrier) AS carrier, min(s.shipment_date) AS "shipmentDate", sum(s.shipped)::int AS "shippedUnits",
         min(r.received_units) AS "receivedUnits"
  FROM removal_shipment s
  JOIN product p ON p.id = s.product_id
  LEFT JOIN removal_receipt r ON r.account_id = s.account_id AND r.order_id = s.order_id
                             AND r.tracking_number = s.tracking_number AND r.product_id = s.product_id
  WHERE s.account_id = $1`;

const GROUP = 'GROUP BY s.product_id, p.sku, s.order_id, s.tracking_number';

/** The removal shipments, the most recent first, `first` of them after `after`; one more tells a next page. */
export async function removalShipments(
  db: Database,
  accountId: number,
  filter: ShipmentFilter,
  page: { first: number; after?: ShipmentPosition },
): Promise<{ rows: RemovalShipmentRow[]; hasNextPage: boolean }> {
  const after = page.after;
  const rows = await db.sql.query<RemovalShipmentRow>(
    `SELECT * FROM (${SHIPMENTS} ${GROUP}) shipments
     WHERE ($2::boolean IS NULL OR ("receivedUnits" IS NULL) = $2::boolean)
       AND ($3::date IS NULL OR ("shipmentDate" AT TIME ZONE 'UTC')::date >= $3::date)
       AND ($4::date IS NULL OR ("shipmentDate" AT TIME ZONE 'UTC')::date <= $4::date)
       AND ($5::timestamptz IS NULL OR "shipmentDate" < $5::timestamptz
            OR ("shipmentDate" = $5::timestamptz AND ("orderId", "trackingNumber", sku) > ($6::text, $7::text, $8::text)))
     ORDER BY "shipmentDate" DESC, "orderId", "trackingNumber", sku
     LIMIT $9`,
    [
      accountId,
      filter.awaitingReceipt ?? null,
      filter.since ?? null,
      filter.until ?? null,
      after?.shipmentDate ?? null,
      after?.orderId ?? '',
      after?.trackingNumber ?? '',
      after?.sku ?? '',
      page.first + 1,
    ],
  );
  return { rows: rows.slice(0, page.first).map(normalised), hasNextPage: rows.length > page.first };
}

function normalised(row: RemovalShipmentRow): RemovalShipmentRow {
  return { ...row, shipmentDate: new Date(row.shipmentDate) };
}

export interface ReceiptInput {
  orderId: string;
  trackingNumber: string;
  sku: string;
  receivedUnits: number;
}

/**
 * Records what arrived of one SKU of a removal shipment; a second receipt replaces the first. Refused when the
 * shipment is unknown (NOT_FOUND) or more arrived than was shipped (INVALID_INPUT). The product is computed again
 * by the caller (refreshAndAnnounce), as after an import.
 */
export async function recordReceipt(
  db: Database,
  accountId: number,
  input: ReceiptInput,
): Promise<{ shipment: RemovalShipmentRow; product: Product }> {
  const where = `shipment ${input.trackingNumber} of removal order ${input.orderId}, SKU ${input.sku}`;
  const product = await db.prisma.product.findUnique({ where: { accountId_sku: { accountId, sku: input.sku } } });
  if (!product) throw new DomainError('NOT_FOUND', `There is no product with SKU ${input.sku} in this account`);
  const shipment = await findShipment(db, accountId, product.id, input);
  if (!shipment) {
    throw new DomainError(
      'NOT_FOUND',
      `There is no ${where} in the imported removal shipments: import the Removal Shipment Detail report first`,
    );
  }
  checkReceipt(shipment.shippedUnits, input.receivedUnits, where);
  await db.transaction(async (sql) => {
    await sql.execute(
      `INSERT INTO removal_receipt (account_id, order_id, tracking_number, product_id, received_units, recorded_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (account_id, order_id, tracking_number, product_id)
       DO UPDATE SET received_units = EXCLUDED.received_units, recorded_at = EXCLUDED.recorded_at`,
      [accountId, input.orderId, input.trackingNumber, product.id, input.receivedUnits],
    );
    await markStale(sql, accountId, [product.id]);
  });
  return { shipment: { ...shipment, receivedUnits: input.receivedUnits }, product };
}

async function findShipment(
  db: Database,
  accountId: number,
  productId: number,
  input: Pick<ReceiptInput, 'orderId' | 'trackingNumber'>,
): Promise<RemovalShipmentRow | undefined> {
  const [row] = await db.sql.query<RemovalShipmentRow>(
    `${SHIPMENTS} AND s.product_id = $2 AND s.order_id = $3 AND s.tracking_number = $4 ${GROUP}`,
    [accountId, productId, input.orderId, input.trackingNumber],
  );
  return row ? normalised(row) : undefined;
}
