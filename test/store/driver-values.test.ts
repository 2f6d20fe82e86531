// Both databases' drivers answer alike (src/db/database.ts): the code above them never asks which one it talks to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('values as the database gives them, and COPY', () => {
  it('reads counts, dates, decimals and arrays of integers and booleans the same on both databases', async () => {
    const [row] = await database.db.sql.query(
      `SELECT count(*) AS count, DATE '2025-06-15' AS day, 12.50::numeric(12, 2) AS amount,
              ARRAY[4, NULL, 7]::int[] AS lines, ARRAY[1, 2]::int8[] AS ids, ARRAY[1]::int2[] AS small,
              ARRAY[ARRAY[1, 2], ARRAY[3, 4]]::int[] AS grid, ARRAY[true, false, NULL] AS flags,
              ARRAY['a', NULL]::text[] AS names, (SELECT array_agg(x) FROM generate_series(1, 3) AS x) AS aggregated`,
    );
    expect(row).toEqual({
      count: 1,
      day: '2025-06-15',
      amount: '12.50',
      lines: [4, null, 7],
      ids: [1, 2],
      small: [1],
      grid: [
        [1, 2],
        [3, 4],
      ],
      flags: [true, false, null],
      names: ['a', null],
      aggregated: [1, 2, 3],
    });
  });

  it('COPYs bytes that fill their buffer (handed over) and bytes that are part of a larger one (the caller keeps it)', async () => {
    const rows = await database.db.transaction(async (sql) => {
      await sql.execute('CREATE TEMP TABLE copied (n int, word text) ON COMMIT DROP');
      const whole = new TextEncoder().encode('1\tone\n2\tdeux €\n');
      await sql.copyFrom('copied', ['n', 'word'], whole);
      const larger = Buffer.from('3\tdrei\n4\t四\nNOT A ROW');
      const part = larger.subarray(0, larger.indexOf('NOT'));
      await sql.copyFrom('copied', ['n', 'word'], part);
      // Still the caller's, whichever database took the rows.
      expect(larger.toString()).toBe('3\tdrei\n4\t四\nNOT A ROW');
      return sql.query<{ n: number; word: string }>('SELECT n, word FROM copied ORDER BY n');
    });
    expect(rows).toEqual([
      { n: 1, word: 'one' },
      { n: 2, word: 'deux €' },
      { n: 3, word: 'drei' },
      { n: 4, word: '四' },
    ]);
  });
});
