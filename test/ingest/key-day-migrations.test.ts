// The migrations that gave rows stored before them the key they get now (identityKey with their day): a file imported
// before the upgrade and again after it must still find its rows (docs/reports.md, "Idempotency").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/database.js';
import { identityKey } from '../../src/ingest/row-key.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const migration = (name: string) =>
  readFile(path.resolve(import.meta.dirname, '../../prisma/migrations', name, 'migration.sql'), 'utf8');

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => {
  await test?.close();
});

interface Row {
  /** The row's instants, by column; null where the row has none. */
  instants: Record<string, string | null>;
  /** Its key as stored before the migration, and the key identityKey gives it now. */
  old: string;
  now: string;
}

/**
 * Runs `sql` against temporary tables named as the real ones (a temporary table comes first in the search path), each
 * holding `rows` with the key before, and returns the keys after.
 */
async function keysAfter(sql: string, tables: string[], columns: string[], rows: Row[], type: string) {
  return test.db.transaction(async (tx: Sql) => {
    const keys: Record<string, string[]> = {};
    for (const table of tables) {
      await tx.execute(
        `CREATE TEMP TABLE ${table} (n int, ${columns.map((column) => `${column} ${type}`).join(', ')}, row_key uuid) ON COMMIT DROP`,
      );
      await tx.execute(
        `INSERT INTO ${table} (n, ${columns.join(', ')}, row_key)
         SELECT * FROM unnest($1::int[], ${columns.map((_, index) => `$${index + 2}::${type}[]`).join(', ')}, $${columns.length + 2}::uuid[])`,
        [
          rows.map((_, index) => index),
          ...columns.map((column) => rows.map((row) => row.instants[column] ?? null)),
          rows.map((row) => row.old),
        ],
      );
    }
    await tx.execScript(sql);
    for (const table of tables) {
      keys[table] = (await tx.query<{ row_key: string }>(`SELECT row_key FROM ${table} ORDER BY n`)).map(
        (row) => row.row_key,
      );
    }
    return keys;
  });
}

const days = (count: number, step: number) =>
  Array.from({ length: count }, (_, index) => new Date(Date.UTC(2023, 0, 1, 23, 30) + index * step * 86_400_000));

describe('migration ledger_key_day', () => {
  it('rewrites each old key into the key identityKey gives the row now, and leaves new keys alone', async () => {
    const rows = days(200, 5).map((instant, index): Row => {
      const day = instant.toISOString().slice(0, 10);
      const identity = [day, `SKU-${index % 7}`, 'Adjustments', index - 100];
      const now = identityKey(identity, day);
      return { instants: { date: day }, old: index % 3 === 0 ? now : identityKey(identity), now };
    });
    const keys = await keysAfter(
      await migration('20261206110000_ledger_key_day'),
      ['ledger_entry'],
      ['date'],
      rows,
      'date',
    );
    expect(keys.ledger_entry).toEqual(rows.map((row) => row.now));
  });
});

describe('migration append_key_day', () => {
  it('gives reimbursements and customer returns the key of their UTC day', async () => {
    const rows = days(100, 3).map((instant, index): Row => {
      const identity = [`R-${index}`, instant.toISOString()];
      const iso = instant.toISOString();
      return {
        instants: { approval_date: iso, return_date: iso },
        old: identityKey(identity),
        now: identityKey(identity, iso.slice(0, 10)),
      };
    });
    const keys = await keysAfter(
      await migration('20261206111500_append_key_day'),
      ['reimbursement', 'customer_return', 'settlement_row'],
      ['approval_date', 'return_date', 'posted_date', 'deposit_date', 'settlement_start_date'],
      rows,
      'timestamptz',
    );
    expect(keys.reimbursement).toEqual(rows.map((row) => row.now));
    expect(keys.customer_return).toEqual(rows.map((row) => row.now));
  });

  it("gives a settlement row the day of its posting, else its deposit, else its settlement's start, else none", async () => {
    const columns = ['posted_date', 'deposit_date', 'settlement_start_date'];
    const rows = days(120, 2).map((instant, index): Row => {
      const identity = [`S-${index}`];
      const iso = instant.toISOString();
      // Row 0 mod 4 has all three, 1 no posting, 2 only the start, 3 none (kept as it was).
      const kept = columns.slice(index % 4, 3);
      const instants = Object.fromEntries(columns.map((column) => [column, kept.includes(column) ? iso : null]));
      const old = identityKey(identity);
      return { instants, old, now: kept.length === 0 ? old : identityKey(identity, iso.slice(0, 10)) };
    });
    const keys = await keysAfter(
      await migration('20261206111500_append_key_day'),
      ['reimbursement', 'customer_return', 'settlement_row'],
      ['approval_date', 'return_date', ...columns],
      rows.map((row) => ({
        ...row,
        instants: { ...row.instants, approval_date: '2025-01-01T00:00:00Z', return_date: '2025-01-01T00:00:00Z' },
      })),
      'timestamptz',
    );
    expect(keys.settlement_row).toEqual(rows.map((row) => row.now));
  });
});
