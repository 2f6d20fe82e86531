// Every imported file is kept, gzip-compressed in chunks, with its import: the raw rows behind any number stay
// traceable by line, and a queued import can be processed by whichever process picks it up, even after a restart.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Sql } from '../db/database.js';
import { failureOf, ReadFailed, type ReadFailure, readFailure } from './read-failure.js';

const CHUNK_BYTES = 1 << 20;

function fileTooLarge(limitBytes: number): ReadFailure {
  return readFailure('FILE_TOO_LARGE', `the file is larger than the limit of ${Math.round(limitBytes / (1 << 20))} MB`);
}

/**
 * Counts the bytes of `source` as they pass, failing past `maxBytes`: the stream is stopped there, and the caller
 * returns the FILE_TOO_LARGE failure it throws.
 */
export async function* countedUpTo(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  counted: (chunk: Uint8Array, bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw new ReadFailed(fileTooLarge(maxBytes));
    counted(chunk, bytes);
    yield chunk;
  }
}

/**
 * Stores a file for an import and returns its size and SHA-256 (hex), or FILE_TOO_LARGE past `maxBytes`. A failure
 * of `source` itself is thrown as it is.
 */
export async function storeFile(
  db: Database,
  target: { accountId: number; importId: number },
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ ok: true; bytes: number; sha256: string } | ReadFailure> {
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
  const counted = countedUpTo(source, maxBytes, (chunk, total) => {
    bytes = total;
    hash.update(chunk);
  });
  try {
    // Level 1: the stored copy is for tracing and re-reading, and compressing it must not slow imports down.
    await pipeline(Readable.from(counted), createGzip({ level: 1 }), async (compressed: AsyncIterable<Buffer>) => {
      for await (const chunk of compressed) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
    });
  } catch (error) {
    const tooLarge = failureOf(error, 'FILE_TOO_LARGE');
    if (tooLarge) return tooLarge;
    throw error;
  }
  return { ok: true, bytes, sha256: hash.digest('hex') };
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
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  // pipeline() destroys the gunzip stream with any error of the source, so the reader sees it.
  pipeline(Readable.from(chunks()), gunzip).catch(() => {});
  return gunzip;
}

export async function deleteStoredFile(db: Database, importId: number): Promise<void> {
  await db.sql.execute('DELETE FROM import_file WHERE import_id = $1', [importId]);
}
