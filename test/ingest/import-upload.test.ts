// Importing the Amazon files through the GraphQL upload (docs/reports.md; issue: ingestion of all six kinds).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import {
  gql,
  ImportReport,
  member,
  SAMPLE_ROWS,
  SAMPLES,
  startServer,
  type TestServer,
  upload,
  uploadSample,
} from '../support/server.js';

const ProductBySku = graphql(`
  query ProductBySku($sku: String!) {
    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }
  }
`);

const RecentImports = graphql(`
  query RecentImports($first: Int) {
    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }
  }
`);

const EverythingOfAnAccount = graphql(`
  query EverythingOfAnAccount {
    imports(first: 50) { edges { node { id } } }
    product(sku: "SKU-MUG-01") { sku }
    products(first: 10) { edges { node { sku } } }
  }
`);

/** Everything an import can change, to show that a refused file changed nothing. */
async function snapshot(server: TestServer) {
  const { db } = server.database;
  const counts = await db.sql.query(
    `SELECT (SELECT count(*) FROM ledger_entry) AS ledger, (SELECT count(*) FROM reimbursement) AS reimbursements,
            (SELECT count(*) FROM customer_return) AS returns, (SELECT count(*) FROM settlement_row) AS settlements,
            (SELECT count(*) FROM shipment_item) AS shipment_items, (SELECT count(*) FROM import_file) AS stored_chunks`,
  );
  const products = await db.sql.query('SELECT sku, fnsku, asin, title, purchase_cost::text FROM product ORDER BY sku');
  const shipments = await db.sql.query('SELECT shipment_id, status, closed_date FROM shipment ORDER BY shipment_id');
  return { counts, products, shipments };
}

describe('importing the sample files through GraphQL', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = await server.account();
  });
  afterAll(() => server.close());

  it('imports each sample file with its kind recognised from the header and every row counted', async () => {
    for (const [name, expected] of Object.entries(SAMPLE_ROWS)) {
      const result = await uploadSample(server, token, name);
      expect(result.status, name).toBe(200);
      const outcome = member(result.data?.importReport, 'ImportReportSuccess');
      expect(outcome.import).toMatchObject({
        kind: expected.kind,
        fileName: name,
        status: 'SUCCEEDED',
        rows: expected.rows,
      });
      expect(outcome.import.inserted + outcome.import.updated, name).toBe(expected.rows);
      expect(outcome.import.duplicates, name).toBe(0);
    }
  });

  it('inserts nothing the second time and counts every row as a duplicate', async () => {
    const before = await snapshot(server);
    for (const [name, expected] of Object.entries(SAMPLE_ROWS)) {
      const outcome = member((await uploadSample(server, token, name)).data?.importReport, 'ImportReportSuccess');
      expect(outcome.import, name).toMatchObject({
        status: 'SUCCEEDED',
        rows: expected.rows,
        inserted: 0,
        updated: 0,
        duplicates: expected.rows,
      });
    }
    const after = await snapshot(server);
    expect({ ...after, counts: { ...after.counts[0], stored_chunks: 0 } }).toEqual({
      ...before,
      counts: { ...before.counts[0], stored_chunks: 0 },
    });
  });

  it('creates and updates products from whatever file names them', async () => {
    const { data } = await gql(server, ProductBySku, { sku: 'SKU-MUG-01' }, token);
    expect(data!.product).toEqual({
      sku: 'SKU-MUG-01',
      fnsku: 'X00MUG0001',
      asin: 'B0MUG00001',
      title: 'Ceramic Mug 350ml',
      purchaseCost: { amount: '5.10', currency: 'USD' },
    });
  });

  it('lists the imports, newest first, with their counts', async () => {
    const { data } = await gql(server, RecentImports, { first: 3 }, token);
    expect(data!.imports.edges.map((edge) => edge.node.fileName)).toEqual([
      'removal-shipments.tsv',
      'removal-orders.tsv',
      'reimbursements-after-case.tsv',
    ]);
    expect(data!.imports.pageInfo.hasNextPage).toBe(true);
  });

  it("keeps one account's imports and products from another", async () => {
    const other = await server.account('Other Seller');
    const { data } = await gql(server, EverythingOfAnAccount, {}, other);
    expect(data).toEqual({ imports: { edges: [] }, product: null, products: { edges: [] } });
  });
});

describe('files in other encodings and shapes', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = await server.account();
  });
  afterAll(() => server.close());

  const ledgerHeader =
    'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time\n';

  async function title(sku: string): Promise<string | null> {
    const { data } = await gql(server, ProductBySku, { sku }, token);
    return data!.product?.title ?? null;
  }

  it('keeps the accented titles of a Windows-1252 file', async () => {
    const text = `${ledgerHeader}05/02/2025\tX00CAFE001\tB0CAFE0001\tSKU-CAFE\tCafetière à piston — 1 L, édition spéciale\tAdjustments\t200000000001\t-1\tCDG7\tSELLABLE\tM\tFR\t0\t1\t2025-05-02T10:00:00+0200\n`;
    const result = await upload(
      server,
      token,
      { name: 'ledger-fr.txt', content: iconv.encode(text, 'windows-1252') },
      ImportReport,
      {},
    );
    expect(member(result.data?.importReport, 'ImportReportSuccess').import).toMatchObject({
      status: 'SUCCEEDED',
      rows: 1,
      encoding: 'windows-1252',
    });
    expect(await title('SKU-CAFE')).toBe('Cafetière à piston — 1 L, édition spéciale');
  });

  it('reads UTF-8 with a byte-order mark, Shift_JIS, quoted fields and decimal commas', async () => {
    const bom = `\uFEFF${ledgerHeader}05/03/2025\tX00BOM0001\tB0BOM00001\tSKU-BOM\tÜbergröße Tasse\tAdjustments\t200000000002\t-1\tLEJ1\tSELLABLE\tM\tDE\t0\t1\t2025-05-03T10:00:00+0200\n`;
    const sjis = `${ledgerHeader}05/04/2025\tX00JP00001\tB0JP000001\tSKU-JP\t湯呑み 300ml\tAdjustments\t200000000003\t-1\tNRT1\tSELLABLE\tM\tJP\t0\t1\t2025-05-04T10:00:00+0900\n`;
    const quoted = `${ledgerHeader
      .trim()
      .split('\t')
      .map((cell) => `"${cell}"`)
      .join(
        '\t',
      )}\n"05/05/2025"\t"X00QT00001"\t"B0QT000001"\t"SKU-QUOTED"\t"Mug ""large"", tab\there"\t"Adjustments"\t"200000000004"\t"-1"\t"PHX7"\t"SELLABLE"\t"M"\t"US"\t"0"\t"1"\t"2025-05-05T10:00:00-0700"\n`;
    const costs = 'sku;cost;currency\n'.replaceAll(';', '\t') + 'SKU-BOM\t4,10\tEUR\nSKU-JP\t1.234,50\tJPY\n';
    for (const [name, content] of [
      ['bom.tsv', Buffer.from(bom, 'utf8')],
      ['sjis.tsv', iconv.encode(sjis, 'shift_jis')],
      ['quoted.tsv', Buffer.from(quoted, 'utf8')],
      ['costs.tsv', Buffer.from(costs, 'utf8')],
    ] as const) {
      const result = await upload(server, token, { name, content }, ImportReport, {});
      expect(result.data!.importReport.__typename, `${name}: ${JSON.stringify(result.data)}`).toBe(
        'ImportReportSuccess',
      );
    }
    expect(await title('SKU-BOM')).toBe('Übergröße Tasse');
    expect(await title('SKU-JP')).toBe('湯呑み 300ml');
    expect(await title('SKU-QUOTED')).toBe('Mug "large", tab\there');
    const euroCost = await gql(server, ProductBySku, { sku: 'SKU-BOM' }, token);
    const yenCost = await gql(server, ProductBySku, { sku: 'SKU-JP' }, token);
    expect(euroCost.data?.product?.purchaseCost).toEqual({ amount: '4.10', currency: 'EUR' });
    expect(yenCost.data?.product?.purchaseCost).toEqual({ amount: '1235', currency: 'JPY' });
  });

  it('reads a gzip-compressed file and the SP-API JSON bodies of inbound shipments', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync(await readFile(path.join(SAMPLES, 'customer-returns.tsv')));
    const gzResult = await upload(server, token, { name: 'returns.tsv.gz', content: gz }, ImportReport, {});
    expect(member(gzResult.data?.importReport, 'ImportReportSuccess').import).toMatchObject({
      kind: 'CUSTOMER_RETURNS',
      rows: 1,
      status: 'SUCCEEDED',
    });

    const shipments = {
      payload: {
        ShipmentData: [
          {
            ShipmentId: 'FBA15JSON001',
            ShipmentName: 'JSON restock',
            ShipmentStatus: 'CLOSED',
            DestinationFulfillmentCenterId: 'ONT8',
          },
        ],
      },
    };
    const items = {
      payload: {
        ItemData: [
          {
            ShipmentId: 'FBA15JSON001',
            SellerSKU: 'SKU-JSON',
            FulfillmentNetworkSKU: 'X00JSON001',
            QuantityShipped: 10,
            QuantityReceived: 7,
          },
        ],
      },
    };
    for (const [name, body] of [
      ['shipments.json', shipments],
      ['items.json', items],
    ] as const) {
      const result = await upload(server, token, { name, content: JSON.stringify(body) }, ImportReport, {});
      expect(member(result.data?.importReport, 'ImportReportSuccess').import, name).toMatchObject({
        kind: 'INBOUND_SHIPMENTS',
        status: 'SUCCEEDED',
        rows: 1,
      });
    }
    const [item] = await server.database.db.sql.query(
      "SELECT s.status, i.quantity_shipped, i.quantity_received FROM shipment s JOIN shipment_item i USING (account_id, shipment_id) WHERE s.shipment_id = 'FBA15JSON001'",
    );
    expect(item).toEqual({ status: 'CLOSED', quantity_shipped: 10, quantity_received: 7 });
  });
});
