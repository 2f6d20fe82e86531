// REPORTS.md section 5: inbound shipments, as Reclaim's tab-separated file and as the SP-API getShipments and
// getShipmentItems JSON bodies.
import { describe, expect, it } from 'vitest';
import {
  inboundShipmentsFormat,
  looksLikeJson,
  readInboundShipmentsJson,
  SHIPMENT_STATUSES,
} from '../../../src/domain/reports/inbound-shipments.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

const HEADER = sampleHeader('inbound-shipments.tsv');

function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
  const { rows, problems } = readTsv(
    inboundShipmentsFormat,
    tsv(header, { ...sampleRow('inbound-shipments.tsv', 2), ...overrides }),
  );
  return { row: rows[0], problems };
}

describe('inbound shipments file: values of the sample file', () => {
  it('reads both shipment items of inbound-shipments.tsv', () => {
    const { rows, problems } = readTsv(inboundShipmentsFormat, sample('inbound-shipments.tsv'));
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      {
        shipmentId: 'FBA15ABCDE1',
        name: 'Spring restock',
        status: 'CLOSED',
        destinationFulfillmentCenterId: 'ONT8',
        closedDate: '2025-05-10',
        item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 24, quantityReceived: 20 },
      },
      {
        shipmentId: 'FBA15ABCDE2',
        name: 'June restock',
        status: 'RECEIVING',
        destinationFulfillmentCenterId: 'ONT8',
        closedDate: undefined,
        item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 12, quantityReceived: 6 },
      },
    ]);
    expect(rows.map((row) => row.identity)).toEqual([
      ['FBA15ABCDE1', 'SKU-BAG-03'],
      ['FBA15ABCDE2', 'SKU-BAG-03'],
    ]);
    expect(rows[0]?.product).toEqual({ sku: 'SKU-BAG-03', fnsku: 'X00BAG0003' });
  });
});

describe('inbound shipments file: statuses are validated', () => {
  it.each(SHIPMENT_STATUSES)('accepts %s', (status) => {
    expect(readOne({ ShipmentStatus: status }).row?.values.status).toBe(status);
  });

  it.each([
    ['closed', 'CLOSED'],
    ['In Transit', 'IN_TRANSIT'],
    ['checked-in', 'CHECKED_IN'],
  ])('reads %j as %s', (text, status) => {
    expect(readOne({ ShipmentStatus: text }).row?.values.status).toBe(status);
  });

  it('reports a status that is not one of REPORTS.md', () => {
    const { row, problems } = readOne({ ShipmentStatus: 'LOST_IN_SPACE' });
    expect(row).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 'ShipmentStatus' });
    expect(problems[0]?.message).toContain('"LOST_IN_SPACE" is not a shipment status');
  });

  it('reports an empty status', () => {
    const { row, problems } = readOne({ ShipmentStatus: '' });
    expect(row).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'ShipmentStatus', message: 'ShipmentStatus is empty' }]);
  });
});

describe('inbound shipments file: quantities and the closed date', () => {
  it('refuses a negative quantity', () => {
    const { row, problems } = readOne({ QuantityReceived: '-1' });
    expect(row).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'QuantityReceived', message: 'a quantity cannot be negative' }]);
  });

  it('reports an unreadable closed date', () => {
    const { row, problems } = readOne({ ClosedDate: '2025-02-30' });
    expect(row).toBeUndefined();
    expect(problems).toEqual([{ line: 2, column: 'ClosedDate', message: '"2025-02-30" is not a date' }]);
  });

  it('reads a file without the optional ClosedDate column', () => {
    const { row, problems } = readOne(
      {},
      HEADER.filter((name) => name !== 'ClosedDate'),
    );
    expect(problems).toEqual([]);
    expect(row?.values.closedDate).toBeUndefined();
  });

  it('reads the spaced column names', () => {
    const header = ['Shipment ID', 'Shipment Status', 'Seller SKU', 'Units Shipped', 'Units Received', 'Closed Date'];
    const { rows, problems } = readTsv(
      inboundShipmentsFormat,
      `${header.join('\t')}\nFBA1\tclosed\tSKU-1\t5\t3\t2025-05-10\n`,
    );
    expect(problems).toEqual([]);
    expect(rows[0]?.values).toMatchObject({
      shipmentId: 'FBA1',
      status: 'CLOSED',
      closedDate: '2025-05-10',
      item: { sku: 'SKU-1', quantityShipped: 5, quantityReceived: 3 },
    });
  });
});

const SHIPMENTS_BODY = {
  payload: {
    ShipmentData: [
      {
        ShipmentId: 'FBA15ABCDE1',
        ShipmentName: 'Spring restock',
        ShipFromAddress: { Name: 'Seller', AddressLine1: '1 Main St', City: 'Phoenix', CountryCode: 'US' },
        DestinationFulfillmentCenterId: 'ONT8',
        ShipmentStatus: 'CLOSED',
        LabelPrepType: 'SELLER_LABEL',
        AreCasesRequired: false,
      },
      { ShipmentId: 'FBA15ABCDE2', ShipmentName: 'June restock', ShipmentStatus: 'RECEIVING' },
    ],
    NextToken: 'abc',
  },
};

const ITEMS_BODY = {
  payload: {
    ItemData: [
      {
        ShipmentId: 'FBA15ABCDE1',
        SellerSKU: 'SKU-BAG-03',
        FulfillmentNetworkSKU: 'X00BAG0003',
        QuantityShipped: 24,
        QuantityReceived: 20,
        QuantityInCase: 0,
      },
    ],
  },
};

describe('inbound shipments JSON: getShipments and getShipmentItems bodies', () => {
  it('recognises JSON by its first character, after a BOM and spaces', () => {
    expect(looksLikeJson('{"payload":{}}')).toBe(true);
    expect(looksLikeJson('\uFEFF  \n[{}]')).toBe(true);
    expect(looksLikeJson('ShipmentId\tShipmentStatus')).toBe(false);
  });

  it('reads the shipments of a getShipments body', () => {
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(SHIPMENTS_BODY));
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      {
        shipmentId: 'FBA15ABCDE1',
        name: 'Spring restock',
        status: 'CLOSED',
        destinationFulfillmentCenterId: 'ONT8',
      },
      {
        shipmentId: 'FBA15ABCDE2',
        name: 'June restock',
        status: 'RECEIVING',
        destinationFulfillmentCenterId: undefined,
      },
    ]);
    expect(rows[0]?.identity).toEqual(['FBA15ABCDE1', undefined]);
    expect(rows[0]?.product).toBeUndefined();
  });

  it('reads the items of a getShipmentItems body', () => {
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(ITEMS_BODY));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        values: {
          shipmentId: 'FBA15ABCDE1',
          item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 24, quantityReceived: 20 },
        },
        identity: ['FBA15ABCDE1', 'SKU-BAG-03'],
        product: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003' },
      },
    ]);
  });

  it('reads a body without its payload wrapper', () => {
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(ITEMS_BODY.payload));
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.identity)).toEqual([['FBA15ABCDE1', 'SKU-BAG-03']]);
    const shipments = readInboundShipmentsJson(JSON.stringify(SHIPMENTS_BODY.payload));
    expect(shipments.rows).toHaveLength(2);
  });

  it('reads an array of bodies, one per page, and a BOM before it', () => {
    const { rows, problems } = readInboundShipmentsJson(`\uFEFF${JSON.stringify([SHIPMENTS_BODY, ITEMS_BODY])}`);
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.identity)).toEqual([
      ['FBA15ABCDE1', undefined],
      ['FBA15ABCDE2', undefined],
      ['FBA15ABCDE1', 'SKU-BAG-03'],
    ]);
  });

  it('reads the status of a shipment as REPORTS.md spells it', () => {
    const body = { payload: { ShipmentData: [{ ShipmentId: 'FBA1', ShipmentStatus: 'in_transit' }] } };
    expect(readInboundShipmentsJson(JSON.stringify(body)).rows[0]?.values.status).toBe('IN_TRANSIT');
  });
});

describe('inbound shipments JSON: problems name the JSON path of the value, on line 1', () => {
  it('refuses an SP-API error body', () => {
    const body = { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] };
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 'errors' });
    expect(problems[0]?.message).toContain('SP-API error');
    expect(problems[0]?.message).toContain('Unauthorized');
  });

  it('reports each missing or bad field of an item with its path', () => {
    const body = {
      payload: { ItemData: [ITEMS_BODY.payload.ItemData[0], { ShipmentId: 'FBA1', QuantityShipped: 2.5 }] },
    };
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
    expect(rows).toHaveLength(1);
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [1, 'payload.ItemData[1].SellerSKU'],
      [1, 'payload.ItemData[1].QuantityShipped'],
      [1, 'payload.ItemData[1].QuantityReceived'],
    ]);
    expect(problems[0]?.message).toBe('SellerSKU is missing');
    expect(problems[1]?.message).toContain('2.5');
  });

  it('reports a shipment without an id and one with an unknown status', () => {
    const body = { ShipmentData: [{ ShipmentStatus: 'CLOSED' }, { ShipmentId: 'FBA2', ShipmentStatus: 'GONE' }] };
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
    expect(rows).toEqual([]);
    expect(problems.map((problem) => problem.column)).toEqual([
      'ShipmentData[0].ShipmentId',
      'ShipmentData[1].ShipmentStatus',
    ]);
    expect(problems[1]?.message).toContain('"GONE" is not a shipment status');
  });

  it('refuses a negative quantity', () => {
    const body = { payload: { ItemData: [{ ...ITEMS_BODY.payload.ItemData[0], QuantityReceived: -1 }] } };
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
    expect(rows).toEqual([]);
    expect(problems.map((problem) => problem.column)).toEqual(['payload.ItemData[0].QuantityReceived']);
  });

  it('names the page of an array of bodies in the path', () => {
    const broken = { payload: { ItemData: [{ ShipmentId: 'FBA1', QuantityShipped: 1, QuantityReceived: 1 }] } };
    const { problems } = readInboundShipmentsJson(JSON.stringify([ITEMS_BODY, broken]));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(1);
    // The page index comes first; whether a dot follows it is a matter of style.
    expect(problems[0]?.column).toMatch(/^\[1\]\.?payload\.ItemData\[0\]\.SellerSKU$/);
  });

  it('refuses a body that is neither getShipments nor getShipmentItems', () => {
    const { rows, problems } = readInboundShipmentsJson(JSON.stringify({ payload: { Other: [] } }));
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toContain('ShipmentData');
  });

  it('refuses a page that is not an object and an item that is not an object', () => {
    const { problems } = readInboundShipmentsJson(JSON.stringify([5, { ItemData: ['x'] }]));
    expect(problems.map((problem) => problem.line)).toEqual([1, 1]);
    expect(problems[0]?.column).toBe('[0]');
    expect(problems[1]?.column).toMatch(/^\[1\]\.?ItemData\[0\]$/);
  });

  it('refuses text that is not JSON', () => {
    const { rows, problems } = readInboundShipmentsJson('{"payload": ');
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toContain('not valid JSON');
  });
});
