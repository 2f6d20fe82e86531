// The shipment behind each INBOUND line of a claim: what was shipped and received, and when (the evidence a case
// agent checks against the shipment). Read at claim time from the tables the detection reads (docs/rules.md section 1).
import type { Database } from '../db/database.js';
import type { Day } from '../domain/calendar.js';
import type { ShipmentEvidence } from '../domain/claims/claim.js';

/** The shipment items of some products, keyed by `productId:shipmentId`. */
export async function shipmentEvidenceOf(
  db: Database,
  accountId: number,
  productIds: readonly number[],
): Promise<Map<string, ShipmentEvidence>> {
  const rows = await db.sql.query<{
    product_id: number;
    shipment_id: string;
    quantity_shipped: number;
    quantity_received: number;
    closed_day: Day | null;
    received_day: Day | null;
  }>(
    // The latest Receipts row of the product naming the shipment: one index range per item (ledger by product).
    `SELECT i.product_id, i.shipment_id, i.quantity_shipped, i.quantity_received,
            COALESCE(s.closed_date, (s.closed_seen_at AT TIME ZONE 'UTC')::date) AS closed_day,
            (SELECT max(r.date) FROM ledger_entry r
              WHERE r.account_id = i.account_id AND r.product_id = i.product_id
                AND r.event_type = 'Receipts' AND r.reference_id = i.shipment_id) AS received_day
       FROM shipment_item i JOIN shipment s ON s.account_id = i.account_id AND s.shipment_id = i.shipment_id
      WHERE i.account_id = $1 AND i.product_id = ANY($2::int[])`,
    [accountId, [...productIds]],
  );
  return new Map(
    rows.map((row) => [
      `${row.product_id}:${row.shipment_id}`,
      {
        quantityShipped: row.quantity_shipped,
        quantityReceived: row.quantity_received,
        closedDate: row.closed_day ?? undefined,
        receivedDate: row.received_day ?? undefined,
      },
    ]),
  );
}
