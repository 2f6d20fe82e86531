// Which report a file is, from its header (docs/reports.md: "Recognise the kind of a file from its header, not its name").
import type { ImportErrorCode } from '../errors.js';
import type { ReportKind } from '../types.js';
import { customerReturnsFormat } from './customer-returns.js';
import { type HeaderMatch, matchHeader, type ReadProblem, type ReportFormat } from './format.js';
import { inboundShipmentsFormat } from './inbound-shipments.js';
import { ledgerFormat } from './ledger.js';
import { productCostsFormat } from './product-costs.js';
import { reimbursementsFormat } from './reimbursements.js';
import { removalOrdersFormat } from './removal-orders.js';
import { removalReceiptsFormat } from './removal-receipts.js';
import { removalShipmentsFormat } from './removal-shipments.js';
import { settlementFormat } from './settlement.js';
import { unreadReportOf } from './unread-reports.js';

export const REPORT_FORMATS: Readonly<Record<ReportKind, ReportFormat<unknown, string>>> = {
  LEDGER: ledgerFormat as ReportFormat<unknown, string>,
  REIMBURSEMENTS: reimbursementsFormat as ReportFormat<unknown, string>,
  CUSTOMER_RETURNS: customerReturnsFormat as ReportFormat<unknown, string>,
  SETTLEMENT: settlementFormat as ReportFormat<unknown, string>,
  INBOUND_SHIPMENTS: inboundShipmentsFormat as ReportFormat<unknown, string>,
  PRODUCT_COSTS: productCostsFormat as ReportFormat<unknown, string>,
  REMOVAL_ORDERS: removalOrdersFormat as ReportFormat<unknown, string>,
  REMOVAL_SHIPMENTS: removalShipmentsFormat as ReportFormat<unknown, string>,
  REMOVAL_RECEIPTS: removalReceiptsFormat as ReportFormat<unknown, string>,
};

export type HeaderVerdict =
  | { ok: true; format: ReportFormat<unknown, string>; match: HeaderMatch }
  | { ok: false; code: ImportErrorCode; message: string; problems: ReadProblem[] };

function missingColumns(format: ReportFormat<unknown, string>, match: HeaderMatch): string[] {
  return match.missing.map((key) => format.columns[key]!.name);
}

function refusal(code: ImportErrorCode, message: string): HeaderVerdict {
  return { ok: false, code, message, problems: [{ line: 1, message }] };
}

/** The formats whose required columns the header all has, the one that recognises the most columns first. */
function fittingFormats(header: readonly string[]) {
  return Object.values(REPORT_FORMATS)
    .map((format) => ({ format, match: matchHeader(format.columns, header) }))
    .filter(({ match }) => match.missing.length === 0)
    .sort((a, b) => b.match.matched - a.match.matched);
}

/**
 * Finds the format of a header line (line 1). With `requested`, checks that the header is that report's instead.
 * When several formats fit, the one that recognises the most columns wins. A header that is another report says
 * which: one Reclaim reads (when `requested` is not it), or one it does not read, with what to download instead.
 */
export function recogniseHeader(header: readonly string[], requested?: ReportKind): HeaderVerdict {
  const unread = unreadReportOf(header);
  if (requested) {
    const format = REPORT_FORMATS[requested];
    const match = matchHeader(format.columns, header);
    if (match.missing.length === 0) return { ok: true, format, match };
    const actual = fittingFormats(header)[0];
    if (actual) {
      return refusal(
        'INVALID_FILE',
        `the file is the ${actual.format.title} report, not the ${format.title}: import it as ${actual.format.kind}, or without a kind`,
      );
    }
    if (unread)
      return refusal('INVALID_FILE', `the file is ${unread.title}, which Reclaim does not read. ${unread.advice}`);
    const problems = missingColumns(format, match).map((name) => ({
      line: 1,
      column: name,
      message: `the column "${name}" of the ${format.title} report is missing from the header`,
    }));
    return {
      ok: false,
      code: 'INVALID_FILE',
      message: problems.map((problem) => problem.message).join('; '),
      problems,
    };
  }
  const best = fittingFormats(header)[0];
  if (best) return { ok: true, ...best };
  if (unread)
    return refusal('UNKNOWN_REPORT', `the file is ${unread.title}, which Reclaim does not read. ${unread.advice}`);
  const candidates = Object.values(REPORT_FORMATS).map((format) => ({
    format,
    match: matchHeader(format.columns, header),
  }));
  const closest = [...candidates].sort(
    (a, b) => b.match.matched - b.match.missing.length - (a.match.matched - a.match.missing.length),
  )[0]!;
  const message =
    closest.match.matched > 0
      ? `the header matches no report Reclaim reads; the closest is the ${closest.format.title} report, which also needs ${missingColumns(
          closest.format,
          closest.match,
        )
          .map((name) => `"${name}"`)
          .join(', ')}`
      : 'the header matches no report Reclaim reads (ledger, reimbursements, customer returns, settlement, inbound shipments, product costs, removal orders, removal shipments, removal receipts)';
  return refusal('UNKNOWN_REPORT', message);
}
