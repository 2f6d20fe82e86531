// The `reclaim` commands beside a running `reclaim serve` on the embedded database: they go through the server, which
// holds the database; once it stopped, they work on the database itself.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSampleNumbers } from '../support/expected-samples.js';
import { type ProcessDatabase, processDatabase, runReclaim, startReclaim } from '../support/process.js';
import { gql, SAMPLE_FILES, SAMPLE_ROWS, SAMPLES, SAMPLES_AS_OF } from '../support/server.js';
import { CliTotals, jsonLines } from './support.js';

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
