// Issue 14, F6: an import is SUCCEEDED only in the commit that recomputes its products' numbers. importReport
// (wait: true) answers once they are final, and a reader polling the totals meanwhile sees the numbers before the
// import or after it, never a part of the products recomputed (they used to change in batches of 500 products, over
// seconds, after the import was already SUCCEEDED).
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOST_DAY, ledgerFile, NOW } from '../cases/fixtures.js';
import { ImportReport, member, startServer, type TestServer, upload } from '../support/server.js';
import { answersWithinASecond, send } from './support.js';

const TOTALS = `query NumbersSwitchWholeTotals($asOf: DateTime) {
  viewer { totals(asOf: $asOf) { missingUnits claimableUnits reimbursable { amount currency } } }
}`;

/** A ledger of `skus` products from `first` on, each with two lost units (reason M), claimable on NOW. */
function ledger(first: number, skus: number): string {
  const rows = Array.from({ length: skus }, (_, index) => {
    const id = String(first + index).padStart(6, '0');
    return [1, 2].map((n) => ({ day: LOST_DAY, sku: `SKU-WHOLE-${id}`, quantity: -1, reference: `${id}0${n}` }));
  });
  return ledgerFile(rows.flat());
}

let server: TestServer;
let token: string;
let otherToken: string;
let accountId: number;

async function totals(): Promise<string> {
  const answer = await send(server, token, TOTALS, { asOf: NOW });
  expect(answer.errors).toBeUndefined();
  return JSON.stringify(answer.data);
}

/** The account's latest import and how many of its products are stale, read in one statement (one snapshot). */
async function statusAndStale(): Promise<{ status: string; stale: number } | undefined> {
  const [row] = await server.database.db.sql.query<{ status: string; stale: number }>(
    `SELECT i.status::text AS status,
            (SELECT count(*)::int FROM product p WHERE p.account_id = i.account_id AND p.facts_version > p.lots_version)
              AS stale
       FROM import i WHERE i.account_id = $1 ORDER BY i.id DESC LIMIT 1`,
    [accountId],
  );
  return row;
}

/** The jobs queued, waiting for a retry or running: in the job table, or BullMQ's on Redis (the Redis pass). */
async function pendingJobs(): Promise<number> {
  const { redisUrl, redisPrefix } = server.config;
  if (redisUrl) {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    // The queue's name in src/jobs/redis-queue.ts.
    const queue = new Queue('reclaim', { connection, prefix: redisPrefix });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }
  const [row] = await server.database.db.sql.query<{ pending: number }>(
    "SELECT count(*)::int AS pending FROM job WHERE status IN ('QUEUED', 'RUNNING')",
  );
  return row!.pending;
}

async function importLedger(name: string, content: string) {
  const answer = (await upload(server, token, { name, content }, ImportReport, {})).data?.importReport;
  return member(answer, 'ImportReportSuccess').import;
}

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
  token = await server.account('Numbers Switch Whole', 'NA');
  otherToken = await server.account('Numbers Switch Whole, other', 'NA');
  const [account] = await server.database.db.sql.query<{ id: number }>(
    "SELECT id FROM account WHERE name = 'Numbers Switch Whole'",
  );
  accountId = account!.id;
});
afterAll(() => server?.close());

describe('F6: the numbers of an import switch whole', () => {
  it('answers SUCCEEDED with the final numbers; a reader meanwhile sees them before or after, never half', async () => {
    const first = await importLedger('ledger-1.tsv', ledger(0, 400));
    expect(first.status).toBe('SUCCEEDED');
    const before = await totals();
    expect(JSON.parse(before).viewer.totals.missingUnits).toBe(800);

    // 2,500 more products (5,000 rows): five batches of recomputation, once committed one after the other.
    const seen = new Set<string>();
    const succeededWhileStale: Array<{ status: string; stale: number }> = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        seen.add(await totals());
        const state = await statusAndStale();
        if (state?.status === 'SUCCEEDED' && state.stale > 0) succeededWhileStale.push(state);
      }
    })();
    const second = await importLedger('ledger-2.tsv', ledger(400, 2_500));
    // Read at once, before anything else can finish the numbers.
    const right = await totals();
    const state = await statusAndStale();
    reading = false;
    await reader;

    expect(second).toMatchObject({ status: 'SUCCEEDED', rows: 5_000, inserted: 5_000 });
    expect(state).toEqual({ status: 'SUCCEEDED', stale: 0 });
    expect(JSON.parse(right).viewer.totals.missingUnits).toBe(800 + 5_000);
    // Once the queue has nothing left to run, nothing can change them any more: they are still the same.
    await expect.poll(pendingJobs, { timeout: 30_000, interval: 100 }).toBe(0);
    expect(await totals()).toBe(right);
    expect([...seen].filter((value) => value !== before && value !== right)).toEqual([]);
    expect(succeededWhileStale).toEqual([]);
    await answersWithinASecond(server, otherToken);
  });

  it('shows RUNNING in import(id) until the numbers are recomputed: never SUCCEEDED with stale products', async () => {
    const seen: Array<{ status: string; stale: number }> = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const state = await statusAndStale();
        if (state) seen.push(state);
        const record = await send(server, token, '{ imports(first: 1) { edges { node { status } } } }');
        const shown = (record.data as { imports: { edges: Array<{ node: { status: string } }> } }).imports.edges[0];
        // The API never shows a status the database does not have.
        expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(shown?.node.status);
      }
    })();
    const third = await importLedger('ledger-3.tsv', ledger(2_900, 1_500));
    reading = false;
    await reader;
    expect(third.status).toBe('SUCCEEDED');
    expect(seen.filter((state) => state.status === 'SUCCEEDED' && state.stale > 0)).toEqual([]);
    expect(await statusAndStale()).toEqual({ status: 'SUCCEEDED', stale: 0 });
  });
});
