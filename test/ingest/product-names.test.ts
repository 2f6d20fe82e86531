// What a file says of its products (src/ingest/products.ts, gathered-rows.ts): later rows win, an empty field never
// erases what an earlier row said, and only new rows speak (a duplicate of a row already stored changes nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImports, processImport } from '../../src/ingest/run-import.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const now = () => new Date('2025-06-15T00:00:00Z');
const HEADER =
  'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time';

let database: TestDatabase;
let accountId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  accountId = (await database.db.prisma.account.create({ data: { name: 'Names', region: 'NA' } })).id;
});
afterAll(() => database?.close());

/** A ledger row of SKU-A or SKU-B on the given day, with what it says of the product. */
function row(sku: string, day: number, product: { fnsku?: string; asin?: string; title?: string }, reference = day) {
  const date = `05/${String(day).padStart(2, '0')}/2025`;
  return [
    date,
    product.fnsku ?? '',
    product.asin ?? '',
    sku,
    product.title ?? '',
    'Adjustments',
    String(100000000000 + reference),
    '-1',
    'PHX7',
    'SELLABLE',
    'M',
    'US',
    '0',
    '1',
    `2025-05-${String(day).padStart(2, '0')}T10:00:00-0700`,
  ].join('\t');
}

async function imported(name: string, rows: string[]) {
  const created = await createImports(
    database.db,
    { accountId, fileName: name },
    (async function* () {
      yield Buffer.from(`${HEADER}\n${rows.join('\n')}\n`);
    })(),
    { maxBytes: 16 << 20, now },
  );
  if (!created.ok) throw new Error(created.message);
  const outcome = await processImport(database.db, created.imports[0]!.importId, { now });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

async function product(sku: string) {
  return database.db.prisma.product.findFirstOrThrow({
    where: { accountId, sku },
    select: { fnsku: true, asin: true, title: true },
  });
}

describe("a file's products", () => {
  it('take what the last row says, field by field, an empty field erasing nothing, across interleaved products', async () => {
    await imported('first.tsv', [
      row('SKU-A', 1, { fnsku: 'X00A', asin: 'B0A', title: 'Mug' }),
      row('SKU-B', 1, { fnsku: 'X00B', title: 'Pen' }),
      row('SKU-A', 2, { fnsku: 'X00A', asin: 'B0A', title: 'Mug' }),
      row('SKU-A', 3, { title: 'Mug 350 ml' }),
      row('SKU-B', 3, { fnsku: 'X00B', title: 'Pen' }),
      row('SKU-A', 4, { fnsku: 'X00A', asin: 'B0A', title: 'Mug' }),
      row('SKU-B', 4, { asin: 'B0B' }),
      row('SKU-A', 5, { fnsku: 'X00A2' }),
      row('SKU-A', 6, { fnsku: 'X00A2' }),
    ]);
    expect(await product('SKU-A')).toEqual({ fnsku: 'X00A2', asin: 'B0A', title: 'Mug' });
    expect(await product('SKU-B')).toEqual({ fnsku: 'X00B', asin: 'B0B', title: 'Pen' });
  });

  it('take nothing from rows already stored, and what the new rows of the same file say', async () => {
    // Rows of days 1 to 6 are stored: with another title they are the same rows (a title is not part of a row's identity).
    const outcome = await imported('overlap.tsv', [
      row('SKU-A', 5, { fnsku: 'X00A2', title: 'Renamed by a duplicate' }),
      row('SKU-A', 6, { fnsku: 'X00A2', title: 'Renamed by a duplicate' }),
      row('SKU-B', 7, { title: 'Pen, blue' }),
      row('SKU-B', 1, { fnsku: 'X00B', title: 'Renamed by a duplicate' }),
    ]);
    expect(outcome.counts).toMatchObject({ inserted: 1, duplicates: 3 });
    expect(await product('SKU-A')).toEqual({ fnsku: 'X00A2', asin: 'B0A', title: 'Mug' });
    expect(await product('SKU-B')).toEqual({ fnsku: 'X00B', asin: 'B0B', title: 'Pen, blue' });
  });

  // A COPY takes 5,000 rows (writers.ts): these files span three, and their rows share one mention per product for
  // as long as they say the same of it, from one COPY to the next (MentionMemory).
  const rows = (sku: string, from: number, count: number, title: string) =>
    Array.from({ length: count }, (_, i) => row(sku, 1 + ((from + i) % 28), { fnsku: 'X00C', title }, from + i));

  it('take the last title of a file whose title changes back and forth across its COPYs', async () => {
    await imported('copies.tsv', [
      // The second title from inside the first COPY into the second, the first again from inside the second.
      ...rows('SKU-C', 1_000, 3_000, 'Lamp'),
      ...rows('SKU-C', 4_000, 4_000, 'Lamp, brass'),
      ...rows('SKU-C', 8_000, 3_000, 'Lamp'),
    ]);
    expect(await product('SKU-C')).toMatchObject({ title: 'Lamp' });
  });

  it('take what new rows say in a later COPY, when the duplicates of an earlier one said it first', async () => {
    // A COPY of rows already stored saying a new title (they speak for nothing; the COPY goes through the staging
    // table), a COPY of another product's new rows (staging still, then no longer), then new rows saying that title,
    // straight into the ledger: their mention is the one the duplicates shared, and it speaks now.
    const outcome = await imported('after-duplicates.tsv', [
      ...rows('SKU-C', 1_000, 5_000, 'Lamp, copper'),
      ...rows('SKU-D', 50_000, 5_000, 'Desk'),
      ...rows('SKU-C', 20_000, 2_000, 'Lamp, copper'),
    ]);
    expect(outcome.counts).toMatchObject({ inserted: 7_000, duplicates: 5_000 });
    expect(await product('SKU-C')).toMatchObject({ title: 'Lamp, copper' });
  });

  it('take nothing from duplicates that no new row agrees with', async () => {
    const outcome = await imported('only-duplicates.tsv', [
      ...rows('SKU-C', 20_000, 2_000, 'Lamp, renamed by duplicates'),
      ...rows('SKU-C', 40_000, 1, 'Lamp, copper'),
    ]);
    expect(outcome.counts).toMatchObject({ inserted: 1, duplicates: 2_000 });
    expect(await product('SKU-C')).toMatchObject({ title: 'Lamp, copper' });
  });
});
