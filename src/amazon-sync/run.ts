// A sync is a run with one step per feed, kept in the database: each step remembers the report Amazon is making for
// it and the imports it made, so a run taken again after a crash goes on where it stopped and asks Amazon for nothing
// twice. A run never sleeps long: when Amazon is still making a report, or a rate limit says wait, the run records
// when to come back and answers with that Wait; the job queues its continuation for then and ends.
import { endpointOf, SpApiClient, SpApiError, Wait } from '../amazon/client.js';
import type { AmazonSettings } from '../config.js';
import type { SyncFeed } from '../domain/sync/windows.js';
import type { AmazonConnection, Region } from '../generated/prisma/client.js';
import {
  advanceCursor,
  connectionOf,
  credentialsOf,
  failedSteps,
  finishRun,
  moveCursorForward,
  refuseConnection,
  type SyncTrigger,
  setWakeAt,
  startRun,
  unfinishedRun,
  updateStep,
} from '../store/amazon.js';
import type { SyncContext } from './context.js';
import { fetchFeed } from './feeds/index.js';
import { INLINE_WAIT_MS } from './feeds/reports.js';
import { EARLY_MS, runLanes } from './lanes.js';
import { resumeInterruptedImports, StepFailure, type StepWork, settleSlices } from './step.js';

/** After a failed run (Amazon down, a report refused), the next try comes sooner than the next day. */
const RETRY_FAILED_RUN_MS = 60 * 60 * 1000;

/** Whatever the run tells: no credential, no pre-signed URL, only what Amazon or the import said. */
function messageOf(error: unknown): string {
  return error instanceof Error || error instanceof StepFailure ? error.message : String(error);
}

function clientFor(settings: AmazonSettings, connection: AmazonConnection, region: Region): SpApiClient {
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

function announce(ctx: SyncContext, accountId: number, runId?: number) {
  ctx.events.publish('sync:status', accountId, { runId, at: ctx.realNow().toISOString() });
}

/**
 * Starts the account's sync (when it is asked for, or due) or goes on with its unfinished run, under the lease the
 * caller holds. Answers a Wait when the run must come back later, else undefined (finished, or nothing to do).
 */
export async function runSync(
  ctx: SyncContext,
  settings: AmazonSettings,
  accountId: number,
  trigger: SyncTrigger | undefined,
): Promise<Wait | undefined> {
  const connection = await connectionOf(ctx.db, accountId);
  if (!connection) return undefined;
  const realNow = ctx.realNow();
  let run = await unfinishedRun(ctx.db, accountId);
  if (!run) {
    if (!trigger && connection.nextSyncAt > realNow) return undefined;
    // A refused connection waits for the seller to connect again; asking Amazon daily would not help.
    if (connection.status === 'REFUSED' && trigger !== 'MANUAL') return undefined;
    run = await startRun(ctx.db, connection, {
      trigger: trigger ?? 'SCHEDULE',
      asOf: ctx.clock.now(),
      startedAt: realNow,
      settings,
    });
    ctx.log.info({ accountId, runId: run.id, trigger: run.trigger }, 'sync started');
  } else if (connection.wakeAt && connection.wakeAt.getTime() > realNow.getTime() + EARLY_MS) {
    // Woken early (a schedule, a second request): the run's own continuation is queued for wakeAt.
    return undefined;
  }
  announce(ctx, accountId, run.id);
  const log = ctx.log.child({ accountId, runId: run.id });
  let client: SpApiClient;
  try {
    client = clientFor(settings, connection, connection.account.region);
  } catch (error) {
    await closeRun(ctx, connection, run.id, messageOf(error));
    return undefined;
  }
  const halted: { refused?: string } = {};
  const wakeAt = await runLanes(
    run.steps,
    async (step) => {
      const outcome = await runStep({ ctx, settings, client, connection, step }, log);
      announce(ctx, accountId, run.id);
      if (outcome instanceof Date) return outcome;
      if (outcome === undefined) return 'ended';
      halted.refused ??= outcome.refused;
      return 'stop';
    },
    () => ctx.realNow(),
  );
  if (halted.refused !== undefined) {
    await refuseConnection(ctx.db, connection.id, run.id, halted.refused);
    await closeRun(ctx, connection, run.id, halted.refused);
    return undefined;
  }
  if (wakeAt) {
    await setWakeAt(ctx.db, connection.id, wakeAt);
    announce(ctx, accountId, run.id);
    return new Wait(Math.max(0, wakeAt.getTime() - ctx.realNow().getTime()), 'a feed waits for Amazon');
  }
  const failed = await failedSteps(ctx.db, run.id);
  await closeRun(
    ctx,
    connection,
    run.id,
    failed.length > 0 ? failed.map((step) => `${step.feed}: ${step.error}`).join('; ') : undefined,
  );
  return undefined;
}

/**
 * One step of the run: what a crash interrupted, then its feed. Answers when the run must come back for it (its step
 * WAITING), the refusal of the connection's credentials (the whole run stops), or nothing: the step SUCCEEDED or
 * FAILED, and the run goes on.
 */
async function runStep(work: StepWork, log: SyncContext['log']): Promise<Date | { refused: string } | undefined> {
  const { ctx, connection } = work;
  const { accountId } = connection;
  const step = work.step;
  let halt: Wait | StepFailure | undefined;
  let crash: unknown;
  try {
    // Its time has come: it is being looked at, not waiting for a time any more.
    if (work.step.wakeAt) work.step = await updateStep(ctx.db, work.step, { wakeAt: null });
    halt = (await resumeInterruptedImports(work)) ?? (await fetchFeed(work));
  } catch (error) {
    crash = error;
  }
  if (halt instanceof Wait) {
    const wakeAt = new Date(ctx.realNow().getTime() + halt.waitMs);
    await updateStep(ctx.db, work.step, { status: 'WAITING', wakeAt });
    log.info({ feed: step.feed, waitMs: halt.waitMs, why: halt.why }, 'sync waits');
    return wakeAt;
  }
  if (!halt && crash === undefined) {
    work.step = await updateStep(ctx.db, work.step, { status: 'SUCCEEDED', error: null, finishedAt: ctx.realNow() });
    await advanceCursor(ctx.db, accountId, step.feed as SyncFeed, step.dataEnd);
    const { rows, inserted, updated, duplicates } = work.step;
    log.info({ feed: step.feed, rows, inserted, updated, duplicates }, 'sync step done');
    return undefined;
  }
  const message = messageOf(halt ?? crash);
  await updateStep(ctx.db, work.step, { status: 'FAILED', error: message, finishedAt: ctx.realNow() });
  // The slices read in before the failure are kept: their numbers recomputed, their imports SUCCEEDED.
  await settleSlices(work).catch((settling) => log.error({ err: settling }, 'sync step could not settle'));
  // The slices read before the failure are fetched: the next sync goes on from there (less its look-back).
  if (work.step.fetchedThrough) {
    await moveCursorForward(ctx.db, accountId, step.feed as SyncFeed, work.step.fetchedThrough);
  }
  log.warn({ feed: step.feed, error: message }, 'sync step failed');
  if (crash instanceof SpApiError && crash.code === 'AMAZON_REFUSED') return { refused: message };
  // Anything else stops this feed only: the others are fetched still.
  if (crash !== undefined && !(crash instanceof SpApiError)) log.error({ err: crash }, 'sync step crashed');
  return undefined;
}

async function closeRun(ctx: SyncContext, connection: AmazonConnection, runId: number, error: string | undefined) {
  const now = ctx.realNow();
  const every = connection.syncEveryHours * 3600 * 1000;
  await finishRun(ctx.db, {
    connectionId: connection.id,
    runId,
    error,
    finishedAt: now,
    nextSyncAt: new Date(now.getTime() + (error ? Math.min(every, RETRY_FAILED_RUN_MS) : every)),
  });
  ctx.log.info({ accountId: connection.accountId, runId, failed: Boolean(error) }, 'sync finished');
  announce(ctx, connection.accountId, runId);
}
