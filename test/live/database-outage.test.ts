// PostgreSQL going away, at start-up and while serving: `reclaim serve` answers 503 (never hangs, never crashes),
// says why, and recovers by itself when the database is back, with nothing lost. The database is reached through a
// proxy the test cuts and restores, so the PostgreSQL that other tests use is never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ProcessDatabase,
  processDatabase,
  type ReclaimServer,
  runReclaim,
  startReclaim,
} from '../support/process.js';
import { type CuttableProxy, cuttableProxy } from '../support/proxy.js';
import { SAMPLE_FILES, SAMPLES_AS_OF, uploadSample } from '../support/server.js';
import { requirePostgres } from '../support/services.js';

let database: ProcessDatabase;
let proxy: CuttableProxy;
let server: ReclaimServer | undefined;
let token: string;

const TOTALS = `query ($asOf: DateTime) { viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits } } }`;

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    },
  };
}

async function health() {
  const response = await fetch(`${server!.url}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string } };
}

/** Polls until `check` passes: recovery takes the pool's next connection attempt. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

beforeAll(async () => {
  const postgres = new URL(await requirePostgres());
  database = await processDatabase({ postgres: postgres.toString(), redis: process.env.TEST_REDIS_URL });
  proxy = await cuttableProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
});
afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await database?.close();
});

describe('PostgreSQL unreachable', () => {
  it('at start-up: /healthz and GraphQL answer 503 until the database is reached, then the server is ready', async () => {
    await proxy.cut();
    const throughProxy = new URL(database.env.DATABASE_URL!);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startReclaim(
      ['serve'],
      { ...database.env, DATABASE_URL: throughProxy.toString(), RECLAIM_NOW: SAMPLES_AS_OF },
      (line) => line.msg === 'Reclaim is starting: waiting for the database',
    );
    await server.waitForLog((line) => line.msg === 'the database is unreachable: retrying');
    expect(await health()).toEqual({ status: 503, body: { status: 'starting', database: 'postgres' } });
    const early = await post('{ __typename }');
    expect(early.status).toBe(503);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    // The URL's credentials never reach a log line.
    expect(JSON.stringify(server.logs)).not.toContain(throughProxy.toString());

    await proxy.restore();
    await server.waitForLog((line) => line.msg === 'Reclaim is listening');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('while serving: requests fail with DATABASE_UNAVAILABLE (503), and recover with nothing lost', async () => {
    const created = await runReclaim(['account', 'create', '--name', 'Outage Seller', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    token = (JSON.parse(created.stdout) as { token: string }).token;
    for (const file of SAMPLE_FILES) {
      const outcome = await uploadSample(server!, token, file);
      expect(outcome.errors, file).toBeUndefined();
    }
    const before = await post(TOTALS, { asOf: SAMPLES_AS_OF });
    expect(before.body.errors).toBeUndefined();

    await proxy.cut();
    expect((await health()).status).toBe(503);
    const read = await post(TOTALS, { asOf: SAMPLES_AS_OF });
    expect(read.status).toBe(503);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(read.body.errors?.[0]?.message).toMatch(/database is unreachable/);
    const change = await post(
      'mutation { setProductCost(sku: "SKU-MUG-01", cost: { amount: "1.00", currency: "USD" }) { __typename } }',
    );
    expect(change.status).toBe(503);
    const refusedUpload = await uploadSample(server!, token, 'reimbursements-after-case.tsv');
    expect(refusedUpload.status).toBe(503);

    await proxy.restore();
    await eventually(async () => expect((await health()).status).toBe(200));
    const after = await eventually(async () => {
      const answer = await post(TOTALS, { asOf: SAMPLES_AS_OF });
      expect(answer.status).toBe(200);
      return answer;
    });
    expect(after.body).toEqual(before.body);
    // Imports (run as jobs) work again: the queue survived the outage.
    const imported = await uploadSample(server!, token, 'reimbursements-after-case.tsv');
    expect(imported.status).toBe(200);
    expect(imported.data?.importReport).toMatchObject({
      __typename: 'ImportReportSuccess',
      import: { status: 'SUCCEEDED' },
    });
    // The process never died, and each failed request was logged with its request id.
    expect(server!.child.exitCode).toBeNull();
    const failures = server!.logs.filter((line) => line.msg === 'resolver failed' || line.msg === 'request failed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((line) => typeof line.requestId === 'string')).toBe(true);
  });
});
