// Both databases' drivers answer alike (src/db/database.ts): the code above them never asks which one it talks to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('values as the database gives them', () => {
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
});
