// Asking Amazon to review an underpaid reimbursement (RULES.md section 9, "Underpaid reimbursements ... listed with
// what a seller needs to ask Amazon to review the amount"): the Excel evidence of sample line 5000003 read back, and
// its description in English and in French.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';

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
