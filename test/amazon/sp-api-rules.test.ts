// Issue 15: the sync against a fake that refuses what Amazon refuses. Each finding checked against Amazon's models,
// documentation and issue threads is a test here: getShipments without statuses, Finances windows over 180 days or
// ending less than two minutes before now, next tokens without their arguments, inbound items without ShipmentId or
// QuantityReceived, items that changed while their shipment's header did not, the deprecated MarketplaceId of
// getShipmentItemsByShipmentId, 403s whose reason is in `details`, long report windows, FATAL reports, documents
// without compression. Inbound SP-API JSON uploaded with the shipment its items do not name, too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpApiClient } from '../../src/amazon/client.js';
import { graphql } from '../gql/index.js';
import { closeFake, connectToFake, syncNow, waitForSync } from '../support/amazon.js';
import { expectRemovalNumbers } from '../support/expected-samples.js';
import { FakeSellingPartnerApi, MARKETPLACE_US, refundTransaction, saleTransaction } from '../support/fake-sp-api.js';
import {
  member,
  SAMPLE_ROWS,
  SAMPLES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  testConfig,
  upload,
  uploadSample,
} from '../support/server.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const ImportShipmentItems = graphql(`
  mutation ImportShipmentItems($file: File!, $shipmentId: String) {
    importReport(file: $file, shipmentId: $shipmentId) {
      __typename
      ... on ImportReportSuccess { import { status rows inserted } }
      ... on ImportRefusedError { code message errors { line column message } }
      ... on Error { code message }
    }
  }
`);

function serverFor(fake: FakeSellingPartnerApi, now: Date) {
  const amazon = { ...testConfig().amazon, lwaUrl: `${fake.url}/auth/o2/token`, spApiUrl: fake.url };
  return startServer({ now, amazon });
}

/** An access token of the fake, to ask it directly as any client would. */
async function accessToken(fake: FakeSellingPartnerApi): Promise<string> {
  const response = await fetch(`${fake.url}/auth/o2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: fake.refreshToken,
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function ask(fake: FakeSellingPartnerApi, path: string, query: Record<string, string>) {
  const response = await fetch(`${fake.url}${path}?${new URLSearchParams(query)}`, {
    headers: { 'x-amz-access-token': await accessToken(fake) },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function shipmentItem(server: TestServer, shipmentId: string) {
  const [row] = await server.database.db.sql.query<{ quantity_shipped: number; quantity_received: number }>(
    `SELECT i.quantity_shipped, i.quantity_received FROM shipment_item i JOIN product p ON p.id = i.product_id
     WHERE i.shipment_id = $1 AND p.sku = 'SKU-BAG-03'`,
    [shipmentId],
  );
  return row;
}

describe('the fake refuses what Amazon refuses', () => {
  const fake = new FakeSellingPartnerApi();
  beforeAll(() => fake.start());
  afterAll(() => closeFake(fake));

  it('getShipments by date range without ShipmentStatusList or ShipmentIdList: 400, as Amazon answers', async () => {
    const window = {
      QueryType: 'DATE_RANGE',
      MarketplaceId: MARKETPLACE_US,
      LastUpdatedAfter: '2025-01-01T00:00:00Z',
      LastUpdatedBefore: '2025-06-14T00:00:00Z',
    };
    const refused = await ask(fake, '/fba/inbound/v0/shipments', window);
    expect(refused).toMatchObject({ status: 400 });
    expect(JSON.stringify(refused.body)).toContain('At least one of ShipmentStatusList and ShipmentIdList');
    const answered = await ask(fake, '/fba/inbound/v0/shipments', { ...window, ShipmentStatusList: 'CLOSED' });
    expect(answered.status).toBe(200);
  });

  it('refuses what the model refuses: a parameter it lacks or marks deprecated, a value off its type or enum', async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['/fba/inbound/v0/shipments/FBA15ABCDE1/items', { MarketplaceId: MARKETPLACE_US }, /MarketplaceId is deprecated/],
      ['/reports/2021-06-30/reports', { reportTypes: 'X', pageSize: 'many' }, /pageSize: "many" is not of type/],
      ['/reports/2021-06-30/reports', { reportTypes: 'X', processingStatuses: 'READY' }, /allowed values/],
      [
        '/finances/2024-06-19/transactions',
        { postedAfter: '2025-01-01T00:00:00Z', MaxResultsPerPage: '100' },
        /not a parameter/,
      ],
      ['/fba/inbound/v0/shipmentItems', { QueryType: 'DATE_RANGE' }, /MarketplaceId is required/],
    ];
    for (const [path, query, message] of cases) {
      const answer = await ask(fake, path, query);
      expect(answer.status, path).toBe(400);
      expect((answer.body.errors as Array<{ message: string }>)[0]!.message, path).toMatch(message);
    }
    expect((await ask(fake, '/finances/v0/financialEvents', {})).status).toBe(404);
  });

  it('listTransactions: empty past 180 days, refused within two minutes of now, next tokens only with their arguments', async () => {
    const now = Date.now();
    fake.transactions = [1, 2].map((n) =>
      refundTransaction({
        orderId: `111-${n}`,
        postedDate: new Date(now - n * DAY_MS).toISOString(),
        sku: 'SKU-CAP-04',
        principal: -10,
      }),
    );
    const window = (days: number, endMinutes: number) => ({
      postedAfter: new Date(now - days * DAY_MS).toISOString(),
      postedBefore: new Date(now - endMinutes * MINUTE_MS).toISOString(),
    });
    const payload = (answer: { body: Record<string, unknown> }) =>
      answer.body.payload as { transactions: unknown[]; nextToken?: string };
    const path = '/finances/2024-06-19/transactions';
    expect(payload(await ask(fake, path, window(181, 3))).transactions).toEqual([]);
    expect((await ask(fake, path, window(10, 1))).status).toBe(400);
    const first = await ask(fake, path, window(10, 3));
    expect(payload(first).transactions).toHaveLength(1);
    const nextToken = payload(first).nextToken as string;
    expect((await ask(fake, path, { nextToken })).status).toBe(400);
    expect(payload(await ask(fake, path, { ...window(10, 3), nextToken })).transactions).toHaveLength(1);
  });

  it('getReports with nextToken and anything else: 400', async () => {
    const answer = await ask(fake, '/reports/2021-06-30/reports', { nextToken: 'abc', pageSize: '10' });
    expect(answer.status).toBe(400);
  });
});

describe('the sync as Amazon answers: inbound shipments and report slices', () => {
  const fake = new FakeSellingPartnerApi();
  let server: TestServer;
  let token: string;
  let first: Awaited<ReturnType<typeof waitForSync>>;

  beforeAll(async () => {
    await fake.start();
    fake.grantedRates = { createReport: 5, getReportDocument: 5, getReports: 5 };
    // Both shipments' headers last changed in March; the RECEIVING one's items long before the first sync's window.
    fake.updateShipment('FBA15ABCDE1', {}, '2025-03-01T00:00:00Z');
    fake.updateShipment('FBA15ABCDE2', {}, '2025-03-01T00:00:00Z');
    fake.updateItem('FBA15ABCDE2', 'SKU-BAG-03', {}, '2023-01-01T00:00:00Z');
    // A ledger row dated on the edge between two 90-day slices (17 March 2025) comes in both: counted once.
    const ledger = (await import('node:fs')).readFileSync(`${SAMPLES}/ledger.tsv`, 'utf8');
    const edge =
      '03/17/2025\tX00MUG0001\tB0MUG00001\tSKU-MUG-01\tCeramic Mug 350ml\tShipments\t111-0000099-0000099\t-1\tPHX7\tSELLABLE\t\tUS\t0\t0\t2025-03-17T00:00:00Z';
    fake.texts.GET_LEDGER_DETAIL_VIEW_DATA = `${ledger.trimEnd()}\n${edge}\n`;
    // Amazon serves some documents without compression.
    fake.uncompressed.add('GET_FBA_REIMBURSEMENTS_DATA');
    server = await serverFor(fake, new Date(SAMPLES_AS_OF));
    token = await server.account('Strict Seller', 'NA');
    member((await uploadSample(server, token, 'product-costs.tsv')).data?.importReport, 'ImportReportSuccess');
    await connectToFake(server, token, fake);
    first = await waitForSync(server, token);
  });
  afterAll(async () => {
    await server?.close();
    await closeFake(fake);
  });

  it('syncs every feed without a request Amazon would refuse; a report longer than 90 days comes in slices, counted once', async () => {
    expect(first.lastRun).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(fake.calls.filter((call) => call.status >= 400)).toEqual([]);
    const ledger = first.lastRun!.feeds.find((feed) => feed.feed === 'LEDGER')!;
    const rows = SAMPLE_ROWS['ledger.tsv']!.rows;
    // The edge row came in two slices: one more row than the file's, one duplicate, nothing counted twice.
    expect(ledger).toMatchObject({ rows: rows + 2, inserted: rows + 1, duplicates: 1 });
    await expectRemovalNumbers(server, token, SAMPLES_AS_OF);
  });

  it('asks for the items of a shipment whose header came back without them, without the deprecated MarketplaceId', async () => {
    const byId = fake.callsOf('getShipmentItemsByShipmentId');
    expect(byId.map((call) => [call.path, call.query, call.status])).toEqual([
      ['/fba/inbound/v0/shipments/FBA15ABCDE2/items', {}, 200],
    ]);
    // Its items did not name the shipment: they are stored under the one asked for.
    expect(await shipmentItem(server, 'FBA15ABCDE2')).toEqual({ quantity_shipped: 12, quantity_received: 6 });
  });

  it('imports an item whose only change is its received units, though its shipment did not come back', async () => {
    fake.updateItem('FBA15ABCDE1', 'SKU-BAG-03', { QuantityReceived: 23 }, '2025-06-10T00:00:00Z');
    const shipmentCalls = fake.callsOf('getShipments').length;
    const second = await syncNow(server, token);
    expect(second.lastRun!.status).toBe('SUCCEEDED');
    // No header in the window: getShipments gave nothing…
    const headers = fake.callsOf('getShipments').slice(shipmentCalls);
    expect(headers.map((call) => call.status)).toEqual([200]);
    // …and the item was imported all the same, joined with its stored shipment.
    expect(await shipmentItem(server, 'FBA15ABCDE1')).toEqual({ quantity_shipped: 24, quantity_received: 23 });
    // A second lookup of that same shipment asks Amazon for nothing by id: its items are stored.
    expect(fake.callsOf('getShipmentItemsByShipmentId')).toHaveLength(1);
  });

  it('an item of a CLOSED shipment without QuantityReceived counts 0 received', async () => {
    fake.updateItem('FBA15ABCDE1', 'SKU-BAG-03', { QuantityReceived: undefined }, '2025-06-11T00:00:00Z');
    const third = await syncNow(server, token);
    expect(third.lastRun!.status).toBe('SUCCEEDED');
    expect(await shipmentItem(server, 'FBA15ABCDE1')).toEqual({ quantity_shipped: 24, quantity_received: 0 });
    fake.updateItem('FBA15ABCDE1', 'SKU-BAG-03', { QuantityReceived: 20 }, '2025-06-12T00:00:00Z');
    expect((await syncNow(server, token)).lastRun!.status).toBe('SUCCEEDED');
  });

  it('renews an access token that Amazon says (in details) has expired, and goes on', async () => {
    const tokens = fake.accessTokens.length;
    fake.expireAccessTokenAt('getReports');
    const run = await syncNow(server, token);
    expect(run.lastRun!.status).toBe('SUCCEEDED');
    const looks = fake.callsOf('getReports').slice(-2);
    expect(looks.map((call) => call.status)).toEqual([403, 200]);
    // The run's token, and the fresh one it took after the 403.
    expect(fake.accessTokens.length).toBe(tokens + 2);
  });

  it('a report Amazon could not make (FATAL) fails its feed with the reason, and the others are fetched', async () => {
    fake.fatal.add('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA');
    try {
      const run = await syncNow(server, token);
      expect(run.lastRun!.status).toBe('FAILED');
      const feeds = Object.fromEntries(run.lastRun!.feeds.map((feed) => [feed.feed, feed]));
      expect(feeds.CUSTOMER_RETURNS).toMatchObject({ status: 'FAILED' });
      expect(feeds.CUSTOMER_RETURNS!.error).toMatch(/processing status FATAL/);
      for (const feed of [
        'INBOUND_SHIPMENTS',
        'LEDGER',
        'REIMBURSEMENTS',
        'SETTLEMENTS',
        'REFUNDS',
        'REMOVAL_ORDERS',
        'REMOVAL_SHIPMENTS',
      ]) {
        expect(feeds[feed]!.status, feed).toBe('SUCCEEDED');
      }
    } finally {
      fake.fatal.clear();
    }
    await expectRemovalNumbers(server, token, SAMPLES_AS_OF);
  });

  it('fetches the inbound shipments beside the report feeds: the reports go on while the shipments wait out a 429', async () => {
    const before = fake.calls.length;
    fake.throttle('getShipmentItems');
    const run = await syncNow(server, token);
    expect(run.lastRun!.status).toBe('SUCCEEDED');
    const calls = fake.calls.slice(before);
    const throttled = calls.findIndex((call) => call.operation === 'getShipmentItems' && call.status === 429);
    const retried = calls.findIndex((call, index) => index > throttled && call.operation === 'getShipmentItems');
    expect(throttled).toBeGreaterThanOrEqual(0);
    expect(calls[retried]?.status).toBe(200);
    // The half second getShipmentItems' plan makes it wait for a token: the report feeds asked Amazon meanwhile.
    const meanwhile = calls.slice(throttled + 1, retried).map((call) => call.operation);
    expect(meanwhile).toContain('createReport');
    await expectRemovalNumbers(server, token, SAMPLES_AS_OF);
  });

  it('asks Login with Amazon once for the calls that need a token at once (feeds side by side)', async () => {
    const client = new SpApiClient({
      lwaUrl: `${fake.url}/auth/o2/token`,
      baseUrl: fake.url,
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret, refreshToken: fake.refreshToken },
      bucketKey: 'token-test',
    });
    const before = fake.callsOf('lwa').length;
    const tokens = await Promise.all([client.token(), client.token(), client.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(fake.callsOf('lwa').length - before).toBe(1);
  });

  it('imports SP-API items that do not name their shipment when the shipment is known, else says why not', async () => {
    const items = JSON.stringify({
      payload: { ItemData: [{ SellerSKU: 'SKU-BAG-03', QuantityShipped: 5, QuantityReceived: 5 }] },
    });
    const file = { name: 'items.json', content: items };
    const refused = member(
      (await upload(server, token, file, ImportShipmentItems, {})).data?.importReport,
      'ImportRefusedError',
    );
    expect(refused.message).toMatch(/ShipmentId is missing and nothing in the file names the shipment/);
    const given = member(
      (await upload(server, token, file, ImportShipmentItems, { shipmentId: 'FBA15NEW0001' })).data?.importReport,
      'ImportReportSuccess',
    );
    expect(given.import).toMatchObject({ status: 'SUCCEEDED', rows: 1, inserted: 1 });
    // Beside its getShipments entry, the file says which shipment it is.
    const beside = JSON.stringify([
      { payload: { ShipmentData: [{ ShipmentId: 'FBA15NEW0002', ShipmentStatus: 'WORKING' }] } },
      JSON.parse(items),
    ]);
    const together = member(
      (await upload(server, token, { name: 'shipment.json', content: beside }, ImportShipmentItems, {})).data
        ?.importReport,
      'ImportReportSuccess',
    );
    expect(together.import.status).toBe('SUCCEEDED');
    expect(await shipmentItem(server, 'FBA15NEW0002')).toEqual({ quantity_shipped: 5, quantity_received: 5 });
  });
});

describe('refunds from Finances 2024-06-19 on a first sync of 540 days with no settlement', () => {
  const fake = new FakeSellingPartnerApi();
  let server: TestServer;
  const now = new Date();

  beforeAll(async () => {
    await fake.start();
    // Reports of every feed are asked too (in 18 slices): Amazon's one createReport a minute would make this wait.
    fake.grantedRates = { createReport: 5, getReportDocument: 5, getReports: 5 };
    fake.settlementReports = [];
    // Refunds spread over the 540 days, two of them in one window (a next token to follow), and a sale.
    fake.transactions = [530, 400, 250, 100, 99, 1].map((days, n) =>
      refundTransaction({
        orderId: `111-000000${n}-000000${n}`,
        postedDate: new Date(now.getTime() - days * DAY_MS).toISOString(),
        sku: 'SKU-CAP-04',
        principal: -19.99,
        fees: { Commission: 3 },
      }),
    );
    fake.transactions.push(
      saleTransaction({
        orderId: '111-0000009-0000009',
        postedDate: new Date(now.getTime() - 5 * DAY_MS).toISOString(),
        sku: 'SKU-CAP-04',
        principal: 19.99,
        fees: { Commission: -3, FBAPerUnitFulfillmentFee: -4.25 },
        fulfillmentNetwork: 'AFN',
      }),
    );
    server = await serverFor(fake, now);
  });
  afterAll(async () => {
    await server?.close();
    await closeFake(fake);
  });

  it('fetches every refund in windows of at most 180 days, each ending two minutes or more before now', async () => {
    const token = await server.account('New Seller', 'NA');
    await connectToFake(server, token, fake);
    const run = await waitForSync(server, token);
    const refunds = run.lastRun!.feeds.find((feed) => feed.feed === 'REFUNDS')!;
    // Six refunds (principal and commission each) and a sale (principal and two fees): every one of them.
    expect(refunds).toMatchObject({ status: 'SUCCEEDED', rows: 15, inserted: 15 });
    const calls = fake.callsOf('listTransactions');
    expect(calls.every((call) => call.status === 200)).toBe(true);
    const windows = calls.filter((call) => !call.query.nextToken);
    expect(windows).toHaveLength(3);
    expect(Date.parse(windows[0]!.query.postedAfter!)).toBe(now.getTime() - 540 * DAY_MS);
    expect(Date.parse(windows.at(-1)!.query.postedBefore!)).toBe(now.getTime() - 3 * MINUTE_MS);
    windows.forEach((call, index) => {
      const after = Date.parse(call.query.postedAfter!);
      const before = Date.parse(call.query.postedBefore!);
      expect(before - after).toBeLessThanOrEqual(180 * DAY_MS);
      expect(before).toBeLessThanOrEqual(call.at - 2 * MINUTE_MS);
      if (index > 0) expect(after).toBe(Date.parse(windows[index - 1]!.query.postedBefore!));
    });
    // Every page was asked with the window's arguments beside its token.
    const pages = calls.filter((call) => call.query.nextToken);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages)
      expect(Object.keys(page.query).sort()).toEqual(['nextToken', 'postedAfter', 'postedBefore']);
    const [counts] = await server.database.db.sql.query<{ refunds: number; fees: number; orders: number }>(
      `SELECT count(*) FILTER (WHERE transaction_type = 'Refund' AND amount_type = 'ItemPrice')::int AS refunds,
              count(*) FILTER (WHERE amount_type = 'ItemFees')::int AS fees,
              count(*) FILTER (WHERE transaction_type = 'Order')::int AS orders
       FROM settlement_row WHERE settlement_id = 'FINANCES-UNSETTLED'`,
    );
    expect(counts).toEqual({ refunds: 6, fees: 8, orders: 3 });
  });

  it('a feed that fails after some windows moves its cursor past those it read, not further', async () => {
    const token = await server.account('Interrupted Seller', 'NA');
    const lastWindow = now.getTime() - 180 * DAY_MS;
    // Amazon fails every call of the last window; the first two are read.
    fake.failing = (operation, query) =>
      operation === 'listTransactions' && Date.parse(query.postedAfter ?? '') >= lastWindow;
    try {
      await connectToFake(server, token, fake);
      const run = await waitForSync(server, token);
      const refunds = run.lastRun!.feeds.find((feed) => feed.feed === 'REFUNDS')!;
      expect(refunds.status).toBe('FAILED');
      expect(refunds.error).toMatch(/listTransactions failed: HTTP 500/);
      // The first two windows' three refunds are in (a principal and a commission each).
      expect(refunds).toMatchObject({ rows: 6, inserted: 6, duplicates: 0 });
    } finally {
      fake.failing = undefined;
    }
    const [cursor] = await server.database.db.sql.query<{ fetched_through: Date }>(
      `SELECT c.fetched_through FROM amazon_sync_cursor c JOIN account a ON a.id = c.account_id
       WHERE a.name = 'Interrupted Seller' AND c.feed = 'REFUNDS'`,
    );
    expect(cursor!.fetched_through.getTime()).toBe(lastWindow);
  });
});
