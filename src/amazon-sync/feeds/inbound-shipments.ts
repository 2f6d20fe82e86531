// Fulfillment Inbound v0: the shipments and the items that changed in the step's window, imported as the SP-API
// bodies (docs/reports.md section 5).
import { type JsonBody, Wait } from '../../amazon/client.js';
import { shipmentsWithItems } from '../../store/amazon.js';
import { allPages } from '../paginate.js';
import { type Halt, importDocument, type StepWork, textOf } from '../step.js';

interface InboundPayload {
  ShipmentData?: Array<{ ShipmentId?: string }> | null;
  ItemData?: Array<{ ShipmentId?: string }> | null;
  NextToken?: string | null;
}

const payloadOf = (body: JsonBody) => (body.payload ?? {}) as InboundPayload;

/** Every page of a Fulfillment Inbound v0 query by date range (its next token is in the payload). */
async function inboundPages(fetchPage: (nextToken?: string) => Promise<JsonBody | Wait>) {
  const pages = await allPages(fetchPage, (body) => payloadOf(body).NextToken);
  return pages instanceof Wait ? pages : pages.map(payloadOf);
}

/**
 * Shipments whose header changed in the window (getShipments, every status that can hold units) and the items that
 * changed in it (getShipmentItems: one paged list for every shipment). Both lists are read on their own:
 * getShipments does not return a shipment whose only change is its received quantities (selling-partner-api-docs
 * issue #3152), so items are imported whether or not their header came back, and joined with the shipments already
 * stored. A shipment that came back without items, and whose items Reclaim has never had, is asked for by id.
 */
export async function inboundStep(work: StepWork): Promise<Halt | undefined> {
  const { ctx, client, connection, step } = work;
  const bodies: unknown[] = [];
  const headers = new Set<string>();
  const withItems = new Set<string>();
  let unnamed = 0;
  for (const marketplaceId of connection.marketplaceIds) {
    const window = {
      marketplaceId,
      lastUpdatedAfter: step.dataStart.toISOString(),
      lastUpdatedBefore: step.dataEnd.toISOString(),
    };
    const shipments = await inboundPages((nextToken) => client.getShipments({ ...window, nextToken }));
    if (shipments instanceof Wait) return shipments;
    for (const page of shipments) {
      const fresh = (page.ShipmentData ?? []).filter((shipment) => {
        if (!shipment?.ShipmentId || headers.has(shipment.ShipmentId)) return false;
        headers.add(shipment.ShipmentId);
        return true;
      });
      if (fresh.length > 0) bodies.push({ payload: { ShipmentData: fresh } });
    }
    const items = await inboundPages((nextToken) => client.getShipmentItems({ ...window, nextToken }));
    if (items instanceof Wait) return items;
    for (const page of items) {
      // An item of a list across shipments that does not name its shipment cannot be placed.
      const named = (page.ItemData ?? []).filter((item) => Boolean(item?.ShipmentId));
      unnamed += (page.ItemData ?? []).length - named.length;
      for (const item of named) withItems.add(item.ShipmentId as string);
      if (named.length > 0) bodies.push({ payload: { ItemData: named } });
    }
  }
  if (unnamed > 0) {
    ctx.log.warn({ accountId: connection.accountId, items: unnamed }, 'getShipmentItems gave items naming no shipment');
  }
  const unseen = [...headers].filter((id) => !withItems.has(id));
  const stored = await shipmentsWithItems(ctx.db, connection.accountId, unseen);
  for (const shipmentId of unseen.filter((id) => !stored.has(id))) {
    const body = await client.getShipmentItemsByShipmentId(shipmentId);
    if (body instanceof Wait) return body;
    // The shipment is the one asked for, whether or not each item names it.
    const items = (payloadOf(body).ItemData ?? []).map((item) => ({ ...item, ShipmentId: shipmentId }));
    if (items.length > 0) bodies.push({ payload: { ItemData: items } });
  }
  if (bodies.length === 0) return undefined;
  return importDocument(
    work,
    `inbound-shipments-${step.dataEnd.toISOString().slice(0, 10)}.json`,
    textOf(JSON.stringify(bodies)),
  );
}
