import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { messages, type ParserOptions, type Results, type RowMode, types } from '@electric-sql/pglite';

const encoder = new TextEncoder();

interface QueryOptions {
  rowMode?: RowMode;
  parsers?: ParserOptions;
  blob?: Blob | string | Uint8Array;
}

interface Field {
  name: string;
  dataTypeID: number;
}

interface RawResult {
  rows: unknown[][];
  fields: Field[];
  affectedRows?: number;
  blob?: string;
}

interface WorkerError {
  message: string;
  databaseError: boolean;
  [key: string]: unknown;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WorkerError };

/** The part of PGlite's transaction object that pglite-prisma-adapter and Reclaim use. */
export interface PGliteTransaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  /** COPY under a savepoint: when it fails, nothing of it stays and the transaction goes on. */
  copyAtomically(sql: string, data: string | Uint8Array): Promise<void>;
  exec(sql: string): Promise<Array<{ affectedRows?: number }>>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

function toError(error: WorkerError): Error {
  if (!error.databaseError) return new Error(error.message);
  const { message, databaseError: _, length, name, ...fields } = error;
  const databaseError = new messages.DatabaseError(message, Number(length ?? 0), 'error');
  return Object.assign(databaseError, fields);
}

async function toBytes(blob: Blob | string | Uint8Array): Promise<Uint8Array | string> {
  if (typeof blob === 'string' || blob instanceof Uint8Array) return blob;
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * PGlite in a worker thread, behind the same interface as an in-process PGlite (query, exec, transaction), so that
 * pglite-prisma-adapter and Reclaim's bulk SQL both work with it while the main thread stays free.
 */
/** Statements that only read, unless they name something that writes (conservative: a false alarm only costs a miss). */
const READS = /^\s*(?:SELECT|WITH|SHOW|EXPLAIN|VALUES|TABLE)\b/i;
const WRITE_WORDS =
  /\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CALL|DO|LOCK|CREATE|ALTER|DROP|GRANT|REVOKE|VACUUM|ANALYZE|REFRESH|CLUSTER|REINDEX|COMMENT|NEXTVAL|SETVAL|INTO|PG_\w+|SET_CONFIG|NOTIFY|LISTEN|PREPARE|EXECUTE|DISCARD|RESET|SET)\b/i;
/** Statements that change nothing when they report no row changed (there are no statement-level triggers). */
const ROW_WRITES = /^\s*(?:INSERT|UPDATE|DELETE)\b/i;

function mayHaveWritten(message: Record<string, unknown>, result: unknown): boolean {
  switch (message.op) {
    case 'query': {
      const sql = String(message.sql);
      if (READS.test(sql) && !WRITE_WORDS.test(sql)) return false;
      const affected = (result as { affectedRows?: number } | undefined)?.affectedRows;
      return !(ROW_WRITES.test(sql) && affected === 0);
    }
    case 'exec':
      return !(READS.test(String(message.sql)) && !WRITE_WORDS.test(String(message.sql)));
    case 'copy-atomically':
      return true;
    default:
      return false;
  }
}

type Parser = (text: string, typeId: number) => unknown;

/**
 * The rows of a result as PGlite's own parsing gives them (types.parseType): each column's parser looked up once, and
 * each row built in place. Per value and row, the lookups and the intermediate arrays and entries cost more than the
 * values: about a tenth of the recomputation of a 20,000-product import went to them.
 */
function parseRows(raw: RawResult, options: QueryOptions): unknown[] {
  const { fields } = raw;
  const parsers: Array<Parser | undefined> = fields.map(
    ({ dataTypeID }) => (options.parsers?.[dataTypeID] ?? types.parsers[dataTypeID]) as Parser | undefined,
  );
  const width = fields.length;
  const value = (text: unknown, index: number): unknown => {
    if (text === null) return null;
    const parse = parsers[index];
    return parse ? parse(text as string, fields[index]!.dataTypeID) : text;
  };
  const rows: unknown[] = new Array(raw.rows.length);
  if (options.rowMode === 'array') {
    for (let r = 0; r < rows.length; r++) {
      const row = raw.rows[r]!;
      const parsed: unknown[] = new Array(width);
      for (let i = 0; i < width; i++) parsed[i] = value(row[i], i);
      rows[r] = parsed;
    }
    return rows;
  }
  const names = fields.map((field) => field.name);
  for (let r = 0; r < rows.length; r++) {
    const row = raw.rows[r]!;
    const parsed: Record<string, unknown> = {};
    for (let i = 0; i < width; i++) parsed[names[i]!] = value(row[i], i);
    rows[r] = parsed;
  }
  return rows;
}

export class PGliteWorkerClient {
  private nextId = 1;
  /** Moves after every statement that may have changed data and after every transaction's end (dataVersion). */
  private version = 0;
  private transactionsOpen = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(toError(reply.error));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database stopped (worker exit code ${code})`)));
  }

  static async open(dataDir: string, options: { loadDataDir?: Uint8Array } = {}): Promise<PGliteWorkerClient> {
    // Creating a data directory runs initdb, whose WebAssembly memory (about 450 MB) PGlite never gives back: it is
    // created in a worker of its own, which exits with that memory, and then opened afresh (0.3-5 s once).
    const fresh =
      !dataDir.startsWith('memory://') && !options.loadDataDir && !existsSync(path.join(dataDir, 'PG_VERSION'));
    if (fresh) await (await PGliteWorkerClient.start(dataDir, options)).close();
    return PGliteWorkerClient.start(dataDir, options);
  }

  private static async start(dataDir: string, options: { loadDataDir?: Uint8Array }): Promise<PGliteWorkerClient> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir, loadDataDir: options.loadDataDir },
      // The worker is plain JavaScript: it needs none of the TypeScript loaders the main thread may run under.
      execArgv: [],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (message.ready) {
          worker.off('error', reject);
          resolve();
        }
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
    });
    return new PGliteWorkerClient(worker);
  }

  /**
   * What the data committed so far is, as a number that moves after anything that may have changed it has finished:
   * two reads made at the same version saw the same data. None while a transaction is open, since its end will move
   * it. A process owns its data directory alone (src/db/lock.ts), so no other writer exists. The response cache
   * (src/server/response-cache.ts) keeps answers by it.
   */
  dataVersion(): number | undefined {
    return this.transactionsOpen > 0 ? undefined : this.version;
  }

  /** `transfer`: buffers handed over to the worker rather than copied (the caller no longer uses them). */
  private call<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answered = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...message }, transfer);
    });
    return answered.then(
      (result) => {
        this.noteAnswered(message, result, true);
        return result;
      },
      (error: unknown) => {
        this.noteAnswered(message, undefined, false);
        throw error;
      },
    );
  }

  private noteAnswered(message: Record<string, unknown>, result: unknown, ok: boolean): void {
    if (message.op === 'begin') {
      if (ok) this.transactionsOpen++;
    } else if (message.op === 'commit' || message.op === 'rollback') {
      // Over either way: the worker forgets the transaction before it ends it.
      this.transactionsOpen = Math.max(0, this.transactionsOpen - 1);
      this.version++;
    } else if (mayHaveWritten(message, result)) {
      this.version++;
    }
  }

  private async runQuery<T>(
    txId: number | undefined,
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
  ): Promise<Results<T>> {
    const raw = await this.call<RawResult>({
      op: 'query',
      txId,
      sql,
      params,
      blob: options.blob === undefined ? undefined : await toBytes(options.blob),
    });
    const rows = parseRows(raw, options);
    return {
      rows: rows as T[],
      fields: raw.fields,
      affectedRows: raw.affectedRows ?? 0,
      ...(raw.blob === undefined ? {} : { blob: new Blob([raw.blob]) }),
    };
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.runQuery<T>(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Array<{ affectedRows?: number }>> {
    return this.call({ op: 'exec', sql });
  }

  async transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    const txId = await this.call<number>({ op: 'begin' });
    let closed = false;
    const tx: PGliteTransaction = {
      query: (sql, params, options) => {
        if (closed) return Promise.reject(new Error('Transaction is closed'));
        return this.runQuery(txId, sql, params, options);
      },
      exec: (sql) => {
        if (closed) return Promise.reject(new Error('Transaction is closed'));
        return this.call({ op: 'exec', txId, sql });
      },
      copyAtomically: async (sql, data) => {
        if (closed) throw new Error('Transaction is closed');
        // Sent as UTF-8 bytes handed over to the worker: a 750 kB string would be copied by postMessage, then
        // encoded there (1.3 s of the main thread in a 1M-row ledger's import, against 0.2 s to encode it here).
        // A buffer of exactly the bytes (see blobOf in the worker): a part of a larger one is copied out, and the
        // caller keeps its buffer.
        const bytes =
          typeof data === 'string'
            ? encoder.encode(data)
            : data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
              ? data
              : data.slice();
        await this.call({ op: 'copy-atomically', txId, sql, blob: bytes }, [bytes.buffer as ArrayBuffer]);
      },
      rollback: async () => {
        closed = true;
        await this.call({ op: 'rollback', txId });
      },
      get closed() {
        return closed;
      },
    };
    try {
      const result = await callback(tx);
      if (!closed) {
        closed = true;
        await this.call({ op: 'commit', txId });
      }
      return result;
    } catch (error) {
      if (!closed) {
        closed = true;
        await this.call({ op: 'rollback', txId }).catch(() => {});
      }
      throw error;
    }
  }

  /** A gzipped tarball of the data directory (tests clone a migrated database from it). */
  dumpDataDir(): Promise<Uint8Array> {
    return this.call({ op: 'dump' });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }
}
