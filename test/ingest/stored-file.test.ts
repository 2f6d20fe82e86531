// The stored copy of an imported file (src/ingest/stored-file.ts): compressed a block at a time, several blocks at
// once, and stored in order; read back, it is the file byte for byte, whatever the sizes of the pieces it came in.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dropLocalCopy, takeLocalCopy } from '../../src/ingest/local-copies.js';
import { createImport, processImport } from '../../src/ingest/run-import.js';
import { readStoredFile, storeFile } from '../../src/ingest/stored-file.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { SAMPLES } from '../support/server.js';

let database: TestDatabase;
let accountId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  accountId = (await database.db.prisma.account.create({ data: { name: 'Stored', region: 'NA' } })).id;
});
afterAll(() => database?.close());

async function newImport(): Promise<number> {
  const record = await database.db.prisma.import.create({ data: { accountId, fileName: 'file.tsv', kind: 'LEDGER' } });
  return record.id;
}

/** Text that compresses as a report does (repeated words), with random bytes here and there. */
function reportLike(bytes: number): Buffer {
  const words = ['Adjustments', 'Receipts', 'SKU-MUG-01', '\t', '\n', '06/15/2025', 'SELLABLE', 'PHX7', '-1'];
  const parts: Buffer[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = i % 97 === 0 ? randomBytes(40) : Buffer.from(words[(i * 7) % words.length]!);
    parts.push(part);
    length += part.length;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/** `content` as an upload brings it: in pieces of the given sizes, over and over. */
async function* inPieces(content: Buffer, sizes: number[]) {
  for (let at = 0, i = 0; at < content.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield content.subarray(at, at + size);
    at += size;
  }
}

async function readBack(importId: number): Promise<Buffer> {
  return database.db.transaction(async (sql) => {
    const chunks: Buffer[] = [];
    for await (const chunk of readStoredFile(sql, importId)) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  });
}

describe('the stored copy of a file', () => {
  it('is the file byte for byte, with its size and SHA-256, however it arrived', async () => {
    for (const [bytes, sizes] of [
      [0, [1]],
      [1, [1]],
      [(1 << 20) - 1, [65_536]],
      [1 << 20, [1 << 20]],
      [(5 << 20) + 12_345, [7, 65_536, 1_000_003, 300_000]],
      [9 << 20, [3 << 20]],
      // More blocks than are compressed at once, gathered from small pieces: the blocks' memory is reused.
      [(40 << 20) + 3, [65_536, 16_384, (1 << 20) + 5]],
    ] as Array<[number, number[]]>) {
      const content = reportLike(bytes);
      const importId = await newImport();
      const stored = await storeFile(database.db, { accountId, importId }, inPieces(content, sizes), 64 << 20);
      expect(stored).toEqual({ ok: true, bytes, sha256: createHash('sha256').update(content).digest('hex') });
      const back = await readBack(importId);
      expect(back.length).toBe(bytes);
      expect(back.equals(content)).toBe(true);
      // The rows joined are one gzip file (members one after another), as any gunzip reads it.
      const rows = await database.db.sql.query<{ data: string }>(
        "SELECT encode(data, 'base64') AS data FROM import_file WHERE import_id = $1 ORDER BY seq",
        [importId],
      );
      const whole = Buffer.concat(rows.map((row) => Buffer.from(row.data, 'base64')));
      expect(gunzipSync(whole).equals(content)).toBe(true);
    }
  });

  it('refuses a file past the limit, with nothing of it still being written once it has answered', async () => {
    const importId = await newImport();
    const stored = await storeFile(
      database.db,
      { accountId, importId },
      // Bytes that do not compress: each block is a row of its own, written while the next ones are read.
      inPieces(randomBytes(12 << 20), [1 << 20]),
      (6 << 20) + 1,
    );
    expect(stored).toMatchObject({ reason: 'FILE_TOO_LARGE', message: 'the file is larger than the limit of 6 MB' });
    await database.db.sql.execute('DELETE FROM import_file WHERE import_id = $1', [importId]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [left] = await database.db.sql.query<{ rows: number }>(
      'SELECT count(*)::int AS rows FROM import_file WHERE import_id = $1',
      [importId],
    );
    expect(left!.rows).toBe(0);
  });
});

describe('the local copy of a stored file (src/ingest/local-copies.ts)', () => {
  const source = async function* (content: Buffer) {
    yield content;
  };

  it('holds the same bytes, is taken once, and is deleted when released', async () => {
    const content = reportLike((2 << 20) + 777);
    const importId = await newImport();
    const stored = await storeFile(database.db, { accountId, importId }, inPieces(content, [65_536, 3]), 1 << 30);
    if (!stored.ok) throw new Error(stored.message);
    expect(takeLocalCopy(database.db, importId, 'another hash')).toBeUndefined();

    const other = await newImport();
    await storeFile(database.db, { accountId, importId: other }, source(content), 1 << 30);
    const taken = takeLocalCopy(database.db, other, stored.sha256)!;
    expect(taken).toBeDefined();
    const chunks: Buffer[] = [];
    for await (const chunk of taken.open()) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    expect(takeLocalCopy(database.db, other, stored.sha256)).toBeUndefined();
    taken.release();
    await expect.poll(() => existsSync(taken.path)).toBe(false);
  });

  it('is dropped when it was not read within 15 minutes (its import went to another process)', async () => {
    const content = reportLike(100_000);
    const first = await newImport();
    const second = await newImport();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const stored = await storeFile(database.db, { accountId, importId: first }, source(content), 1 << 30);
      if (!stored.ok) throw new Error(stored.message);
      vi.setSystemTime(Date.now() + 16 * 60 * 1000);
      await storeFile(database.db, { accountId, importId: second }, source(content), 1 << 30);
    } finally {
      vi.useRealTimers();
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(takeLocalCopy(database.db, first, sha256)).toBeUndefined();
    const kept = takeLocalCopy(database.db, second, sha256);
    expect(kept).toBeDefined();
    kept?.release();
  });

  it('is what the import reads when this process stored it, and the stored blocks are read when it did not', async () => {
    const ledger = readFileSync(path.join(SAMPLES, 'ledger.tsv'));
    const now = () => new Date('2025-06-15T00:00:00Z');
    const create = async (name: string) => {
      const created = await createImport(database.db, { accountId, fileName: name }, source(ledger), {
        maxBytes: 1 << 30,
        now,
      });
      if (!created.ok) throw new Error(created.message);
      return created.importId;
    };
    // The stored blocks gone: only the local copy can give the file.
    const fromCopy = await create('ledger.tsv');
    await database.db.sql.execute('DELETE FROM import_file WHERE import_id = $1', [fromCopy]);
    const readFromCopy = await processImport(database.db, fromCopy, { now });
    expect(readFromCopy).toMatchObject({ ok: true });

    // Another process (or this one after a restart) has no copy: the stored blocks.
    const other = await newAccountImport(create);
    dropLocalCopy(database.db, other);
    const readFromBlocks = await processImport(database.db, other, { now });
    expect(readFromBlocks).toMatchObject({ ok: true, rows: (readFromCopy as { rows: number }).rows });
  });

  /** An import of the same file in an account of its own (the first one's rows would make it all duplicates). */
  async function newAccountImport(create: (name: string) => Promise<number>): Promise<number> {
    const previous = accountId;
    accountId = (await database.db.prisma.account.create({ data: { name: 'Stored again', region: 'NA' } })).id;
    try {
      return await create('ledger-again.tsv');
    } finally {
      accountId = previous;
    }
  }
});
