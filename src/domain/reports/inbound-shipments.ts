// Inbound shipments, shipped against received: docs/reports.md section 5. Reclaim's tab-separated file (one row per
// shipment item) and the JSON bodies of the SP-API Fulfillment Inbound v0 operations getShipments and getShipmentItems.
import type { ParsedRow, ReadProblem, ReportFormat, TextKind, TextLimits } from './format.js';
import type { Day } from './values.js';

/** Every status of an inbound shipment (Fulfillment Inbound v0's ShipmentStatusList, READY_TO_SHIP included). */
export const SHIPMENT_STATUSES = [
  'WORKING',
  'READY_TO_SHIP',
  'SHIPPED',
  'IN_TRANSIT',
  'DELIVERED',
  'CHECKED_IN',
  'RECEIVING',
  'CLOSED',
  'CANCELLED',
  'DELETED',
  'ERROR',
] as const;

export interface ShipmentItemValues {
  sku: string;
  fnsku?: string;
  quantityShipped: number;
  quantityReceived: number;
}

/** A shipment's header, its item, or both (a getShipments body has no items, a getShipmentItems body no status). */
export interface ShipmentValues {
  shipmentId: string;
  name?: string;
  status?: string;
  destinationFulfillmentCenterId?: string;
  closedDate?: Day;
  item?: ShipmentItemValues;
}

const columns = {
  shipmentId: { name: 'ShipmentId', aliases: ['Shipment ID'], required: true, text: 'id' },
  shipmentName: { name: 'ShipmentName', aliases: ['Shipment Name'], text: 'text' },
  status: { name: 'ShipmentStatus', aliases: ['Shipment Status', 'Status'], required: true },
  destination: { name: 'DestinationFulfillmentCenterId', aliases: ['Destination FC', 'Ship To'] },
  sku: { name: 'SellerSKU', aliases: ['Seller SKU', 'MSKU', 'SKU'], required: true, text: 'sku' },
  fnsku: { name: 'FulfillmentNetworkSKU', aliases: ['FNSKU'], text: 'fnsku' },
  quantityShipped: { name: 'QuantityShipped', aliases: ['Units Shipped', 'Shipped'], required: true },
  quantityReceived: { name: 'QuantityReceived', aliases: ['Units Received', 'Received'], required: true },
  closedDate: { name: 'ClosedDate', aliases: ['Closed Date'] },
} as const;

function shipmentStatus(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const status = text.toUpperCase().replace(/[\s-]+/g, '_');
  return (SHIPMENT_STATUSES as readonly string[]).includes(status) ? status : undefined;
}

function toParsedRow(values: ShipmentValues): ParsedRow<ShipmentValues> {
  return {
    values,
    identity: [values.shipmentId, values.item?.sku],
    product: values.item ? { sku: values.item.sku, fnsku: values.item.fnsku } : undefined,
  };
}

export const inboundShipmentsFormat: ReportFormat<ShipmentValues, keyof typeof columns> = {
  kind: 'INBOUND_SHIPMENTS',
  title: 'Inbound shipments',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const statusText = row.requiredText('status');
    const status = shipmentStatus(statusText);
    if (statusText && !status) {
      row.problem('status', `"${statusText}" is not a shipment status (${SHIPMENT_STATUSES.join(', ')})`);
    }
    const values: ShipmentValues = {
      shipmentId: row.requiredText('shipmentId'),
      name: row.text('shipmentName'),
      status,
      destinationFulfillmentCenterId: row.text('destination'),
      closedDate: row.day('closedDate'),
      item: {
        sku: row.requiredText('sku'),
        fnsku: row.text('fnsku'),
        quantityShipped: row.integer('quantityShipped', true) ?? 0,
        quantityReceived: row.integer('quantityReceived', true) ?? 0,
      },
    };
    for (const key of ['quantityShipped', 'quantityReceived'] as const) {
      if ((values.item?.[key] ?? 0) < 0) row.problem(key, 'a quantity cannot be negative');
    }
    if (row.problems.length > before) return undefined;
    return toParsedRow(values);
  },
};

/** Whether a file is JSON rather than tab-separated text: its first character says so. */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(text);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function field(record: { [key: string]: Json }, name: string): Json | undefined {
  return record[name];
}

export interface InboundJsonOptions {
  /** The shipment the file's items belong to, given with the upload, for items that do not name theirs. */
  shipmentId?: string;
  limits?: TextLimits;
}

/**
 * Reads the JSON bodies of getShipments (payload.ShipmentData), getShipmentItems and getShipmentItemsByShipmentId
 * (payload.ItemData), one body or an array of them (one per page). Only what Amazon's model requires is required:
 * an item's SellerSKU and QuantityShipped. A missing QuantityReceived counts 0 received (what detection then counts
 * for an item of a CLOSED shipment); a shipment without ShipmentStatus keeps the status already known. An item or
 * shipment that does not name its shipment belongs to the one the file is about, when it can be known: the
 * `shipmentId` given with the upload, else the only shipment the file names; otherwise it is refused, saying so.
 * Problems name the JSON path of the value; their line is the document's first.
 */
/** The kind of text of each SP-API field, for its length limit. */
const JSON_TEXT: Record<string, TextKind> = {
  ShipmentId: 'id',
  ShipmentName: 'text',
  SellerSKU: 'sku',
  FulfillmentNetworkSKU: 'fnsku',
};

export function readInboundShipmentsJson(
  text: string,
  options: InboundJsonOptions = {},
): { rows: ParsedRow<ShipmentValues>[]; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const read: Array<{ values: Omit<ShipmentValues, 'shipmentId'> & { shipmentId?: string }; path: string }> = [];
  let document: Json;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    return { rows: [], problems: [{ line: 1, message: `the file is not valid JSON: ${(error as Error).message}` }] };
  }
  const bodies = Array.isArray(document) ? document : [document];
  bodies.forEach((body, bodyIndex) => {
    const at = Array.isArray(document) ? `[${bodyIndex}]` : '';
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      problems.push({
        line: 1,
        column: at || '$',
        message: 'expected a getShipments or getShipmentItems response body',
      });
      return;
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      problems.push({
        line: 1,
        column: `${at}errors`,
        message: `the body is an SP-API error: ${JSON.stringify(body.errors)}`,
      });
      return;
    }
    const payload = (body.payload ?? body) as { [key: string]: Json };
    const prefix = body.payload ? `${at}payload.` : at;
    const shipments = field(payload, 'ShipmentData');
    const items = field(payload, 'ItemData');
    if (!Array.isArray(shipments) && !Array.isArray(items)) {
      problems.push({
        line: 1,
        column: prefix || '$',
        message: 'neither ShipmentData (getShipments) nor ItemData (getShipmentItems) is present',
      });
      return;
    }
    const each = (
      list: Json[],
      name: string,
      make: (entry: { [key: string]: Json }, path: string) => (typeof read)[number]['values'] | undefined,
    ) => {
      list.forEach((entry, index) => {
        const path = `${prefix}${name}[${index}]`;
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
          problems.push({ line: 1, column: path, message: 'expected an object' });
          return;
        }
        const values = make(entry, path);
        if (values) read.push({ values, path });
      });
    };
    const text = (entry: { [key: string]: Json }, path: string, name: string, required: boolean) => {
      const value = entry[name];
      if (typeof value === 'string' && value.trim()) {
        const trimmed = value.trim();
        const limit = options.limits?.lengths[JSON_TEXT[name] ?? 'code'];
        if (limit !== undefined && trimmed.length > limit) {
          problems.push({
            line: 1,
            column: `${path}.${name}`,
            message: `the value is ${trimmed.length} characters long, more than the ${limit} allowed`,
          });
          return undefined;
        }
        return trimmed;
      }
      if (required) problems.push({ line: 1, column: `${path}.${name}`, message: `${name} is missing` });
      return undefined;
    };
    const quantity = (entry: { [key: string]: Json }, path: string, name: string, required: boolean) => {
      const value = entry[name];
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
      if ((value === undefined || value === null) && !required) return 0;
      problems.push({
        line: 1,
        column: `${path}.${name}`,
        message: `${name} must be a whole number of units, not ${JSON.stringify(value ?? null)}`,
      });
      return undefined;
    };
    if (Array.isArray(shipments)) {
      each(shipments, 'ShipmentData', (entry, path) => {
        const statusText = text(entry, path, 'ShipmentStatus', false);
        const status = shipmentStatus(statusText);
        if (statusText && !status) {
          problems.push({
            line: 1,
            column: `${path}.ShipmentStatus`,
            message: `"${statusText}" is not a shipment status`,
          });
          return undefined;
        }
        return {
          shipmentId: text(entry, path, 'ShipmentId', false),
          name: text(entry, path, 'ShipmentName', false),
          status,
          destinationFulfillmentCenterId: text(entry, path, 'DestinationFulfillmentCenterId', false),
        };
      });
    }
    if (Array.isArray(items)) {
      each(items, 'ItemData', (entry, path) => {
        const sku = text(entry, path, 'SellerSKU', true);
        const shipped = quantity(entry, path, 'QuantityShipped', true);
        const received = quantity(entry, path, 'QuantityReceived', false);
        if (!sku || shipped === undefined || received === undefined) return undefined;
        return {
          shipmentId: text(entry, path, 'ShipmentId', false),
          item: {
            sku,
            fnsku: text(entry, path, 'FulfillmentNetworkSKU', false),
            quantityShipped: shipped,
            quantityReceived: received,
          },
        };
      });
    }
  });
  const given = options.shipmentId?.trim() || undefined;
  const named = [...new Set(read.flatMap(({ values }) => (values.shipmentId ? [values.shipmentId] : [])))];
  const known = given ?? (named.length === 1 ? named[0] : undefined);
  const rows: ParsedRow<ShipmentValues>[] = [];
  for (const { values, path } of read) {
    if (given && values.shipmentId && values.shipmentId !== given) {
      problems.push({
        line: 1,
        column: `${path}.ShipmentId`,
        message: `ShipmentId "${values.shipmentId}" is not the shipment given with the upload (${given})`,
      });
      continue;
    }
    const shipmentId = values.shipmentId ?? known;
    if (!shipmentId) {
      problems.push({
        line: 1,
        column: `${path}.ShipmentId`,
        message:
          named.length === 0
            ? 'ShipmentId is missing and nothing in the file names the shipment: give the shipment id with the upload (shipmentId, or --shipment-id), or put its getShipments body in the same file'
            : `ShipmentId is missing and the file holds ${named.length} shipments (${named.slice(0, 3).join(', ')}${named.length > 3 ? '…' : ''}): an item that does not name its shipment can only be read in a file of one shipment`,
      });
      continue;
    }
    rows.push(toParsedRow({ ...values, shipmentId }));
  }
  return { rows, problems };
}
