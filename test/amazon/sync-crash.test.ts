// Issue 8, as a seller runs it: `reclaim serve` processes killed in the middle of a sync (the same run goes on after
// the restart, asking Amazon for nothing twice), `reclaim connect` and `reclaim sync` from the command line, and no
// credential in any log line, at trace level.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFake, connectToFake, syncStatusOf, waitForSync } from '../support/amazon.js';
import { expectRemovalNumbers } from '../support/expected-samples.js';
import { FakeSellingPartnerApi, MARKETPLACE_US } from '../support/fake-sp-api.js';
import {
  type CommandResult,
  type ProcessDatabase,
  processDatabase,
  type ReclaimServer,
  runReclaim,
  startReclaim,
} from '../support/process.js';
import { member, SAMPLES_AS_OF, uploadSample } from '../support/server.js';

describe('the Selling Partner API sync in real processes', () => {
  const fake = new FakeSellingPartnerApi();
  let database: ProcessDatabase;
  let env: Record<string, string>;
  let token: string;
  const servers: ReclaimServer[] = [];
  const commands: CommandResult[] = [];

  beforeAll(async () => {
    await fake.start();
    fake.grantedRates = { createReport: 1, getReportDocument: 1, getReports: 1 };
    database = await processDatabase();
    env = {
      ...database.env,
      ...fake.env(),
      RECLAIM_SECRET_KEY: randomBytes(32).toString('hex'),
      RECLAIM_NOW: SAMPLES_AS_OF,
      LOG_LEVEL: 'trace',
    };
    const created = await runReclaim(['account', 'create', '--name', 'Crash Seller', '--region', 'NA'], env);
    commands.push(created);
    expect(created.code, created.stderr).toBe(0);
    token = (JSON.parse(created.stdout.trim().split('\n').at(-1) as string) as { token: string }).token;
  });
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await database?.close();
    await closeFake(fake);
  });

  it('goes on where it stopped after a SIGKILL: the same run, no report asked for twice, the numbers of EXPECTED.md Removals', async () => {
    // Amazon takes its time with every report: the sync has asked for the first slice of each, and is waiting for all
    // of them, when the process dies.
    const REPORT_FEEDS = {
      LEDGER: 'GET_LEDGER_DETAIL_VIEW_DATA',
      REIMBURSEMENTS: 'GET_FBA_REIMBURSEMENTS_DATA',
      CUSTOMER_RETURNS: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
      REMOVAL_ORDERS: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA',
      REMOVAL_SHIPMENTS: 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA',
    };
    for (const reportType of Object.values(REPORT_FEEDS)) fake.held.add(reportType);
    const first = await startReclaim(['serve'], env);
    servers.push(first);
    member((await uploadSample(first, token, 'product-costs.tsv')).data?.importReport, 'ImportReportSuccess');
    await connectToFake(first, token, fake);
    // What the run has recorded of its waits, read until it shows every report it waits for, and when it looks again
    // at each (a feed it is looking at has no such time).
    const waitingFor = (status: Awaited<ReturnType<typeof syncStatusOf>>) =>
      (status?.lastRun?.feeds ?? [])
        .filter((feed) => feed.status === 'WAITING' && feed.amazonReportId && feed.wakeAt)
        .map((feed) => feed.feed)
        .sort();
    await expect
      .poll(async () => waitingFor(await syncStatusOf(first, token)), { timeout: 60_000, interval: 100 })
      .toEqual(Object.keys(REPORT_FEEDS).sort());
    const before = await syncStatusOf(first, token);
    expect(before?.lastRun?.status).toBe('RUNNING');
    const feeds = Object.fromEntries(before!.lastRun!.feeds.map((feed) => [feed.feed, feed]));
    expect(feeds.INBOUND_SHIPMENTS?.status).toBe('SUCCEEDED');
    // The refunds wait for every feed before them.
    expect(feeds.REFUNDS?.status).toBe('PENDING');
    // A feed in any other status tells no such time.
    for (const feed of before!.lastRun!.feeds.filter((candidate) => candidate.status !== 'WAITING')) {
      expect(feed.wakeAt, feed.feed).toBeNull();
    }
    await first.stop('SIGKILL');
    const killedAt = Date.now();

    fake.held.clear();
    const shipmentCalls = fake.callsOf('getShipments').length;
    const second = await startReclaim(['serve'], env);
    servers.push(second);
    const after = await waitForSync(second, token, Number(before!.lastRun!.id) - 1, 150_000);
    expect(after.lastRun).toMatchObject({ id: before!.lastRun!.id, status: 'SUCCEEDED' });
    // No slice of any report was asked for twice: the reports Amazon was making before the crash are the ones looked
    // at after it, and each of the six slices of each report was asked for once.
    const requests = fake
      .callsOf('createReport', 202)
      .map((call) => call.body as { reportType: string; dataStartTime: string });
    for (const reportType of Object.values(REPORT_FEEDS)) {
      const starts = requests.filter((body) => body.reportType === reportType).map((body) => body.dataStartTime);
      expect(starts, reportType).toHaveLength(6);
      expect(new Set(starts).size, reportType).toBe(6);
    }
    const looksAfter = new Set(
      fake.calls.filter((call) => call.operation === 'getReport' && call.at > killedAt).map((call) => call.path),
    );
    for (const feed of Object.keys(REPORT_FEEDS)) {
      expect(looksAfter, feed).toContain(`/reports/2021-06-30/reports/${feeds[feed]!.amazonReportId}`);
    }
    // The shipments, fetched and imported before the crash, were not fetched again.
    expect(fake.callsOf('getShipments')).toHaveLength(shipmentCalls);
    await expectRemovalNumbers(second, token, SAMPLES_AS_OF);
    await second.stop('SIGTERM');
  }, 240_000);

  it('`reclaim connect` checks and stores the credentials, `reclaim sync` runs a sync to its end', async () => {
    const secrets = { RECLAIM_LWA_CLIENT_SECRET: fake.clientSecret, RECLAIM_LWA_REFRESH_TOKEN: fake.refreshToken };
    const connectArgs = ['connect', '--account', token, '--client-id', fake.clientId, '--marketplace', MARKETPLACE_US];
    const refused = await runReclaim(connectArgs, { ...env, ...secrets, RECLAIM_LWA_CLIENT_SECRET: 'wrong-secret' });
    commands.push(refused);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout.trim())).toMatchObject({ connected: false, code: 'AMAZON_REFUSED' });

    const connected = await runReclaim([...connectArgs, '--every-hours', '12'], { ...env, ...secrets });
    commands.push(connected);
    expect(connected.code, connected.stderr).toBe(0);
    expect(JSON.parse(connected.stdout.trim())).toMatchObject({
      connected: true,
      marketplaceIds: [MARKETPLACE_US],
      syncEveryHours: 12,
    });

    const synced = await runReclaim(['sync', '--account', token], env);
    commands.push(synced);
    expect(synced.code, synced.stderr).toBe(0);
    const lines = synced.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.slice(0, -1).map((line) => [line.feed, line.status, line.inserted])).toEqual([
      ['INBOUND_SHIPMENTS', 'SUCCEEDED', 0],
      ['LEDGER', 'SUCCEEDED', 0],
      ['REIMBURSEMENTS', 'SUCCEEDED', 0],
      ['CUSTOMER_RETURNS', 'SUCCEEDED', 0],
      ['SETTLEMENTS', 'SUCCEEDED', 0],
      ['REFUNDS', 'SUCCEEDED', 0],
      ['REMOVAL_ORDERS', 'SUCCEEDED', 0],
      ['REMOVAL_SHIPMENTS', 'SUCCEEDED', 0],
    ]);
    expect(lines.at(-1)).toMatchObject({ status: 'SUCCEEDED', error: null });
  }, 120_000);

  it('writes no credential in any log line, even at trace level', () => {
    const written = [
      ...servers.flatMap((server) => [JSON.stringify(server.logs), server.output(), server.stderr()]),
      ...commands.flatMap((command) => [command.stdout, command.stderr]),
    ].join('\n');
    // The logs do tell the sync's story: a test that would pass on empty logs proves nothing.
    expect(written).toContain('sync step done');
    expect(written).toContain('sync waits');
    for (const secret of [fake.clientSecret, fake.refreshToken, ...fake.accessTokens, ...fake.signatures]) {
      expect(written).not.toContain(secret);
    }
    expect(written).not.toContain('X-Amz-Signature');
  });
});
