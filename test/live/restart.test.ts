// Queued work survives a crash: a server killed with SIGKILL while its imports wait in the queue runs them after it
// is started again, once each (issue 5). Real processes of `bin/reclaim.js`, on a database of this test's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOST_DAY, ledgerFile, NOW } from '../cases/fixtures.js';
import { graphql } from '../gql/index.js';
import {
  type ProcessDatabase,
  processDatabase,
  type ReclaimServer,
  runReclaim,
  startReclaim,
} from '../support/process.js';
import { gql, ImportReport, member, SAMPLE_FILES, SAMPLES_AS_OF, upload, uploadSample } from '../support/server.js';

const Imports = graphql(`
  query RestartImports {
    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }
  }
`);

const RestartTotals = graphql(`
  query RestartTotals($asOf: DateTime) {
    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } } }
  }
`);

async function importsOf(server: { url: string }, token: string) {
  const response = await gql(server, Imports, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.imports.edges.map((edge) => edge.node);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a server killed (SIGKILL) while imports wait in its queue', () => {
  let database: ProcessDatabase;
  let token: string;
  const servers: ReclaimServer[] = [];

  beforeAll(async () => {
    database = await processDatabase();
    const created = await runReclaim(['account', 'create', '--name', 'Crash Test', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    token = (JSON.parse(created.stdout.trim().split('\n').at(-1) as string) as { token: string }).token;
  });
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await database.close();
  });

  it('runs every queued import after the restart: the numbers are complete and nothing is counted twice', async () => {
    // A server without a worker: the imports are stored and queued, and stay queued.
    const first = await startReclaim(['serve', '--no-worker'], { ...database.env, RECLAIM_IMPORT_WAIT_SECONDS: '0' });
    servers.push(first);
    for (const file of SAMPLE_FILES) {
      const result = member((await uploadSample(first, token, file)).data?.importReport, 'ImportReportSuccess');
      expect(result.import.status).toBe('QUEUED');
    }
    expect((await importsOf(first, token)).map((record) => record.status)).toEqual(SAMPLE_FILES.map(() => 'QUEUED'));

    // No chance to clean up: the process dies at once.
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');

    const second = await startReclaim(['serve'], database.env);
    servers.push(second);
    const finished = await until(
      'the imports after the restart',
      () => importsOf(second, token),
      (records) => records.every((record) => record.status === 'SUCCEEDED' || record.status === 'FAILED'),
    );
    expect(finished.map((record) => record.status)).toEqual(SAMPLE_FILES.map(() => 'SUCCEEDED'));
    for (const record of finished) {
      expect(record.rows, record.fileName).toBeGreaterThan(0);
      expect(record.inserted + record.updated + record.duplicates, record.fileName).toBe(record.rows);
      expect(record.duplicates, record.fileName).toBe(0);
    }
    // The numbers of EXPECTED.md, exactly: no row was lost or read twice.
    const expected = {
      missingUnits: 11,
      claimableUnits: 9,
      claimedUnits: 0,
      expiredUnits: 2,
      reimbursable: [{ amount: '246.96', currency: 'USD' }],
    };
    const totals = await until(
      'the totals after the restart',
      async () => (await gql(second, RestartTotals, { asOf: SAMPLES_AS_OF }, token)).data?.viewer.totals,
      (value) => JSON.stringify(value) === JSON.stringify(expected),
      30_000,
    );
    expect(totals).toEqual(expected);

    // Each file again: all duplicates, nothing inserted.
    for (const file of SAMPLE_FILES) {
      const again = member((await uploadSample(second, token, file)).data?.importReport, 'ImportReportSuccess');
      expect(again.import, file).toMatchObject({ status: 'SUCCEEDED', inserted: 0, updated: 0 });
      expect(again.import.duplicates, file).toBe(again.import.rows);
    }
    expect((await gql(second, RestartTotals, { asOf: SAMPLES_AS_OF }, token)).data?.viewer.totals).toEqual(expected);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 180_000);

  it('finishes the running import on SIGTERM (or gives it back): after a restart it is whole, never half-imported', async () => {
    const rows = 200_000;
    const header =
      'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time';
    const lines = [header];
    for (let index = 0; index < rows; index++) {
      const sku = `SKU-BULK-${index % 500}`;
      lines.push(
        `05/02/2025\tX00BULK${index % 500}\tB0BULK${index % 500}\t${sku}\tBulk item\tShipments\t${900000000000 + index}\t-1\tPHX7\tSELLABLE\t\tUS\t0\t0\t2025-05-02T10:00:00-0700`,
      );
    }
    const server = await startReclaim(['serve'], { ...database.env, RECLAIM_IMPORT_WAIT_SECONDS: '0' });
    servers.push(server);
    const response = await upload(
      server,
      token,
      { name: 'bulk-ledger.tsv', content: `${lines.join('\n')}\n` },
      ImportReport,
      {},
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const queued = member(response.data?.importReport, 'ImportReportSuccess').import;
    await server.waitForLog(
      (line) =>
        line.msg === 'job started' &&
        (line.payload as { importId?: number } | undefined)?.importId === Number(queued.id),
    );
    expect(await server.stop('SIGTERM')).toBe(0);

    const restarted = await startReclaim(['serve'], database.env);
    servers.push(restarted);
    const finished = await until(
      'the bulk import after the restart',
      async () => (await importsOf(restarted, token)).find((record) => record.id === queued.id),
      (record) => record?.status === 'SUCCEEDED' || record?.status === 'FAILED',
    );
    expect(finished).toMatchObject({ status: 'SUCCEEDED', rows, inserted: rows, duplicates: 0 });
    await restarted.stop('SIGTERM');
  }, 180_000);

  // Issue 14, F6: the import's rows, its numbers and its SUCCEEDED commit together, so a process killed on the way
  // leaves nothing of it, and the restarted one's job does it all again.
  it('an import killed (SIGKILL) as it runs: after the restart its numbers are whole when it is SUCCEEDED', async () => {
    const created = await runReclaim(['account', 'create', '--name', 'Killed Numbers', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    const own = (JSON.parse(created.stdout.trim().split('\n').at(-1) as string) as { token: string }).token;
    const skus = 3_000;
    const content = ledgerFile(
      Array.from({ length: skus }, (_, index) => {
        const id = String(index).padStart(6, '0');
        return [1, 2].map((n) => ({ day: LOST_DAY, sku: `SKU-KILLED-${id}`, quantity: -1, reference: `${id}0${n}` }));
      }).flat(),
    );
    const totalsOf = async (server: { url: string }) =>
      JSON.stringify((await gql(server, RestartTotals, { asOf: NOW }, own)).data?.viewer.totals);

    const server = await startReclaim(['serve'], { ...database.env, RECLAIM_IMPORT_WAIT_SECONDS: '0' });
    servers.push(server);
    const before = await totalsOf(server);
    const response = await upload(server, own, { name: 'killed-ledger.tsv', content }, ImportReport, {});
    const queued = member(response.data?.importReport, 'ImportReportSuccess').import;
    await server.waitForLog(
      (line) =>
        line.msg === 'job started' &&
        (line.payload as { importId?: number } | undefined)?.importId === Number(queued.id),
    );
    expect(await server.stop('SIGKILL')).toBe('SIGKILL');

    const restarted = await startReclaim(['serve'], database.env);
    servers.push(restarted);
    const seen = new Set<string>();
    const finished = await until(
      'the killed import after the restart',
      async () => {
        seen.add(await totalsOf(restarted));
        return (await importsOf(restarted, own)).find((record) => record.id === queued.id);
      },
      (record) => record?.status === 'SUCCEEDED' || record?.status === 'FAILED',
      // With Redis, BullMQ gives a killed worker's job again once its lock lapses and the stalled-job check next runs
      // (30 s each): about a minute, more on a loaded machine.
      150_000,
    );
    const after = await totalsOf(restarted);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', rows: 2 * skus, inserted: 2 * skus, duplicates: 0 });
    expect(JSON.parse(after)).toMatchObject({ missingUnits: 2 * skus, claimableUnits: 2 * skus });
    // Before the import, or after it: nothing in between, before or after the kill.
    expect([...seen].filter((value) => value !== before && value !== after)).toEqual([]);
    await restarted.stop('SIGTERM');
  }, 240_000);
});
