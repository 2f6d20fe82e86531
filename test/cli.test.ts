// The `reclaim` command as a seller runs it (docs/api.md, Command line): real processes of bin/reclaim.js on a database of
// this test's own.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusPath } from './fixtures/real-world/corpus.js';
import { graphql } from './gql/index.js';
import { expectSampleNumbers } from './support/expected-samples.js';
import { type ProcessDatabase, processDatabase, runReclaim, startReclaim } from './support/process.js';
import { gql, SAMPLE_FILES, SAMPLE_ROWS, SAMPLES, SAMPLES_AS_OF } from './support/server.js';

const CliTotals = graphql(`
  query CliTotals($asOf: DateTime) {
    viewer { name region totals(asOf: $asOf) { missingUnits claimableUnits expiredUnits reimbursable { amount currency } } }
  }
`);

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('reclaim', () => {
  let database: ProcessDatabase;
  let token: string;

  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(() => database.close());

  it('--help names every command', async () => {
    const help = await runReclaim(['--help'], database.env);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'worker', 'import', 'account', 'token', 'removal', 'connect', 'sync', 'demo'])
      expect(help.stdout).toContain(command);
  });

  it('account create prints one JSON line with the account id and its token, shown once', async () => {
    const created = await runReclaim(['account', 'create', '--name', 'CLI Shop', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    const lines = jsonLines(created.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({ accountId: expect.any(String), token: expect.stringMatching(/^rcl_/) });
    token = lines[0]!.token as string;
    // The token is printed for the seller, never logged.
    expect(created.stderr).not.toContain(token);
  });

  it('account create refuses an unknown region, saying which are allowed', async () => {
    const refused = await runReclaim(['account', 'create', '--name', 'X', '--region', 'MARS'], database.env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/MARS/);
    expect(refused.stderr).toMatch(/NA/);
  });

  it('import reads every sample file, one JSON line each, and gives the numbers of EXPECTED.md', async () => {
    const files = SAMPLE_FILES.map((file) => path.join(SAMPLES, file));
    const imported = await runReclaim(['import', ...files, '--account', token], database.env);
    expect(imported.code, imported.stderr).toBe(0);
    const lines = jsonLines(imported.stdout);
    expect(lines.map((line) => [path.basename(line.file as string), line.status])).toEqual(
      SAMPLE_FILES.map((file) => [file, 'SUCCEEDED']),
    );
    for (const line of lines) {
      const expected = SAMPLE_ROWS[path.basename(line.file as string)]!;
      expect(line, String(line.file)).toMatchObject({ kind: expected.kind, rows: expected.rows, duplicates: 0 });
      expect((line.inserted as number) + (line.updated as number), String(line.file)).toBe(expected.rows);
    }
    expect(imported.stdout).not.toContain(token);
    expect(imported.stderr).not.toContain(token);

    // The numbers are up to date when the command returns: a server started now shows them.
    const server = await startReclaim(['serve'], database.env);
    try {
      const totals = await gql(server, CliTotals, { asOf: SAMPLES_AS_OF }, token);
      expect(totals.data?.viewer).toEqual({
        name: 'CLI Shop',
        region: 'NA',
        totals: {
          missingUnits: 11,
          claimableUnits: 9,
          expiredUnits: 2,
          reimbursable: [{ amount: '246.96', currency: 'USD' }],
        },
      });
    } finally {
      const code = await server.stop();
      expect(code, server.stderr()).toBe(0);
    }
  });

  it('import of the same file again counts its rows as duplicates and inserts nothing', async () => {
    const again = await runReclaim(['import', path.join(SAMPLES, 'ledger.tsv'), '--account', token], database.env);
    expect(again.code, again.stderr).toBe(0);
    const [line] = jsonLines(again.stdout);
    expect(line).toMatchObject({ status: 'SUCCEEDED', inserted: 0 });
    expect(line!.duplicates).toBe(line!.rows);
  });

  it('import of a broken file fails with the line and column of the problem, and exits non-zero', async () => {
    const ledger = await readFile(path.join(SAMPLES, 'ledger.tsv'), 'utf8');
    const [header, first] = ledger.split('\n');
    const broken = path.join(os.tmpdir(), `reclaim-cli-broken-${process.pid}.tsv`);
    // A date that is not a date on the first data row.
    const cells = first!.split('\t');
    cells[0] = 'not-a-date';
    await writeFile(broken, `${header}\n${cells.join('\t')}\n`);
    const failed = await runReclaim(['import', broken, '--account', token], database.env);
    expect(failed.code).toBe(1);
    const [line] = jsonLines(failed.stdout);
    expect(line).toMatchObject({ status: 'FAILED', code: 'INVALID_FILE' });
    expect(line!.message).toMatch(/line 2/);
  });

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

  it('import --shipment-id reads SP-API items that do not name their shipment', async () => {
    const items = path.join(os.tmpdir(), `reclaim-cli-items-${process.pid}.json`);
    await writeFile(
      items,
      JSON.stringify({ payload: { ItemData: [{ SellerSKU: 'SKU-BAG-03', QuantityShipped: 3 }] } }),
    );
    const imported = await runReclaim(
      ['import', items, '--account', token, '--shipment-id', 'FBA15CLI0001'],
      database.env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(jsonLines(imported.stdout)[0]).toMatchObject({
      status: 'SUCCEEDED',
      kind: 'INBOUND_SHIPMENTS',
      inserted: 1,
    });
  });

  it('import with an unknown token is refused, and the token is not echoed', async () => {
    const refused = await runReclaim(
      ['import', path.join(SAMPLES, 'ledger.tsv'), '--account', 'rcl_not-a-real-token-0000'],
      database.env,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/token is unknown/);
    expect(refused.stderr).not.toContain('rcl_not-a-real-token-0000');
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

describe('reclaim serve on an empty database', () => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(() => database.close());

  it('adds nothing by itself; with --seed-demo-if-empty (npm start) it loads the demo and prints the GraphiQL link', async () => {
    const plain = await startReclaim(['serve'], database.env);
    expect(plain.logs.some((line) => String(line.msg).includes('demo'))).toBe(false);
    const code = await plain.stop();
    expect(code, plain.stderr()).toBe(0);

    const seeding = await startReclaim(['serve', '--seed-demo-if-empty'], database.env);
    try {
      const printed = await seeding.waitForOutput(/#token=rcl_\S+/);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/graphql)#token=(rcl_\S+)/.exec(printed);
      expect(link, printed).not.toBeNull();
      const [, , demoToken] = link!;
      const totals = (await gql(seeding, CliTotals, {}, demoToken!)).data?.viewer.totals;
      expect(totals!.missingUnits).toBeGreaterThan(0);
      // GraphiQL answers a browser at the printed address.
      const page = await fetch(`${seeding.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('GraphiQL');
      // The token appears in what is printed for the person who started it, never in a log line.
      expect(seeding.logs.some((line) => JSON.stringify(line).includes(demoToken!))).toBe(false);
    } finally {
      await seeding.stop();
    }
    // Started again, the database is no longer empty: no second demo.
    const again = await startReclaim(['serve', '--seed-demo-if-empty'], database.env);
    expect(again.output()).not.toContain('#token=');
    await again.stop();
  }, 180_000);
});

describe('reclaim beside a running reclaim serve (embedded database)', () => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(() => database.close());

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'account create, import of the six samples, token create and revoke, demo go through the server; then the same with it stopped',
    async () => {
      const server = await startReclaim(['serve'], database.env);
      let token: string;
      try {
        const created = await runReclaim(['account', 'create', '--name', 'Beside', '--region', 'NA'], database.env);
        expect(created.code, created.stderr).toBe(0);
        token = jsonLines(created.stdout)[0]!.token as string;

        const files = SAMPLE_FILES.map((file) => path.join(SAMPLES, file));
        const imported = await runReclaim(['import', ...files, '--account', token], database.env);
        expect(imported.code, imported.stderr).toBe(0);
        for (const line of jsonLines(imported.stdout)) {
          const expected = SAMPLE_ROWS[path.basename(line.file as string)]!;
          expect(line, String(line.file)).toMatchObject({
            status: 'SUCCEEDED',
            kind: expected.kind,
            rows: expected.rows,
          });
        }
        // The server did the work: its own log tells each upload, and the numbers are those of EXPECTED.md.
        await expectSampleNumbers(server, token, SAMPLES_AS_OF);

        const byAdmin = await runReclaim(['token', 'create', '--account', 'Beside', '--label', 'admin'], database.env);
        expect(byAdmin.code, byAdmin.stderr).toBe(0);
        const made = jsonLines(byAdmin.stdout)[0]!;
        expect(made).toEqual({ tokenId: expect.any(String), label: 'admin', token: expect.stringMatching(/^rcl_/) });
        expect((await gql(server, CliTotals, {}, made.token as string)).data?.viewer.name).toBe('Beside');

        const revoked = await runReclaim(['token', 'revoke', made.tokenId as string, '--account', token], database.env);
        expect(revoked.code, revoked.stderr).toBe(0);
        expect(jsonLines(revoked.stdout)[0]).toMatchObject({ tokenId: made.tokenId, revokedAt: expect.any(String) });
        expect((await gql(server, CliTotals, {}, made.token as string)).status).toBe(401);

        // The demo too: its account made with the server's admin token, its generated files uploaded.
        const demo = await runReclaim(['demo', '--products', '30', '--seed', '7'], database.env);
        expect(demo.code, demo.stderr).toBe(0);
        const demoLine = jsonLines(demo.stdout);
        expect(demoLine).toEqual([{ accountId: expect.any(String), token: expect.stringMatching(/^rcl_/) }]);
        const demoTotals = (await gql(server, CliTotals, {}, demoLine[0]!.token as string)).data?.viewer;
        expect(demoTotals?.name).toBe('Demo Seller (generated data)');
        expect(demoTotals?.totals.missingUnits).toBeGreaterThan(0);
        expect(demoTotals?.totals.claimableUnits).toBeGreaterThan(0);
      } finally {
        expect(await server.stop(), server.stderr()).toBe(0);
      }

      // Stopped: the same commands on the database itself.
      const direct = await runReclaim(['token', 'create', '--account', token, '--label', 'direct'], database.env);
      expect(direct.code, direct.stderr).toBe(0);
      const made = jsonLines(direct.stdout)[0]!;
      const revoked = await runReclaim(['token', 'revoke', made.tokenId as string], database.env);
      expect(revoked.code, revoked.stderr).toBe(0);
      const again = await startReclaim(['serve', '--seed-demo-if-empty'], database.env);
      try {
        expect((await gql(again, CliTotals, {}, made.token as string)).status).toBe(401);
        await expectSampleNumbers(again, token, SAMPLES_AS_OF);
        // npm start on a database that is not empty says how to get a new token.
        expect(await again.waitForOutput(/npx reclaim token create --account/)).toContain('Beside');
      } finally {
        await again.stop();
      }
    },
    // Two server starts, an account, six imports and two tokens: a minute on a quiet machine is too close.
    240_000,
  );
});

describe('reclaim removal receive and the receipts file (docs/rules.md section 10)', () => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(() => database.close());

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'records a receipt through a running server, refuses more than shipped, and works on the database once it stopped',
    async () => {
      const files = ['removal-orders.tsv', 'removal-shipments.tsv'].map((file) => path.join(SAMPLES, file));
      const receive = (units: string, token: string) =>
        runReclaim(['removal', 'receive', 'RMV-0002', '1Z0002', 'SKU-MUG-01', units, '--account', token], database.env);
      const server = await startReclaim(['serve'], database.env);
      let token: string;
      try {
        const created = await runReclaim(['account', 'create', '--name', 'Removals', '--region', 'NA'], database.env);
        token = jsonLines(created.stdout)[0]!.token as string;
        const imported = await runReclaim(['import', ...files, '--account', token], database.env);
        expect(imported.code, imported.stderr).toBe(0);

        const received = await receive('2', token);
        expect(received.code, received.stderr).toBe(0);
        expect(jsonLines(received.stdout)).toEqual([
          { orderId: 'RMV-0002', trackingNumber: '1Z0002', shippedUnits: 3, receivedUnits: 2, sku: 'SKU-MUG-01' },
        ]);
        const totals = await gql(server, CliTotals, { asOf: SAMPLES_AS_OF }, token);
        // LAMP's 2 units lost before shipping and MUG's 1 lost in transit.
        expect(totals.data!.viewer.totals).toMatchObject({ missingUnits: 3, claimableUnits: 3 });

        const tooMany = await receive('4', token);
        expect(tooMany.code).not.toBe(0);
        expect(tooMany.stderr).toContain('4 units received is more than the 3 shipped');
      } finally {
        expect(await server.stop(), server.stderr()).toBe(0);
      }
      const direct = await receive('0', token);
      expect(direct.code, direct.stderr).toBe(0);
      expect(jsonLines(direct.stdout)[0]).toMatchObject({ receivedUnits: 0, sku: 'SKU-MUG-01' });
      const notANumber = await receive('two', token);
      expect(notANumber.code).not.toBe(0);
      expect(notANumber.stderr).toContain('expected a whole number of units');

      // The receipts file: `reclaim import` recognises it and records each row; a row over the shipped refuses it.
      const receipts = path.join(os.tmpdir(), `reclaim-cli-receipts-${process.pid}.csv`);
      await writeFile(receipts, 'order-id,tracking-number,sku,received-quantity\nRMV-0002,1Z0002,SKU-MUG-01,2\n');
      const fromFile = await runReclaim(['import', receipts, '--account', token], database.env);
      expect(fromFile.code, fromFile.stderr).toBe(0);
      expect(jsonLines(fromFile.stdout)[0]).toMatchObject({
        status: 'SUCCEEDED',
        kind: 'REMOVAL_RECEIPTS',
        rows: 1,
        inserted: 0,
        updated: 1,
      });
      await writeFile(
        receipts,
        'order-id,tracking-number,sku,received-quantity\nRMV-0001,1Z0001,SKU-LAMP-02,1\nRMV-0002,1Z0002,SKU-MUG-01,5\n',
      );
      const over = await runReclaim(['import', receipts, '--account', token], database.env);
      expect(over.code).toBe(1);
      expect(jsonLines(over.stdout)[0]).toMatchObject({
        status: 'FAILED',
        code: 'INVALID_FILE',
        errors: [{ line: 3, column: 'received-quantity', message: expect.stringContaining('more than the 3 shipped') }],
      });
    },
    240_000,
  );
});
