// The embedded database runs here, in a worker thread: PGlite executes SQL synchronously inside WebAssembly, and on
// the main thread a long import or aggregate would freeze every HTTP request and WebSocket for its whole duration.
// Plain JavaScript so that it starts without a TypeScript loader (under tsx, vitest or node alike).
//
// Protocol: the main thread posts { id, op, ... }; the worker answers { id, ok, result } or { id, ok: false, error }.
// Values travel as the text PostgreSQL sent (every parser here is the identity); the main thread parses them,
// because parsers are functions and cannot cross threads.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const rawText = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (text) => text]));

const db = await PGlite.create({
  dataDir: workerData.dataDir,
  ...(workerData.loadDataDir ? { loadDataDir: new Blob([workerData.loadDataDir]) } : {}),
  parsers: rawText,
  // PostgreSQL's default 128 MB of shared buffers live in the WebAssembly memory, which never shrinks: 100 MB of an
  // idle server's RSS. Pages evicted from 16 MB are read again from the operating system's file cache (the 1M-row
  // import measured no slower).
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
});

/** @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, end: () => void, done: Promise<unknown> }>} */
const transactions = new Map();
let nextTransactionId = 1;

/**
 * The bytes given to a statement as its `/dev/blob`. PGlite only asks its blob option for `arrayBuffer()`, and reads
 * the file through a view of that buffer: a Blob copied the bytes twice (into the Blob, then out of it), each copy a
 * megabyte of new pages for every COPY of an import, faulted in on this thread, the one the embedded database runs on.
 * The client hands over buffers that hold exactly the bytes.
 */
function blobOf(bytes) {
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  return { arrayBuffer: async () => buffer };
}

/**
 * COPY under a savepoint, in one message: a failed COPY (a duplicate key, say) leaves the transaction usable, and
 * the three statements cost one trip between threads instead of three.
 */
async function copyAtomically(tx, message) {
  await tx.query('SAVEPOINT reclaim_copy');
  try {
    await tx.query(message.sql, [], { blob: blobOf(message.blob) });
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT reclaim_copy');
    throw error;
  }
  await tx.query('RELEASE SAVEPOINT reclaim_copy');
  return { rows: [], fields: [], affectedRows: 0 };
}

async function runQuery(target, message) {
  const options = { rowMode: 'array' };
  if (message.blob !== undefined) options.blob = new Blob([message.blob]);
  const result = await target.query(message.sql, message.params ?? [], options);
  const answer = { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
  if (result.blob) answer.blob = await result.blob.text();
  return answer;
}

async function begin() {
  const id = nextTransactionId++;
  let end;
  const ended = new Promise((resolve) => {
    end = resolve;
  });
  let started;
  const ready = new Promise((resolve) => {
    started = resolve;
  });
  const done = db.transaction(async (tx) => {
    transactions.set(id, { tx, end, done: undefined });
    started();
    await ended;
  });
  // BEGIN waits for any other transaction to finish; a failed BEGIN rejects `done` before `ready`.
  await Promise.race([ready, done]);
  transactions.get(id).done = done;
  return id;
}

async function finish(id, rollback) {
  const entry = transactions.get(id);
  if (!entry) throw new Error(`transaction ${id} is not open`);
  transactions.delete(id);
  if (rollback && !entry.tx.closed) await entry.tx.rollback();
  entry.end();
  await entry.done;
}

function target(message) {
  if (message.txId === undefined) return db;
  const entry = transactions.get(message.txId);
  if (!entry) throw new Error(`transaction ${message.txId} is not open`);
  return entry.tx;
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return runQuery(target(message), message);
    case 'copy-atomically':
      return copyAtomically(target(message), message);
    case 'exec': {
      const results = await target(message).exec(message.sql);
      return results.map((result) => ({ affectedRows: result.affectedRows }));
    }
    case 'begin':
      return begin();
    case 'commit':
      return finish(message.txId, false);
    case 'rollback':
      return finish(message.txId, true);
    case 'dump': {
      const file = await db.dumpDataDir('gzip');
      return new Uint8Array(await file.arrayBuffer());
    }
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

function serialiseError(error) {
  const plain = { message: error?.message ?? String(error), name: error?.name, databaseError: false };
  if (error && typeof error === 'object' && 'severity' in error) {
    plain.databaseError = true;
    for (const key of [
      'length',
      'severity',
      'code',
      'detail',
      'hint',
      'position',
      'where',
      'schema',
      'table',
      'column',
      'dataType',
      'constraint',
    ]) {
      if (error[key] !== undefined) plain[key] = error[key];
    }
  }
  return plain;
}

parentPort.on('message', async (message) => {
  try {
    const result = await handle(message);
    parentPort.postMessage({ id: message.id, ok: true, result });
    if (message.op === 'close') parentPort.close();
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: serialiseError(error) });
  }
});

parentPort.postMessage({ ready: true });
