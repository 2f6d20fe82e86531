// Issue 8: the Selling Partner API sync, against a fake of Amazon on 127.0.0.1 serving the sample files. One sync
// gives the numbers of EXPECTED.md (with the removal reports, issue 21: its Removals numbers once the seller records
// the receipt), a second inserts nothing, 429s are waited out, an expired refresh token is
// reported on the connection, refunds not settled yet come from Finances until their settlement arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPMENT_STATUSES } from '../../src/domain/reports/inbound-shipments.js';
import { runNow } from '../../src/jobs/inline.js';
import type { JobEnqueuer } from '../../src/jobs/kit.js';
import { syncAmazon } from '../../src/jobs/sync-amazon.js';
import { createLogger } from '../../src/logger.js';
import { releaseLease, takeLease } from '../../src/store/amazon.js';
import { graphql } from '../gql/index.js';
import { subscribeWs } from '../live/subscriber.js';
import {
  ConnectAmazon,
  closeFake,
  connectInputOf,
  connectToFake,
  DisconnectAmazon,
  SyncAmazon,
  syncNow,
  syncStatusOf,
  waitForSync,
} from '../support/amazon.js';
import { expectRemovalNumbers } from '../support/expected-samples.js';
import { FakeSellingPartnerApi, MARKETPLACE_US, refundTransaction } from '../support/fake-sp-api.js';
import {
  gql,
  member,
  SAMPLE_ROWS,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  testConfig,
  uploadSample,
} from '../support/server.js';

const DAY_MS = 86_400_000;

const SyncStatusChanged = graphql(`
  subscription SyncStatusChanged {
    syncStatusChanged { running lastRun { id status feeds { feed status } } connection { status } }
  }
`);

const ProductTitle = graphql(`
  query ProductTitle($sku: String!) { product(sku: $sku) { sku title } }
`);

const CapNumbers = graphql(`
  query CapNumbers($asOf: DateTime) {
    product(sku: "SKU-CAP-04", asOf: $asOf) { missingUnits claimableUnits expiredUnits evidence { date units state reference } }
  }
`);

const Totals = graphql(`
  query SyncTotals($asOf: DateTime) { viewer { totals(asOf: $asOf) { missingUnits claimableUnits } } }
`);

function serverFor(fake: FakeSellingPartnerApi, overrides: Partial<ReturnType<typeof testConfig>['amazon']> = {}) {
  const amazon = { ...testConfig().amazon, lwaUrl: `${fake.url}/auth/o2/token`, spApiUrl: fake.url, ...overrides };
  return startServer({ now: new Date(SAMPLES_AS_OF), amazon });
}

function gap(calls: { at: number }[], index: number) {
  return (calls[index]?.at ?? 0) - (calls[index - 1]?.at ?? 0);
}

describe('syncing an account from the Selling Partner API', () => {
  const fake = new FakeSellingPartnerApi();
  let server: TestServer;
  let token: string;
  /** Every response body Reclaim gave in this file: none may hold a credential. */
  const responses: string[] = [];
  let firstRun: Awaited<ReturnType<typeof waitForSync>>;
  let updates: Awaited<ReturnType<typeof subscribeWs<unknown, Record<string, never>>>>;

  beforeAll(async () => {
    await fake.start();
    // The first ledger report takes three looks before it is DONE; the first look at a report is throttled (429, and
    // no Retry-After, as Amazon sends them).
    fake.inProgressPolls.GET_LEDGER_DETAIL_VIEW_DATA = 3;
    // So does the first removal shipment report: the job ends while Amazon makes it, its continuation looks again.
    fake.inProgressPolls.GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA = 3;
    fake.throttle('getReport');
    // This file makes a dozen syncs in a minute: the fake grants the report operations one request a second
    // (Amazon's defaults are one a minute, after a burst of 15).
    fake.grantedRates = { createReport: 1, getReportDocument: 1, getReports: 1 };
    // The ledger document comes in Cp1252, as Amazon serves EU and some NA documents.
    fake.charsets.GET_LEDGER_DETAIL_VIEW_DATA = 'Cp1252';
    const { readFile } = await import('node:fs/promises');
    const { SAMPLES } = await import('../support/server.js');
    fake.texts.GET_LEDGER_DETAIL_VIEW_DATA = (await readFile(`${SAMPLES}/ledger.tsv`, 'utf8')).replace(
      'Espresso Cup Set',
      'Tasse à café Espresso',
    );
    server = await serverFor(fake);
    token = await server.account('Synced Seller', 'NA');
    // Purchase costs are the seller's own: uploaded, not fetched.
    member((await uploadSample(server, token, 'product-costs.tsv')).data?.importReport, 'ImportReportSuccess');
    updates = (await subscribeWs(
      server.url,
      token,
      SyncStatusChanged,
      {},
      server.nextSubscription('sync:status'),
    )) as never;
  });
  afterAll(async () => {
    await updates?.close();
    await server?.close();
    await closeFake(fake);
  });

  it('connects: Login with Amazon checks the credentials, they are sealed at rest, and a first sync starts', async () => {
    const connected = await connectToFake(server, token, fake);
    responses.push(JSON.stringify(connected));
    expect(connected.syncStatus.connection).toEqual({
      status: 'CONNECTED',
      clientIdEnding: fake.clientId.slice(-4),
      marketplaceIds: [MARKETPLACE_US],
      region: 'NA',
      syncEveryHours: 24,
    });
    const [row] = await server.database.db.sql.query<Record<string, string>>(
      'SELECT client_id, client_secret_sealed, refresh_token_sealed FROM amazon_connection',
    );
    expect(row!.client_secret_sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(JSON.stringify(row)).not.toContain(fake.clientSecret);
    expect(JSON.stringify(row)).not.toContain(fake.refreshToken);
    firstRun = await waitForSync(server, token);
    responses.push(JSON.stringify(firstRun));
  });

  it('one sync imports every feed through the import pipeline, and the numbers of EXPECTED.md follow', async () => {
    expect(firstRun.lastRun).toMatchObject({ trigger: 'CONNECT', status: 'SUCCEEDED', error: null });
    const feeds = Object.fromEntries(firstRun.lastRun!.feeds.map((feed) => [feed.feed, feed]));
    expect(Object.keys(feeds)).toEqual([
      'INBOUND_SHIPMENTS',
      'LEDGER',
      'REIMBURSEMENTS',
      'CUSTOMER_RETURNS',
      'SETTLEMENTS',
      'REFUNDS',
      'REMOVAL_ORDERS',
      'REMOVAL_SHIPMENTS',
    ]);
    for (const feed of Object.values(feeds)) expect(feed.status, feed.feed).toBe('SUCCEEDED');
    // Reports come in slices of 90 days: the ledger's rows fall in two of them, each other report's in one; the
    // slices without data were cancelled by Amazon and import nothing.
    for (const [feed, file, imports] of [
      ['LEDGER', 'ledger.tsv', 2],
      ['REIMBURSEMENTS', 'reimbursements.tsv', 1],
      ['CUSTOMER_RETURNS', 'customer-returns.tsv', 1],
      ['SETTLEMENTS', 'settlement.tsv', 1],
      ['REMOVAL_ORDERS', 'removal-orders.tsv', 1],
      ['REMOVAL_SHIPMENTS', 'removal-shipments.tsv', 1],
    ] as const) {
      expect(feeds[feed], feed).toMatchObject({
        rows: SAMPLE_ROWS[file]!.rows,
        inserted: SAMPLE_ROWS[file]!.rows,
        duplicates: 0,
      });
      expect(feeds[feed]!.imports, feed).toHaveLength(imports);
      for (const made of feeds[feed]!.imports) {
        expect(made).toMatchObject({ kind: SAMPLE_ROWS[file]!.kind, status: 'SUCCEEDED' });
      }
    }
    expect(feeds.INBOUND_SHIPMENTS!.imports[0]).toMatchObject({ kind: 'INBOUND_SHIPMENTS', status: 'SUCCEEDED' });
    expect(feeds.INBOUND_SHIPMENTS!.inserted).toBeGreaterThan(0);
    // Finances holds nothing after the sample settlement: no provisional refunds.
    expect(feeds.REFUNDS).toMatchObject({ rows: 0, imports: [] });
    // Amazon does not know what reached the seller: the seller records the receipt of 1Z0002, and EXPECTED.md's
    // Removals numbers follow.
    await expectRemovalNumbers(server, token, SAMPLES_AS_OF);
    expect(firstRun.nextRunAt).not.toBeNull();
    expect(Date.parse(firstRun.nextRunAt as string) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
  });

  it('reads each document in the charset its Content-Type names', async () => {
    const product = await gql(server, ProductTitle, { sku: 'SKU-CUP-06' }, token);
    expect(product.data?.product?.title).toBe('Tasse à café Espresso');
  });

  it('asks Amazon as its models say: report windows, polling with backoff, pages followed, gzip documents', async () => {
    const asOf = Date.parse(SAMPLES_AS_OF);
    const created = fake.callsOf('createReport', 202).map((call) => call.body as Record<string, unknown>);
    for (const reportType of [
      'GET_LEDGER_DETAIL_VIEW_DATA',
      'GET_FBA_REIMBURSEMENTS_DATA',
      'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
      'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA',
      'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA',
    ]) {
      const slices = created.filter((body) => body.reportType === reportType);
      // The first sync reaches back 540 days (Amazon keeps 18 months), up to a few minutes before now, in six
      // slices of at most 90 days, each starting where the previous one ended.
      expect(slices, reportType).toHaveLength(6);
      expect(Date.parse(slices[0]!.dataStartTime as string)).toBe(asOf - 540 * DAY_MS);
      expect(Date.parse(slices.at(-1)!.dataEndTime as string)).toBe(asOf - 3 * 60_000);
      slices.forEach((body, index) => {
        expect(body.marketplaceIds).toEqual([MARKETPLACE_US]);
        const start = Date.parse(body.dataStartTime as string);
        expect(Date.parse(body.dataEndTime as string) - start).toBeLessThanOrEqual(90 * DAY_MS);
        if (index > 0) expect(start).toBe(Date.parse(slices[index - 1]!.dataEndTime as string));
      });
    }
    // The ledger report was IN_QUEUE, then IN_PROGRESS twice, then DONE: looks 1 s, 2 s and 4 s apart (the last
    // wait ended the job, and its queued continuation took the next look).
    const ledgerId = firstRun.lastRun!.feeds.find((feed) => feed.feed === 'LEDGER')!.amazonReportId;
    expect(ledgerId).toBeTruthy();
    // The first look of the sync was at the ledger's first report (the first feed that is a report).
    const ledgerReport = fake.callsOf('getReport')[0]!.path;
    const looks = fake.calls
      .filter((call) => call.operation === 'getReport' && call.status === 200 && call.path === ledgerReport)
      .slice(0, 4);
    expect(looks).toHaveLength(4);
    expect(gap(looks, 1)).toBeGreaterThanOrEqual(950);
    expect(gap(looks, 2)).toBeGreaterThanOrEqual(1950);
    expect(gap(looks, 3)).toBeGreaterThanOrEqual(3950);
    // Meanwhile the feeds after it asked Amazon for their own reports rather than wait for the ledger's.
    const meanwhile = fake.calls
      .slice(fake.calls.indexOf(looks[2]!) + 1, fake.calls.indexOf(looks[3]!))
      .filter((call) => call.operation === 'createReport' && call.status === 202)
      .map((call) => (call.body as { reportType: string }).reportType);
    expect(meanwhile).toEqual(
      expect.arrayContaining([
        'GET_FBA_REIMBURSEMENTS_DATA',
        'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
        'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA',
        'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA',
      ]),
    );
    // Two shipments and their two items, one per page: the NextTokens were followed; every shipment had its items
    // in the window's list, so none was asked for by id. Date ranges name the statuses (Amazon refuses them without).
    expect(fake.callsOf('getShipments').map((call) => call.query.QueryType)).toEqual(['DATE_RANGE', 'NEXT_TOKEN']);
    expect(fake.callsOf('getShipments')[0]!.query.ShipmentStatusList!.split(',')).toEqual([...SHIPMENT_STATUSES]);
    expect(fake.callsOf('getShipmentItems').map((call) => call.query.QueryType)).toEqual(['DATE_RANGE', 'NEXT_TOKEN']);
    expect(fake.callsOf('getShipmentItemsByShipmentId')).toHaveLength(0);
    expect(fake.callsOf('downloadDocument')).toHaveLength(7);
    expect(fake.callsOf('getReports')[0]!.query).toMatchObject({
      reportTypes: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
      processingStatuses: 'DONE',
      createdSince: new Date(asOf - 90 * DAY_MS).toISOString(),
    });
    expect(fake.callsOf('listTransactions')[0]!.query).toEqual({
      postedAfter: '2025-06-14T00:00:00.000Z',
      postedBefore: new Date(asOf - 3 * 60_000).toISOString(),
    });
    expect(fake.calls.filter((call) => call.status === 400)).toEqual([]);
  });

  it('waits for a removal report Amazon takes its time over across job runs, and never asks for it twice', async () => {
    const type = 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA';
    const created = fake.calls.filter(
      (call) =>
        call.operation === 'createReport' &&
        call.status === 202 &&
        (call.body as { reportType: string }).reportType === type,
    );
    const starts = created.map((call) => (call.body as { dataStartTime: string }).dataStartTime);
    expect(starts).toHaveLength(6);
    expect(new Set(starts).size).toBe(6);
    // The first slice's report was IN_QUEUE, then IN_PROGRESS twice: the look that found it done came from the
    // job's continuation, at the same report, with no createReport of its type in between. (Its step's looks follow
    // its createReport at once; the other lane asks for no report.)
    const [first, second] = created.map((call) => fake.calls.indexOf(call));
    const report = fake.calls.slice(first).find((call) => call.operation === 'getReport')!.path;
    const looks = fake.calls.filter(
      (call) => call.operation === 'getReport' && call.status === 200 && call.path === report,
    );
    expect(looks).toHaveLength(4);
    expect(fake.calls.indexOf(looks[3]!)).toBeLessThan(second!);
    expect(gap(looks, 1)).toBeGreaterThanOrEqual(950);
    expect(gap(looks, 2)).toBeGreaterThanOrEqual(1950);
    expect(gap(looks, 3)).toBeGreaterThanOrEqual(3950);
    const step = firstRun.lastRun!.feeds.find((feed) => feed.feed === 'REMOVAL_SHIPMENTS')!;
    expect(step).toMatchObject({ status: 'SUCCEEDED', rows: 2, inserted: 2, updated: 0, duplicates: 0 });
  });

  it('waits out a 429 (no Retry-After, as Amazon sends them) for the time its usage plan gives a token, then asks again', async () => {
    const attempts = fake.callsOf('getReport');
    expect(attempts.map((call) => call.status).slice(0, 2)).toEqual([429, 200]);
    // getReport's plan gives two requests a second.
    expect(gap(attempts, 1)).toBeGreaterThanOrEqual(490);
  });

  it('pushes the sync status over subscriptions: running, each feed, finished', async () => {
    const seen = updates.received as Array<{
      syncStatusChanged: { running: boolean; lastRun: { status: string } | null };
    }>;
    expect(seen.some((update) => update.syncStatusChanged.running)).toBe(true);
    expect(seen.at(-1)!.syncStatusChanged).toMatchObject({ running: false, lastRun: { status: 'SUCCEEDED' } });
  });

  it('a second sync inserts nothing new: it fetches again a look-back window, and all of it is already there', async () => {
    const second = await syncNow(server, token);
    responses.push(JSON.stringify(second));
    expect(second.lastRun).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
    for (const feed of second.lastRun!.feeds) {
      expect(feed.inserted, feed.feed).toBe(0);
      // 45 days back from where the first sync stopped (settlements: Amazon lists 90 days at most).
      const previous = firstRun.lastRun!.feeds.find((before) => before.feed === feed.feed)!;
      if (feed.feed === 'REMOVAL_ORDERS' || feed.feed === 'REMOVAL_SHIPMENTS') {
        // The removal reports select by the order's request date: they reach 120 days back, to see old orders change.
        expect(Date.parse(feed.dataStart), feed.feed).toBe(Date.parse(previous.dataEnd) - 120 * DAY_MS);
      } else if (feed.feed !== 'SETTLEMENTS' && feed.feed !== 'REFUNDS') {
        expect(Date.parse(feed.dataStart), feed.feed).toBe(Date.parse(previous.dataEnd) - 45 * DAY_MS);
      }
    }
    const ledger = second.lastRun!.feeds.find((feed) => feed.feed === 'LEDGER')!;
    expect(ledger.duplicates).toBeGreaterThan(0);
    const removals = second.lastRun!.feeds.filter((feed) => feed.feed.startsWith('REMOVAL_'));
    expect(removals.map(({ feed, rows, updated, duplicates }) => [feed, rows, updated, duplicates])).toEqual([
      ['REMOVAL_ORDERS', 4, 0, 4],
      ['REMOVAL_SHIPMENTS', 2, 0, 2],
    ]);
    // The receipt the seller recorded stays: the shipment Amazon reported again is the same shipment.
    await expectRemovalNumbers(server, token, SAMPLES_AS_OF);
  });

  /** The server's job context, but the jobs it queues are recorded rather than run. */
  function recordingJobs() {
    const askedAgain: Array<{ payload: unknown; delayMs?: number }> = [];
    const jobs: JobEnqueuer = {
      enqueue: async (_job, payload, options) => {
        askedAgain.push({ payload, delayMs: options?.delayMs });
      },
    };
    const { clock, events, config } = server;
    const context = { db: server.database.db, clock, events, log: createLogger('silent'), jobs, config };
    return { context, askedAgain };
  }

  it('a sync asked for while the last one lets go of its lease is not lost: it is asked again at once, still MANUAL', async () => {
    // The dashboard shows a run finished as soon as its status is written, a moment before its process releases the
    // lease: a click on "Sync now" in that moment must still give a sync, not wait for the lease and then drop it.
    const { db } = server.database;
    const account = await db.prisma.account.findFirstOrThrow({ where: { name: 'Synced Seller' } });
    const lastId = Number((await syncStatusOf(server, token))?.lastRun?.id ?? 0);
    expect(await takeLease(db, account.id, 'a-process-finishing-its-run', 60)).toBe(true);
    const { context, askedAgain } = recordingJobs();
    await runNow(syncAmazon, { accountId: account.id, trigger: 'MANUAL' }, context);
    expect(askedAgain).toHaveLength(1);
    expect(askedAgain[0]!.payload).toEqual({ accountId: account.id, trigger: 'MANUAL' });
    expect(askedAgain[0]!.delayMs).toBeLessThan(2_000);
    await releaseLease(db, account.id, 'a-process-finishing-its-run');
    await server.jobs.enqueue(syncAmazon, { accountId: account.id, trigger: 'MANUAL' });
    expect((await waitForSync(server, token, lastId, 20_000)).lastRun).toMatchObject({
      trigger: 'MANUAL',
      status: 'SUCCEEDED',
    });
  });

  it('a sync asked for starts one run, even when its job is taken again after a crash', async () => {
    // A process that dies during a run started by "Sync now" leaves that job to be taken again; its run goes on by
    // its continuation, and the job taken again must not start a second run once the first has finished.
    const { db } = server.database;
    const account = await db.prisma.account.findFirstOrThrow({ where: { name: 'Synced Seller' } });
    const last = (await syncStatusOf(server, token))!.lastRun!;
    const { context, askedAgain } = recordingJobs();
    const askedBefore = new Date(Date.parse(last.startedAt) - 1000).toISOString();
    await runNow(syncAmazon, { accountId: account.id, trigger: 'MANUAL', requestedAt: askedBefore }, context);
    expect((await syncStatusOf(server, token))!.lastRun!.id).toBe(last.id);
    expect(askedAgain).toEqual([]);
    // Asked for after the last run started, it starts one (the request the dashboard sends: syncNow).
    const again = await syncNow(server, token);
    expect(Number(again.lastRun!.id)).toBe(Number(last.id) + 1);
    expect(again.lastRun).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
  });

  it('takes refunds Finances posted after the last settlement, until the settlement holding them arrives', async () => {
    fake.transactions = [
      refundTransaction({
        orderId: '111-0000009-0000009',
        postedDate: '2025-06-14T15:00:00Z',
        sku: 'SKU-CAP-04',
        quantity: 1,
        principal: -19.99,
        fees: { Commission: 3, RefundCommission: -0.6 },
        adjustmentItemId: '90000000000009',
      }),
    ];
    const before = await gql(server, CapNumbers, { asOf: SAMPLES_AS_OF }, token);
    expect(before.data?.product?.missingUnits).toBe(2);
    const third = await syncNow(server, token);
    const refunds = third.lastRun!.feeds.find((feed) => feed.feed === 'REFUNDS')!;
    // The refund's principal, and its two fees as ItemFees rows.
    expect(refunds).toMatchObject({ status: 'SUCCEEDED', rows: 3, inserted: 3 });
    const provisional = await gql(server, CapNumbers, { asOf: SAMPLES_AS_OF }, token);
    expect(provisional.data?.product?.missingUnits).toBe(3);
    expect(provisional.data?.product?.evidence.map((unit) => unit.reference)).toContain('111-0000009-0000009');

    // A week later Amazon settles it: the settlement's row replaces the provisional one, and the unit counts once.
    const settlement = [
      (await import('node:fs'))
        .readFileSync(`${(await import('../support/server.js')).SAMPLES}/settlement.tsv`, 'utf8')
        .split('\n')[0],
      [
        '22222222222',
        '2025-06-14 00:00:00 UTC',
        '2025-06-28 00:00:00 UTC',
        '2025-06-30 00:00:00 UTC',
        '-19.99',
        'USD',
        ...Array(17).fill(''),
      ].join('\t'),
      [
        '22222222222',
        '',
        '',
        '',
        '',
        '',
        'Refund',
        '111-0000009-0000009',
        '',
        '90000000009',
        '',
        'Amazon.com',
        'ItemPrice',
        'Principal',
        '-19.99',
        'AFN',
        '2025-06-14',
        '2025-06-14 15:00:00 UTC',
        '',
        '',
        '90000000000009',
        'SKU-CAP-04',
        '',
      ].join('\t'),
    ].join('\n');
    fake.settlementReports.push({
      reportId: '50001018002',
      createdTime: '2025-06-28T06:00:00Z',
      text: `${settlement}\n`,
    });
    server.setNow(new Date('2025-06-29T00:00:00Z'));
    const fourth = await syncNow(server, token);
    const settlements = fourth.lastRun!.feeds.find((feed) => feed.feed === 'SETTLEMENTS')!;
    expect(settlements, JSON.stringify(fourth.lastRun)).toMatchObject({ status: 'SUCCEEDED', inserted: 2 });
    // Finances is now asked only for what the new settlement does not hold.
    expect(fake.callsOf('listTransactions').at(-1)!.query.postedAfter).toBe('2025-06-28T00:00:00.000Z');
    const settled = await gql(server, CapNumbers, { asOf: SAMPLES_AS_OF }, token);
    expect(settled.data?.product?.missingUnits).toBe(3);
    expect(settled.data?.product?.evidence.filter((unit) => unit.reference === '111-0000009-0000009')).toHaveLength(1);
    server.setNow(new Date(SAMPLES_AS_OF));
  });

  it('an expired refresh token: the connection says so clearly, nothing else breaks, connecting again mends it', async () => {
    fake.expire();
    const refused = await syncNow(server, token);
    responses.push(JSON.stringify(refused));
    expect(refused.connection.status).toBe('REFUSED');
    expect(refused.error).toMatch(/Login with Amazon refused the connection's credentials \(invalid_grant/);
    expect(refused.error).toMatch(/Connect the account again/);
    expect(refused.nextRunAt).toBeNull();
    expect(refused.lastRun!.status).toBe('FAILED');
    for (const feed of refused.lastRun!.feeds) expect(feed.status).toBe('FAILED');
    // The account's data, uploads and numbers are untouched.
    const totals = await gql(server, Totals, { asOf: SAMPLES_AS_OF }, token);
    expect(totals.errors).toBeUndefined();
    member(
      (await uploadSample(server, token, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    // The seller authorises again: connecting with the new refresh token mends the connection.
    fake.reauthorise();
    await connectToFake(server, token, fake);
    const mended = await waitForSync(server, token, Number(refused.lastRun!.id));
    expect(mended.connection).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(mended.lastRun).toMatchObject({ trigger: 'CONNECT', status: 'SUCCEEDED' });
  });

  it('refuses bad input and credentials Login with Amazon refuses, storing nothing', async () => {
    const other = await server.account('Other Seller', 'NA');
    const connect = (changes: Record<string, unknown>) =>
      gql(server, ConnectAmazon, { input: connectInputOf(fake, changes) }, other);
    const wrongSecret = member((await connect({ clientSecret: 'not-the-secret' })).data?.connectAmazon, 'DomainError');
    expect(wrongSecret).toMatchObject({ code: 'AMAZON_REFUSED' });
    expect(wrongSecret.message).toMatch(/invalid_client/);
    expect(member((await connect({ marketplaceIds: ['us'] })).data?.connectAmazon, 'DomainError')).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/"us" is not a marketplace id/),
    });
    expect(member((await connect({ refreshToken: ' ' })).data?.connectAmazon, 'DomainError')).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'refreshToken is empty',
    });
    expect(member((await connect({ syncEveryHours: 0 })).data?.connectAmazon, 'DomainError').code).toBe(
      'INVALID_INPUT',
    );
    expect(await syncStatusOf(server, other)).toBeNull();
    expect(member((await gql(server, SyncAmazon, {}, other)).data?.syncAmazon, 'DomainError').code).toBe(
      'NOT_CONNECTED',
    );
    expect(member((await gql(server, DisconnectAmazon, {}, other)).data?.disconnectAmazon, 'DomainError').code).toBe(
      'NOT_CONNECTED',
    );
  });

  it('needs RECLAIM_SECRET_KEY to connect, and says so', async () => {
    const keyless = await serverFor(fake, { secretKey: undefined });
    try {
      const seller = await keyless.account();
      const response = await connectToFake(keyless, seller, fake).catch((error: Error) => error.message);
      expect(response).toMatch(/SECRET_KEY_MISSING/);
    } finally {
      await keyless.close();
    }
  });

  it('never gives a credential back: no client secret, refresh token, access token or document signature in any answer', async () => {
    responses.push(JSON.stringify(await syncStatusOf(server, token)));
    const answers = responses.join('\n');
    for (const secret of [fake.clientSecret, fake.refreshToken, ...fake.accessTokens, ...fake.signatures]) {
      expect(answers).not.toContain(secret);
    }
    expect(answers).not.toContain('X-Amz-Signature');
  });

  it('disconnects: the credentials are gone, the imported data stays', async () => {
    member((await gql(server, DisconnectAmazon, {}, token)).data?.disconnectAmazon, 'DisconnectAmazonSuccess');
    expect(await syncStatusOf(server, token)).toBeNull();
    const rows = await server.database.db.sql.query('SELECT 1 FROM amazon_connection');
    expect(rows).toHaveLength(0);
    const totals = await gql(server, Totals, { asOf: SAMPLES_AS_OF }, token);
    expect(totals.data?.viewer.totals.missingUnits).toBeGreaterThan(0);
  });
});
