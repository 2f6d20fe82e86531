// The response cache (src/server/response-cache.ts): a query asked again is answered without reading the data, and
// never with an answer older than the data: after every kind of change the next answer is the one a fresh
// computation gives. On both databases: the embedded one's data version, PostgreSQL's snapshot.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/load.js';
import { createLogger } from '../../src/logger.js';
import { accountForToken } from '../../src/store/accounts.js';
import { startServer, type TestServer } from '../support/server.js';

const embedded = !process.env.TEST_DATABASE_URL;

const PAGE = `query Page($first: Int) {
  missingProducts(first: $first) {
    totalCount
    edges { node { sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }
      unitValue { amount currency } purchaseCost { amount currency }
      byType { type missingUnits claimableUnits claimedUnits reimbursable { amount currency } } } }
  }
  viewer { name valuation totals { missingUnits claimableUnits claimedUnits reimbursable { amount currency } } }
  history { from to months { month missingUnits claimedUnits reimbursedUnits expiredUnits
    values { currency missing { amount currency } claimed { amount currency } } } }
  underpaidReimbursements(first: 5) { totalCount edges { node { reimbursementId cashUnits underpaidBy { amount currency } } } }
  removalShipments(first: 5) { edges { node { orderId shippedUnits receivedUnits product { sku } } } }
}`;

let server: TestServer;
let token: string;
let otherToken: string;

async function post(query: string, variables: Record<string, unknown> = {}, bearer = token) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** The page as the cache may answer it, and as a document never asked before computes it. */
async function cachedAndFresh(first = 20) {
  const cached = await post(PAGE, { first });
  const fresh = await post(`${PAGE}\n# ${randomUUID()}`, { first });
  return { cached, fresh };
}

async function expectCurrent(first = 20) {
  const { cached, fresh } = await cachedAndFresh(first);
  expect(cached).toEqual(fresh);
  return fresh;
}

async function importLedger(lines: string[]) {
  const header =
    'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry';
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query:
        'mutation ($file: File!) { importReport(file: $file) { __typename ... on ImportReportSuccess { import { status } } } }',
      variables: { file: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([[header, ...lines].join('\n')]), `ledger-${randomUUID()}.tsv`);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  const body = (await response.json()) as {
    data?: { importReport: { import?: { status: string } } };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  expect(body.data?.importReport.import?.status).toBe('SUCCEEDED');
}

/**
 * Runs `ask` until PostgreSQL's snapshot was the same before and after it (other test files write to the same server
 * meanwhile, and any commit anywhere moves it) and returns what it gave then; the embedded database has no such
 * neighbours. Fails when 30 tries saw none.
 */
async function withSnapshotUnchanged<T>(ask: () => Promise<T>): Promise<T> {
  const snapshot = async () =>
    (await server.database.db.sql.query<{ s: string }>('SELECT pg_current_snapshot()::text AS s'))[0]!.s;
  for (let attempt = 0; attempt < 30; attempt++) {
    const before = embedded ? '' : await snapshot();
    const result = await ask();
    if (embedded || (await snapshot()) === before) return result;
  }
  throw new Error('PostgreSQL committed something during each of 30 tries: the cache could not be observed');
}

/** The page asked twice in a row, and the statements the second asking made. */
async function askedTwice(first: number) {
  const answer = await post(PAGE, { first });
  server.queries.reset();
  const again = await post(PAGE, { first });
  return { first: answer, again, made: [...server.queries.made] };
}

/**
 * Opens a transaction on the server's database, runs `work` in it and holds it open until `release` is called:
 * `begun` settles once `work` is done, `open` once the transaction has ended.
 */
function holdTransaction(work: (sql: Sql) => Promise<unknown> = async () => {}) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const begun = new Promise<void>((resolve) => {
    started = resolve;
  });
  const open = server.database.db.transaction(async (sql) => {
    await work(sql);
    started();
    await held;
  });
  return { begun, release, open };
}

describe('the response cache', () => {
  beforeAll(async () => {
    server = await startServer({ now: new Date('2025-06-15T12:00:00Z') });
    const deps = {
      db: server.database.db,
      clock: server.clock,
      log: createLogger('silent', { pretty: false }),
      config: server.config,
      events: server.events,
    };
    token = (await loadDemo(deps, { products: 60 })).token;
    otherToken = await server.account('Other seller');
  });
  afterAll(() => server?.close());

  it('answers a query asked again without reading the data: the token lookup only', async () => {
    const { first, again, made } = await withSnapshotUnchanged(() => askedTwice(10));
    expect(again).toEqual(first);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/FROM api_token/);
  });

  it("never gives one account's answer to another", async () => {
    const mine = await post(PAGE, { first: 10 });
    const theirs = await post(PAGE, { first: 10 }, otherToken);
    expect((mine.missingProducts as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect(theirs.missingProducts).toEqual({ totalCount: 0, edges: [] });
  });

  it('gives the new numbers after an import that changes a product on the page', async () => {
    const before = await expectCurrent();
    const edges = (before.missingProducts as { edges: Array<{ node: { sku: string; missingUnits: number } }> }).edges;
    const sku = edges[0]!.node.sku;
    await importLedger([`06/01/2025\t\t\t${sku}\tA product\tAdjustments\t${Date.now()}\t-5\tPHX7\tSELLABLE\tM\tUS`]);
    const after = await expectCurrent();
    const node = (after.missingProducts as typeof before.missingProducts & { edges: typeof edges }).edges.find(
      (edge) => edge.node.sku === sku,
    );
    expect(node?.node.missingUnits).toBe(edges[0]!.node.missingUnits + 5);
  });

  it('gives the new numbers after a case is opened, closed and deleted', async () => {
    const before = await expectCurrent();
    const claimable = (
      before.missingProducts as {
        edges: Array<{ node: { sku: string; byType: Array<{ type: string; claimableUnits: number }> } }>;
      }
    ).edges.flatMap((edge) =>
      edge.node.byType
        .filter((type) => type.claimableUnits > 0)
        .map((type) => ({ sku: edge.node.sku, type: type.type })),
    )[0]!;
    const opened = (await post(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { __typename ... on OpenCaseSuccess { case { id } } } }`,
      { input: { amazonCaseId: '1234567890', skus: [claimable.sku], type: claimable.type } },
    )) as { openCase: { __typename: string; case: { id: string } } };
    expect(opened.openCase.__typename).toBe('OpenCaseSuccess');
    const afterOpen = await expectCurrent();
    expect(afterOpen).not.toEqual(before);

    await post('mutation ($id: ID!) { closeCase(id: $id) { __typename } }', { id: opened.openCase.case.id });
    const afterClose = await expectCurrent();
    expect(afterClose).not.toEqual(afterOpen);

    await post('mutation ($id: ID!) { deleteCase(id: $id) { __typename } }', { id: opened.openCase.case.id });
    await expectCurrent();
  });

  it("gives the new numbers after the account's settings and a product's cost change", async () => {
    const before = await expectCurrent();
    await post('mutation { updateSettings(input: { valuation: PURCHASE_COST }) { __typename } }');
    const afterSettings = await expectCurrent();
    expect((afterSettings.viewer as { valuation: string }).valuation).toBe('PURCHASE_COST');
    const sku = (before.missingProducts as { edges: Array<{ node: { sku: string } }> }).edges[0]!.node.sku;
    await post(
      'mutation ($sku: String!) { setProductCost(sku: $sku, cost: { amount: "987.65", currency: "USD" }) { __typename } }',
      {
        sku,
      },
    );
    const afterCost = await expectCurrent();
    const node = (
      afterCost.missingProducts as { edges: Array<{ node: { sku: string; purchaseCost: { amount: string } | null } }> }
    ).edges.find((edge) => edge.node.sku === sku);
    expect(node?.node.purchaseCost?.amount).toBe('987.65');
  });

  it('computes again on the next day', async () => {
    await post(PAGE, { first: 10 });
    server.setNow(new Date('2025-06-16T12:00:00Z'));
    try {
      server.queries.reset();
      await post(PAGE, { first: 10 });
      expect(server.queries.made.length).toBeGreaterThan(1);
    } finally {
      server.setNow(new Date('2025-06-15T12:00:00Z'));
    }
  });

  it.runIf(!embedded)(
    "on PostgreSQL, answers as before while another connection's change is not committed, and anew once it is",
    async () => {
      const db = server.database.db;
      const before = await expectCurrent();
      const sku = (before.missingProducts as { edges: Array<{ node: { sku: string } }> }).edges[0]!.node.sku;
      const accountId = (await accountForToken(db, token))!.id;
      const { begun, release, open } = holdTransaction((sql) =>
        sql.execute(
          "UPDATE product SET purchase_cost = 123.45, purchase_currency = 'USD' WHERE account_id = $1 AND sku = $2",
          [accountId, sku],
        ),
      );
      try {
        await begun;
        const during = await withSnapshotUnchanged(() => askedTwice(20));
        expect(during.first).toEqual(before);
        expect(during.again).toEqual(before);
        expect(during.made).toHaveLength(1);
      } finally {
        release();
        await open;
      }
      const after = await expectCurrent();
      const node = (
        after.missingProducts as { edges: Array<{ node: { sku: string; purchaseCost: { amount: string } | null } }> }
      ).edges.find((edge) => edge.node.sku === sku);
      expect(node?.node.purchaseCost?.amount).toBe('123.45');
    },
  );

  it.runIf(embedded)(
    'does not keep an answer while a transaction is open, nor one read while data changed',
    async () => {
      const db = server.database.db;
      const { begun, release, open } = holdTransaction();
      try {
        await begun;
        expect(db.dataVersion?.()).toBeUndefined();
        // Asked while the transaction is open (its token looked up, waiting for the transaction): computed after it,
        // and not kept.
        server.queries.reset();
        const during = post(PAGE, { first: 7 });
        while (!server.queries.made.some((text) => text.includes('FROM api_token'))) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        release();
        await open;
        await during;
      } finally {
        release();
        await open;
      }
      server.queries.reset();
      await post(PAGE, { first: 7 });
      expect(server.queries.made.length).toBeGreaterThan(1);

      const version = db.dataVersion?.();
      await db.sql.execute('UPDATE account SET name = name WHERE false');
      expect(db.dataVersion?.()).toBe(version);
      await db.sql.execute("UPDATE account SET name = name || '' WHERE id > 0");
      expect(db.dataVersion?.()).toBe(version! + 1);
    },
  );
});
