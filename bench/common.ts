// What the benchmarks share: a database to measure on (a fresh embedded one, or a schema of DATABASE_URL), the
// generated demo seller, and a sampler of the process's peak memory.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/clock.js';
import { type Database, openEmbedded, openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { generateDemo } from '../src/demo/generate.js';
import { createEvents } from '../src/events.js';
import { importNow } from '../src/jobs/inline.js';
import { createLogger } from '../src/logger.js';
import { createAccount } from '../src/store/accounts.js';

export interface BenchDatabase {
  name: string;
  db: Database;
  /** The environment that points a `reclaim` process at this database. */
  serverEnv: Record<string, string>;
  /** Closes this process's connection (the embedded directory has one owner at a time), keeping the data. */
  closeDatabase(): Promise<void>;
  close(): Promise<void>;
}

export async function embeddedDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-'));
  const db = await openEmbedded(path.join(dir, 'pglite'));
  await migrate(db);
  let closed: Promise<void> | undefined;
  const closeDatabase = () => {
    closed ??= db.close();
    return closed;
  };
  return {
    name: 'embedded (PGlite)',
    db,
    serverEnv: { RECLAIM_DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '', REDIS_URL: '' },
    closeDatabase,
    async close() {
      await closeDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresDatabase(url: string): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const schemaUrl = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  const db = await openPostgres(schemaUrl);
  await migrate(db, schema);
  return {
    name: 'PostgreSQL',
    db,
    serverEnv: { DATABASE_URL: schemaUrl, REDIS_URL: '' },
    // Other processes share a PostgreSQL server: this one keeps its connections (close drops the schema).
    closeDatabase: async () => {},
    async close() {
      await db.sql.execute(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/** The databases to measure: the embedded one, and PostgreSQL when DATABASE_URL is set. */
export async function* benchDatabases(): AsyncGenerator<BenchDatabase> {
  // BENCH_SKIP_EMBEDDED=1 measures PostgreSQL alone (the embedded run takes minutes of its own).
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') yield await embeddedDatabase();
  if (process.env.DATABASE_URL) yield await postgresDatabase(process.env.DATABASE_URL);
}

/** Samples the resident memory of the process (the embedded database's worker included) every 50 ms. */
export function memorySampler() {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssMb: Math.round(peakRss / 2 ** 20), peakHeapMb: Math.round(peakHeap / 2 ** 20) };
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Creates an account and imports the generated seller's files into it (as uploads would), reporting each file. */
export async function loadGeneratedSeller(
  db: Database,
  size: { products: number; ledgerRows: number; asOf: Date },
  report: (line: string) => void,
) {
  const created = await createAccount(db, { name: 'Bench Seller', region: 'NA' });
  for (const file of generateDemo(size)) {
    const started = performance.now();
    async function* bytes() {
      for await (const text of file.chunks()) yield Buffer.from(text, 'utf8');
    }
    const outcome = await importNow(
      { db, clock: systemClock(size.asOf), events: createEvents(), log: createLogger('silent', { pretty: false }) },
      { accountId: created.account.id, fileName: file.fileName, kind: file.kind },
      bytes(),
      { maxBytes: 4096 * 2 ** 20 },
    );
    if (!outcome.ok) throw new Error(`${file.fileName}: ${outcome.message}`);
    report(
      `imported ${file.fileName}, ${outcome.rows.toLocaleString('en')} rows, in ${((performance.now() - started) / 1000).toFixed(1)} s (recomputation of its products included)`,
    );
  }
  return created;
}

/** The dashboard's first screen: the 50 most urgent products with their numbers per type. */
export const FIRST_PAGE = `query FirstPage($asOf: DateTime) {
  missingProducts(asOf: $asOf, first: 50) {
    edges { node { sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
      reimbursable { amount currency } byType { type missingUnits claimableUnits nextDeadline } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One line of `npm run bench`'s table: a measure, what it is compared with in the same run, and the goal. */
export interface BenchResult {
  bench: string;
  measure: string;
  /** As printed, with its unit ("231 ms", "104,000 rows/s"). */
  value: string;
  /** What the value is read against, measured in the same run ("bare ws p99 9.1 ms"), when there is one. */
  baseline?: string;
  /** value / baseline, or the share of the ceiling reached, when a baseline exists. */
  ratio?: number;
  goal: string;
  met: boolean;
}

/**
 * Prints nothing: hands the result to `npm run bench` (bench/all.ts), which runs each benchmark as a child process
 * with BENCH_RESULTS naming a file of JSON lines. Run alone, a benchmark's own output says it all.
 */
export function record(result: BenchResult): void {
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}
