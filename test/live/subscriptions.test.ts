// Live: each account's subscribers see what changes in their cases and numbers, over graphql-ws and SSE, and no other
// account's (docs/api.md, Subscriptions).
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCase, DeleteCase, OpenCase } from '../cases/support.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { subscribeSse, subscribeWs } from './subscriber.js';

const AS_OF = SAMPLES_AS_OF;

const CaseUpdates = graphql(`
  subscription CaseUpdates($status: CaseStatus) {
    caseUpdated(status: $status) { kind caseId at case { id status reimbursedUnits } }
  }
`);

const MissingChanges = graphql(`
  subscription MissingChanges {
    missingChanged { skus at }
  }
`);

const Deadlines = graphql(`
  subscription Deadlines {
    deadlineApproaching { sku type units deadline }
  }
`);

describe('subscriptions', () => {
  let server: TestServer;
  let seller: string;
  let other: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date(AS_OF) });
    seller = await server.account('Seller', 'NA');
    other = await server.account('Another seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, seller, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('delivers OPENED, then REIMBURSEMENT_RECEIVED and REIMBURSED when the payments are imported, to the account only (graphql-ws)', async () => {
    const mine = await subscribeWs(server.url, seller, CaseUpdates, {}, server.nextSubscription('case:updated'));
    const theirs = await subscribeWs(server.url, other, CaseUpdates, {}, server.nextSubscription('case:updated'));
    const opened = member(
      (
        await gql(
          server,
          OpenCase,
          { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: AS_OF } },
          seller,
        )
      ).data?.openCase,
      'OpenCaseSuccess',
    ).case;
    member(
      (await uploadSample(server, seller, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    const events = await mine.waitFor(3);
    expect(events.map((event) => event.caseUpdated.kind)).toEqual(['OPENED', 'REIMBURSEMENT_RECEIVED', 'REIMBURSED']);
    expect(events.every((event) => event.caseUpdated.caseId === opened.id)).toBe(true);
    expect(events[2]!.caseUpdated.case).toEqual({ id: opened.id, status: 'REIMBURSED', reimbursedUnits: 2 });
    // A later event of the other account's own: what reaches its subscriber before that marker is all it was sent.
    server.events.publish('case:updated', await accountId(server, 'Another seller'), {
      kind: 'DELETED',
      caseId: 999_999,
      at: AS_OF,
    });
    const heard = await theirs.waitFor(1);
    expect(heard.map((event) => [event.caseUpdated.kind, event.caseUpdated.caseId])).toEqual([['DELETED', '999999']]);
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('delivers the events of openCase, closeCase and deleteCase over SSE, filtered by status when asked', async () => {
    const all = await subscribeSse(server.url, seller, CaseUpdates, {}, server.nextSubscription('case:updated'));
    // The stream's own headers, and those every response gets (src/server/live-events.ts writes the body itself).
    expect(all.headers.get('content-type')).toBe('text/event-stream');
    expect(all.headers.get('cache-control')).toBe('no-cache');
    expect(all.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const closedOnly = await subscribeSse(
      server.url,
      seller,
      CaseUpdates,
      { status: 'CLOSED' },
      server.nextSubscription('case:updated'),
    );
    const open = async (type: 'INBOUND' | 'UNRETURNED', sku: string, id: string) =>
      member(
        (await gql(server, OpenCase, { input: { type, skus: [sku], amazonCaseId: id, asOf: AS_OF } }, seller)).data
          ?.openCase,
        'OpenCaseSuccess',
      ).case.id;
    const bag = await open('INBOUND', 'SKU-BAG-03', '2233445566');
    member((await gql(server, DeleteCase, { id: bag }, seller)).data?.deleteCase, 'DeleteCaseSuccess');
    const cap = await open('UNRETURNED', 'SKU-CAP-04', '3344556677');
    member((await gql(server, CloseCase, { id: cap }, seller)).data?.closeCase, 'CloseCaseSuccess');
    const events = await all.waitFor(4);
    expect(events.map((event) => [event.caseUpdated.kind, event.caseUpdated.caseId])).toEqual([
      ['OPENED', bag],
      ['DELETED', bag],
      ['OPENED', cap],
      ['CLOSED', cap],
    ]);
    expect(events[1]!.caseUpdated.case).toBeNull();
    expect(
      (await closedOnly.waitFor(1)).map((event) => [event.caseUpdated.kind, event.caseUpdated.case?.status]),
    ).toEqual([['CLOSED', 'CLOSED']]);
    await Promise.all([all.close(), closedOnly.close()]);
  });

  it('tells which SKUs changed when an import or a case changes their numbers', async () => {
    const changes = await subscribeWs(
      server.url,
      seller,
      MissingChanges,
      {},
      server.nextSubscription('missing:changed'),
    );
    const theirs = await subscribeWs(server.url, other, MissingChanges, {}, server.nextSubscription('missing:changed'));
    const ledger =
      'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time\n06/01/2025\tX00NEW0001\tB0NEW00001\tSKU-NEW-07\tNew product\tAdjustments\t100000000077\t-2\tPHX7\tSELLABLE\tM\tUS\t0\t2\t2025-06-01T10:00:00-0700\n';
    const { upload, ImportReport } = await import('../support/server.js');
    member(
      (await upload(server, seller, { name: 'more.tsv', content: ledger }, ImportReport, {})).data?.importReport,
      'ImportReportSuccess',
    );
    expect((await changes.waitFor(1))[0]!.missingChanged.skus).toEqual(['SKU-NEW-07']);
    server.events.publish('missing:changed', await accountId(server, 'Another seller'), {
      skus: ['MARKER'],
      at: AS_OF,
    });
    expect((await theirs.waitFor(1)).map((event) => event.missingChanged.skus)).toEqual([['MARKER']]);
    await Promise.all([changes.close(), theirs.close()]);
  });

  it('refuses a subscription with a bad token at connect: the socket closes with 4401', async () => {
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer rcl_not-a-token' },
        retryAttempts: 0,
        lazy: false,
        // The refusal is what this test waits for: graphql-ws would otherwise print it to stderr.
        onNonLazyError: () => {},
        on: { closed: (event) => resolve(event as { code: number; reason: string }) },
      });
      void client;
    });
    expect(closed.code).toBe(4401);
  });
});

describe('refresh-windows and deadline-alerts', () => {
  let server: TestServer;
  let seller: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date('2025-07-08T12:00:00Z') });
    seller = await server.account('Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, seller, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('tells the subscribers of the SKUs whose units became CLAIMABLE or EXPIRED when the day changes', async () => {
    const { refreshWindows } = await import('../../src/jobs/refresh-windows.js');
    // The first look sets the day; a later day announces what changed since.
    await runJob(server, refreshWindows);
    const changes = await subscribeWs(
      server.url,
      seller,
      MissingChanges,
      {},
      server.nextSubscription('missing:changed'),
    );
    // SKU-CUP-06 lost on 06-10 opens on 07-10; SKU-BAG-03's deadline 07-09 passes on 07-10.
    server.setNow(new Date('2025-07-10T00:10:00Z'));
    await runJob(server, refreshWindows);
    const [event] = await changes.waitFor(1);
    expect(event!.missingChanged.skus).toEqual(['SKU-BAG-03', 'SKU-CUP-06']);
    await changes.close();
  });

  it('warns of claimable units whose deadline is within 7 days', async () => {
    const { deadlineAlerts } = await import('../../src/jobs/deadline-alerts.js');
    server.setNow(new Date('2025-07-14T00:10:00Z'));
    const alerts = await subscribeWs(
      server.url,
      seller,
      Deadlines,
      {},
      server.nextSubscription('deadline:approaching'),
    );
    await runJob(server, deadlineAlerts);
    expect(await alerts.waitFor(1)).toEqual([
      { deadlineApproaching: { sku: 'SKU-CAP-04', type: 'UNRETURNED', units: 1, deadline: '2025-07-18' } },
    ]);
    await alerts.close();
  });

  it('warns of REMOVAL units too (docs/rules.md section 10): an order completed short, 60 days to claim', async () => {
    const { deadlineAlerts } = await import('../../src/jobs/deadline-alerts.js');
    const remover = await server.account('Removal seller', 'NA');
    member((await uploadSample(server, remover, 'removal-orders.tsv')).data?.importReport, 'ImportReportSuccess');
    // RMV-0001 completed 2025-05-20 with 2 units never shipped: claimable to 2025-07-19.
    server.setNow(new Date('2025-07-13T00:10:00Z'));
    const alerts = await subscribeWs(
      server.url,
      remover,
      Deadlines,
      {},
      server.nextSubscription('deadline:approaching'),
    );
    await runJob(server, deadlineAlerts);
    expect(await alerts.waitFor(1)).toEqual([
      { deadlineApproaching: { sku: 'SKU-LAMP-02', type: 'REMOVAL', units: 2, deadline: '2025-07-19' } },
    ]);
    await alerts.close();
  });
});

async function accountId(server: TestServer, name: string): Promise<number> {
  const account = await server.database.db.prisma.account.findFirstOrThrow({ where: { name } });
  return account.id;
}

/**
 * Runs a job to its end in the server's context, as its queue would (the Redis pass's queue gives no sign in the
 * database that it ran: a poll of the job table there returned before the job did).
 */
async function runJob(server: TestServer, job: Parameters<TestServer['jobs']['enqueue']>[0]) {
  const { runNow } = await import('../../src/jobs/inline.js');
  const { createLogger } = await import('../../src/logger.js');
  await runNow(job as never, {} as never, {
    db: server.database.db,
    clock: server.clock,
    events: server.events,
    jobs: server.jobs,
    config: server.config,
    log: createLogger('silent', { pretty: false }),
  });
}
