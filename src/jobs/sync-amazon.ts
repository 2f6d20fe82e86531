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
import {
  PROVISIONAL_SETTLEMENT_ID,
  type TransactionsPage,
  transactionsAsSettlementText,
} from '../domain/sync/finances-transactions.js';
import {
  FINANCES_SLICE_DAYS,
  IMPORT_KINDS,
  MAX_POLLS,
  nextSlice,
  pollDelayMs,
  REPORT_SLICE_DAYS,
  REPORT_TYPES,
  type SyncFeed,
  type Window,
} from '../domain/sync/windows.js';
import type { AmazonConnection, AmazonSyncStep, Region } from '../generated/prisma/client.js';
import { createImport, processImport } from '../ingest/run-import.js';
import {
  advanceCursor,
  credentialsOf,
  dropSettledProvisionalRefunds,
  fbaSkus,
  leaseLeftMs,
  moveCursorForward,
  releaseLease,
  settledThrough,
  shipmentsWithItems,
  startRun,
  takeLease,
  unfinishedRun,
  updateStep,
} from '../store/amazon.js';
import { refreshAndAnnounce } from './announce.js';
import { defineJob, type JobContext } from './kit.js';
import { processImportJob, settleSlices as settleStepSlices } from './process-import.js';

const LEASE_SECONDS = 60;
/** A requested sync that found the last one releasing its lease asks again this soon. */
const RETAKE_LEASE_MS = 500;
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
  settings: AmazonSettings;
  client: SpApiClient;
  connection: AmazonConnection;
  step: AmazonSyncStep;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function announce(ctx: JobContext, accountId: number, runId?: number) {
  ctx.events.publish('sync:status', accountId, { runId, at: new Date().toISOString() });
}

/** Stores a document as an import; the step records it (and the report it came from) in the same update. */
async function recordImport(
  work: StepWork,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  record: { reportId?: string; forSlice?: boolean } = {},
): Promise<number> {
  const { ctx, step, connection } = work;
  const created = await createImport(
    ctx.db,
    { accountId: connection.accountId, fileName, kind: IMPORT_KINDS[step.feed] },
    bytes,
    { maxBytes: ctx.config?.maxUploadBytes ?? Number.MAX_SAFE_INTEGER, now: () => ctx.clock.now() },
  );
  if (!created.ok) throw new StepFailed(`${fileName}: ${created.message}`);
  work.step = await updateStep(ctx.db, step, {
    importIds: [...step.importIds, created.importId],
    ...(record.reportId ? { doneReportIds: [...step.doneReportIds, record.reportId] } : {}),
    ...(record.forSlice ? { sliceImportId: created.importId } : {}),
  });
  return created.importId;
}

/**
 * Reads a recorded import in (unless a crash left it read already) and gives its counts. A slice's import is only
 * read in (it stays RUNNING, readAt set): its step settles the numbers once for all its slices (settleSlices),
 * rather than after each, and makes them SUCCEEDED then.
 */
async function finishImport(work: StepWork, importId: number, options: { slice?: boolean } = {}) {
  const { ctx } = work;
  const readIn = (record: { status: string; readAt: Date | null }) =>
    record.status === 'SUCCEEDED' || (options.slice === true && record.status === 'RUNNING' && record.readAt !== null);
  let record = await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
  if (!readIn(record) && (record.status === 'QUEUED' || record.status === 'RUNNING')) {
    if (options.slice) {
      await processImport(ctx.db, importId, { now: () => ctx.clock.now(), log: ctx.log, deferNumbers: true });
    } else await processImportJob.run({ importId }, ctx);
    record = await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
  }
  if (!readIn(record)) {
    const [first] = record.errors as Array<{ line: number; message: string }>;
    throw new StepFailed(
      `${record.fileName} was refused by the import (${first ? `line ${first.line}: ${first.message}` : 'no detail'})`,
    );
  }
  return { rows: record.rows, inserted: record.inserted, updated: record.updated, duplicates: record.duplicates };
}

function countsAdded(
  step: AmazonSyncStep,
  counts: { rows: number; inserted: number; updated: number; duplicates: number },
) {
  return {
    rows: step.rows + counts.rows,
    inserted: step.inserted + counts.inserted,
    updated: step.updated + counts.updated,
    duplicates: step.duplicates + counts.duplicates,
  };
}

/** Stores a document as an import of the step and reads it in. */
async function importDocument(work: StepWork, fileName: string, bytes: AsyncIterable<Uint8Array>, reportId?: string) {
  const importId = await recordImport(work, fileName, bytes, { reportId });
  const counts = await finishImport(work, importId);
  work.step = await updateStep(work.ctx.db, work.step, countsAdded(work.step, counts));
}

/** An import of this step that a crash interrupted is finished before anything else (a slice's, by its slice). */
async function resumeInterruptedImports(work: StepWork) {
  for (const importId of work.step.importIds) {
    if (importId === work.step.sliceImportId) continue;
    const record = await work.ctx.db.prisma.import.findUnique({ where: { id: importId } });
    // A slice's import read in already (readAt) waits for settleSlices: its counts are in the step.
    if (record && (record.status === 'QUEUED' || record.status === 'RUNNING') && record.readAt === null) {
      const counts = await finishImport(work, importId);
      work.step = await updateStep(work.ctx.db, work.step, countsAdded(work.step, counts));
    }
  }
}

const textOf = (text: string) =>
  (async function* () {
    yield Buffer.from(text);
  })();

async function downloadedDocument(work: StepWork, report: Report) {
  if (!report.reportDocumentId) throw new StepFailed(`report ${report.reportId} is DONE but names no document`);
  const document = await work.client.getReportDocument(report.reportDocumentId);
  return work.client.downloadDocument(document);
}

/**
 * Reads a step's window slice by slice, oldest first, each at most `maxDays` long. A slice records at most one
 * import (`sliceImportId`); the slice is closed, its counts added and `fetchedThrough` moved to its end, in one
 * update once that import is read in. A step resumed after a crash finishes the slice it was in: it neither repeats
 * a slice whose import was recorded nor skips one that was not.
 */
async function slicedStep(
  work: StepWork,
  window: Window,
  maxDays: number,
  readSlice: (slice: Window) => Promise<void>,
) {
  const { db } = work.ctx;
  for (;;) {
    const { sliceImportId, sliceEnd, fetchedThrough } = work.step;
    if (sliceImportId !== null) {
      const counts = await finishImport(work, sliceImportId, { slice: true });
      work.step = await updateStep(db, work.step, {
        ...countsAdded(work.step, counts),
        fetchedThrough: sliceEnd,
        sliceEnd: null,
        sliceImportId: null,
      });
      continue;
    }
    const from = new Date(Math.max(window.start.getTime(), fetchedThrough?.getTime() ?? 0));
    if (sliceEnd && from >= sliceEnd) {
      // The window now starts past the slice in work (a settlement moved the refunds' start): nothing left in it.
      work.step = await updateStep(db, work.step, { fetchedThrough: sliceEnd, sliceEnd: null });
      continue;
    }
    const slice = sliceEnd ? { start: from, end: sliceEnd } : nextSlice(from, window.end, maxDays);
    if (!slice) return settleSlices(work);
    // A new slice asks Amazon anew; the step shows the last report it asked for until then.
    if (!sliceEnd) work.step = await updateStep(db, work.step, { sliceEnd: slice.end, amazonReportId: null, polls: 0 });
    await readSlice(slice);
    if (work.step.sliceImportId === null) {
      // Nothing to import in this slice (Amazon cancelled an empty report, Finances had nothing).
      work.step = await updateStep(db, work.step, { fetchedThrough: slice.end, sliceEnd: null });
    }
  }
}

/**
 * The numbers the step's slices changed, brought up to date once (run again after a crash, it finds little stale).
 * Products an import made stale stay marked so until then, so that nothing is lost in between.
 */
async function settleSlices(work: StepWork) {
  const { step, connection } = work;
  await settleStepSlices(work.ctx, {
    importIds: step.importIds,
    accountId: connection.accountId,
    kind: IMPORT_KINDS[step.feed as SyncFeed],
    rows: step.rows,
    inserted: step.inserted,
  });
}

/**
 * One slice of a report made on request (ledger, reimbursements, returns, removal orders and shipments): create it for the slice, wait for it,
 * record its document as an import. Amazon cancels a report that has no data in its window: nothing to import.
 */
async function reportSlice(work: StepWork, reportType: string, slice: Window) {
  const { ctx, client, connection } = work;
  if (!work.step.amazonReportId) {
    const { reportId } = await client.createReport({
      reportType,
      marketplaceIds: connection.marketplaceIds,
      dataStartTime: slice.start.toISOString(),
      dataEndTime: slice.end.toISOString(),
    });
    work.step = await updateStep(ctx.db, work.step, { amazonReportId: reportId, status: 'WAITING', polls: 0 });
  }
  for (;;) {
    const report = await client.getReport(work.step.amazonReportId as string);
    if (report.processingStatus === 'DONE') {
      await recordImport(work, `${reportType}-${report.reportId}.txt`, await downloadedDocument(work, report), {
        reportId: report.reportId,
        forSlice: true,
      });
      return;
    }
    if (report.processingStatus === 'CANCELLED') return;
    if (report.processingStatus === 'FATAL') {
      throw new StepFailed(
        `Amazon could not make report ${report.reportId} (${reportType}, ${slice.start.toISOString()} to ${slice.end.toISOString()}): processing status FATAL`,
      );
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

/** A report feed: its window in slices of at most RECLAIM_SYNC_REPORT_DAYS, merged through the import pipeline. */
async function reportStep(work: StepWork, reportType: string) {
  const window = { start: work.step.dataStart, end: work.step.dataEnd };
  await slicedStep(work, window, work.settings.reportSliceDays ?? REPORT_SLICE_DAYS, (slice) =>
    reportSlice(work, reportType, slice),
  );
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
    const fileName = `${REPORT_TYPES.SETTLEMENTS}-${report.reportId}.txt`;
    await importDocument(work, fileName, await downloadedDocument(work, report), report.reportId);
  }
  if ((await dropSettledProvisionalRefunds(work.ctx.db, work.connection.accountId)) > 0) {
    await refreshAndAnnounce(work.ctx, work.connection.accountId);
  }
}

interface InboundPayload {
  ShipmentData?: Array<{ ShipmentId?: string }> | null;
  ItemData?: Array<{ ShipmentId?: string }> | null;
  NextToken?: string | null;
}

/** Every page of a Fulfillment Inbound v0 query by date range. */
async function allPages(fetchPage: (nextToken?: string) => Promise<JsonBody>): Promise<InboundPayload[]> {
  const pages: InboundPayload[] = [];
  let nextToken: string | undefined;
  do {
    const payload = ((await fetchPage(nextToken)).payload ?? {}) as InboundPayload;
    pages.push(payload);
    nextToken = payload.NextToken || undefined;
  } while (nextToken);
  return pages;
}

/**
 * Shipments whose header changed in the window (getShipments, every status that can hold units) and the items that
 * changed in it (getShipmentItems: one paged list for every shipment), imported as the SP-API bodies (docs/reports.md
 * section 5). Both lists are read on their own: getShipments does not return a shipment whose only change is its
 * received quantities (selling-partner-api-docs issue #3152), so items are imported whether or not their header came
 * back, and joined with the shipments already stored. A shipment that came back without items, and whose items
 * Reclaim has never had, is asked for by id.
 */
async function inboundStep(work: StepWork) {
  const { ctx, client, connection, step } = work;
  const bodies: unknown[] = [];
  const headers = new Set<string>();
  const withItems = new Set<string>();
  let unnamed = 0;
  for (const marketplaceId of connection.marketplaceIds) {
    const window = {
      marketplaceId,
      lastUpdatedAfter: step.dataStart.toISOString(),
      lastUpdatedBefore: step.dataEnd.toISOString(),
    };
    for (const page of await allPages((nextToken) => client.getShipments({ ...window, nextToken }))) {
      const fresh = (page.ShipmentData ?? []).filter((shipment) => {
        if (!shipment?.ShipmentId || headers.has(shipment.ShipmentId)) return false;
        headers.add(shipment.ShipmentId);
        return true;
      });
      if (fresh.length > 0) bodies.push({ payload: { ShipmentData: fresh } });
    }
    for (const page of await allPages((nextToken) => client.getShipmentItems({ ...window, nextToken }))) {
      // An item of a list across shipments that does not name its shipment cannot be placed.
      const named = (page.ItemData ?? []).filter((item) => Boolean(item?.ShipmentId));
      unnamed += (page.ItemData ?? []).length - named.length;
      for (const item of named) withItems.add(item.ShipmentId as string);
      if (named.length > 0) bodies.push({ payload: { ItemData: named } });
    }
  }
  if (unnamed > 0) {
    ctx.log.warn({ accountId: connection.accountId, items: unnamed }, 'getShipmentItems gave items naming no shipment');
  }
  const unseen = [...headers].filter((id) => !withItems.has(id));
  const stored = await shipmentsWithItems(ctx.db, connection.accountId, unseen);
  for (const shipmentId of unseen.filter((id) => !stored.has(id))) {
    const page = ((await client.getShipmentItemsByShipmentId(shipmentId)).payload ?? {}) as InboundPayload;
    // The shipment is the one asked for, whether or not each item names it.
    const items = (page.ItemData ?? []).map((item) => ({ ...item, ShipmentId: shipmentId }));
    if (items.length > 0) bodies.push({ payload: { ItemData: items } });
  }
  if (bodies.length === 0) return;
  await importDocument(
    work,
    `inbound-shipments-${step.dataEnd.toISOString().slice(0, 10)}.json`,
    textOf(JSON.stringify(bodies)),
  );
}

/**
 * Orders and refunds Finances (2024-06-19 listTransactions) posted since the last settlement, as provisional
 * settlement rows: in windows of at most 180 days (a longer one answers empty), every page asked with the same
 * arguments and its next token, each window's rows one import.
 */
async function refundsStep(work: StepWork) {
  const { ctx, client, connection, step } = work;
  // A settlement imported by this very run moves the start.
  const settled = await settledThrough(ctx.db, connection.accountId);
  const start = settled && settled > step.dataStart ? settled : step.dataStart;
  let fba: Set<string> | undefined;
  await slicedStep(work, { start, end: step.dataEnd }, FINANCES_SLICE_DAYS, async (slice) => {
    const pages: TransactionsPage[] = [];
    let nextToken: string | undefined;
    do {
      const page = (await client.listTransactions({
        postedAfter: slice.start.toISOString(),
        postedBefore: slice.end.toISOString(),
        nextToken,
      })) as TransactionsPage;
      pages.push(page);
      nextToken = page.payload?.nextToken || undefined;
    } while (nextToken);
    fba ??= await fbaSkus(ctx.db, connection.accountId);
    const known = fba;
    const converted = transactionsAsSettlementText(pages, (sku) => known.has(sku));
    if (converted.skipped.length > 0) {
      ctx.log.warn(
        { accountId: connection.accountId, skipped: converted.skipped.length, first: converted.skipped[0] },
        'listTransactions gave transactions that cannot become settlement rows',
      );
    }
    if (converted.rows === 0) return;
    const name = `${PROVISIONAL_SETTLEMENT_ID}-${slice.start.toISOString().slice(0, 10)}-${slice.end.toISOString().slice(0, 10)}.txt`;
    await recordImport(work, name, textOf(converted.text), { forSlice: true });
  });
}

async function runStep(work: StepWork) {
  await resumeInterruptedImports(work);
  const feed = work.step.feed as SyncFeed;
  switch (feed) {
    case 'LEDGER':
    case 'REIMBURSEMENTS':
    case 'CUSTOMER_RETURNS':
    case 'REMOVAL_ORDERS':
    case 'REMOVAL_SHIPMENTS':
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
      if (trigger && !(await unfinishedRun(ctx.db, accountId))) {
        // The holder has finished its run and is letting go of the lease (the dashboard already shows it finished, so
        // this is when a seller clicks "Sync now"): ask again in a moment, keeping the trigger, or the request is lost.
        ctx.log.debug({ accountId, trigger }, 'the last sync is letting go of its lease');
        await ctx.jobs.enqueue(syncAmazon, { accountId, trigger }, { delayMs: RETAKE_LEASE_MS });
        return;
      }
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
    const work: StepWork = { ctx, settings, client, connection, step };
    try {
      await runStep(work);
      work.step = await updateStep(ctx.db, work.step, { status: 'SUCCEEDED', error: null, finishedAt: new Date() });
      await advanceCursor(ctx.db, accountId, step.feed as SyncFeed, step.dataEnd);
      log.info(
        {
          feed: step.feed,
          rows: work.step.rows,
          inserted: work.step.inserted,
          updated: work.step.updated,
          duplicates: work.step.duplicates,
        },
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
      // The slices read in before the failure are kept: their numbers recomputed, their imports SUCCEEDED.
      await settleSlices(work).catch((settling) => log.error({ err: settling }, 'sync step could not settle'));
      // The slices read before the failure are fetched: the next sync goes on from there (less its look-back).
      if (work.step.fetchedThrough) {
        await moveCursorForward(ctx.db, accountId, step.feed as SyncFeed, work.step.fetchedThrough);
      }
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
    updated: number;
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
        const { feed, status, rows, inserted, updated, duplicates, error } = step;
        onFeed({ feed, status, rows, inserted, updated, duplicates, error });
      }
    }
    if (run.status !== 'RUNNING') return { runId: String(run.id), status: run.status, error: run.error };
    const connection = await deps.db.prisma.amazonConnection.findUniqueOrThrow({ where: { accountId } });
    await sleep(Math.max(250, (connection.wakeAt?.getTime() ?? Date.now()) - Date.now()));
  }
}
