// The migration that gave ledger rows stored before it the key they get now (identityKey with their day): a file
// imported before the upgrade and again after it must still find its rows (docs/reports.md, "Idempotency").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityKey } from '../../src/ingest/copy-text.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const MIGRATION = path.resolve(
  import.meta.dirname,
  '../../prisma/migrations/20261206110000_ledger_key_day/migration.sql',
);

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => {
  await test?.close();
});

describe('migration ledger_key_day', () => {
  it('rewrites each old key into the key identityKey gives the row now, and leaves new keys alone', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => {
      const day = new Date(Date.UTC(2023, 0, 1) + index * 5 * 86_400_000).toISOString().slice(0, 10);
      const identity = [day, `SKU-${index % 7}`, 'Adjustments', index - 100];
      return { day, old: identityKey(identity), now: identityKey(identity, day) };
    });
    const sql = await readFile(MIGRATION, 'utf8');
    const keys = await test.db.transaction(async (tx) => {
      // The migration names ledger_entry unqualified: a temporary table of that name comes first in the search path.
      await tx.execute('CREATE TEMP TABLE ledger_entry (n int, date date, row_key uuid) ON COMMIT DROP');
      await tx.execute(
        `INSERT INTO ledger_entry (n, date, row_key)
         SELECT n, d, k FROM unnest($1::int[], $2::date[], $3::uuid[]) AS r(n, d, k)`,
        [
          rows.map((_, index) => index),
          rows.map((row) => row.day),
          rows.map((row, index) => (index % 3 === 0 ? row.now : row.old)),
        ],
      );
      await tx.execute(sql);
      return tx.query<{ row_key: string }>('SELECT row_key FROM ledger_entry ORDER BY n');
    });
    expect(keys.map((row) => row.row_key)).toEqual(rows.map((row) => row.now));
  });
});
