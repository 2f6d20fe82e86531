import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { type PGliteTransaction, PGliteWorkerClient } from './pglite-client.js';

/** Raw SQL on one connection (or one transaction). Placeholders are $1, $2… on both databases. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it touched. */
  execute(text: string, params?: unknown[]): Promise<number>;
  /**
   * Bulk-loads rows given in PostgreSQL's COPY text format (tab-separated, \N for null, one row per line), inside a
   * transaction and under a savepoint: when it fails (a duplicate key, say), none of its rows stay and the
   * transaction goes on. Bytes (UTF-8) that fill their buffer are handed over: the embedded database's thread takes
   * that buffer, and the caller must not use them again. Bytes that are part of a larger buffer are copied out of it,
   * and the caller keeps its buffer.
   */
  copyFrom(table: string, columns: readonly string[], data: string | Uint8Array): Promise<void>;
  /** Runs a script of several statements (migrations). */
  execScript(text: string): Promise<void>;
}

export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly prisma: PrismaClient;
  readonly sql: Sql;
  /**
   * Runs `work` in a transaction and returns its result. It commits, unless `commitsIf` says the result is not to be
   * kept (a refused import): then it rolls back, and the result is still returned. A thrown error rolls back too.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>, commitsIf?: (result: T) => boolean): Promise<T>;
  /**
   * The embedded database only (one process owns it): a number that moves whenever the committed data may have
   * changed, undefined while a transaction is open. PostgreSQL has writers in other processes: no such number.
   */
  dataVersion?(): number | undefined;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const BOOL_ARRAY = 1000;
const INT2_ARRAY = 1005;
const INT4_ARRAY = 1007;
const INT8_ARRAY = 1016;

type Elements = Array<string | null | Elements>;

/** An array of the embedded database's result (its elements as text, nested for more dimensions), each element read. */
const elementsAs =
  <T>(read: (text: string) => T) =>
  (elements: unknown): unknown => {
    const each = (value: string | null | Elements): unknown =>
      value === null ? null : Array.isArray(value) ? value.map(each) : read(value);
    return (elements as Elements).map(each);
  };

// Both drivers answer alike: counts (int8) as numbers, dates as 'YYYY-MM-DD', decimals as exact strings, arrays of
// integers as numbers and of booleans as booleans (the embedded database's thread gives array elements as text: an
// `array_agg(line)` came back as ['4'], and a Set of line numbers then never had the line).
const pgliteParsers = {
  [INT8]: (text: string) => Number(text),
  [DATE]: (text: string) => text,
  [NUMERIC]: (text: string) => text,
  [INT2_ARRAY]: elementsAs(Number),
  [INT4_ARRAY]: elementsAs(Number),
  [INT8_ARRAY]: elementsAs(Number),
  [BOOL_ARRAY]: elementsAs((text) => text === 't' || text === 'true'),
};

const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8) return (text: string) => Number(text);
    if (oid === DATE || oid === NUMERIC) return (text: string) => text;
    if (oid === INT8_ARRAY) {
      const strings = pg.types.getTypeParser(oid as Parameters<typeof pg.types.getTypeParser>[0], 'text') as (
        text: string,
      ) => unknown;
      return (text: string) => elementsAs(Number)(strings(text));
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${table} (${columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`;
}

function pgliteSql(target: PGliteWorkerClient | PGliteTransaction): Sql {
  const copyStatementOf = (table: string, columns: readonly string[]) =>
    copyStatement(table, columns).replace('FROM STDIN', "FROM '/dev/blob'");
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await target.query<T>(text, params, { parsers: pgliteParsers })).rows;
    },
    async execute(text, params = []) {
      return (await target.query(text, params)).affectedRows ?? 0;
    },
    async copyFrom(table, columns, data) {
      if (!('copyAtomically' in target)) throw new Error('COPY runs inside transaction()');
      await target.copyAtomically(copyStatementOf(table, columns), data);
    },
    async execScript(text) {
      await target.exec(text);
    },
  };
}

function pgSql(client: pg.PoolClient | pg.Pool): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query({ text, values: params, types: pgTypes })).rows as T[];
    },
    async execute(text, params = []) {
      return (await client.query({ text, values: params, types: pgTypes })).rowCount ?? 0;
    },
    async copyFrom(table, columns, data) {
      if (!('release' in client)) throw new Error('COPY runs inside transaction()');
      await client.query('SAVEPOINT reclaim_copy');
      try {
        const stream = client.query(copyFromStdin(copyStatement(table, columns)));
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          stream.on('finish', resolve);
          stream.end(data);
        });
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT reclaim_copy');
        throw error;
      }
      await client.query('RELEASE SAVEPOINT reclaim_copy');
    },
    async execScript(text) {
      await client.query(text);
    },
  };
}

export interface EmbeddedDatabase extends Database {
  /** A gzipped tarball of the data directory (tests clone a migrated database from it). */
  dumpDataDir(): Promise<Uint8Array>;
}

export async function openEmbedded(
  dataDir: string,
  options: { template?: Uint8Array } = {},
): Promise<EmbeddedDatabase> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGliteWorkerClient.open(dataDir, { loadDataDir: options.template });
  // The adapter only calls query, exec and transaction, which the worker client provides.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client as never) });
  return {
    kind: 'embedded',
    prisma,
    sql: pgliteSql(client),
    transaction: (work, commitsIf) =>
      client.transaction(async (tx) => {
        const result = await work(pgliteSql(tx));
        if (commitsIf && !commitsIf(result)) await tx.rollback();
        return result;
      }),
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
    dumpDataDir: () => client.dumpDataDir(),
    dataVersion: () => client.dataVersion(),
  };
}

/** `?schema=NAME` in the URL selects a PostgreSQL schema (as in Prisma's URLs); tests give each file its own. */
export function postgresSchemaOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  const schema = postgresSchemaOf(url);
  const connectionUrl = new URL(url);
  connectionUrl.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: connectionUrl.toString(),
    max: options.poolSize ?? 10,
    // A database that cannot be reached fails the request after this long instead of holding it forever.
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool: without a listener it would crash the process.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
  return {
    kind: 'postgres',
    prisma,
    sql: pgSql(pool),
    async transaction(work, commitsIf) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(pgSql(client));
        await client.query(commitsIf && !commitsIf(result) ? 'ROLLBACK' : 'COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it rather than return it to the pool.
        const broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
