// The recomputation of the missing pools (src/store/missing-pool.ts) writes only what changed: a product whose lots
// and events come out as its stored digest says they are is left as it is, rows and kept numbers. Whatever it leaves
// or writes, the stored rows must be those of a recomputation from nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { Sql } from '../../src/db/database.js';
import { generateDemo } from '../../src/demo/generate.js';
import { createEvents } from '../../src/events.js';
import { importNow } from '../../src/jobs/inline.js';
import { createLogger } from '../../src/logger.js';
import { accountPolicy, createAccount } from '../../src/store/accounts.js';
import { applyPolicy, markStale, refreshStaleProducts } from '../../src/store/missing-pool.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const asOf = new Date('2025-06-15T00:00:00Z');

/** Every stored row of the account's pools and kept numbers, with where it lies (ctid: a row written again moves). */
async function stored(sql: Sql, accountId: number) {
  const lots = await sql.query<{ ctid: string; row: string }>(
    `SELECT ctid::text, (l.*)::text AS row FROM missing_lot l WHERE account_id = $1 ORDER BY product_id, type, event_key`,
    [accountId],
  );
  const events = await sql.query<{ ctid: string; row: string }>(
    `SELECT ctid::text, (e.*)::text AS row FROM missing_event e WHERE account_id = $1
     ORDER BY product_id, type, event_key`,
    [accountId],
  );
  const windows = await sql.query<{ ctid: string; row: string }>(
    `SELECT ctid::text, (w.*)::text AS row FROM missing_window w WHERE account_id = $1 ORDER BY product_id, scope`,
    [accountId],
  );
  const rows = (list: { row: string }[]) => list.map(({ row }) => row);
  const places = (list: { ctid: string; row: string }[]) => new Map(list.map(({ ctid, row }) => [row, ctid]));
  return {
    rows: { lots: rows(lots), events: rows(events), windows: rows(windows) },
    places: { lots: places(lots), events: places(events), windows: places(windows) },
  };
}

/** The rows of a recomputation from nothing: every product's digest forgotten, everything written again. */
async function fromNothing(test: TestDatabase, accountId: number) {
  const { db } = test;
  await db.transaction(async (sql) => {
    await sql.execute('UPDATE product SET lots_digest = NULL WHERE account_id = $1', [accountId]);
    await sql.execute('DELETE FROM missing_lot WHERE account_id = $1', [accountId]);
    await sql.execute('DELETE FROM missing_event WHERE account_id = $1', [accountId]);
    await sql.execute('DELETE FROM missing_window WHERE account_id = $1', [accountId]);
  });
  await recomputeAll(test, accountId);
  return (await stored(db.sql, accountId)).rows;
}

async function recomputeAll({ db }: TestDatabase, accountId: number, options?: { batchSize: number }) {
  const ids = await db.sql.query<{ id: number }>('SELECT id FROM product WHERE account_id = $1', [accountId]);
  await db.transaction((sql) =>
    markStale(
      sql,
      accountId,
      ids.map(({ id }) => id),
    ),
  );
  return refreshStaleProducts(db, accountId, options);
}

/**
 * Deletes the ledger row of the first product's LOST unit (its LOST lot goes with it at the next recomputation) and
 * marks the product stale; the product's id.
 */
async function removeLostUnit({ db }: TestDatabase, accountId: number): Promise<number> {
  const [lost] = await db.sql.query<{ product_id: number; key: string }>(
    `SELECT l.product_id, e.row_key::text AS key FROM missing_lot l
     JOIN ledger_entry e ON e.account_id = l.account_id AND e.product_id = l.product_id
                        AND e.row_key::text || ':' || e.occurrence = l.event_key
     WHERE l.account_id = $1 AND l.type = 'LOST' ORDER BY l.product_id LIMIT 1`,
    [accountId],
  );
  expect(lost).toBeDefined();
  await db.transaction(async (sql) => {
    await sql.execute('DELETE FROM ledger_entry WHERE account_id = $1 AND row_key = $2::uuid', [accountId, lost!.key]);
    await markStale(sql, accountId, [lost!.product_id]);
  });
  return lost!.product_id;
}

describe('the recomputation of missing pools writes only the products whose rows changed', () => {
  let test: TestDatabase;
  let accountId: number;

  beforeAll(async () => {
    test = await openTestDatabase();
    const { account } = await createAccount(test.db, { name: 'Pools', region: 'NA' });
    accountId = account.id;
    const deps = {
      db: test.db,
      clock: systemClock(asOf),
      events: createEvents(),
      log: createLogger('silent', { pretty: false }),
    };
    for (const file of generateDemo({ products: 40, ledgerRows: 6_000, asOf })) {
      async function* bytes() {
        for await (const text of file.chunks()) yield Buffer.from(text, 'utf8');
      }
      const outcome = await importNow(deps, { accountId, fileName: file.fileName, kind: file.kind }, bytes(), {
        maxBytes: 2 ** 30,
      });
      expect(outcome.ok, outcome.ok ? '' : outcome.message).toBe(true);
    }
  });
  afterAll(() => test?.close());

  it('leaves every row where it was when the facts did not change, and marks the products computed', async () => {
    const before = await stored(test.db.sql, accountId);
    expect(before.rows.lots.length).toBeGreaterThan(20);
    expect(before.rows.windows.length).toBeGreaterThan(20);
    await recomputeAll(test, accountId);
    const after = await stored(test.db.sql, accountId);
    expect(after.rows).toEqual(before.rows);
    expect(after.places).toEqual(before.places);
    const [stale] = await test.db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM product
       WHERE account_id = $1 AND (facts_version > lots_version OR lots_digest IS NULL)`,
      [accountId],
    );
    expect(stale!.count).toBe(0);
  });

  it("writes again only the product whose facts changed, and its rows are a recomputation's from nothing", async () => {
    const before = await stored(test.db.sql, accountId);
    const productId = await removeLostUnit(test, accountId);
    await refreshStaleProducts(test.db, accountId);
    const after = await stored(test.db.sql, accountId);
    expect(after.rows.lots).not.toEqual(before.rows.lots);
    const ofProduct = (row: string) => row.startsWith(`(${accountId},${productId},`);
    for (const kind of ['lots', 'events', 'windows'] as const) {
      for (const [row, place] of before.places[kind]) {
        if (!ofProduct(row)) expect(after.places[kind].get(row), `${kind} ${row}`).toBe(place);
      }
    }
    expect(after.rows).toEqual(await fromNothing(test, accountId));
  });

  it('gives the same rows in batches of a few products, two in flight at a time on PostgreSQL', async () => {
    const whole = await fromNothing(test, accountId);
    await test.db.transaction((sql) =>
      sql.execute('UPDATE product SET lots_digest = NULL WHERE account_id = $1', [accountId]),
    );
    const ids = await test.db.sql.query<{ id: number }>('SELECT id FROM product WHERE account_id = $1', [accountId]);
    // 7 products a batch: 40 products make 6 batches and a partial one, each overlapping the next on PostgreSQL.
    const refreshed = await recomputeAll(test, accountId, { batchSize: 7 });
    expect(refreshed.toSorted((a, b) => a - b)).toEqual(ids.map(({ id }) => id).toSorted((a, b) => a - b));
    expect((await stored(test.db.sql, accountId)).rows).toEqual(whole);
  });

  it('writes every product again after a new policy dated its lots, and gives the rows of the new policy', async () => {
    // As updateSettings does it: the account's window stored, then its lots dated with the policy read back.
    const account = await test.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    const { LOST } = await accountPolicy(test.db, account);
    await test.db.prisma.accountPolicy.create({
      data: {
        accountId,
        type: 'LOST',
        inTransit: false,
        waitDays: LOST.waitDays,
        deadlineDays: LOST.deadlineDays + 30,
      },
    });
    const policy = await accountPolicy(test.db, account);
    expect(policy.LOST.deadlineDays).toBe(LOST.deadlineDays + 30);
    await test.db.transaction((sql) => applyPolicy(sql, accountId, policy));
    const [digests] = await test.db.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM product WHERE account_id = $1 AND lots_digest IS NOT NULL',
      [accountId],
    );
    expect(digests!.count).toBe(0);
    await recomputeAll(test, accountId);
    const after = (await stored(test.db.sql, accountId)).rows;
    expect(after.lots.some((row) => row.includes('LOST'))).toBe(true);
    expect(after).toEqual(await fromNothing(test, accountId));
  });

  // The embedded database has one connection: no other transaction can hold a product while a recomputation runs.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'leaves a product another transaction holds to it, unless told to await it: then waits, and recomputes it',
    async () => {
      const productId = await removeLostUnit(test, accountId);
      const isStale = async () => {
        const [row] = await test.db.sql.query<{ stale: boolean }>(
          'SELECT facts_version > lots_version AS stale FROM product WHERE id = $1',
          [productId],
        );
        return row!.stale;
      };
      // Another transaction holds the product, as a recomputation does from its selection to its commit.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding!: (xid: string) => void;
      const holder = new Promise<string>((resolve) => {
        holding = resolve;
      });
      const other = test.db.transaction(async (sql) => {
        await sql.query('SELECT id FROM product WHERE id = $1 FOR UPDATE', [productId]);
        const [{ xid }] = (await sql.query<{ xid: string }>('SELECT txid_current()::text AS xid')) as [{ xid: string }];
        holding(xid);
        await held;
      });
      try {
        const xid = await holder;
        expect(await refreshStaleProducts(test.db, accountId)).not.toContain(productId);
        expect(await isStale()).toBe(true);

        let settled = false;
        const awaited = refreshStaleProducts(test.db, accountId, { awaiting: [productId] }).finally(() => {
          settled = true;
        });
        // Until it waits for the holder's transaction: a lock of that transaction's id not granted.
        for (;;) {
          const [waiting] = await test.db.sql.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM pg_locks
             WHERE locktype = 'transactionid' AND transactionid::text = $1 AND NOT granted`,
            [xid],
          );
          if (waiting!.count > 0) break;
          expect(settled, 'answered without waiting for the product held').toBe(false);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(settled).toBe(false);
        release();
        await other;
        expect(await awaited).toContain(productId);
        expect(await isStale()).toBe(false);
        const after = (await stored(test.db.sql, accountId)).rows;
        expect(after).toEqual(await fromNothing(test, accountId));
      } finally {
        release();
        await other;
      }
    },
  );
});
