// spec/samples/EXPECTED.md, "Removals" (docs/rules.md section 10): every number, through the GraphQL API.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import {
  expectRemovalRows,
  MissingView,
  MUG_RECEIPT,
  PayoutView,
  RecordReceipt,
  usd,
} from '../support/expected-samples.js';
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

const AS_OF = SAMPLES_AS_OF;
const REMOVAL_FILES = ['removal-orders.tsv', 'removal-shipments.tsv'];
const SAMPLES = path.resolve(import.meta.dirname, '../../spec/samples');

const Shipments = graphql(`
  query RemovalShipments($awaitingReceipt: Boolean, $asOf: DateTime, $first: Int, $after: String) {
    removalShipments(awaitingReceipt: $awaitingReceipt, asOf: $asOf, first: $first, after: $after) {
      edges { cursor node { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RemovalEvidence = graphql(`
  query RemovalEvidence($sku: String!, $asOf: DateTime) {
    product(sku: $sku, asOf: $asOf) {
      evidence(type: REMOVAL) { type date units state deadline source reference }
    }
  }
`);

const SetPolicy = graphql(`
  mutation SetRemovalPolicy($input: SettingsInput!) {
    updateSettings(input: $input) {
      __typename
      ... on UpdateSettingsSuccess { account { policy { type inTransit waitDays deadlineDays isDefault } } }
      ... on Error { code message }
    }
  }
`);

describe('EXPECTED.md Removals: the six files, both removal files and one receipt (NA, asOf 2025-06-15)', () => {
  let server: TestServer;
  let token: string;

  async function view() {
    const result = await gql(server, MissingView, { asOf: AS_OF, first: 50 }, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function waiting() {
    const result = await gql(server, Shipments, { awaitingReceipt: true, asOf: AS_OF }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.removalShipments.edges.map((edge) => edge.node);
  }

  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Removal Seller', 'NA');
    for (const file of [...SAMPLE_FILES, ...REMOVAL_FILES])
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('recognises both files by their header and reads every row', async () => {
    const orders = member(
      (await uploadSample(server, token, 'removal-orders.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    expect(orders.import).toMatchObject({ kind: 'REMOVAL_ORDERS', rows: 4, inserted: 0, duplicates: 4 });
    const shipments = member(
      (await uploadSample(server, token, 'removal-shipments.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    expect(shipments.import).toMatchObject({ kind: 'REMOVAL_SHIPMENTS', rows: 2, inserted: 0, duplicates: 2 });
  });

  it('reads the same reports gzip-compressed or comma-separated: every row a duplicate of the TSV', async () => {
    for (const name of REMOVAL_FILES) {
      const text = await readFile(path.join(SAMPLES, name), 'utf8');
      const shapes = [
        { name: `${name}.gz`, content: gzipSync(text) },
        { name: name.replace('.tsv', '.csv'), content: text.replaceAll('\t', ',') },
      ];
      for (const shape of shapes) {
        const outcome = member(
          (await upload(server, token, shape, ImportReport, {})).data?.importReport,
          'ImportReportSuccess',
        ).import;
        expect(outcome.kind, shape.name).toBe(name === 'removal-orders.tsv' ? 'REMOVAL_ORDERS' : 'REMOVAL_SHIPMENTS');
        expect(outcome.inserted + outcome.updated, shape.name).toBe(0);
        expect(outcome.duplicates, shape.name).toBe(outcome.rows);
      }
    }
  });

  it('before any receipt: LAMP has its 2 units lost before shipping, both shipments wait for a receipt', async () => {
    const data = await view();
    const mug = data.missingProducts.edges.find((edge) => edge.node.sku === 'SKU-MUG-01')!.node;
    expect(mug.byType.map((row) => row.type)).toEqual(['LOST']);
    expect((await waiting()).map((shipment) => shipment.trackingNumber)).toEqual(['1Z0002', '1Z0001']);
  });

  it('refuses a receipt of more units than shipped, and one for a shipment it does not know', async () => {
    const more = await gql(server, RecordReceipt, { input: { ...MUG_RECEIPT, receivedUnits: 4 } }, token);
    expect(member(more.data?.recordRemovalReceipt, 'DomainError')).toMatchObject({ code: 'INVALID_INPUT' });
    const unknown = await gql(server, RecordReceipt, { input: { ...MUG_RECEIPT, trackingNumber: '1Z9999' } }, token);
    expect(member(unknown.data?.recordRemovalReceipt, 'DomainError')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a second receipt replaces the first', async () => {
    const first = await gql(server, RecordReceipt, { input: { ...MUG_RECEIPT, receivedUnits: 0 } }, token);
    expect(member(first.data?.recordRemovalReceipt, 'RecordRemovalReceiptSuccess').shipment.receivedUnits).toBe(0);
    const mugRemoval = async () =>
      (await view()).missingProducts.edges
        .find((edge) => edge.node.sku === 'SKU-MUG-01')!
        .node.byType.find((row) => row.type === 'REMOVAL')?.missingUnits;
    expect(await mugRemoval()).toBe(3);
    const second = await gql(server, RecordReceipt, { input: MUG_RECEIPT }, token);
    expect(member(second.data?.recordRemovalReceipt, 'RecordRemovalReceiptSuccess').shipment).toEqual({
      orderId: 'RMV-0002',
      trackingNumber: '1Z0002',
      carrier: 'UPS',
      shipmentDate: '2025-05-22T10:00:00.000Z',
      product: { sku: 'SKU-MUG-01' },
      shippedUnits: 3,
      receivedUnits: 2,
    });
    expect(await mugRemoval()).toBe(1);
  });

  it('gives the rows, the order and the totals of EXPECTED.md', async () => {
    expectRemovalRows(await view());
  });

  it('gives the expected payouts: LAMP 45.00 and MUG 5.10 for their REMOVAL units (MANUFACTURING_COST), 145.28 USD in all', async () => {
    const result = await gql(server, PayoutView, { asOf: AS_OF }, token);
    expect(result.errors).toBeUndefined();
    const removal = (sku: string) =>
      result
        .data!.missingProducts.edges.find((edge) => edge.node.sku === sku)!
        .node.byType.find((row) => row.type === 'REMOVAL');
    expect(removal('SKU-LAMP-02')).toEqual({
      type: 'REMOVAL',
      expectedPayout: usd('45.00'),
      payoutBasis: 'MANUFACTURING_COST',
    });
    expect(removal('SKU-MUG-01')).toEqual({
      type: 'REMOVAL',
      expectedPayout: usd('5.10'),
      payoutBasis: 'MANUFACTURING_COST',
    });
    expect(result.data!.viewer.totals.expectedPayout).toEqual([usd('145.28')]);
  });

  it('shows the evidence of each REMOVAL event with its own window', async () => {
    const lamp = await gql(server, RemovalEvidence, { sku: 'SKU-LAMP-02', asOf: AS_OF }, token);
    expect(lamp.data!.product!.evidence).toEqual([
      {
        type: 'REMOVAL',
        date: '2025-05-20',
        units: 2,
        state: 'CLAIMABLE',
        deadline: '2025-07-19',
        source: 'REMOVAL_ORDER',
        reference: 'RMV-0001',
      },
    ]);
    const mug = await gql(server, RemovalEvidence, { sku: 'SKU-MUG-01', asOf: AS_OF }, token);
    expect(mug.data!.product!.evidence).toEqual([
      {
        type: 'REMOVAL',
        date: '2025-05-22',
        units: 1,
        state: 'CLAIMABLE',
        deadline: '2025-08-05',
        source: 'REMOVAL_SHIPMENT',
        reference: 'RMV-0002',
      },
    ]);
    // Claimable from day 15 after the shipment: waiting the day before.
    const before = await gql(server, RemovalEvidence, { sku: 'SKU-MUG-01', asOf: '2025-06-05T00:00:00Z' }, token);
    expect(before.data!.product!.evidence[0]!.state).toBe('WAITING');
  });

  it('lists shipment 1Z0001 as waiting for a receipt, and 1Z0002 as received', async () => {
    expect(await waiting()).toEqual([
      {
        orderId: 'RMV-0001',
        trackingNumber: '1Z0001',
        carrier: 'UPS',
        shipmentDate: '2025-05-18T10:00:00.000Z',
        product: { sku: 'SKU-LAMP-02' },
        shippedUnits: 3,
        receivedUnits: null,
      },
    ]);
    const received = await gql(server, Shipments, { awaitingReceipt: false }, token);
    expect(received.data!.removalShipments.edges.map((edge) => edge.node.trackingNumber)).toEqual(['1Z0002']);
    // Past the 75 days of the in-transit window it is no longer asked for.
    const late = await gql(server, Shipments, { awaitingReceipt: true, asOf: '2025-08-02T00:00:00Z' }, token);
    expect(late.data!.removalShipments.edges).toEqual([]);
    // Every shipment, the most recent first, a page at a time.
    const page = await gql(server, Shipments, { first: 1 }, token);
    expect(page.data!.removalShipments.edges.map((edge) => edge.node.trackingNumber)).toEqual(['1Z0002']);
    expect(page.data!.removalShipments.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      server,
      Shipments,
      { first: 1, after: page.data!.removalShipments.pageInfo.endCursor },
      token,
    );
    expect(next.data!.removalShipments.edges.map((edge) => edge.node.trackingNumber)).toEqual(['1Z0001']);
    expect(next.data!.removalShipments.pageInfo.hasNextPage).toBe(false);
  });

  it('changes no number when every file is imported a second time', async () => {
    const before = await view();
    for (const file of [...SAMPLE_FILES, ...REMOVAL_FILES]) {
      const outcome = member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
      expect(outcome.import.inserted + outcome.import.updated, file).toBe(0);
    }
    expect(await view()).toEqual(before);
    expectRemovalRows(before);
  });

  it('updates an order row Amazon rewrote, and ignores an older version of it', async () => {
    const header =
      'request-date\torder-id\torder-source\torder-type\tservice-speed\torder-status\tlast-updated-date\tsku\tfnsku\tdisposition\trequested-quantity\tcancelled-quantity\tdisposed-quantity\tshipped-quantity\tin-process-quantity\tremoval-fee\tcurrency';
    const row = (updated: string, shipped: number) =>
      `2025-05-01T10:00:00+00:00\tRMV-0001\tSeller-initiated Manual Removal\tReturn\tStandard\tCompleted\t${updated}\tSKU-LAMP-02\tX00LAMP002\tUnsellable\t5\t0\t0\t${shipped}\t0\t2.50\tUSD`;
    const send = async (name: string, lines: string[]) =>
      member(
        (await upload(server, token, { name, content: `${header}\n${lines.join('\n')}\n` }, ImportReport, {})).data
          ?.importReport,
        'ImportReportSuccess',
      ).import;
    // An older version (before the completion): not applied.
    expect(await send('older.tsv', [row('2025-05-15T10:00:00+00:00', 0)])).toMatchObject({
      kind: 'REMOVAL_ORDERS',
      inserted: 0,
      updated: 0,
      duplicates: 1,
    });
    const lampRemoval = async () =>
      (await view()).missingProducts.edges
        .find((edge) => edge.node.sku === 'SKU-LAMP-02')!
        .node.byType.find((row) => row.type === 'REMOVAL');
    expect(await lampRemoval()).toMatchObject({ missingUnits: 2 });
    // A later version, with the newer file's order-source column: one more unit shipped, completed two days later.
    expect(await send('newer.tsv', [row('2025-05-22T10:00:00+00:00', 4)])).toMatchObject({ inserted: 0, updated: 1 });
    expect(await lampRemoval()).toMatchObject({ missingUnits: 1, claimableUnits: 1, nextDeadline: '2025-07-21' });
    const totals = (await view()).viewer.totals;
    expect(totals).toMatchObject({ missingUnits: 13, claimableUnits: 11 });
  });

  it('lets the account set the in-transit window apart from the other REMOVAL window', async () => {
    const set = await gql(
      server,
      SetPolicy,
      { input: { policy: [{ type: 'REMOVAL', inTransit: true, waitDays: 20, deadlineDays: 90 }] } },
      token,
    );
    const policy = member(set.data?.updateSettings, 'UpdateSettingsSuccess').account.policy;
    expect(policy.filter((window) => window.type === 'REMOVAL')).toEqual([
      { type: 'REMOVAL', inTransit: false, waitDays: 0, deadlineDays: 60, isDefault: true },
      { type: 'REMOVAL', inTransit: true, waitDays: 20, deadlineDays: 90, isDefault: false },
    ]);
    const deadlines = async (sku: string) =>
      (await gql(server, RemovalEvidence, { sku, asOf: AS_OF }, token)).data!.product!.evidence.map((line) => [
        line.state,
        line.deadline,
      ]);
    // MUG's shipment of 2025-05-22: waiting until day 20, deadline day 90; LAMP's order keeps its 60 days.
    expect(await deadlines('SKU-MUG-01')).toEqual([['CLAIMABLE', '2025-08-20']]);
    expect(await deadlines('SKU-LAMP-02')).toEqual([['CLAIMABLE', '2025-07-21']]);
    const refused = await gql(
      server,
      SetPolicy,
      { input: { policy: [{ type: 'LOST', inTransit: true, waitDays: 1, deadlineDays: 2 }] } },
      token,
    );
    expect(member(refused.data?.updateSettings, 'DomainError').code).toBe('INVALID_POLICY');
  });
});
