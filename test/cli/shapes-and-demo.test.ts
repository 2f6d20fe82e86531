// `reclaim import` on every shape of the corpus, and `reclaim demo`: real processes of bin/reclaim.js on a database
// of this file's own, each with an account of its own.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusPath } from '../fixtures/real-world/corpus.js';
import { type ProcessDatabase, processDatabase, runReclaim, startReclaim } from '../support/process.js';
import { gql } from '../support/server.js';
import { CliTotals, jsonLines } from './support.js';

describe('reclaim', () => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(() => database.close());

  it('import takes every shape of the corpus: CSV, semicolon CSV, xlsx, gz, CR-only and a ZIP archive (one line per file)', async () => {
    const created = await runReclaim(['account', 'create', '--name', 'Shapes', '--region', 'NA'], database.env);
    const shapesToken = jsonLines(created.stdout)[0]!.token as string;
    const files = [
      'seller-central/ledger.csv',
      'excel-eu/reimbursements.csv',
      'xlsx/customer-returns.xlsx',
      'sp-api/settlement.tsv.gz',
      'shapes/product-costs-cr-only.txt',
      'zip/all-reports.zip',
    ];
    const imported = await runReclaim(
      ['import', ...files.map((file) => corpusPath(file)), '--account', shapesToken],
      database.env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const lines = jsonLines(imported.stdout).map(({ file, entry, status, kind, rows }) => ({
      file: path.relative(CORPUS, file as string),
      entry,
      status,
      kind,
      rows,
    }));
    const one = (file: string, kind: string, rows: number, entry?: string) => ({
      file,
      entry,
      status: 'SUCCEEDED',
      kind,
      rows,
    });
    expect(lines).toEqual([
      one('seller-central/ledger.csv', 'LEDGER', 12),
      one('excel-eu/reimbursements.csv', 'REIMBURSEMENTS', 3),
      one('xlsx/customer-returns.xlsx', 'CUSTOMER_RETURNS', 1),
      one('sp-api/settlement.tsv.gz', 'SETTLEMENT', 10),
      one('shapes/product-costs-cr-only.txt', 'PRODUCT_COSTS', 3),
      one('zip/all-reports.zip', 'LEDGER', 12, 'reports/ledger.csv'),
      one('zip/all-reports.zip', 'REIMBURSEMENTS', 3, 'reports/reimbursements.csv'),
      one('zip/all-reports.zip', 'CUSTOMER_RETURNS', 1, 'reports/customer-returns.csv'),
      one('zip/all-reports.zip', 'SETTLEMENT', 10, 'reports/settlement.csv'),
      one('zip/all-reports.zip', 'INBOUND_SHIPMENTS', 2, 'reports/inbound-shipments.csv'),
      one('zip/all-reports.zip', 'PRODUCT_COSTS', 3, 'reports/product-costs.csv'),
    ]);
  });

  it('demo creates a new account filled with generated data and prints its token', async () => {
    const demo = await runReclaim(['demo', '--products', '30', '--seed', '7'], database.env);
    expect(demo.code, demo.stderr).toBe(0);
    const [line] = jsonLines(demo.stdout);
    expect(line).toEqual({ accountId: expect.any(String), token: expect.stringMatching(/^rcl_/) });
    const server = await startReclaim(['serve'], database.env);
    try {
      const totals = (await gql(server, CliTotals, {}, line!.token as string)).data?.viewer.totals;
      expect(totals!.missingUnits).toBeGreaterThan(0);
      expect(totals!.claimableUnits).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
