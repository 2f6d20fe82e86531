// The Excel evidence of claims and cases (docs/rules.md section 5: "The case keeps, as they were at opening: ... the
// Excel document of the claim (and each item's part of it)") and the signed links that serve it (docs/api.md, Transport:
// "such a URL works when clicked in a browser ... and not after it expires or for another account").
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFileName } from '../../src/documents/file-name.js';
import { documentSecret, signDocumentPath } from '../../src/documents/signing.js';
import { DESCRIPTION_LANGUAGES, describeClaim } from '../../src/domain/claims/description.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import {
  CaseDocuments,
  costsFile,
  importText,
  LOST_DAY,
  ledgerFile,
  NOW,
  OPENED,
  openCase,
  openedCase,
  ViewerIdentity,
} from './fixtures.js';
import { CaseById, CloseCase, DeleteCase, Draft, ProductNumbers } from './support.js';

const FORMULA_TITLE = '=HYPERLINK("x")';
const COSTS_TITLE = '=1+2';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let token: string;
let other: string;
let caseId: string;
let caseUrl: string;
let itemUrls: Record<string, string>;
let draft: NonNullable<Awaited<ReturnType<typeof draftOf>>>;
let draftWorkbook: ExcelJS.Workbook;

const draftOf = async (skus: string[], asOf = OPENED) =>
  (await gql(server, Draft, { type: 'LOST', skus, asOf }, token)).data?.claimDraft;

/** Downloads a document as a browser would: no Authorization header, the link's signature is enough. */
async function download(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

async function workbookAt(url: string): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const response = await download(url);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe(XLSX);
  const bytes = Buffer.from(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return { bytes, workbook };
}

type CellValue = ExcelJS.CellValue;

/** A sheet's data rows, as { header: value } records, with the header row checked for a frozen view and filters. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Array<Record<string, CellValue>> {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, `sheet ${name}`).toBeDefined();
  const headers = (sheet!.getRow(1).values as CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, CellValue>> = [];
  for (let number = 2; number <= sheet!.rowCount; number++) {
    const row = sheet!.getRow(number);
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value])));
  }
  return rows;
}

const dayOf = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
  token = await server.account('Documents Seller', 'NA');
  other = await server.account('Other Seller', 'NA');
  await importText(
    server,
    token,
    'ledger.tsv',
    ledgerFile([
      { day: LOST_DAY, sku: 'SKU-X', quantity: -1, reference: '500000000001', title: FORMULA_TITLE },
      { day: '2025-04-28', sku: 'SKU-X', quantity: -2, reference: '500000000002', title: FORMULA_TITLE },
      { day: LOST_DAY, sku: 'SKU-Y', quantity: -3, reference: '500000000003' },
    ]),
  );
  await importText(
    server,
    token,
    'costs.tsv',
    costsFile([
      { sku: 'SKU-X', cost: '10.00', currency: 'USD' },
      { sku: 'SKU-Y', cost: '2.50', currency: 'USD', title: COSTS_TITLE },
    ]),
  );
  // The other account has a product too, of another SKU.
  await importText(
    server,
    other,
    'ledger.tsv',
    ledgerFile([{ day: LOST_DAY, sku: 'SKU-OTHER', quantity: -1, reference: '500000000009' }]),
  );
  draft = (await draftOf(['SKU-X', 'SKU-Y']))!;
  // Step 1 of the wizard comes before the case is opened (the draft's file is made when it is downloaded).
  draftWorkbook = (await workbookAt(draft.documentUrl)).workbook;
  const opened = await openedCase(server, token, { skus: ['SKU-X', 'SKU-Y'], amazonCaseId: '700000000001' });
  caseId = opened.id;
  caseUrl = opened.documentUrl;
  itemUrls = Object.fromEntries(opened.items.map((item) => [item.product.sku, item.documentUrl]));
});
afterAll(() => server?.close());

describe('the Excel file of a case', () => {
  it('holds a title such as =HYPERLINK("x") as text, not as a formula', async () => {
    const { workbook } = await workbookAt(caseUrl);
    const summary = rowsOf(workbook, 'Summary');
    const titles = Object.fromEntries(summary.map((row) => [row.SKU, row.Title]));
    expect(titles['SKU-X']).toBe(FORMULA_TITLE);
    expect(titles['SKU-Y']).toBe(COSTS_TITLE);
    const sheet = workbook.getWorksheet('Summary')!;
    for (let number = 2; number <= sheet.rowCount; number++) {
      const cell = sheet.getRow(number).getCell(7);
      expect(typeof cell.value).toBe('string');
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('holds every evidence line of the case (one typed row each) and one summary row per product', async () => {
    const { workbook } = await workbookAt(caseUrl);
    const evidence = rowsOf(workbook, 'Evidence');
    expect(evidence).toHaveLength(draft.evidence.length);
    expect(evidence).toHaveLength(3);
    for (const row of evidence) {
      expect(row.Date).toBeInstanceOf(Date);
      expect(typeof row.Units).toBe('number');
      expect(typeof row.SKU).toBe('string');
    }
    const lines = evidence.map((row) => [row.SKU, dayOf(row.Date), row.Units, row.Reference, row.Reason]);
    expect(lines).toEqual(
      draft.items.flatMap((item) =>
        item.evidence.map((line) => [item.product.sku, line.date, line.units, line.reference, expect.any(String)]),
      ),
    );
    // An NA account: the reason code's words in American English.
    const lost = 'Misplaced / lost in the fulfillment center';
    expect(lines).toEqual([
      ['SKU-X', LOST_DAY, 1, '500000000001', lost],
      ['SKU-X', '2025-04-28', 2, '500000000002', lost],
      ['SKU-Y', LOST_DAY, 3, '500000000003', lost],
    ]);

    const summary = rowsOf(workbook, 'Summary');
    expect(summary.map((row) => [row.SKU, row.Units, row['Case ID'], row.Type])).toEqual([
      ['SKU-X', 3, '700000000001', 'LOST'],
      ['SKU-Y', 3, '700000000001', 'LOST'],
    ]);
    expect(summary.map((row) => [row.Value, row.Currency])).toEqual([
      [30, 'USD'],
      [7.5, 'USD'],
    ]);
    expect(summary[0]!['First event']).toBeInstanceOf(Date);
  });

  it('has a frozen, filtered header row on both sheets', async () => {
    const { workbook } = await workbookAt(caseUrl);
    for (const name of ['Summary', 'Evidence']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const columns = sheet.getRow(1).cellCount;
      // exceljs gives the filter as read from the file: the range of the header row.
      const filter = sheet.autoFilter as unknown;
      const range = typeof filter === 'string' ? filter : JSON.stringify(filter);
      expect(range, name).toMatch(/^A1:[A-Z]+1$/);
      expect(range.split(':')[1], name).toBe(`${sheet.getRow(1).getCell(columns).address}`);
    }
  });

  it("gives each item's documentUrl that product's part only", async () => {
    for (const sku of ['SKU-X', 'SKU-Y']) {
      const { workbook } = await workbookAt(itemUrls[sku]!);
      expect(rowsOf(workbook, 'Summary').map((row) => row.SKU)).toEqual([sku]);
      const evidence = rowsOf(workbook, 'Evidence');
      expect(evidence.map((row) => row.SKU)).toEqual(
        draft.items.find((item) => item.product.sku === sku)!.evidence.map(() => sku),
      );
    }
  });

  it("gives claimDraft's documentUrl the claim's Excel file", async () => {
    const workbook = draftWorkbook;
    expect(rowsOf(workbook, 'Summary').map((row) => [row.SKU, row.Units, row['Case ID'] ?? ''])).toEqual([
      ['SKU-X', 3, ''],
      ['SKU-Y', 3, ''],
    ]);
    expect(rowsOf(workbook, 'Evidence')).toHaveLength(3);
  });

  it('is downloaded later unchanged, whatever was imported since', async () => {
    const first = await workbookAt(caseUrl);
    const firstDescription = (await gql(server, CaseDocuments, { id: caseId }, token)).data!.case!.description;
    await importText(
      server,
      token,
      'ledger-2.tsv',
      ledgerFile([{ day: '2025-04-30', sku: 'SKU-X', quantity: -5, reference: '500000000004', title: 'Renamed mug' }]),
    );
    const again = (await gql(server, CaseDocuments, { id: caseId }, token)).data!.case!;
    expect(again.description).toBe(firstDescription);
    const later = await workbookAt(again.documentUrl);
    expect(later.bytes.equals(first.bytes)).toBe(true);
    expect(rowsOf(later.workbook, 'Summary')[0]!.Title).toBe(FORMULA_TITLE);
  });
});

/** The name a download is saved under (Content-Disposition). */
async function fileNameAt(url: string): Promise<string | undefined> {
  const response = await download(url);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
}

// What a case agent checks and no more: the evidence of the report lines, none of Reclaim's own workings.
const INTERNAL_HEADERS = ['Window state', 'Deadline', 'State', 'Expected payout', 'Expected per unit', 'Payout basis'];

function headersOf(workbook: ExcelJS.Workbook, name: string): string[] {
  return (workbook.getWorksheet(name)!.getRow(1).values as CellValue[]).slice(1).map(String);
}

describe('the evidence a case agent accepts (the sample files)', () => {
  let na: string;
  let eu: string;
  const sampleDraft = async (account: string, type: 'INBOUND' | 'LOST', sku: string) => {
    const result = await gql(server, Draft, { type, skus: [sku], asOf: SAMPLES_AS_OF }, account);
    expect(result.errors).toBeUndefined();
    return result.data!.claimDraft;
  };

  beforeAll(async () => {
    na = await server.account('Sample Seller', 'NA');
    eu = await server.account('Sample Seller EU', 'EU');
    for (const account of [na, eu]) {
      for (const file of SAMPLE_FILES)
        member((await uploadSample(server, account, file)).data?.importReport, 'ImportReportSuccess');
    }
  });

  it('gives each INBOUND line its shipment ID, the units shipped, received and short, and the shipment dates', async () => {
    const inbound = await sampleDraft(na, 'INBOUND', 'SKU-BAG-03');
    const { workbook } = await workbookAt(inbound.documentUrl);
    const rows = rowsOf(workbook, 'Evidence');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      SKU: 'SKU-BAG-03',
      'Shipment ID': 'FBA15ABCDE1',
      'Units shipped': 24,
      'Units received': 20,
      Shortfall: 4,
      Units: 4,
      'Fulfillment center': 'ONT8',
      Reason: 'Shipment closed with fewer units received than shipped',
    });
    expect(dayOf(row['Closed date'])).toBe('2025-05-10');
    // The latest Receipts row of the shipment (ledger.tsv: 05-08 for 20 units, then 05-10).
    expect(dayOf(row['Last received date'])).toBe('2025-05-10');
    // The description names the quantities too.
    expect(inbound.description).toContain('4 units short for FBA15ABCDE1 at ONT8: 24 shipped, 20 received');
  });

  it('names the shipped and received units in every description language', async () => {
    const inbound = await sampleDraft(na, 'INBOUND', 'SKU-BAG-03');
    const claim = {
      type: 'INBOUND' as const,
      sellerName: 'Sample Seller',
      items: [
        {
          product: { sku: 'SKU-BAG-03' },
          units: 4,
          reimbursable: null,
          expectedPayout: null,
          payoutBasis: null,
          evidence: inbound.evidence.map((line) => ({
            eventKey: 'shipment:FBA15ABCDE1',
            type: 'INBOUND' as const,
            date: line.date,
            units: line.units,
            state: 'CLAIMABLE' as const,
            deadline: line.deadline,
            source: line.source,
            reference: line.reference ?? undefined,
            fulfillmentCenter: 'ONT8',
            shipment: { quantityShipped: 24, quantityReceived: 20 },
          })),
        },
      ],
    };
    const expected = {
      EN: '24 shipped, 20 received',
      FR: '24 expédiées, 20 reçues',
      DE: '24 versandt, 20 erhalten',
      IT: '24 spedite, 20 ricevute',
      ES: '24 enviadas, 20 recibidas',
    };
    for (const language of DESCRIPTION_LANGUAGES) {
      const text = describeClaim(claim, language, 'EU');
      expect(text, language).toContain('FBA15ABCDE1');
      expect(text, language).toContain(expected[language]);
    }
  });

  it('sends none of the internal columns (window state, deadline, expected payout)', async () => {
    for (const [type, sku] of [
      ['INBOUND', 'SKU-BAG-03'],
      ['LOST', 'SKU-MUG-01'],
    ] as const) {
      const { workbook } = await workbookAt((await sampleDraft(na, type, sku)).documentUrl);
      for (const sheet of ['Summary', 'Evidence']) {
        const headers = headersOf(workbook, sheet);
        for (const internal of INTERNAL_HEADERS) expect(headers, `${type} ${sheet}`).not.toContain(internal);
      }
    }
    // The ledger's own words, not Reclaim's codes, say where each line comes from.
    const { workbook } = await workbookAt((await sampleDraft(na, 'LOST', 'SKU-MUG-01')).documentUrl);
    expect(rowsOf(workbook, 'Evidence').map((row) => row.Source)).toEqual(['Inventory Ledger']);
  });

  it('spells "fulfillment center" for NA and "fulfilment centre" for EU, in the sheet and the description alike', async () => {
    for (const [account, centre, other] of [
      [na, 'fulfillment center', 'fulfilment centre'],
      [eu, 'fulfilment centre', 'fulfillment center'],
    ] as const) {
      const lost = await sampleDraft(account, 'LOST', 'SKU-MUG-01');
      expect(lost.description).toContain(centre);
      expect(lost.description).not.toContain(other);
      const { workbook } = await workbookAt(lost.documentUrl);
      const headers = headersOf(workbook, 'Evidence');
      expect(headers).toContain(centre[0]!.toUpperCase() + centre.slice(1));
      const reasons = rowsOf(workbook, 'Evidence').map((row) => row.Reason);
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(reason).toBe(`Misplaced / lost in the ${centre}`);
      const words = JSON.stringify([headers, rowsOf(workbook, 'Evidence'), rowsOf(workbook, 'Summary')]);
      expect(words.toLowerCase()).not.toContain(other);
    }
  });
});

describe('the file names of claim documents', () => {
  it('carry the type, the first SKU and "+N" for the others, and the day', async () => {
    expect(await fileNameAt(draft.documentUrl)).toBe('reclaim-claim-lost-SKU-X+1-2025-06-01.xlsx');
  });

  it("carry the Amazon case ID once the case is opened, and each item's own SKU", async () => {
    expect(await fileNameAt(caseUrl)).toBe('reclaim-claim-lost-SKU-X+1-case-700000000001-2025-06-01.xlsx');
    expect(await fileNameAt(itemUrls['SKU-Y']!)).toBe('reclaim-claim-lost-SKU-Y-case-700000000001-2025-06-01.xlsx');
  });

  it('replace what a file name cannot carry', () => {
    const name = claimFileName({
      type: 'DAMAGED',
      skus: ['a/b "c"\\d:é', 'SKU-2', 'SKU-3'],
      amazonCaseId: '1234567890',
      day: '2026-12-04',
    });
    expect(name).toBe('reclaim-claim-damaged-a_b__c__d__+2-case-1234567890-2026-12-04.xlsx');
    expect(name).toMatch(/^[A-Za-z0-9._+-]+$/);
  });
});

describe('document links', () => {
  const withParam = (url: string, name: string, value: string) => {
    const changed = new URL(url);
    changed.searchParams.set(name, value);
    return changed.toString();
  };

  it('work without Authorization header while valid', async () => {
    expect((await download(caseUrl)).status).toBe(200);
    const url = new URL(caseUrl);
    expect(url.searchParams.get('signature')).toBeTruthy();
    expect(url.searchParams.get('expires')).toMatch(/^\d+$/);
  });

  it('get 403 with a forged signature (one character changed)', async () => {
    const signature = new URL(caseUrl).searchParams.get('signature')!;
    const middle = Math.floor(signature.length / 2);
    const forged = `${signature.slice(0, middle)}${signature[middle] === 'A' ? 'B' : 'A'}${signature.slice(middle + 1)}`;
    expect((await download(withParam(caseUrl, 'signature', forged))).status).toBe(403);
    expect((await download(withParam(caseUrl, 'signature', ''))).status).toBe(403);
    expect((await download(caseUrl.replace(/[?&]signature=[^&]*/, ''))).status).toBe(403);
  });

  it('get 403 with another account parameter, or another path', async () => {
    const account = Number(new URL(caseUrl).searchParams.get('account'));
    const otherId = (await gql(server, ViewerIdentity, {}, other)).data!.viewer.id;
    expect(Number(otherId)).not.toBe(account);
    expect((await download(withParam(caseUrl, 'account', otherId))).status).toBe(403);
    expect((await download(withParam(caseUrl, 'account', String(account + 1)))).status).toBe(403);
    // The signature of the case's file does not open an item's.
    const itemPath = new URL(itemUrls['SKU-X']!).pathname;
    const moved = new URL(caseUrl);
    moved.pathname = itemPath;
    expect((await download(moved.toString())).status).toBe(403);
    // Nor a later expiry.
    const expires = Number(new URL(caseUrl).searchParams.get('expires'));
    expect((await download(withParam(caseUrl, 'expires', String(expires + 3600)))).status).toBe(403);
  });

  it('get 403 once expired', async () => {
    const secret = await documentSecret(server.database.db, server.config.documentSecret);
    const account = Number(new URL(caseUrl).searchParams.get('account'));
    const path = `/documents/cases/${caseId}`;
    const now = server.clock.now().getTime();
    // The same link, signed with the server's key: valid until a minute from now, it works ...
    expect(
      (await download(`${server.url}${signDocumentPath(secret, account, path, new Date(now + 60_000))}`)).status,
    ).toBe(200);
    // ... expired a second ago, it does not.
    const expired = `${server.url}${signDocumentPath(secret, account, path, new Date(now - 1000))}`;
    const response = await download(expired);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/expired/i);
  });

  it("of another account's case cannot be made by that account: even a link signed for it is refused (403)", async () => {
    const secret = await documentSecret(server.database.db, server.config.documentSecret);
    const otherId = Number((await gql(server, ViewerIdentity, {}, other)).data!.viewer.id);
    const expires = new Date(server.clock.now().getTime() + 60_000);
    for (const path of [`/documents/cases/${caseId}`, new URL(itemUrls['SKU-X']!).pathname]) {
      const response = await download(`${server.url}${signDocumentPath(secret, otherId, path, expires)}`);
      expect(response.status, path).toBe(403);
    }
    const claim = `/documents/claims/LOST?${new URLSearchParams({ skus: 'SKU-X', asOf: '2025-06-01' })}`;
    expect((await download(`${server.url}${signDocumentPath(secret, otherId, claim, expires)}`)).status).toBe(403);
  });
});

describe("another account's case", () => {
  it('is NOT_FOUND (or null) to every case operation of another account', async () => {
    expect((await gql(server, CaseById, { id: caseId }, other)).data!.case).toBeNull();
    expect((await gql(server, CaseDocuments, { id: caseId }, other)).data!.case).toBeNull();
    expect((await gql(server, CloseCase, { id: caseId }, other)).data!.closeCase).toMatchObject({ code: 'NOT_FOUND' });
    expect((await gql(server, DeleteCase, { id: caseId }, other)).data!.deleteCase).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await openCase(server, other, { skus: ['SKU-X'], amazonCaseId: '700000000002' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const draftResponse = await gql(server, Draft, { type: 'LOST', skus: ['SKU-X'], asOf: OPENED }, other);
    expect(draftResponse.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(server, ProductNumbers, { sku: 'SKU-X', asOf: NOW }, other)).data!.product).toBeNull();

    // The owner's case is untouched.
    expect((await gql(server, CaseById, { id: caseId }, token)).data!.case).toMatchObject({
      status: 'OPEN',
      claimedUnits: 6,
      pendingUnits: 6,
    });
  });

  it('does not stop another account from using the same Amazon case ID (unique within an account)', async () => {
    const opened = await openCase(server, other, { skus: ['SKU-OTHER'], amazonCaseId: '700000000001' });
    expect(opened.__typename).toBe('OpenCaseSuccess');
  });
});
