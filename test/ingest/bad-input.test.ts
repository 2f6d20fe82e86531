// Bad input gets a clear error naming the line (the header is line 1) and the column, and changes nothing
// (docs/reports.md, "Bad input").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportKind } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  ImportReport,
  member,
  SAMPLES,
  startServer,
  type TestServer,
  upload,
  uploadSample,
} from '../support/server.js';

const LatestImport = graphql(`
  query LatestImport {
    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }
  }
`);

const LEDGER_HEADER =
  'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time';

function ledgerRow(day: number, sku = 'SKU-OK', quantity = '-1'): string {
  const date = `05/${String(day).padStart(2, '0')}/2025`;
  return `${date}\tX00OK00001\tB0OK000001\t${sku}\tGood row\tAdjustments\t3000000${day}\t${quantity}\tPHX7\tSELLABLE\tM\tUS\t0\t1\t2025-05-${String(day).padStart(2, '0')}T10:00:00-0700`;
}

describe('bad input', () => {
  let server: TestServer;
  let token: string;
  let before: unknown;

  async function snapshot() {
    const { db } = server.database;
    return {
      rows: await db.sql.query(
        `SELECT (SELECT count(*) FROM ledger_entry) AS ledger, (SELECT count(*) FROM reimbursement) AS reimbursements,
                (SELECT count(*) FROM settlement_row) AS settlements, (SELECT count(*) FROM shipment_item) AS items,
                (SELECT count(*) FROM customer_return) AS returns`,
      ),
      products: await db.sql.query('SELECT sku, fnsku, asin, title, purchase_cost::text FROM product ORDER BY sku'),
      imports: await db.sql.query("SELECT count(*) FROM import WHERE status = 'SUCCEEDED'"),
    };
  }

  async function refused(name: string, content: string | Uint8Array, kind?: ReportKind) {
    const result = await upload(server, token, { name, content }, ImportReport, kind ? { kind } : {});
    expect(result.status, JSON.stringify(result.errors)).toBe(200);
    expect(result.errors).toBeUndefined();
    const outcome = member(result.data?.importReport, 'ImportRefusedError');
    expect(await snapshot()).toEqual(before);
    return outcome;
  }

  beforeAll(async () => {
    server = await startServer({ maxUploadBytes: 4 * 1024 * 1024 });
    token = await server.account();
    for (const name of [
      'ledger.tsv',
      'reimbursements.tsv',
      'settlement.tsv',
      'inbound-shipments.tsv',
      'product-costs.tsv',
    ]) {
      member((await uploadSample(server, token, name)).data?.importReport, 'ImportReportSuccess');
    }
    before = await snapshot();
  });
  afterAll(() => server.close());

  it('refuses an empty file, and one of blank lines', async () => {
    for (const content of ['', '\n\n  \n']) {
      const outcome = await refused('empty.tsv', content);
      expect(outcome).toMatchObject({
        code: 'INVALID_FILE',
        message: 'line 1: the file is empty',
        refusedImport: null,
      });
    }
  });

  it('refuses a binary file and says what it is', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256);
    expect((await refused('photo.jpg', binary)).message).toBe('line 1: the file is binary, not a report');
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    expect((await refused('report.xlsx', zip)).message).toMatch(/^line 1: the ZIP file is damaged/);
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect((await refused('report.xls', xls)).message).toMatch(
      /^line 1: the file is an Excel 97-2003 workbook \(\.xls\)/,
    );
  });

  it('refuses an unknown header and names the closest report and what it lacks', async () => {
    const outcome = await refused('orders.tsv', 'order-id\tsku\tprice\n111-1\tSKU-A\t12.00\n');
    expect(outcome.code).toBe('UNKNOWN_REPORT');
    expect(outcome.message).toMatch(/^line 1: the header matches no report Reclaim reads/);
    expect(outcome.errors[0]).toMatchObject({ line: 1 });
  });

  it('refuses a report of another kind than the uploader gave, naming it', async () => {
    const reimbursements = await readFile(path.join(SAMPLES, 'reimbursements.tsv'), 'utf8');
    const outcome = await refused('reimbursements.tsv', reimbursements, 'LEDGER');
    expect(outcome.code).toBe('INVALID_FILE');
    expect(outcome.message).toBe(
      'line 1: the file is the Reimbursements report, not the Inventory Ledger (detailed view): import it as REIMBURSEMENTS, or without a kind',
    );
  });

  it('refuses a file whose header lacks a column of the kind the uploader gave', async () => {
    const outcome = await refused('partial.tsv', 'Date\tMSKU\tQuantity\n05/21/2025\tSKU-1\t-1\n', 'LEDGER');
    expect(outcome.code).toBe('INVALID_FILE');
    expect(outcome.errors).toContainEqual({
      line: 1,
      column: 'Event Type',
      message: 'the column "Event Type" of the Inventory Ledger (detailed view) report is missing from the header',
    });
  });

  it('refuses a truncated file, naming the last line', async () => {
    const rows = [LEDGER_HEADER, ledgerRow(1), ledgerRow(2), ledgerRow(3).slice(0, 40)];
    const outcome = await refused('truncated.tsv', `${rows.join('\n')}`);
    expect(outcome).toMatchObject({ code: 'INVALID_FILE', refusedImport: { status: 'FAILED' } });
    expect(outcome.errors).toEqual([
      { line: 4, column: null, message: 'the row has 5 fields where the header has 15 (is the file truncated?)' },
    ]);
    expect(outcome.message).toBe('line 4: the row has 5 fields where the header has 15 (is the file truncated?)');
  });

  it('reports every bad value by line and column, and imports none of the file', async () => {
    const rows = [
      LEDGER_HEADER,
      ledgerRow(1, 'SKU-NEW-1'),
      ledgerRow(2, 'SKU-NEW-2', 'three'),
      ledgerRow(3, 'SKU-NEW-3').replace('05/03/2025', '31/02/2025'),
      `${ledgerRow(4)}\textra`,
    ];
    const outcome = await refused('bad-values.tsv', `${rows.join('\n')}\n`);
    expect(outcome.errors).toEqual([
      { line: 3, column: 'Quantity', message: '"three" is not a whole number' },
      { line: 4, column: 'Date', message: '"31/02/2025" is not a date' },
      { line: 5, column: null, message: 'the row has 16 fields where the header has 15' },
    ]);
    expect(outcome.message).toBe('line 3, column Quantity: "three" is not a whole number (and 2 more problems)');
    const { data } = await gql(server, LatestImport, {}, token);
    expect(data!.imports.edges[0]!.node).toMatchObject({
      id: outcome.refusedImport!.id,
      status: 'FAILED',
      errorCount: 3,
    });
  });

  it('rolls back rows already written when a problem comes late in a large file', async () => {
    const rows = [LEDGER_HEADER];
    for (let i = 0; i < 12_000; i++)
      rows.push(
        ledgerRow(1 + (i % 28), `SKU-BULK-${i % 50}`)
          .replace('Good row', `Row ${i}`)
          .replace(/\t3000000\d+\t/, `\t${400000000 + i}\t`),
      );
    rows.push(ledgerRow(5).replace('PHX7\tSELLABLE\tM', 'PHX7\tSELLABLE\tM').replace('-1\tPHX7', '1.5\tPHX7'));
    const outcome = await refused('late-problem.tsv', `${rows.join('\n')}\n`);
    expect(outcome.errors).toEqual([{ line: 12_002, column: 'Quantity', message: '"1.5" is not a whole number' }]);
  });

  it('refuses a file over the size limit', async () => {
    const rows = [LEDGER_HEADER];
    for (let i = 0; i < 40_000; i++) rows.push(ledgerRow(1 + (i % 28)));
    const outcome = await refused('huge.tsv', rows.join('\n'));
    expect(outcome).toMatchObject({
      code: 'INVALID_FILE',
      message: 'the file is larger than the limit of 4 MB',
      refusedImport: null,
    });
  });
});
