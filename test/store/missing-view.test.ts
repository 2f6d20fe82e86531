// The SQL that counts window states for lists must agree with the rule in src/domain, on any data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type Day } from '../../src/domain/calendar.js';
import { pendingUnits } from '../../src/domain/claims/claim.js';
import { money } from '../../src/domain/money.js';
import { type Policy, policyOf, WINDOW_KINDS, windowKey, windowKind } from '../../src/domain/policy.js';
import { type DatedUnits, summarise, totalsOf } from '../../src/domain/summary.js';
import { MISSING_TYPES, type MissingType, type Valuation } from '../../src/domain/types.js';
import { stateOn, windowDates } from '../../src/domain/windows.js';
import type { Product } from '../../src/generated/prisma/client.js';
import { createAccount } from '../../src/store/accounts.js';
import { approachingDeadlines, productsChangingState } from '../../src/store/deadlines.js';
import { applyPolicy } from '../../src/store/missing-pool.js';
import {
  accountTotals,
  countMissingProducts,
  type ListPosition,
  missingProducts,
  payoutBeforeOrderOf,
  summariesOf,
  unitValueOf,
  type ViewOptions,
} from '../../src/store/missing-view.js';
import { isKeptAt, keepPendingUnits, moveWindows } from '../../src/store/missing-window.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/** mulberry32: the same "random" data on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the SQL window counts, pending units, expected payouts and the daily jobs' reads agree with docs/rules.md sections 4 to 6 and 9 as src/domain computes them", () => {
  let database: TestDatabase;
  let accountId: number;
  let products: Product[];
  const pools = new Map<number, DatedUnits[]>();
  const next = random(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;

  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database;
    accountId = (await createAccount(db, { name: 'Random', region: 'NA' })).account.id;
    for (let i = 0; i < 60; i++) {
      await db.prisma.product.create({
        data: {
          accountId,
          sku: `SKU-${String(i).padStart(3, '0')}`,
          ...(next() < 0.7
            ? { lastSalePrice: (1 + Math.floor(next() * 9999)) / 100, lastSaleCurrency: pick(['USD', 'EUR']) }
            : {}),
          ...(next() < 0.5 ? { purchaseCost: (1 + Math.floor(next() * 5000)) / 100, purchaseCurrency: 'USD' } : {}),
        },
      });
    }
    products = await db.prisma.product.findMany({ where: { accountId }, orderBy: { id: 'asc' } });
    const rows = [];
    for (const product of products) {
      const pool: DatedUnits[] = [];
      const lots = Math.floor(next() * 6);
      for (let i = 0; i < lots; i++) {
        const type = pick(MISSING_TYPES);
        const lot: DatedUnits = {
          type,
          date: addDays('2025-01-01', Math.floor(next() * 300)),
          units: 1 + Math.floor(next() * 5),
        };
        // UNRETURNED lots carry their order's payout (docs/rules.md section 9): priced in one of two currencies, or not.
        if (type === 'UNRETURNED') {
          const priced = next() < 0.8;
          lot.payout = {
            basis: pick(['ORDER_PRICE_LESS_FEES', 'ORDER_PRICE_FEES_UNKNOWN'] as const),
            perUnit: priced ? money((1 + Math.floor(next() * 99999)) / 1000, pick(['USD', 'EUR'])) : null,
          };
        }
        // REMOVAL lots lost in transit take the policy table's second REMOVAL window (docs/rules.md section 10).
        if (type === 'REMOVAL' && next() < 0.5) lot.inTransit = true;
        pool.push(lot);
        rows.push({
          in_transit: lot.inTransit ?? false,
          product_id: product.id,
          event_key: `event-${product.id}-${i}`,
          type: lot.type,
          date: lot.date,
          units: lot.units,
          payout_basis: lot.payout?.basis ?? null,
          payout_per_unit: lot.payout?.perUnit?.amount.toString() ?? null,
          payout_currency: lot.payout?.perUnit?.currency ?? null,
        });
      }
      pools.set(product.id, pool);
    }
    await db.sql.execute(
      `INSERT INTO missing_lot (account_id, product_id, type, event_key, date, opens, deadline, units, source,
                                payout_basis, payout_per_unit, payout_currency, in_transit)
       SELECT $1, l.product_id, l.type::"MissingType", l.event_key, l.date, l.date, l.date, l.units, 'LEDGER',
              l.payout_basis, l.payout_per_unit, l.payout_currency, l.in_transit
       FROM json_to_recordset($2::json) AS l(product_id int, type text, event_key text, date date, units int,
                                            payout_basis text, payout_per_unit numeric, payout_currency text,
                                            in_transit boolean)`,
      [accountId, JSON.stringify(rows)],
    );
  });
  afterAll(() => database.close());

  /** Case items of random products and types, open or not, partly reimbursed (docs/rules.md section 5). */
  interface Item {
    id: number;
    productId: number;
    type: MissingType;
    claimedUnits: number;
    reimbursedUnits: number;
    open: boolean;
  }
  const items: Item[] = [];

  /** Changes some items as a case change would (close, reopen, payments), then keeps the pending units again. */
  async function changeCases() {
    const { db } = database;
    for (let i = 0; i < 8; i++) {
      const product = pick(products);
      const type = pick(MISSING_TYPES);
      const claimedUnits = 1 + Math.floor(next() * 6);
      const taken = items.some((item) => item.open && item.productId === product.id && item.type === type);
      const [c] = await db.sql.query<{ id: number }>(
        `INSERT INTO "case" (account_id, amazon_case_id, type, opened_at, description, language, document)
         VALUES ($1, $2, $3::"MissingType", now(), '', 'EN', '') RETURNING id`,
        [accountId, `${1000000000 + items.length}`, type],
      );
      const [item] = await db.sql.query<{ id: number }>(
        `INSERT INTO case_item (case_id, account_id, product_id, type, claimed_units, reimbursed_units, open, claims,
                                document)
         VALUES ($1, $2, $3, $4::"MissingType", $5, $6, $7, '[]', '') RETURNING id`,
        [c!.id, accountId, product.id, type, claimedUnits, Math.floor(next() * 8), !taken],
      );
      items.push({ id: item!.id, productId: product.id, type, claimedUnits, reimbursedUnits: 0, open: !taken });
    }
    for (const item of items) {
      if (next() < 0.3) item.open = false;
      if (next() < 0.3) item.reimbursedUnits = Math.floor(next() * 8);
      await db.sql.execute('UPDATE case_item SET open = $2, reimbursed_units = $3 WHERE id = $1', [
        item.id,
        item.open,
        item.reimbursedUnits,
      ]);
    }
    await db.transaction((sql) => keepPendingUnits(sql, accountId));
  }

  function claimedOf(productId: number, only?: MissingType): Partial<Record<MissingType, number>> {
    const claimed: Partial<Record<MissingType, number>> = {};
    for (const item of items) {
      if (!item.open || item.productId !== productId || (only && item.type !== only)) continue;
      claimed[item.type] = (claimed[item.type] ?? 0) + pendingUnits(item);
    }
    return claimed;
  }

  function randomPolicy(): Policy {
    const overrides = WINDOW_KINDS.map((kind) => {
      const deadlineDays = Math.floor(next() * 200);
      return { ...windowKey(kind), waitDays: Math.floor(next() * (deadlineDays + 1)), deadlineDays };
    });
    return policyOf('NA', overrides);
  }

  /** The list, its count and the account's totals at asOf, against the domain rule. */
  async function expectDomainNumbers(policy: Policy, options: ViewOptions) {
    const { asOfDay, valuation, type } = options;
    const expected = new Map(
      products.map((product) => [
        product.id,
        summarise(
          pools.get(product.id)!.filter((lot) => !type || lot.type === type),
          claimedOf(product.id, type),
          policy,
          asOfDay,
          unitValueOf(product, valuation),
          payoutBeforeOrderOf(product, options),
        ),
      ]),
    );
    if (!type) {
      expect(await summariesOf(database.db, options, products)).toEqual(expected);
      expect(await accountTotals(database.db, options)).toEqual(totalsOf(expected.values()));
    }

    // Listed: products with lots (of the type), or with units pending in an OPEN case.
    const listedIds = new Set([
      ...products.filter((product) => pools.get(product.id)!.some((lot) => !type || lot.type === type)),
      ...products.filter((product) => Object.values(claimedOf(product.id, type)).some((units) => units! > 0)),
    ]);
    const urgentFirst = [...listedIds].sort((a, b) => {
      const da = expected.get(a.id)!.nextDeadline ?? '9999-99-99';
      const db = expected.get(b.id)!.nextDeadline ?? '9999-99-99';
      return da < db ? -1 : da > db ? 1 : a.sku < b.sku ? -1 : 1;
    });
    const listed = await missingProducts(database.db, options, { first: 100 });
    expect(listed.rows.map((row) => [row.product.sku, row.summary])).toEqual(
      urgentFirst.map((product) => [product.sku, expected.get(product.id)]),
    );
    expect(await countMissingProducts(database.db, options)).toBe(urgentFirst.length);
    // The kept page reads its products with raw SQL, in the statement of its numbers: the products Prisma reads.
    const stored = await database.db.prisma.product.findMany({ where: { accountId } });
    expect(listed.rows.map((row) => row.product)).toEqual(
      listed.rows.map((row) => stored.find((product) => product.id === row.product.id)),
    );

    // Page by page, with a walk along the deadlines so short that it is cut in the middle of days shared by
    // several products: the same list, nothing twice, nothing missed.
    const paged: string[] = [];
    let after: ListPosition | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await missingProducts(database.db, options, { first: 3, after, firstWalk: 2 });
      paged.push(...page.rows.map((row) => row.product.sku));
      const last = page.rows.at(-1);
      if (!page.hasNextPage || !last) break;
      after = { nextDeadline: last.summary.nextDeadline ?? null, sku: last.product.sku };
    }
    expect(paged).toEqual(urgentFirst.map((product) => product.sku));
  }

  /**
   * The reads of the daily jobs at asOf, against the domain's window states of the same lots: deadline alerts (units
   * CLAIMABLE whose deadline is at most 7 days away) and refresh-windows (products with a lot whose state on an earlier
   * day differs from its state on asOf: states only move forward, so that is a lot opening or expiring in between).
   */
  async function expectDailyJobsAgree(policy: Policy, asOfDay: Day) {
    const datesOf = (lot: DatedUnits) => windowDates(lot.date, policy[windowKind(lot.type, lot.inTransit)]);
    const alerts = new Map<string, { sku: string; type: string; deadline: Day; units: number }>();
    const until = addDays(asOfDay, 7);
    for (const product of products) {
      for (const lot of pools.get(product.id)!) {
        const dates = datesOf(lot);
        if (stateOn(dates, asOfDay) !== 'CLAIMABLE' || dates.deadline > until) continue;
        const key = `${dates.deadline} ${product.sku} ${lot.type}`;
        const alert = alerts.get(key) ?? { sku: product.sku, type: lot.type, deadline: dates.deadline, units: 0 };
        alert.units += lot.units;
        alerts.set(key, alert);
      }
    }
    const byKey = (a: { deadline: Day; sku: string; type: string }, b: typeof a) =>
      `${a.deadline} ${a.sku} ${a.type}` < `${b.deadline} ${b.sku} ${b.type}` ? -1 : 1;
    const read = await approachingDeadlines(database.db, { accountId, today: asOfDay, days: 7 });
    expect(read.map(({ accountId: _account, ...alert }) => alert).sort(byKey)).toEqual(
      [...alerts.values()].sort(byKey),
    );
    // Soonest first, as the alerts go out.
    expect(read.map((alert) => alert.deadline)).toEqual(read.map((alert) => alert.deadline).sort());

    const from = addDays(asOfDay, -(1 + Math.floor(next() * 90)));
    const changing = products
      .filter((product) =>
        pools.get(product.id)!.some((lot) => stateOn(datesOf(lot), from) !== stateOn(datesOf(lot), asOfDay)),
      )
      .map((product) => product.id);
    expect(await productsChangingState(database.db, accountId, from, asOfDay)).toEqual(changing);
  }

  it('gives every product the numbers of the domain rule, on any day, with any policy and any cases, computed from the lots and kept for the day', async () => {
    for (let round = 0; round < 12; round++) {
      const policy = randomPolicy();
      const asOfDay: Day = addDays('2025-01-01', Math.floor(next() * 500));
      const valuation: Valuation = pick(['LAST_SALE_PRICE', 'PURCHASE_COST'] as const);
      await database.db.transaction((sql) => applyPolicy(sql, accountId, policy));
      await changeCases();
      // Around the policy's change: payouts at the sale price before the cost-basis day, at the cost from it.
      const costBasisDay: Day = addDays('2025-01-01', Math.floor(next() * 500));
      const options = { accountId, asOfDay, valuation, costBasisDay };
      const type = pick(MISSING_TYPES);
      await expectDailyJobsAgree(policy, asOfDay);

      // Kept at another day, before or after: asOf is computed from the lots.
      await moveWindows(database.db, accountId, addDays(asOfDay, pick([-1, 1]) * (1 + Math.floor(next() * 90))));
      expect(await isKeptAt(database.db, accountId, asOfDay)).toBe(false);
      await expectDomainNumbers(policy, options);
      await expectDomainNumbers(policy, { ...options, type });

      // The day moved to asOf (only the products with a lot opening or expiring in between written again): read
      // from the kept numbers, the same.
      await moveWindows(database.db, accountId, asOfDay);
      expect(await isKeptAt(database.db, accountId, asOfDay)).toBe(true);
      await expectDomainNumbers(policy, options);
      await expectDomainNumbers(policy, { ...options, type });
    }
    // Twelve rounds of a few hundred queries each: minutes on a loaded two-core machine.
  }, 300_000);

  it('pages through products that share their earliest deadline in SKU order, whatever order their lots were written in', async () => {
    const { db } = database;
    const shared = (await createAccount(db, { name: 'Shared day', region: 'NA' })).account.id;
    const skus = Array.from({ length: 12 }, (_, i) => `TIE-${String(i).padStart(2, '0')}`);
    const ids: number[] = [];
    for (const sku of skus) ids.push((await db.prisma.product.create({ data: { accountId: shared, sku } })).id);
    // Written in the reverse of SKU order: a walk that stops inside the day has seen the last SKUs first.
    for (const id of [...ids].reverse()) {
      await db.sql.execute(
        `INSERT INTO missing_lot (account_id, product_id, type, event_key, date, opens, deadline, units, source)
         VALUES ($1, $2, 'LOST', 'tie', '2025-03-01', '2025-03-31', '2025-04-30', 1, 'LEDGER')`,
        [shared, id],
      );
    }
    const options = {
      accountId: shared,
      asOfDay: '2025-04-10',
      valuation: 'LAST_SALE_PRICE' as const,
      costBasisDay: '2025-03-10',
    };
    const paged: string[] = [];
    let after: ListPosition | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await missingProducts(db, options, { first: 3, after, firstWalk: 2 });
      paged.push(...page.rows.map((row) => row.product.sku));
      const last = page.rows.at(-1);
      if (!page.hasNextPage || !last) break;
      after = { nextDeadline: last.summary.nextDeadline ?? null, sku: last.product.sku };
    }
    expect(paged).toEqual(skus);
  });
});
