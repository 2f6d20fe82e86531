// Asking Amazon to review an underpaid reimbursement (docs/rules.md section 9, "Underpaid reimbursements ... listed with
// what a seller needs to ask Amazon to review the amount"): the Excel evidence of sample line 5000003 read back, and
// its description in English and in French; a refund line priced by its order, with the order's settlement rows.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { importText } from './fixtures.js';

const UnderpaidReview = graphql(`
  query UnderpaidReview($language: DescriptionLanguage) {
    underpaidReimbursements(first: 10) {
      edges {
        node {
          reimbursementId
          documentUrl
          description(language: $language)
          sellerCentralUrl
          guidance
        }
      }
    }
  }
`);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let token: string;
let other: string;

async function review(language: 'EN' | 'FR' | null = null, as = token) {
  const result = await gql(server, UnderpaidReview, { language }, as);
  expect(result.errors).toBeUndefined();
  return result.data!.underpaidReimbursements.edges.map((edge) => edge.node);
}

function rowsOf(workbook: ExcelJS.Workbook, name: string): Array<Record<string, ExcelJS.CellValue>> {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, `sheet ${name}`).toBeDefined();
  const headers = (sheet!.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let number = 2; number <= sheet!.rowCount; number++) {
    const row = sheet!.getRow(number);
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value])));
  }
  return rows;
}

beforeAll(async () => {
  server = await startServer({ now: new Date(SAMPLES_AS_OF) });
  token = await server.account('Lamp Seller', 'NA');
  other = await server.account('Other Seller', 'NA');
  for (const file of SAMPLE_FILES)
    member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
});
afterAll(() => server.close());

describe('an underpaid reimbursement, to ask Amazon for a review', () => {
  it('has an Excel evidence: the line, what Amazon paid, the expected payout, its basis and the cost on file', async () => {
    const [line] = await review();
    expect(line?.reimbursementId).toBe('5000003');
    const response = await fetch(line!.documentUrl);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toContain('reclaim-underpaid-5000003-2025-06-15.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const [paid, ...more] = rowsOf(workbook, 'Reimbursement');
    expect(more).toEqual([]);
    expect(paid).toMatchObject({
      Seller: 'Lamp Seller',
      'Reimbursement ID': '5000003',
      'Approval date': new Date('2025-06-05T00:00:00Z'),
      Type: 'DAMAGED',
      SKU: 'SKU-LAMP-02',
      FNSKU: 'X00LAMP002',
      ASIN: 'B0LAMP0002',
      'Cash units': 1,
      'Paid per unit': 18,
      Paid: 18,
      'Expected per unit': 22.5,
      Expected: 22.5,
      Shortfall: 4.5,
      Currency: 'USD',
      'Payout basis': 'MANUFACTURING_COST',
    });
    expect(rowsOf(workbook, 'Basis')).toEqual([
      expect.objectContaining({ Source: 'PRODUCT_COSTS', Reference: 'SKU-LAMP-02', Amount: 22.5, Currency: 'USD' }),
    ]);
    const steps = rowsOf(workbook, 'Review').map((row) => row['Ask Amazon for a review']);
    expect(steps[0]).toBe('https://sellercentral.amazon.com/cu/contact-us');
    expect(steps.join('\n')).toContain('5000003');
  });

  it('refuses the link to another account, and a line that is not underpaid', async () => {
    const [line] = await review();
    const url = new URL(line!.documentUrl);
    url.searchParams.set('signature', 'forged');
    expect((await fetch(url)).status).toBe(403);
    expect(await review(null, other)).toEqual([]);
  });

  it('has a description in English: the line, paid, expected on the cost on file, the shortfall', async () => {
    const [line] = await review('EN');
    expect(line!.description).toContain('reimbursement 5000003, approved on 2025-06-05');
    expect(line!.description).toContain('Desk Lamp LED (SKU SKU-LAMP-02, FNSKU X00LAMP002, ASIN B0LAMP0002): 1 unit');
    expect(line!.description).toContain('You paid 18.00 USD per unit for 1 unit (18.00 USD).');
    expect(line!.description).toContain('My manufacturing cost is 22.50 USD per unit');
    expect(line!.description).toContain('"Manage Your Manufacturing Cost"');
    expect(line!.description).toContain('The reimbursement falls short by 4.50 USD.');
    expect(line!.description.endsWith('Thank you,\nLamp Seller')).toBe(true);
    // An NA account writes English when no language is asked.
    expect((await review())[0]!.description).toBe(line!.description);
    expect(line!.sellerCentralUrl).toBe('https://sellercentral.amazon.com/cu/contact-us');
    expect(line!.guidance.join(' ')).toContain('reimbursement ID 5000003');
  });

  it('has a description in French', async () => {
    const [line] = await review('FR');
    expect(line!.description).toContain('remboursement 5000003, approuvé le 2025-06-05');
    expect(line!.description).toContain('Vous avez payé 18.00 USD par unité pour 1 unité (18.00 USD).');
    expect(line!.description).toContain('Mon coût de fabrication est de 22.50 USD par unité');
    expect(line!.description).toContain('« Manage Your Manufacturing Cost »');
    expect(line!.description).toContain('Il manque 4.50 USD à ce remboursement.');
  });
});

describe('an underpaid refund line, paid below the order price less its fees', () => {
  let seller: string;

  beforeAll(async () => {
    seller = await server.account('Cap Seller', 'NA');
    for (const file of [...SAMPLE_FILES, 'settlement-fees.tsv'])
      member((await uploadSample(server, seller, file)).data?.importReport, 'ImportReportSuccess');
    // Order 111-0000001-0000001: 19.99 less 3.00 and 5.49 of fees = 11.50 a unit; Amazon paid 5.00.
    const sample = await readFile(path.join(SAMPLES, 'reimbursements.tsv'), 'utf8');
    await importText(
      server,
      seller,
      'refund-reimbursement.tsv',
      `${sample.split('\n')[0]}\n2025-06-10T08:00:00+00:00\t5000009\t\t111-0000001-0000001\tCustomerReturn\tSKU-CAP-04\tX00CAP0004\tB0CAP00004\tBaseball Cap Navy\tNewItem\tUSD\t5.00\t5.00\t1\t0\t1\t\t\n`,
    );
  });

  it("has the order's settlement rows as its basis in the Excel file, and names the order in the description", async () => {
    const lines = await review('EN', seller);
    const line = lines.find((found) => found.reimbursementId === '5000009');
    expect(line, JSON.stringify(lines.map((found) => found.reimbursementId))).toBeDefined();
    expect(line!.description).toContain('Order 111-0000001-0000001 sold at 11.50 USD per unit after your fees');
    expect(line!.description).toContain('The reimbursement falls short by 6.50 USD.');
    expect(line!.guidance.join('\n')).not.toContain('Manage Your Manufacturing Cost');
    const response = await fetch(line!.documentUrl);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    expect(rowsOf(workbook, 'Reimbursement')).toEqual([
      expect.objectContaining({
        'Reimbursement ID': '5000009',
        Type: 'UNRETURNED',
        'Paid per unit': 5,
        'Expected per unit': 11.5,
        Shortfall: 6.5,
        'Payout basis': 'ORDER_PRICE_LESS_FEES',
        'Order ID': '111-0000001-0000001',
      }),
    ]);
    expect(
      rowsOf(workbook, 'Basis').map((row) => [
        row.Source,
        row['Transaction type'],
        row['Amount description'],
        row.Amount,
      ]),
    ).toEqual([
      ['SETTLEMENT', 'Order', 'Principal', 19.99],
      ['SETTLEMENT', 'Order', 'Commission', -3],
      ['SETTLEMENT', 'Order', 'FBAPerUnitFulfillmentFee', -5.49],
      ['SETTLEMENT', 'Refund', 'Principal', -19.99],
    ]);
  });
});
