// The reports made on request (ledger, reimbursements, customer returns, removal orders and shipments): each slice
// of the step's window is asked for, waited for and imported.
import { Wait } from '../../amazon/client.js';
import { MAX_POLLS, pollDelayMs, REPORT_SLICE_DAYS, type Window } from '../../domain/sync/windows.js';
import { updateStep } from '../../store/amazon.js';
import {
  downloadedDocument,
  type Halt,
  isHalt,
  recordImport,
  StepFailure,
  type StepWork,
  slicedStep,
} from '../step.js';

/** Waits this short happen in the job; longer ones end it and queue its continuation. */
export const INLINE_WAIT_MS = 2_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One slice of a report: create it for the slice, wait for it, record its document as an import. Amazon cancels a
 * report that has no data in its window: nothing to import.
 */
async function reportSlice(work: StepWork, reportType: string, slice: Window): Promise<Halt | undefined> {
  const { ctx, client, connection } = work;
  if (!work.step.amazonReportId) {
    const created = await client.createReport({
      reportType,
      marketplaceIds: connection.marketplaceIds,
      dataStartTime: slice.start.toISOString(),
      dataEndTime: slice.end.toISOString(),
    });
    if (created instanceof Wait) return created;
    work.step = await updateStep(ctx.db, work.step, { amazonReportId: created.reportId, status: 'WAITING', polls: 0 });
  }
  for (;;) {
    const report = await client.getReport(work.step.amazonReportId as string);
    if (report instanceof Wait) return report;
    if (report.processingStatus === 'DONE') {
      const document = await downloadedDocument(work, report);
      if (isHalt(document)) return document;
      const recorded = await recordImport(work, `${reportType}-${report.reportId}.txt`, document, {
        reportId: report.reportId,
        forSlice: true,
      });
      return recorded instanceof StepFailure ? recorded : undefined;
    }
    if (report.processingStatus === 'CANCELLED') return undefined;
    if (report.processingStatus === 'FATAL') {
      return new StepFailure(
        `Amazon could not make report ${report.reportId} (${reportType}, ${slice.start.toISOString()} to ${slice.end.toISOString()}): processing status FATAL`,
      );
    }
    const polls = work.step.polls + 1;
    if (polls > MAX_POLLS) {
      return new StepFailure(`report ${report.reportId} was still ${report.processingStatus} after ${MAX_POLLS} looks`);
    }
    work.step = await updateStep(ctx.db, work.step, { polls });
    const waitMs = pollDelayMs(polls);
    if (waitMs > INLINE_WAIT_MS) return new Wait(waitMs, `Amazon is making report ${report.reportId}`);
    await sleep(waitMs);
  }
}

/** A report feed: its window in slices of at most RECLAIM_SYNC_REPORT_DAYS, merged through the import pipeline. */
export function reportStep(work: StepWork, reportType: string): Promise<Halt | undefined> {
  const window = { start: work.step.dataStart, end: work.step.dataEnd };
  return slicedStep(work, window, work.settings.reportSliceDays ?? REPORT_SLICE_DAYS, (slice) =>
    reportSlice(work, reportType, slice),
  );
}
