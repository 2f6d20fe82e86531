// npm run bench:load — throughput under load: autocannon (in its own process, so it does not share the server's
// event loop) against the first page of missingProducts (50 of 20,000 SKUs) and against `{ __typename }` on the same
// server in the same run, 10 s each (the page at the kept day, today, and at the day after, computed from the lots);
// prints req/s, p50/p99 and the ratio of the two. The ratio is what to read: it
// is the cost of Reclaim's own work over yoga's floor on this machine (docs/performance.md: yoga `{ hello }` 2.1–2.3k req/s).
// Options: PRODUCTS (default 20000), LEDGER_ROWS (default 400000: the page reads per-product summaries, whose number
// follows the SKUs, not the rows), CONNECTIONS (default 10), SECONDS (default 10); DATABASE_URL adds a PostgreSQL run.
// Memory: the RSS of `npm start`'s server idle on a fresh data directory and reopened (a process of its own, same
// Node flags), and the peak RSS of this process under the load.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { systemClock } from '../src/clock.js';
import { type Config, readConfig } from '../src/config.js';
import { dayOf } from '../src/domain/calendar.js';
import { createEvents } from '../src/events.js';
import { createLogger } from '../src/logger.js';
import { buildApp } from '../src/server/app.js';
import { moveWindows } from '../src/store/missing-window.js';
import {
  type BenchDatabase,
  benchDatabases,
  FIRST_PAGE,
  loadGeneratedSeller,
  memorySampler,
  record,
} from './common.js';

const products = Number(process.env.PRODUCTS ?? 20_000);
const ledgerRows = Number(process.env.LEDGER_ROWS ?? 400_000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const seconds = Number(process.env.SECONDS ?? 10);
const asOf = new Date('2025-06-15T00:00:00Z');
const AUTOCANNON = path.resolve(import.meta.dirname, '../node_modules/.bin/autocannon');

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, token: string, query: string, day = asOf): Promise<Load> {
  const body = JSON.stringify({ query, variables: { asOf: day.toISOString() } });
  const { stdout } = await promisify(execFile)(
    AUTOCANNON,
    [
      '--json',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-H',
      `authorization=Bearer ${token}`,
      '-b',
      body,
      `${url}/graphql`,
    ],
    { maxBuffer: 64 * 2 ** 20 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Runs `reclaim serve` as npm start runs it (the file itself, its first line giving Node's settings) on `env`'s
 * database, gives `measure` its address and its RSS (read from /proc), and stops it.
 */
async function withProductServer<T>(
  env: Record<string, string>,
  measure: (url: string, rssMb: () => number) => Promise<T>,
): Promise<T> {
  const child = spawn(path.join(ROOT, 'bin', 'reclaim.js'), ['serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const rssMb = () =>
    Math.round(Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);
  try {
    let url: string | undefined;
    for await (const line of createInterface({ input: child.stdout! })) {
      if (!line.includes('Reclaim is listening')) continue;
      url = (JSON.parse(line) as { url: string }).url.replace(/\/graphql$/, '');
      break;
    }
    if (!url) throw new Error('the server exited before it listened');
    return await measure(url, rssMb);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The resident memory of `npm start`'s server, idle 5 s after it listens: on a fresh data directory (initdb and
 * migrations at start), then on the same directory reopened. Linux only (it reads /proc).
 */
async function idleServerRssMb(): Promise<{ fresh: number; reopened: number } | undefined> {
  if (process.platform !== 'linux') return undefined;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-idle-'));
  const idleRss = () =>
    withProductServer({ RECLAIM_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }, async (_url, rssMb) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return rssMb();
    });
  try {
    return { fresh: await idleRss(), reopened: await idleRss() };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * A server of its own, as `npm start` runs it, on the seller this process generated, under the first page's load: its
 * RSS idle after start and at its peak (every 50 ms). This process also generated and imported the seller, so its own
 * RSS says little of a server's. Linux only.
 */
async function ownServerUnderLoad(bench: BenchDatabase, token: string) {
  if (process.platform !== 'linux') return undefined;
  await bench.closeDatabase();
  return withProductServer({ ...bench.serverEnv, RECLAIM_NOW: asOf.toISOString() }, async (url, rssMb) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = rssMb();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb());
    }, 50);
    const page = await load(url, token, FIRST_PAGE);
    clearInterval(sampler);
    return { idle, peak: Math.max(peak, rssMb()), page };
  });
}

const describe = (name: string, result: Load) =>
  `${name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms${result.errors || result.non2xx ? `   (${result.errors} errors, ${result.non2xx} non-2xx)` : ''}`;

console.log(
  `A generated seller: ${products.toLocaleString('en')} SKUs, about ${ledgerRows.toLocaleString('en')} ledger rows; ${connections} connections, ${seconds} s per target.`,
);
const idle = await idleServerRssMb();
if (idle) {
  console.log(
    `npm start's server, idle 5 s after it listens: RSS ${idle.fresh} MB on a fresh data directory, ${idle.reopened} MB reopened`,
  );
  record({
    bench: 'load',
    measure: 'RSS of the embedded server, idle after start (reopened data directory)',
    value: `${idle.reopened} MB (${idle.fresh} MB on a fresh one)`,
    goal: '< 250 MB',
    met: idle.reopened < 250,
  });
}
for await (const bench of benchDatabases()) {
  const { db } = bench;
  const { token, ...created } = await loadGeneratedSeller(db, { products, ledgerRows, asOf }, (line) =>
    console.log(`  ${bench.name}: ${line}`),
  );
  // The server's today is asOf, as the daily refresh-windows leaves it: the kept numbers of missingProducts are at
  // asOf's day, and the day after is computed from the lots (what every page did before they were kept).
  const moved = performance.now();
  await moveWindows(db, created.account.id, dayOf(asOf));
  console.log(`  ${bench.name}: kept numbers written in ${((performance.now() - moved) / 1000).toFixed(1)} s`);
  // A production configuration: the rate limits count mutations only, so they do not touch these queries. Two
  // servers on the same database: one as configured (with the response cache on the embedded database), and one
  // without the cache, so that what a page costs when it is computed is measured in the same run.
  const config: Config = { ...readConfig({ NODE_ENV: 'production' }), port: 0, logLevel: 'silent' };
  const serve = async (responseCacheBytes: number) => {
    const app = buildApp({
      config: { ...config, responseCacheBytes },
      db,
      log: createLogger('silent', { pretty: false }),
      clock: systemClock(asOf),
      events: createEvents(),
      jobs: { enqueue: async () => {} },
    });
    const address = await app.start();
    return { app, url: `http://127.0.0.1:${address.port}` };
  };
  const cached = await serve(config.responseCacheBytes);
  const uncached = await serve(0);
  const startRss = Math.round(process.memoryUsage().rss / 2 ** 20);
  const memory = memorySampler();
  // Warm-up: JIT, the parse cache, the database's caches.
  await load(cached.url, token, FIRST_PAGE);
  await load(uncached.url, token, FIRST_PAGE);
  const floor = await load(cached.url, token, '{ __typename }');
  const page = await load(cached.url, token, FIRST_PAGE);
  const computedPage = await load(uncached.url, token, FIRST_PAGE);
  const computed = await load(uncached.url, token, FIRST_PAGE, new Date(asOf.getTime() + 86_400_000));
  const { peakRssMb } = memory.stop();
  const cacheNote = 'the response cache';
  console.log(`${bench.name}:`);
  // This process also generated and imported the seller: its RSS at the start is not an idle server's.
  console.log(
    `  RSS (this process, the embedded database included): ${startRss} MB when the server started, after the seller's import; peak ${peakRssMb} MB under load`,
  );
  console.log(`  ${describe('{ __typename }', floor)}`);
  console.log(`  ${describe(`missingProducts, first page of 50 (${cacheNote})`, page)}`);
  console.log(`  ${describe('the same, computed (kept numbers, no cache)', computedPage)}`);
  console.log(`  ${describe('the same, another day (computed from the lots)', computed)}`);
  const ratio = (target: Load) =>
    `${(target.requestsPerSecond / floor.requestsPerSecond).toFixed(3)} of the throughput, p50 ${(target.p50 / Math.max(floor.p50, 1)).toFixed(1)}×`;
  console.log(
    `  ratio to __typename: the page ${ratio(page)}; computed ${ratio(computedPage)}; another day ${ratio(computed)}`,
  );
  for (const [measure, target] of [
    [`first page of missingProducts (${cacheNote})`, page],
    ['the same page computed (no cache)', computedPage],
    ['the same page another day (computed from the lots)', computed],
  ] as const) {
    const share = target.requestsPerSecond / floor.requestsPerSecond;
    record({
      bench: 'load',
      measure: `${measure}, ${bench.name}`,
      value: `${Math.round(target.requestsPerSecond)} req/s, p99 ${target.p99} ms`,
      baseline: `\`{ __typename }\` ${Math.round(floor.requestsPerSecond)} req/s`,
      ratio: share,
      goal: target === page ? '≥ 0.5 of the floor, p99 < 50 ms' : 'reported as it is',
      met: target === page ? share >= 0.5 && target.p99 < 50 : true,
    });
  }
  record({
    bench: 'load',
    measure: `peak RSS under load of this process (it also generated and imported the seller), ${bench.name}`,
    value: `${peakRssMb} MB (${startRss} MB at the server's start)`,
    goal: 'reported as it is',
    met: true,
  });
  await cached.app.stop(100);
  await uncached.app.stop(100);
  const own = await ownServerUnderLoad(bench, token);
  if (own) {
    console.log(
      `  a server of its own (bin/reclaim.js serve): RSS ${own.idle} MB idle after start, peak ${own.peak} MB under the first page's load (${Math.round(own.page.requestsPerSecond)} req/s, p99 ${own.page.p99} ms)`,
    );
    record({
      bench: 'load',
      measure: `peak RSS under load of a server of its own (\`bin/reclaim.js serve\`, the first page), ${bench.name}`,
      value: `${own.peak} MB (${own.idle} MB idle after start; ${Math.round(own.page.requestsPerSecond)} req/s)`,
      goal: db.kind === 'embedded' ? '< 400 MB' : 'reported as it is',
      met: db.kind === 'embedded' ? own.peak < 400 : true,
    });
  }
  await bench.close();
}
