// Scale-out: two `reclaim serve` processes on one PostgreSQL database and one Redis (issue 5). Whatever the pass,
// this test runs on PostgreSQL and Redis; it starts them when they are down and fails, saying why, when it cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenCase } from '../cases/support.js';
import { graphql } from '../gql/index.js';
import { redisListens } from '../support/listening.js';
import {
  type LogLine,
  type ProcessDatabase,
  processDatabase,
  type ReclaimServer,
  runReclaim,
  startReclaim,
} from '../support/process.js';
import { gql, member, SAMPLE_FILES, SAMPLES_AS_OF, uploadSample } from '../support/server.js';
import { requirePostgres, requireRedis } from '../support/services.js';
import { subscribeWs } from './subscriber.js';

const ScaleOutCaseUpdates = graphql(`
  subscription ScaleOutCaseUpdates {
    caseUpdated { kind caseId case { id status reimbursedUnits } }
  }
`);

const ScaleOutImports = graphql(`
  query ScaleOutImports {
    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }
  }
`);

function jobsDone(servers: ReclaimServer[], name: string): LogLine[] {
  return servers.flatMap((server) => server.logs.filter((line) => line.msg === 'job done' && line.job === name));
}

describe('two server processes on one PostgreSQL and one Redis', () => {
  let database: ProcessDatabase;
  let token: string;
  let a: ReclaimServer;
  let b: ReclaimServer;

  beforeAll(async () => {
    database = await processDatabase({ postgres: await requirePostgres(), redis: await requireRedis() });
    const created = await runReclaim(['account', 'create', '--name', 'Scale-out', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    token = (JSON.parse(created.stdout.trim().split('\n').at(-1) as string) as { token: string }).token;
    // Started together: they share the migrations' advisory lock and the job queue from the first instant.
    [a, b] = await Promise.all([
      startReclaim(['serve'], { ...database.env, RECLAIM_NOW: SAMPLES_AS_OF }),
      startReclaim(['serve'], { ...database.env, RECLAIM_NOW: SAMPLES_AS_OF }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop('SIGTERM'), b?.stop('SIGTERM')]);
    await database?.close();
  });

  it('processes each import queued on A exactly once, whichever process runs it', async () => {
    for (const file of SAMPLE_FILES) {
      const result = member((await uploadSample(a, token, file)).data?.importReport, 'ImportReportSuccess');
      expect(result.import.status, file).toBe('SUCCEEDED');
    }
    const imports = (await gql(b, ScaleOutImports, {}, token)).data!.imports.edges.map((edge) => edge.node);
    expect(imports).toHaveLength(SAMPLE_FILES.length);
    for (const record of imports) {
      expect(record.status).toBe('SUCCEEDED');
      expect(record.duplicates, record.fileName).toBe(0);
      expect(record.inserted + record.updated, record.fileName).toBe(record.rows);
    }
    const runs = jobsDone([a, b], 'process-import').map((line) => (line.payload as { importId: number }).importId);
    expect(runs.sort((x, y) => x - y)).toEqual(imports.map((record) => Number(record.id)).sort((x, y) => x - y));
  });

  it('delivers to a subscriber on A the caseUpdated of a mutation made on B, and of an import made on B', async () => {
    const subscriber = await subscribeWs(
      a.url,
      token,
      ScaleOutCaseUpdates,
      {},
      redisListens(database.env, 'case:updated'),
    );
    const opened = member(
      (
        await gql(
          b,
          OpenCase,
          { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: SAMPLES_AS_OF } },
          token,
        )
      ).data?.openCase,
      'OpenCaseSuccess',
    ).case;
    expect((await subscriber.waitFor(1))[0]!.caseUpdated).toMatchObject({ kind: 'OPENED', caseId: opened.id });

    const imported = member(
      (await uploadSample(b, token, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    const events = await subscriber.waitFor(3);
    expect(events.map((event) => event.caseUpdated.kind)).toEqual(['OPENED', 'REIMBURSEMENT_RECEIVED', 'REIMBURSED']);
    expect(events[2]!.caseUpdated.case).toEqual({ id: opened.id, status: 'REIMBURSED', reimbursedUnits: 2 });
    // The reimbursements are attributed inside their import's transaction, run by one process only: a second
    // run (on A and on B) would announce the same events again. Once the run is done, a case opened on B is the
    // next event the subscriber hears: events of a second run would have come before it.
    const importRun = (line: LogLine) =>
      line.msg === 'job done' &&
      line.job === 'process-import' &&
      String((line.payload as { importId: number }).importId) === imported.import.id;
    await Promise.any([a.waitForLog(importRun), b.waitForLog(importRun)]);
    const marker = member(
      (
        await gql(
          b,
          OpenCase,
          { input: { type: 'INBOUND', skus: ['SKU-BAG-03'], amazonCaseId: '2233445566', asOf: SAMPLES_AS_OF } },
          token,
        )
      ).data?.openCase,
      'OpenCaseSuccess',
    ).case;
    const all = await subscriber.waitFor(4);
    expect(all.map((event) => [event.caseUpdated.kind, event.caseUpdated.caseId])).toEqual([
      ['OPENED', opened.id],
      ['REIMBURSEMENT_RECEIVED', opened.id],
      ['REIMBURSED', opened.id],
      ['OPENED', marker.id],
    ]);
    await subscriber.close();
    const runs = jobsDone([a, b], 'process-import').map((line) => (line.payload as { importId: number }).importId);
    expect(new Set(runs).size).toBe(runs.length);
  });
});
