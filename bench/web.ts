// npm run bench:web — the dashboard's weight and first load: the size of each built file (raw and gzip), then, in
// headless Chromium against a local server holding a generated seller (300 SKUs), the median of 5 cold loads (new
// browser context, empty cache) of: the page's load event, its first contentful paint, and the first page of
// missing products on screen. Needs `npm run build:web` (npm ci does it) and Debian's chromium.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { systemClock } from '../src/clock.js';
import { readConfig } from '../src/config.js';
import { createEvents } from '../src/events.js';
import { createLogger } from '../src/logger.js';
import { buildApp } from '../src/server/app.js';
import { WEB_DIST } from '../src/server/web.js';
import { embeddedDatabase, loadGeneratedSeller, record } from './common.js';

const RUNS = 5;
const asOf = new Date('2025-06-15T00:00:00Z');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

let raw = 0;
let gzip = 0;
console.log('The built dashboard (web/dist):');
for (const name of ['index.html', ...(await readdir(path.join(WEB_DIST, 'assets'))).map((file) => `assets/${file}`)]) {
  const bytes = await readFile(path.join(WEB_DIST, name));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += (await stat(path.join(WEB_DIST, name))).size;
  gzip += zipped;
  console.log(`  ${name.padEnd(34)} ${kib(bytes.length).padStart(10)}  gzip ${kib(zipped).padStart(9)}`);
}
console.log(`  ${'total'.padEnd(34)} ${kib(raw).padStart(10)}  gzip ${kib(gzip).padStart(9)}`);

const bench = await embeddedDatabase();
const { token } = await loadGeneratedSeller(bench.db, { products: 300, ledgerRows: 20_000, asOf }, () => {});
const app = buildApp({
  config: { ...readConfig({ NODE_ENV: 'production' }), port: 0, logLevel: 'silent' },
  db: bench.db,
  log: createLogger('silent', { pretty: false }),
  clock: systemClock(asOf),
  events: createEvents(),
  jobs: { enqueue: async () => {} },
});
const { port } = await app.start();
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const loads: number[] = [];
const paints: number[] = [];
const tables: number[] = [];
for (let run = 0; run <= RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((value) => sessionStorage.setItem('reclaim.token', value), token);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('tr[data-sku]').first().waitFor();
  const table = Date.now() - started;
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: navigation.loadEventEnd, paint: paint?.startTime ?? Number.NaN };
  });
  await context.close();
  // The first run warms the server (JIT, the database's caches); the browser's cache is new each time.
  if (run === 0) continue;
  loads.push(timing.load);
  paints.push(timing.paint);
  tables.push(table);
}
await browser.close();
await app.stop(100);
await bench.close();
console.log(`First load, median of ${RUNS} cold loads on a local server (headless Chromium, 1280×900):`);
console.log(`  load event ${median(loads).toFixed(0)} ms, first contentful paint ${median(paints).toFixed(0)} ms,`);
console.log(`  first page of missing products on screen ${median(tables).toFixed(0)} ms after navigation`);
record({
  bench: 'web',
  measure: 'the dashboard (web/dist), gzip',
  value: kib(gzip).trim(),
  goal: '< 50 KiB gzip',
  met: gzip < 50 * 1024,
});
record({
  bench: 'web',
  measure: 'cold load: first page of missing products on screen, median',
  value: `${median(tables).toFixed(0)} ms`,
  baseline: `first contentful paint ${median(paints).toFixed(0)} ms`,
  ratio: median(tables) / median(paints),
  goal: '< 1,000 ms',
  met: median(tables) < 1000,
});
