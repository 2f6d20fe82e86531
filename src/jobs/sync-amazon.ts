// Fetches an account's data from the Selling Partner API and imports it through the import pipeline. A sync is a
// run with one step per feed, kept in the database: each step remembers the report Amazon is making for it and the
// imports it made, so a run taken again after a crash goes on where it stopped and asks Amazon for nothing twice.
// A job never sleeps long: when Amazon is still making a report, or a rate limit says wait, the job records when to
// come back, queues itself for then and ends, leaving the queue to other work.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AmazonRefusedError,
  endpointOf,
  type JsonBody,
  MustWait,
  type Report,
  SpApiClient,
  SpApiError,
} from '../amazon/client.js';
import type { AmazonSettings } from '../config.js';
import type { FinancialEventsPage } from '../domain/sync/financial-events.js';
import { PROVISIONAL_SETTLEMENT_ID, refundsAsSettlementText } from '../domain/sync/financial-events.js';
import { IMPORT_KINDS, MAX_POLLS, pollDelayMs, REPORT_TYPES, type SyncFeed } from '../domain/sync/windows.js';
import type { AmazonConnection, AmazonSyncStep, Region } from '../generated/prisma/client.js';
import { createImport } from '../ingest/run-import.js';
import {
  advanceCursor,
  credentialsOf,
  dropSettledProvisionalRefunds,
  fbaSkus,
  leaseLeftMs,
  releaseLease,
  settledThrough,
  startRun,
  takeLease,
  unfinishedRun,
  updateStep,
} from '../store/amazon.js';
import { refreshAndAnnounce } from './announce.js';
import { defineJob, type JobContext } from './kit.js';
import { processImportJob } from './process-import.js';

const LEASE_SECONDS = 60;
/** Waits this short happen in the job; longer ones end it and queue its continuation. */
const INLINE_WAIT_MS = 2_500;
/** After a failed run (Amazon down, a report refused), the next try comes sooner than the next day. */
const RETRY_FAILED_RUN_MS = 60 * 60 * 1000;

const payload = z.object({
  accountId: z.number().int().positive(),
  /** Why the sync starts; absent when the job continues a run or wakes for a schedule. */
  trigger: z.enum(['CONNECT', 'MANUAL', 'SCHEDULE']).optional(),
});

/** Whatever the job tells about a run: no credential, no pre-signed URL, only what Amazon or the import said. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function clientFor(settings: AmazonSettings, connection: AmazonConnection, region: Region): SpApiClient {
  if (!settings.secretKey) {
    throw new SpApiError('RECLAIM_SECRET_KEY is not set: the connection’s credentials cannot be opened', false);
  }
  return new SpApiClient({
    lwaUrl: settings.lwaUrl,
    baseUrl: endpointOf(settings, region),
    credentials: credentialsOf(connection, settings.secretKey),
    bucketKey: `connection:${connection.id}`,
    maxInlineWaitMs: INLINE_WAIT_MS,
  });
}

class StepFailed extends Error {}

interface StepWork {
  ctx: JobContext;
  client: SpApiClient;
  connection: AmazonConnection;
  step: AmazonSyncStep;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function announce(ctx: JobContext, accountId: number, runId?: number) {
  ctx.events.publish('sync:status', accountId, { runId, at: new Date().toISOString() });
}

/** Stores a document as an import and reads it in; the step records the import first, so a crash resumes it. */
async function importDocument(
  work: StepWork,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ rows: number; inserted: number; duplicates: number }> {
  const { ctx, step, connection } = work;
  const created = await createImport(
    ctx.db,
    { accountId: connection.accountId, fileName, kind: IMPORT_KINDS[step.feed] },
    bytes,
    { maxBytes: ctx.config?.maxUploadBytes ?? Number.MAX_SAFE_INTEGER, now: () => ctx.clock.now() },
  );
  if (!created.ok) throw new StepFailed(`${fileName}: ${created.message}`);
  work.step = await updateStep(ctx.db, step, { importIds: [...step.importIds, created.importId] });
  return finishImport(work, created.importId, fileName);
}

async function finishImport(work: StepWork, importId: number, fileName: string) {
  const { ctx } = work;
  await processImportJob.run({ importId }, ctx);
  const record = await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
  if (record.status !== 'SUCCEEDED') {
    const [first] = record.errors as Array<{ line: number; message: string }>;
    throw new StepFailed(
      `${fileName} was refused by the import (${first ? `line ${first.line}: ${first.message}` : 'no detail'})`,
    );
  }
  return { rows: record.rows, inserted: record.inserted, duplicates: record.duplicates };
}

async function addCounts(work: StepWork, counts: { rows: number; inserted: number; duplicates: number }) {
  work.step = await updateStep(work.ctx.db, work.step, {
    rows: work.step.rows + counts.rows,
    inserted: work.step.inserted + counts.inserted,
    duplicates: work.step.duplicates + counts.duplicates,
  });
}

/** An import of this step that a crash interrupted is finished before anything else. */
async function resumeInterruptedImports(work: StepWork) {
  for (const importId of work.step.importIds) {
    const record = await work.ctx.db.prisma.import.findUnique({ where: { id: importId } });
    if (record && (record.status === 'QUEUED' || record.status === 'RUNNING')) {
      await addCounts(work, await finishImport(work, importId, record.fileName));
    }
  }
}

async function fetchDocument(work: StepWork, report: Report, fileName: string) {
  if (!report.reportDocumentId) throw new StepFailed(`report ${report.reportId} is DONE but names no document`);
  const document = await work.client.getReportDocument(report.reportDocumentId);
  await addCounts(work, await importDocument(work, fileName, await work.client.downloadDocument(document)));
}

/** One report made on request (ledger, reimbursements, returns): create, wait for it, import its document. */
async function reportStep(work: StepWork, reportType: string) {
  const { ctx, client, connection } = work;
  // Its document was imported before a crash (resumeInterruptedImports finished it).
  if (work.step.importIds.length > 0) return;
  if (!work.step.amazonReportId) {
    const { reportId } = await client.createReport({
      reportType,
      marketplaceIds: connection.marketplaceIds,
      dataStartTime: work.step.dataStart.toISOString(),
      dataEndTime: work.step.dataEnd.toISOString(),
    });
    work.step = await updateStep(ctx.db, work.step, { amazonReportId: reportId, status: 'WAITING', polls: 0 });
  }
  for (;;) {
    const report = await client.getReport(work.step.amazonReportId as string);
    if (report.processingStatus === 'DONE') {
      await fetchDocument(work, report, `${reportType}-${report.reportId}.txt`);
      return;
    }
    // Amazon cancels a report that has no data in its window: nothing to import.
    if (report.processingStatus === 'CANCELLED') return;
    if (report.processingStatus === 'FATAL') {
      throw new StepFailed(`Amazon could not make report ${report.reportId} (${reportType}): processing status FATAL`);
    }
    const polls = work.step.polls + 1;
    if (polls > MAX_POLLS)
      throw new StepFailed(`report ${report.reportId} was still ${report.processingStatus} after ${MAX_POLLS} looks`);
    work.step = await updateStep(ctx.db, work.step, { polls });
    const waitMs = pollDelayMs(polls);
    if (waitMs > INLINE_WAIT_MS) throw new MustWait(waitMs, `Amazon is making report ${report.reportId}`);
    await sleep(waitMs);
  }
}

/** Settlement reports cannot be requested: Amazon makes one per settlement period; the new ones are imported. */
async function settlementsStep(work: StepWork) {
  const reports: Report[] = [];
  let nextToken: string | undefined;
  do {
    const page = await work.client.getReports({
      reportTypes: [REPORT_TYPES.SETTLEMENTS],
      processingStatuses: ['DONE'],
      createdSince: work.step.dataStart.toISOString(),
      nextToken,
    });
    reports.push(...page.reports);
    nextToken = page.nextToken;
  } while (nextToken);
  reports.sort((a, b) => a.createdTime.localeCompare(b.createdTime));
  for (const report of reports) {
    if (work.step.doneReportIds.includes(report.reportId)) continue;
    await fetchDocument(work, report, `${REPORT_TYPES.SETTLEMENTS}-${report.reportId}.txt`);
    work.step = await updateStep(work.ctx.db, work.step, {
      doneReportIds: [...work.step.doneReportIds, report.reportId],
    });
  }
  if ((await dropSettledProvisionalRefunds(work.ctx.db, work.connection.accountId)) > 0) {
    await refreshAndAnnounce(work.ctx, work.connection.accountId);
  }
}

interface InboundPayload {
  ShipmentData?: Array<{ ShipmentId?: string }>;
  ItemData?: Array<{ ShipmentId?: string }>;
  NextToken?: string;
}

/** Every page of a Fulfillment Inbound v0 query by date range. */
async function allPages(fetchPage: (nextToken?: string) => Promise<JsonBody>): Promise<InboundPayload[]> {
  const pages: InboundPayload[] = [];
  let nextToken: string | undefined;
  do {
    const payload = ((await fetchPage(nextToken)).payload ?? {}) as InboundPayload;
    pages.push(payload);
    nextToken = payload.NextToken;
  } while (nextToken);
  return pages;
}

/**
 * Shipments updated in the window (getShipments) with their items (getShipmentItems, the same window: one paged list
 * for all of them), imported as the SP-API bodies (REPORTS.md section 5). A shipment whose items that list lacks is
 * asked for by id.
 */
async function inboundStep(work: StepWork) {
  const { client, connection, step } = work;
  const bodies: unknown[] = [];
  const shipmentIds = new Set<string>();
  for (const marketplaceId of connection.marketplaceIds) {
    const window = {
      marketplaceId,
      lastUpdatedAfter: step.dataStart.toISOString(),
      lastUpdatedBefore: step.dataEnd.toISOString(),
    };
    const withItems = new Set<string>();
    for (const page of await allPages((nextToken) => client.getShipments({ ...window, nextToken }))) {
      const fresh = (page.ShipmentData ?? []).filter((shipment) => {
        if (!shipment.ShipmentId || shipmentIds.has(shipment.ShipmentId)) return false;
        shipmentIds.add(shipment.ShipmentId);
        return true;
      });
      bodies.push({ payload: { ShipmentData: fresh } });
    }
    for (const page of await allPages((nextToken) => client.getShipmentItems({ ...window, nextToken }))) {
      for (const item of page.ItemData ?? []) if (item.ShipmentId) withItems.add(item.ShipmentId);
      bodies.push({ payload: { ItemData: page.ItemData ?? [] } });
    }
    for (const shipmentId of shipmentIds) {
      if (!withItems.has(shipmentId)) bodies.push(await client.getShipmentItemsByShipmentId(shipmentId, marketplaceId));
    }
  }
  if (shipmentIds.size === 0) return;
  const text = Buffer.from(JSON.stringify(bodies));
  await addCounts(
    work,
    await importDocument(
      work,
      `inbound-shipments-${step.dataEnd.toISOString().slice(0, 10)}.json`,
      (async function* () {
        yield text;
      })(),
    ),
  );
}

/** Refunds Finances has posted since the last settlement, as provisional settlement rows. */
async function refundsStep(work: StepWork) {
  const { ctx, client, connection, step } = work;
  // A settlement imported by this very run moves the start.
  const settled = await settledThrough(ctx.db, connection.accountId);
  const start = settled && settled > step.dataStart ? settled : step.dataStart;
  if (start >= step.dataEnd) return;
  const pages: FinancialEventsPage[] = [];
  let nextToken: string | undefined;
  do {
    const page = (await client.listFinancialEvents({
      postedAfter: start.toISOString(),
      postedBefore: step.dataEnd.toISOString(),
      nextToken,
    })) as FinancialEventsPage;
    pages.push(page);
    nextToken = page.payload?.NextToken;
  } while (nextToken);
  const fba = await fbaSkus(ctx.db, connection.accountId);
  const converted = refundsAsSettlementText(pages, (sku) => fba.has(sku));
  if (converted.problems.length > 0) {
    const [first] = converted.problems;
    throw new StepFailed(`listFinancialEvents gave an unreadable refund at ${first?.path}: ${first?.message}`);
  }
  if (converted.rows === 0) return;
  const text = Buffer.from(converted.text);
  await addCounts(
    work,
    await importDocument(
      work,
      `${PROVISIONAL_SETTLEMENT_ID}-${step.dataEnd.toISOString().slice(0, 10)}.txt`,
      (async function* () {
        yield text;
      })(),
    ),
  );
}

async function runStep(work: StepWork) {
  await resumeInterruptedImports(work);
  const feed = work.step.feed as SyncFeed;
  switch (feed) {
    case 'LEDGER':
    case 'REIMBURSEMENTS':
    case 'CUSTOMER_RETURNS':
      return reportStep(work, REPORT_TYPES[feed]);
    case 'SETTLEMENTS':
      return settlementsStep(work);
    case 'INBOUND_SHIPMENTS':
      return inboundStep(work);
    case 'REFUNDS':
      return refundsStep(work);
  }
}

export const syncAmazon = defineJob({
  name: 'sync-amazon',
  payload,
  maxAttempts: 3,
  async run({ accountId, trigger }, ctx) {
    const settings = ctx.config?.amazon;
    if (!settings) throw new Error('sync-amazon needs the configuration (a server, a worker or the CLI runs it)');
    const owner = randomUUID();
    if (!(await takeLease(ctx.db, accountId, owner, LEASE_SECONDS))) {
      // Another process works on it, or died working on it: come back when its lease lapses. Should it be alive, its
      // own continuation is queued, and this one finds the run not due and ends.
      const delayMs = (await leaseLeftMs(ctx.db, accountId)) + 1000;
      ctx.log.debug({ accountId, delayMs }, 'another process holds the sync of this account');
      await ctx.jobs.enqueue(syncAmazon, { accountId }, { delayMs });
      return;
    }
    const heartbeat = setInterval(
      () => {
        takeLease(ctx.db, accountId, owner, LEASE_SECONDS).catch(() => {});
      },
      (LEASE_SECONDS * 1000) / 4,
    );
    heartbeat.unref();
    try {
      await syncUnderLease(ctx, settings, accountId, trigger);
    } finally {
      clearInterval(heartbeat);
      await releaseLease(ctx.db, accountId, owner);
    }
  },
});

async function syncUnderLease(
  ctx: JobContext,
  settings: AmazonSettings,
  accountId: number,
  trigger: 'CONNECT' | 'MANUAL' | 'SCHEDULE' | undefined,
) {
  const connection = await ctx.db.prisma.amazonConnection.findUnique({
    where: { accountId },
    include: { account: { select: { region: true } } },
  });
  if (!connection) return;
  const realNow = new Date();
  let run = await unfinishedRun(ctx.db, accountId);
  if (!run) {
    if (!trigger && connection.nextSyncAt > realNow) return;
    // A refused connection waits for the seller to connect again; asking Amazon daily would not help.
    if (connection.status === 'REFUSED' && trigger !== 'MANUAL') return;
    run = await startRun(ctx.db, connection, {
      trigger: trigger ?? 'SCHEDULE',
      asOf: ctx.clock.now(),
      startedAt: realNow,
      settings,
    });
    ctx.log.info({ accountId, runId: run.id, trigger: run.trigger }, 'sync started');
  } else if (connection.wakeAt && connection.wakeAt.getTime() > realNow.getTime() + 1000) {
    // Woken early (a schedule, a second request): the run's own continuation is queued for wakeAt.
    return;
  }
  announce(ctx, accountId, run.id);
  const log = ctx.log.child({ accountId, runId: run.id });
  let client: SpApiClient;
  try {
    client = clientFor(settings, connection, connection.account.region);
  } catch (error) {
    await finishRun(ctx, connection, run.id, messageOf(error));
    return;
  }
  for (const step of run.steps) {
    if (step.status === 'SUCCEEDED' || step.status === 'FAILED') continue;
    const work: StepWork = { ctx, client, connection, step };
    try {
      await runStep(work);
      work.step = await updateStep(ctx.db, work.step, { status: 'SUCCEEDED', error: null, finishedAt: new Date() });
      await advanceCursor(ctx.db, accountId, step.feed as SyncFeed, step.dataEnd);
      log.info(
        { feed: step.feed, rows: work.step.rows, inserted: work.step.inserted, duplicates: work.step.duplicates },
        'sync step done',
      );
    } catch (error) {
      if (error instanceof MustWait) {
        const wakeAt = new Date(Date.now() + error.waitMs);
        await updateStep(ctx.db, work.step, { status: 'WAITING' });
        await ctx.db.prisma.amazonConnection.update({ where: { id: connection.id }, data: { wakeAt } });
        await ctx.jobs.enqueue(syncAmazon, { accountId }, { delayMs: error.waitMs });
        log.info({ feed: step.feed, waitMs: error.waitMs, why: error.message }, 'sync waits');
        announce(ctx, accountId, run.id);
        return;
      }
      const message = messageOf(error);
      await updateStep(ctx.db, work.step, { status: 'FAILED', error: message, finishedAt: new Date() });
      log.warn({ feed: step.feed, error: message }, 'sync step failed');
      if (error instanceof AmazonRefusedError) {
        await ctx.db.prisma.amazonConnection.update({
          where: { id: connection.id },
          data: { status: 'REFUSED', lastError: message },
        });
        await ctx.db.prisma.amazonSyncStep.updateMany({
          where: { runId: run.id, status: { in: ['PENDING', 'WAITING'] } },
          data: { status: 'FAILED', error: 'not fetched: Login with Amazon refused the credentials' },
        });
        await finishRun(ctx, connection, run.id, message);
        return;
      }
      // Anything else stops this feed only: the others are fetched still.
      if (!(error instanceof StepFailed || error instanceof SpApiError)) log.error({ err: error }, 'sync step crashed');
    }
    announce(ctx, accountId, run.id);
  }
  const failed = await ctx.db.prisma.amazonSyncStep.findMany({ where: { runId: run.id, status: 'FAILED' } });
  await finishRun(
    ctx,
    connection,
    run.id,
    failed.length > 0 ? failed.map((step) => `${step.feed}: ${step.error}`).join('; ') : undefined,
  );
}

async function finishRun(ctx: JobContext, connection: AmazonConnection, runId: number, error: string | undefined) {
  const now = new Date();
  const every = connection.syncEveryHours * 3600 * 1000;
  // One transaction: whoever sees the run finished sees the connection's next sync too.
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.amazonSyncRun.update({
      where: { id: runId },
      data: { status: error ? 'FAILED' : 'SUCCEEDED', error: error ?? null, finishedAt: now },
    });
    const current = await tx.amazonConnection.findUniqueOrThrow({ where: { id: connection.id } });
    await tx.amazonConnection.update({
      where: { id: connection.id },
      data: {
        wakeAt: null,
        nextSyncAt: new Date(now.getTime() + (error ? Math.min(every, RETRY_FAILED_RUN_MS) : every)),
        lastError: current.status === 'REFUSED' ? current.lastError : (error ?? null),
      },
    });
  });
  ctx.log.info({ accountId: connection.accountId, runId, failed: Boolean(error) }, 'sync finished');
  announce(ctx, connection.accountId, runId);
}

/**
 * Runs a sync to its end in this process (the CLI): the job's waits are slept here instead of queued. Other jobs the
 * sync queues (attribution of reimbursements) run at once. Reports each feed as it finishes.
 */
export async function syncToTheEnd(
  deps: Omit<JobContext, 'jobs'>,
  accountId: number,
  onFeed: (feed: {
    feed: string;
    status: string;
    rows: number;
    inserted: number;
    duplicates: number;
    error: string | null;
  }) => void,
) {
  const reported = new Set<number>();
  const jobs: JobContext['jobs'] = {
    async enqueue(job, payload) {
      // The continuation of the sync is this loop's next turn.
      if (job.name === syncAmazon.name) return;
      await job.run(job.payload.parse(payload), { ...deps, jobs, log: deps.log.child({ job: job.name }) });
    },
  };
  for (let trigger: 'MANUAL' | undefined = 'MANUAL'; ; trigger = undefined) {
    await syncAmazon.run({ accountId, trigger }, { ...deps, jobs, log: deps.log.child({ job: syncAmazon.name }) });
    const run = await deps.db.prisma.amazonSyncRun.findFirst({
      where: { accountId },
      orderBy: { id: 'desc' },
      include: { steps: { orderBy: { position: 'asc' } } },
    });
    if (!run) throw new Error('the account is not connected to Amazon: reclaim connect first');
    for (const step of run.steps) {
      if ((step.status === 'SUCCEEDED' || step.status === 'FAILED') && !reported.has(step.id)) {
        reported.add(step.id);
        const { feed, status, rows, inserted, duplicates, error } = step;
        onFeed({ feed, status, rows, inserted, duplicates, error });
      }
    }
    if (run.status !== 'RUNNING') return { runId: String(run.id), status: run.status, error: run.error };
    const connection = await deps.db.prisma.amazonConnection.findUniqueOrThrow({ where: { accountId } });
    await sleep(Math.max(250, (connection.wakeAt?.getTime() ?? Date.now()) - Date.now()));
  }
}
