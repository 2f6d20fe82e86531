// Step 1 of the wizard: the Excel evidence of a claim. A summary sheet (one row per product) and an evidence sheet
// (one row per event), with typed cells, a frozen header, filters and sized columns, written by exceljs's streaming
// writer so that a claim of tens of thousands of lines stays cheap.
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Claim, ClaimedEvidence } from '../domain/claims/claim.js';
import { claimDates, shortfallOf } from '../domain/claims/claim.js';
import { type EnglishSpelling, englishOf, fulfilmentCentre } from '../domain/claims/spelling.js';
import { describeReason } from '../domain/ledger-reasons.js';
import type { Region } from '../domain/types.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkbookInput {
  claim: Claim;
  region: Region;
  /** The day the claim is made for (the opening of the case, or the draft's asOf). */
  asOfDay: string;
  /** Seller Central's case ID, once the case is opened. */
  amazonCaseId?: string;
}

export interface Column {
  header: string;
  key: string;
  width: number;
  /** Number format; text columns are '@', so Excel keeps what a seller types in them as text too. */
  format: string;
}

export const TEXT = '@';
export const DATE = 'yyyy-mm-dd';
export const UNITS = '0';
export const MONEY = '#,##0.00';

const SUMMARY: Column[] = [
  { header: 'Seller', key: 'seller', width: 24, format: TEXT },
  { header: 'Case ID', key: 'caseId', width: 14, format: TEXT },
  { header: 'Type', key: 'type', width: 12, format: TEXT },
  { header: 'SKU', key: 'sku', width: 18, format: TEXT },
  { header: 'FNSKU', key: 'fnsku', width: 13, format: TEXT },
  { header: 'ASIN', key: 'asin', width: 13, format: TEXT },
  { header: 'Title', key: 'title', width: 48, format: TEXT },
  { header: 'Units', key: 'units', width: 8, format: UNITS },
  { header: 'Unit value', key: 'unitValue', width: 11, format: MONEY },
  { header: 'Value', key: 'value', width: 12, format: MONEY },
  { header: 'Currency', key: 'currency', width: 9, format: TEXT },
  { header: 'First event', key: 'from', width: 12, format: DATE },
  { header: 'Last event', key: 'to', width: 12, format: DATE },
];

/**
 * The evidence sheet as a case agent reads it: what the reports say, in the region's spelling. Reclaim's own workings
 * (window state, deadline, expected payout) stay in the dashboard: they are not evidence, and tell Amazon nothing.
 */
function evidenceColumns(input: WorkbookInput): Column[] {
  const centre = fulfilmentCentre(englishOf(input.region));
  const columns: Column[] = [
    { header: 'SKU', key: 'sku', width: 18, format: TEXT },
    { header: 'FNSKU', key: 'fnsku', width: 13, format: TEXT },
    { header: 'Date', key: 'date', width: 12, format: DATE },
    { header: 'Units', key: 'units', width: 8, format: UNITS },
    { header: centre[0]!.toUpperCase() + centre.slice(1), key: 'fulfillmentCenter', width: 12, format: TEXT },
    { header: 'Reference', key: 'reference', width: 22, format: TEXT },
    { header: 'Source', key: 'source', width: 18, format: TEXT },
    { header: 'Reason code', key: 'reasonCode', width: 8, format: TEXT },
    { header: 'Reason', key: 'reason', width: 40, format: TEXT },
  ];
  if (input.claim.type === 'INBOUND') {
    // The shipment item, as the agent checks it against the shipment in Seller Central.
    columns.push(
      { header: 'Shipment ID', key: 'shipmentId', width: 14, format: TEXT },
      { header: 'Units shipped', key: 'shipped', width: 9, format: UNITS },
      { header: 'Units received', key: 'received', width: 9, format: UNITS },
      { header: 'Shortfall', key: 'shortfall', width: 9, format: UNITS },
      { header: 'Closed date', key: 'closed', width: 12, format: DATE },
      { header: 'Last received date', key: 'receivedOn', width: 12, format: DATE },
    );
  }
  // Amazon's own reconciliation of the ledger row (docs/rules.md section 9), beside Reclaim's units.
  if (input.claim.type === 'LOST' || input.claim.type === 'DAMAGED') {
    columns.push(
      { header: 'Reconciled qty', key: 'reconciledQuantity', width: 10, format: UNITS },
      { header: 'Unreconciled qty', key: 'unreconciledQuantity', width: 10, format: UNITS },
      { header: 'Amazon reconciled', key: 'amazonReconciled', width: 10, format: TEXT },
    );
  }
  if (input.claim.type === 'REMOVAL') {
    // docs/rules.md section 10: the removal order is the Reference; the shipment and every quantity.
    columns.push(
      { header: 'Tracking number', key: 'trackingNumber', width: 20, format: TEXT },
      { header: 'Carrier', key: 'carrier', width: 10, format: TEXT },
      { header: 'Requested qty', key: 'requested', width: 10, format: UNITS },
      { header: 'Cancelled qty', key: 'cancelled', width: 10, format: UNITS },
      { header: 'Disposed qty', key: 'disposed', width: 10, format: UNITS },
      { header: 'Shipped qty', key: 'shipped', width: 10, format: UNITS },
      { header: 'Received qty', key: 'received', width: 10, format: UNITS },
    );
  }
  return columns;
}

/** The report each line comes from, as Seller Central names it. */
const SOURCES: Readonly<Record<string, string>> = {
  LEDGER: 'Inventory Ledger',
  SHIPMENT: 'Inbound shipments',
  REFUND: 'Settlement (refund)',
  REMOVAL_ORDER: 'Removal orders',
  REMOVAL_SHIPMENT: 'Removal shipments',
};

/** The words of a line's reason: its ledger reason code's, else what the line's type means. */
function reasonOf(line: ClaimedEvidence, spelling: EnglishSpelling): string {
  if (line.reasonCode) return describeReason(line.reasonCode, spelling) ?? '';
  if (line.type === 'INBOUND') return 'Shipment closed with fewer units received than shipped';
  if (line.type === 'UNRETURNED') return 'Refunded to the customer, unit not returned';
  if (line.source === 'REMOVAL_ORDER') return 'Removal order completed with fewer units shipped than requested';
  if (line.source === 'REMOVAL_SHIPMENT') return 'Removal shipment received with fewer units than shipped';
  return '';
}

export const day = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

export function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width, format }) => ({ header, key, width, style: { numFmt: format } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/**
 * Every value of a text column is written as a string cell, never a formula: a title such as `=HYPERLINK(...)` is
 * text (and the column is formatted as text, so editing it in Excel keeps it so).
 */
export function addRow(sheet: ExcelJS.Worksheet, values: Record<string, unknown>) {
  sheet.addRow(values).commit();
}

/** A workbook written by exceljs's streaming writer, as bytes: `fill` adds and commits its sheets. */
export async function writeWorkbook(
  created: Date,
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  // Loaded on the first workbook, not at start-up (about 30 MB of a server's memory).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Reclaim';
  workbook.created = created;
  await fill(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

export function claimWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { claim } = input;
  return writeWorkbook(new Date(`${input.asOfDay}T00:00:00Z`), async (workbook) => {
    const summary = addSheet(workbook, 'Summary', SUMMARY);
    for (const item of claim.items) {
      const dates = claimDates(item.evidence);
      addRow(summary, {
        seller: claim.sellerName,
        caseId: input.amazonCaseId ?? '',
        type: claim.type,
        sku: item.product.sku,
        fnsku: item.product.fnsku ?? '',
        asin: item.product.asin ?? '',
        title: item.product.title ?? '',
        units: item.units,
        unitValue:
          item.reimbursable && item.units > 0 ? item.reimbursable.amount.dividedBy(item.units).toNumber() : null,
        value: item.reimbursable ? item.reimbursable.amount.toNumber() : null,
        currency: item.reimbursable?.currency ?? '',
        from: day(dates.from),
        to: day(dates.to),
      });
    }
    await summary.commit();

    const spelling = englishOf(input.region);
    const evidence = addSheet(workbook, 'Evidence', evidenceColumns(input));
    for (const item of claim.items) {
      for (const line of item.evidence) {
        addRow(evidence, {
          sku: item.product.sku,
          fnsku: item.product.fnsku ?? '',
          date: day(line.date),
          units: line.units,
          fulfillmentCenter: line.fulfillmentCenter ?? '',
          reference: line.reference ?? '',
          source: SOURCES[line.source] ?? line.source,
          reasonCode: line.reasonCode ?? '',
          reason: reasonOf(line, spelling),
          shipmentId: line.source === 'SHIPMENT' ? (line.reference ?? '') : '',
          shipped: line.shipment?.quantityShipped ?? line.removal?.shipped ?? null,
          received: line.shipment?.quantityReceived ?? line.removal?.received ?? null,
          shortfall: line.shipment ? shortfallOf(line.shipment) : null,
          closed: day(line.shipment?.closedDate),
          receivedOn: day(line.shipment?.receivedDate),
          reconciledQuantity: line.reconciledQuantity ?? null,
          unreconciledQuantity: line.unreconciledQuantity ?? null,
          amazonReconciled: line.source === 'LEDGER' ? (line.amazonReconciled ? 'yes' : 'no') : '',
          trackingNumber: line.trackingNumber ?? '',
          carrier: line.carrier ?? '',
          requested: line.removal?.requested ?? null,
          cancelled: line.removal?.cancelled ?? null,
          disposed: line.removal?.disposed ?? null,
        });
      }
    }
    await evidence.commit();
  });
}
