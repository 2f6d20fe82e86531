// The `reclaim` command as a seller runs it (docs/api.md, Command line): real processes of bin/reclaim.js on a database of
// this file's own. An account made by the command, files imported into it, and a server started on what they left.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcessDatabase, processDatabase, runReclaim, startReclaim } from '../support/process.js';
import { gql, SAMPLE_FILES, SAMPLE_ROWS, SAMPLES, SAMPLES_AS_OF } from '../support/server.js';
import { CliTotals, jsonLines } from './support.js';

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
    // Six imports and a server's start: a minute is too close on a loaded machine.
  }, 180_000);

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
});
