// Settlement reports cannot be requested: Amazon makes one per settlement period; the new ones are imported, and the
// provisional refunds they now hold are dropped.
import { Wait } from '../../amazon/client.js';
import { REPORT_TYPES } from '../../domain/sync/windows.js';
import { dropSettledProvisionalRefunds } from '../../store/amazon.js';
import { allPages } from '../paginate.js';
import { downloadedDocument, type Halt, importDocument, isHalt, type StepWork } from '../step.js';

export async function settlementsStep(work: StepWork): Promise<Halt | undefined> {
  const pages = await allPages(
    (nextToken) =>
      work.client.getReports({
        reportTypes: [REPORT_TYPES.SETTLEMENTS],
        processingStatuses: ['DONE'],
        createdSince: work.step.dataStart.toISOString(),
        nextToken,
      }),
    (page) => page.nextToken,
  );
  if (pages instanceof Wait) return pages;
  const reports = pages.flatMap((page) => page.reports);
  reports.sort((a, b) => a.createdTime.localeCompare(b.createdTime));
  for (const report of reports) {
    if (work.step.doneReportIds.includes(report.reportId)) continue;
    const document = await downloadedDocument(work, report);
    if (isHalt(document)) return document;
    const failed = await importDocument(
      work,
      `${REPORT_TYPES.SETTLEMENTS}-${report.reportId}.txt`,
      document,
      report.reportId,
    );
    if (failed) return failed;
  }
  if ((await dropSettledProvisionalRefunds(work.ctx.db, work.connection.accountId)) > 0) {
    await work.ctx.imports.refreshAndAnnounce(work.connection.accountId);
  }
  return undefined;
}
