// Every imported file is kept, gzip-compressed in chunks, with its import: the raw rows behind any number stay
// traceable by line, and a queued import can be processed by whichever process picks it up, even after a restart.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzip } from 'node:zlib';
import type { Database, Sql } from '../db/database.js';
import { dropLocalCopy, LocalCopyWriter } from './local-copies.js';
import { failureOf, ReadFailed, type ReadFailure, readFailure } from './read-failure.js';

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

/** The bytes compressed at a time, each into a gzip member of its own (members one after the other are one gzip file). */
const BLOCK_BYTES = 1 << 20;
/** A compressed block's room: deflate adds a few bytes to data it cannot compress, gzip 18. */
const COMPRESSED_ROOM = BLOCK_BYTES + 1024;
/** The compressed bytes stored in one row (gzip members whole, or one larger member alone). */
const ROW_BYTES = 1 << 20;
/**
 * Blocks read ahead of the database: they are compressed in libuv's threads (on every core, not only the server's)
 * while the blocks before them are stored. With 4, reading waited for each insert; at most 16 MB of the file is held.
 */
const BLOCKS_IN_FLIGHT = 16;

const gzipped = (block: Uint8Array) =>
  new Promise<Buffer>((resolve, reject) =>
    // Level 1: the stored copy is for tracing and re-reading, and compressing it must not slow imports down. The
    // output in one buffer: zlib joins several into a new one.
    gzip(block, { level: 1, chunkSize: COMPRESSED_ROOM }, (error, result) => (error ? reject(error) : resolve(result))),
  );

/**
 * Stores a file for an import and returns its size and SHA-256 (hex), or FILE_TOO_LARGE past `maxBytes`. A failure
 * of `source` itself is thrown as it is.
 *
 * A copy of the bytes is kept on this machine's disk for the reading that follows (local-copies.ts).
 *
 * The file is compressed in 1 MB blocks, several at once in libuv's threads, while this thread hashes and the
 * database stores the blocks already compressed, in order: one gzip stream compressed whole took a thread for
 * 0.9 s of a 155 MB ledger's 1.5 s of storing, with the other core and the database waiting.
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
  // The buffers of the storing are made once and reused: glibc gives a block of 128 kB or more back to the system
  // when it is freed (bin/reclaim.js's MALLOC_MMAP_THRESHOLD_), and the next is faulted in again a page at a time,
  // about 9 µs a page on this machine kind. A new buffer for each block, member and row faulted in 480 MB for a
  // 155 MB ledger: 1.1 s of its 2.5 s of storing on PostgreSQL.
  const row = Buffer.allocUnsafeSlow(ROW_BYTES);
  let rowBytes = 0;
  const insert = async (data: Buffer) => {
    // PostgreSQL's driver sends a Buffer as binary. The embedded database's would send it as hex text, many times
    // slower than base64 text decoded in SQL.
    const [value, param] = db.kind === 'postgres' ? ['$4', data] : ["decode($4, 'base64')", data.toString('base64')];
    await db.sql.execute(`INSERT INTO import_file (import_id, seq, account_id, data) VALUES ($1, $2, $3, ${value})`, [
      target.importId,
      seq++,
      target.accountId,
      param,
    ]);
  };
  // The compressed blocks, kept in the file's order: each is stored once those before it are.
  let stored: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const store = async (block: Uint8Array, last: boolean, whenCompressed?: () => void) => {
    const compressed = gzipped(block);
    compressed.then(whenCompressed, () => {});
    stored = stored.then(async () => {
      const member = await compressed;
      if (rowBytes > 0 && rowBytes + member.byteLength > ROW_BYTES) {
        await insert(row.subarray(0, rowBytes));
        rowBytes = 0;
      }
      if (member.byteLength > ROW_BYTES) await insert(member);
      else rowBytes += member.copy(row, rowBytes);
      if (last && rowBytes > 0) await insert(row.subarray(0, rowBytes));
    });
    stored.catch(() => {});
    inFlight.push(stored);
    if (inFlight.length >= BLOCKS_IN_FLIGHT) await inFlight.shift();
  };
  // A source's chunks of a block or more are cut into blocks without a copy; smaller ones (an HTTP upload's) are
  // gathered into blocks of their own, given back once compressed.
  const freeBlocks: Buffer[] = [];
  let filling: Buffer | undefined;
  let filled = 0;
  const copy = new LocalCopyWriter();
  try {
    for await (const chunk of countedUpTo(source, maxBytes, (_chunk, total) => {
      bytes = total;
    })) {
      hash.update(chunk);
      await copy.write(chunk);
      for (let at = 0; at < chunk.byteLength; ) {
        if (filled === 0 && chunk.byteLength - at >= BLOCK_BYTES) {
          await store(chunk.subarray(at, at + BLOCK_BYTES), false);
          at += BLOCK_BYTES;
          continue;
        }
        filling ??= freeBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES);
        const taken = Math.min(BLOCK_BYTES - filled, chunk.byteLength - at);
        filling.set(chunk.subarray(at, at + taken), filled);
        filled += taken;
        at += taken;
        if (filled < BLOCK_BYTES) continue;
        const block = filling;
        filling = undefined;
        filled = 0;
        await store(block, false, () => freeBlocks.push(block));
      }
    }
    // The last block, even empty: an empty file's stored copy is then an empty gzip stream, as it always was.
    await store(filling ? filling.subarray(0, filled) : Buffer.alloc(0), true);
    await stored;
  } catch (error) {
    // Nothing is left being written when the caller undoes the import.
    await stored.catch(() => {});
    await copy.discard();
    const tooLarge = failureOf(error, 'FILE_TOO_LARGE');
    if (tooLarge) return tooLarge;
    throw error;
  }
  const sha256 = hash.digest('hex');
  await copy.keep(db, target.importId, sha256);
  return { ok: true, bytes, sha256 };
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
  dropLocalCopy(db, importId);
  await db.sql.execute('DELETE FROM import_file WHERE import_id = $1', [importId]);
}
