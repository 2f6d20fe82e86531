// Issue 20: a file whose very bytes an earlier import of the account read successfully holds only rows already
// stored. For the reports whose rows are events (ledger, reimbursements, returns, settlement) such a file is counted
// as all duplicates without being read again; any other file, or the same rows in other bytes, is read as always.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImports, processImport } from '../../src/ingest/run-import.js';
import { deleteStoredFile } from '../../src/ingest/stored-file.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../spec/samples');
const now = () => new Date('2025-06-15T00:00:00Z');

let database: TestDatabase;
let accountId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  accountId = (await database.db.prisma.account.create({ data: { name: 'Again', region: 'NA' } })).id;
});
afterAll(() => database?.close());

/** Records an import of `content` (its file stored), without processing it. */
async function recorded(fileName: string, content: Buffer): Promise<number> {
  const created = await createImports(
    database.db,
    { accountId, fileName },
    (async function* () {
      yield content;
    })(),
    { maxBytes: 8 << 20, now },
  );
  if (!created.ok) throw new Error(created.message);
  return created.imports[0]!.importId;
}

/** The stored copy of an import's file removed (its local copy too): reading it now fails. */
async function withoutItsFile(importId: number): Promise<number> {
  await deleteStoredFile(database.db, importId);
  return importId;
}

/** Whether processing `content` reads its stored file: it fails when that file is gone. */
async function readsItsFile(fileName: string, content: Buffer): Promise<boolean> {
  const importId = await withoutItsFile(await recorded(fileName, content));
  return processImport(database.db, importId, { now }).then(
    (outcome) => !outcome.ok,
    () => true,
  );
}

async function counted(table: string): Promise<number> {
  const [row] = await database.db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
  return row!.count;
}

describe('the same file again', () => {
  it('is all duplicates without being read, once the same bytes were imported', async () => {
    const ledger = await readFile(path.join(SAMPLES, 'ledger.tsv'));
    const first = await processImport(database.db, await recorded('ledger.tsv', ledger), { now });
    expect(first.ok && first.counts.inserted).toBeGreaterThan(0);
    const rows = first.ok ? first.rows : 0;
    const stored = await counted('ledger_entry');

    const again = await processImport(database.db, await withoutItsFile(await recorded('copy.tsv', ledger)), { now });
    expect(again).toMatchObject({
      ok: true,
      kind: 'LEDGER',
      rows,
      counts: { inserted: 0, updated: 0, duplicates: rows },
    });
    const record = await database.db.prisma.import.findFirstOrThrow({ where: { fileName: 'copy.tsv' } });
    expect(record).toMatchObject({ status: 'SUCCEEDED', rows, inserted: 0, duplicates: rows, encoding: 'utf-8' });
    expect(await counted('ledger_entry')).toBe(stored);
  });

  it('reads the same rows in other bytes, and finds them duplicates row by row', async () => {
    const crlf = Buffer.from((await readFile(path.join(SAMPLES, 'ledger.tsv'), 'utf8')).replace(/\r?\n/g, '\r\n'));
    expect(await readsItsFile('crlf-0.tsv', crlf)).toBe(true);
    const outcome = await processImport(database.db, await recorded('crlf.tsv', crlf), { now });
    expect(outcome.ok && outcome.counts).toMatchObject({ inserted: 0, duplicates: outcome.ok ? outcome.rows : -1 });
  });

  it('reads a costs file again: costs are state, and a later file may have changed them', async () => {
    const costs = await readFile(path.join(SAMPLES, 'product-costs.tsv'));
    expect((await processImport(database.db, await recorded('costs.tsv', costs), { now })).ok).toBe(true);
    expect(await readsItsFile('costs-2.tsv', costs)).toBe(true);
  });
});
