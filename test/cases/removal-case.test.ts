// A REMOVAL case through its whole life (docs/rules.md sections 5 and 10): the claim draft with its evidence, the
// case opened, a Removal_Order_Lost reimbursement attributed to it, the auto-close, and a delete that gives back the
// numbers of a case never opened.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { gql, member, startServer, type TestServer } from '../support/server.js';
import { historyOf, importText, NOW, openedCase, reimbursementsFile, snapshot } from './fixtures.js';
import { CaseById, DeleteCase, Draft } from './support.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../spec/samples');
const SKUS = ['SKU-LAMP-02', 'SKU-MUG-01'];

const RecordReceipt = graphql(`
  mutation RecordMugReceipt($input: RemovalReceiptInput!) {
    recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }
  }
`);

const RemovalDraft = graphql(`
  query RemovalDraft($skus: [String!]!, $asOf: DateTime) {
    claimDraft(type: REMOVAL, skus: $skus, asOf: $asOf) {
      units expectedPayout { amount currency } payoutBasis
      evidence { source reference trackingNumber carrier removal { requested cancelled disposed shipped received } }
    }
  }
`);

let server: TestServer;
let accounts = 0;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
});
afterAll(() => server?.close());

/** An account with the removal samples and the costs: LAMP 2 units lost before shipping, MUG 1 lost in transit. */
async function seller() {
  accounts += 1;
  const token = await server.account(`Removal ${accounts}`, 'NA');
  for (const name of ['product-costs.tsv', 'removal-orders.tsv', 'removal-shipments.tsv'])
    await importText(server, token, name, await readFile(path.join(SAMPLES, name), 'utf8'));
  const input = { orderId: 'RMV-0002', trackingNumber: '1Z0002', sku: 'SKU-MUG-01', receivedUnits: 2 };
  expect((await gql(server, RecordReceipt, { input }, token)).data!.recordRemovalReceipt.__typename).toBe(
    'RecordRemovalReceiptSuccess',
  );
  return token;
}

async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(await response.arrayBuffer());
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

function evidenceRows(workbook: ExcelJS.Workbook): Array<Record<string, ExcelJS.CellValue>> {
  const sheet = workbook.getWorksheet('Evidence')!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows = [];
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value])));
  }
  return rows;
}

describe('a REMOVAL claim', () => {
  it('names the order, the tracking number, the carrier and every quantity, in the description and the Excel file', async () => {
    const token = await seller();
    const draft = (await gql(server, Draft, { type: 'REMOVAL', skus: SKUS, asOf: NOW }, token)).data!.claimDraft;
    expect(draft.units).toBe(3);
    expect(draft.description).toContain(
      'Removal order RMV-0001, completed 2025-05-20: 5 requested, 0 cancelled, 0 disposed, 3 shipped: 2 units never shipped',
    );
    expect(draft.description).toContain(
      'Removal order RMV-0002, shipment 1Z0002 (UPS) shipped 2025-05-22: 3 shipped, 2 received, 1 unit missing',
    );
    expect(draft.sellerCentralUrl).toBe('https://sellercentral.amazon.com/cu/contact-us');
    expect(draft.guidance[0]).toContain('"Removal order"');
    expect(draft.guidance[1]).toContain('tracking number');

    const removal = (await gql(server, RemovalDraft, { skus: SKUS, asOf: NOW }, token)).data!.claimDraft;
    expect(removal).toMatchObject({ expectedPayout: { amount: '50.10', currency: 'USD' } });
    expect(removal.evidence).toEqual([
      {
        source: 'REMOVAL_ORDER',
        reference: 'RMV-0001',
        trackingNumber: null,
        carrier: null,
        removal: { requested: 5, cancelled: 0, disposed: 0, shipped: 3, received: null },
      },
      {
        source: 'REMOVAL_SHIPMENT',
        reference: 'RMV-0002',
        trackingNumber: '1Z0002',
        carrier: 'UPS',
        removal: { requested: null, cancelled: null, disposed: null, shipped: 3, received: 2 },
      },
    ]);

    const rows = evidenceRows(await workbookAt(draft.documentUrl));
    expect(
      rows.map((row) => [
        row.SKU,
        row.Reference,
        row['Tracking number'],
        row.Carrier,
        row['Requested qty'],
        row['Shipped qty'],
        row['Received qty'],
        row.Units,
      ]),
    ).toEqual([
      ['SKU-LAMP-02', 'RMV-0001', null, null, 5, 3, null, 2],
      ['SKU-MUG-01', 'RMV-0002', '1Z0002', 'UPS', null, 3, 2, 1],
    ]);
  });

  it('opens, is paid by Removal_Order_Lost lines, closes itself, and once deleted gives back the numbers', async () => {
    const token = await seller();
    const before = await snapshot(server, token, SKUS);
    expect(before.totals).toMatchObject({ missingUnits: 3, claimableUnits: 3, claimedUnits: 0 });

    // Deleting an unpaid case gives back exactly the numbers of before.
    const unpaid = await openedCase(server, token, {
      type: 'REMOVAL',
      skus: SKUS,
      amazonCaseId: '100000000061',
      asOf: NOW,
    });
    expect(unpaid).toMatchObject({ type: 'REMOVAL', status: 'OPEN', claimedUnits: 3, pendingUnits: 3 });
    expect((await snapshot(server, token, SKUS)).totals).toMatchObject({ missingUnits: 0, claimedUnits: 3 });
    expect((await gql(server, DeleteCase, { id: unpaid.id }, token)).data!.deleteCase.__typename).toBe(
      'DeleteCaseSuccess',
    );
    expect(await snapshot(server, token, SKUS)).toEqual(before);

    const opened = await openedCase(server, token, {
      type: 'REMOVAL',
      skus: SKUS,
      amazonCaseId: '100000000062',
      asOf: NOW,
    });
    await importText(
      server,
      token,
      'reimbursements.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-20T08:00:00+00:00',
          id: '7100001',
          sku: 'SKU-LAMP-02',
          units: 2,
          perUnit: 22.5,
          caseId: '100000000062',
          reason: 'Removal_Order_Lost',
        },
        {
          approved: '2025-06-20T08:00:00+00:00',
          id: '7100002',
          sku: 'SKU-MUG-01',
          units: 1,
          perUnit: 5.1,
          caseId: '100000000062',
          reason: 'Removal_Order_Damaged',
        },
      ]),
    );
    const paid = (await gql(server, CaseById, { id: opened.id }, token)).data!.case!;
    expect(paid).toMatchObject({
      status: 'REIMBURSED',
      closedBy: 'REIMBURSEMENT',
      reimbursedUnits: 3,
      pendingUnits: 0,
      reimbursed: [{ amount: '50.10', currency: 'USD' }],
    });
    expect(paid.reimbursements.map((line) => [line.reimbursementId, line.sku, line.units])).toEqual([
      ['7100001', 'SKU-LAMP-02', 2],
      ['7100002', 'SKU-MUG-01', 1],
    ]);
    expect(await historyOf(server, token, opened.id)).toContain('system REIMBURSED');
    expect((await snapshot(server, token, SKUS)).totals).toMatchObject({
      missingUnits: 0,
      claimedUnits: 0,
      reimbursed: [{ amount: '50.10', currency: 'USD' }],
    });

    // Deleted, its lines are unattributed again and net the REMOVAL units, as if the case had never been opened.
    expect((await gql(server, DeleteCase, { id: opened.id }, token)).data!.deleteCase.__typename).toBe(
      'DeleteCaseSuccess',
    );
    const after = await snapshot(server, token, SKUS);
    expect(after.totals).toMatchObject({ missingUnits: 0, claimableUnits: 0, claimedUnits: 0, reimbursed: [] });
    expect(member((await gql(server, DeleteCase, { id: opened.id }, token)).data!.deleteCase, 'DomainError').code).toBe(
      'NOT_FOUND',
    );
  });
});
