// Issue 21: the removal receipts file (Reclaim's own, docs/reports.md): each row records what arrived of one SKU of a
// removal shipment, as recordRemovalReceipt does; a row the shipments cannot take refuses the file, by its line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRemovalRows, MissingView } from '../support/expected-samples.js';
import {
  gql,
  ImportReport,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  upload,
  uploadSample,
} from '../support/server.js';

const HEADER = 'order-id\ttracking-number\tsku\treceived-quantity';
const receipts = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

describe('the removal receipts file', () => {
  let server: TestServer;
  let token: string;

  const send = (content: string, name = 'receipts.tsv', kind?: 'REMOVAL_RECEIPTS' | 'REMOVAL_SHIPMENTS') =>
    upload(server, token, { name, content }, ImportReport, kind ? { kind } : {});

  async function mugInTransit() {
    const result = await gql(server, MissingView, { asOf: SAMPLES_AS_OF, first: 50 }, token);
    expect(result.errors).toBeUndefined();
    const mug = result.data!.missingProducts.edges.find((edge) => edge.node.sku === 'SKU-MUG-01')!.node;
    return mug.byType.find((row) => row.type === 'REMOVAL')?.missingUnits ?? 0;
  }

  async function receivedOf(trackingNumber: string) {
    const rows = await server.database.db.sql.query<{ received_units: number }>(
      'SELECT received_units FROM removal_receipt WHERE tracking_number = $1',
      [trackingNumber],
    );
    return rows.map((row) => row.received_units);
  }

  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Receipts Seller', 'NA');
    for (const file of [...SAMPLE_FILES, 'removal-orders.tsv', 'removal-shipments.tsv']) {
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
    }
  });
  afterAll(() => server.close());

  it('is recognised by its header and records each row as a receipt: the numbers of EXPECTED.md Removals follow', async () => {
    const outcome = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t2'))).data?.importReport,
      'ImportReportSuccess',
    );
    expect(outcome.import).toMatchObject({ kind: 'REMOVAL_RECEIPTS', status: 'SUCCEEDED', rows: 1, inserted: 1 });
    const result = await gql(server, MissingView, { asOf: SAMPLES_AS_OF, first: 50 }, token);
    expectRemovalRows(result.data!);
  });

  it('counts the same receipt again as a duplicate, and changes no number', async () => {
    const again = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t2'))).data?.importReport,
      'ImportReportSuccess',
    );
    expect(again.import).toMatchObject({ rows: 1, inserted: 0, updated: 0, duplicates: 1 });
    expect(await mugInTransit()).toBe(1);
  });

  it('replaces a receipt by a later one: a later row of the file, or a later file (comma-separated, other spellings)', async () => {
    const twice = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t1', 'RMV-0002\t1Z0002\tSKU-MUG-01\t0'))).data?.importReport,
      'ImportReportSuccess',
    );
    // The first row gave way to the second: one duplicate, one update to 0 received.
    expect(twice.import).toMatchObject({ rows: 2, inserted: 0, updated: 1, duplicates: 1 });
    expect(await receivedOf('1Z0002')).toEqual([0]);
    expect(await mugInTransit()).toBe(3);
    const csv = 'removal-order-id,tracking-number,seller-sku,received-units\nRMV-0002,1Z0002,SKU-MUG-01,2\n';
    const back = member((await send(csv, 'receipts.csv')).data?.importReport, 'ImportReportSuccess');
    expect(back.import).toMatchObject({ kind: 'REMOVAL_RECEIPTS', rows: 1, updated: 1 });
    expect(await mugInTransit()).toBe(1);
  });

  it('refuses a file with more received than shipped, by its line, and records none of its rows', async () => {
    const refused = member(
      (await send(receipts('RMV-0001\t1Z0001\tSKU-LAMP-02\t3', 'RMV-0002\t1Z0002\tSKU-MUG-01\t4'))).data?.importReport,
      'ImportRefusedError',
    );
    expect(refused.errors).toEqual([
      {
        line: 3,
        column: 'received-quantity',
        message:
          'shipment 1Z0002 of removal order RMV-0002, SKU SKU-MUG-01: 4 units received is more than the 3 shipped; check the order, tracking number and SKU',
      },
    ]);
    expect(refused.message).toContain('line 3');
    // Line 2 was good, but a refused file is refused whole: 1Z0001 still waits for its receipt.
    expect(await receivedOf('1Z0001')).toEqual([]);
    expect(await receivedOf('1Z0002')).toEqual([2]);
  });

  it('refuses a row naming a shipment never imported, or a SKU the shipment does not hold, saying what to check', async () => {
    const refused = member(
      (
        await send(
          receipts(
            'RMV-0002\t1Z9999\tSKU-MUG-01\t1',
            'RMV-0001\t1Z0001\tSKU-NOT-THERE\t1',
            'RMV-0001\t1Z0001\tSKU-MUG-01\t1',
          ),
        )
      ).data?.importReport,
      'ImportRefusedError',
    );
    expect(refused.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'tracking-number'],
      [3, 'tracking-number'],
      [4, 'tracking-number'],
    ]);
    expect(refused.errors[0]!.message).toBe(
      'there is no shipment 1Z9999 of removal order RMV-0002 with SKU SKU-MUG-01 in the imported removal shipments: import the Removal Shipment Detail report first, or check the order, tracking number and SKU',
    );
    expect(refused.message).toMatch(
      /^line 2, column tracking-number: there is no shipment 1Z9999 .* \(and 2 more problems\)$/,
    );
  });

  it('refuses a negative or unreadable quantity when the file is read, before any shipment is looked at', async () => {
    const refused = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t-1', 'RMV-0002\t1Z0002\tSKU-MUG-01\ttwo'))).data
        ?.importReport,
      'ImportRefusedError',
    );
    expect(refused.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'received-quantity'],
      [3, 'received-quantity'],
    ]);
    expect(await receivedOf('1Z0002')).toEqual([2]);
  });

  it('is taken when the upload names its kind, and is not mistaken for the Removal Shipment Detail report', async () => {
    const named = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t2'), 'my-receipts.txt', 'REMOVAL_RECEIPTS')).data
        ?.importReport,
      'ImportReportSuccess',
    );
    expect(named.import).toMatchObject({ kind: 'REMOVAL_RECEIPTS', duplicates: 1 });
    const wrong = member(
      (await send(receipts('RMV-0002\t1Z0002\tSKU-MUG-01\t2'), 'receipts.tsv', 'REMOVAL_SHIPMENTS')).data?.importReport,
      'ImportRefusedError',
    );
    expect(wrong.message).toContain('the file is the Removal receipts report, not the Removal Shipment Detail');
  });
});
