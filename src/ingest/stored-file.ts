// Every imported file is kept, gzip-compressed in chunks, with its import: the raw rows behind any number stay
// traceable by line, and a queued import can be processed by whichever process picks it up, even after a restart.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Sql } from '../db/database.js';

const CHUNK_BYTES = 1 << 20;

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than the limit of ${Math.round(limitBytes / (1 << 20))} MB`);
  }
}

/**
 * Stores a file for an import and returns its size and SHA-256 (hex); fails with FileTooLargeError past `maxBytes`.
 */
export async function storeFile(
  db: Database,
  target: { accountId: number; importId: number },
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: number; sha256: string }> {
  let bytes = 0;
  const hash = createHash('sha256');
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    // Base64 text and decode() in SQL: many times faster than a bytea parameter, which drivers send as hex text.
    await db.sql.execute(
      "INSERT INTO import_file (import_id, seq, account_id, data) VALUES ($1, $2, $3, decode($4, 'base64'))",
      [target.importId, seq++, target.accountId, data.toString('base64')],
    );
  };
  async function* counted() {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new FileTooLargeError(maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  // Level 1: the stored copy is for tracing and re-reading, and compressing it must not slow imports down.
  await pipeline(Readable.from(counted()), createGzip({ level: 1 }), async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
  });
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The bytes of a stored file, as they were uploaded, read through `sql`: inside an import's transaction this must be
 * the transaction's own connection (the embedded database has only one, and the transaction holds it).
 */
export function readStoredFile(sql: Sql, importId: number): AsyncIterable<Uint8Array> {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const [row] = await sql.query<{ data: string }>(
        "SELECT encode(data, 'base64') AS data FROM import_file WHERE import_id = $1 AND seq = $2",
        [importId, seq],
      );
      if (!row) return;
      yield Buffer.from(row.data, 'base64');
    }
  }
  const gunzip = createGunzip();
  // pipeline() destroys the gunzip stream with any error of the source, so the reader sees it.
  pipeline(Readable.from(chunks()), gunzip).catch(() => {});
  return gunzip;
}

export async function deleteStoredFile(db: Database, importId: number): Promise<void> {
  await db.sql.execute('DELETE FROM import_file WHERE import_id = $1', [importId]);
}
