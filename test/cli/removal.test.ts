// `reclaim removal receive` and the receipts file (docs/rules.md section 10), through a running server and on the
// database once it stopped.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcessDatabase, processDatabase, runReclaim, startReclaim } from '../support/process.js';
import { gql, SAMPLES, SAMPLES_AS_OF } from '../support/server.js';
import { CliTotals, jsonLines } from './support.js';

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
