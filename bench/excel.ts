// npm run bench:excel — the Excel evidence of a big claim (src/documents/claim-workbook.ts): a claim of 10,000
// evidence lines built in memory, written by claimWorkbook. Prints the time, the peak memory (process.memoryUsage()
// sampled every 20 ms: resident set and V8 heap) and the file size; then reads the file back to check its rows.
// Options: LINES (default 10000), PRODUCTS (default 50), RUNS (default 3, timed after the first).
import ExcelJS from 'exceljs';
import { claimWorkbook } from '../src/documents/claim-workbook.js';
import type { Claim, ClaimedEvidence, ClaimItem } from '../src/domain/claims/claim.js';
import { Decimal } from '../src/domain/money.js';
import { record } from './common.js';

const lines = Number(process.env.LINES ?? 10_000);
const productCount = Number(process.env.PRODUCTS ?? 50);
const runs = Number(process.env.RUNS ?? 3);
const asOfDay = '2025-06-15';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A LOST claim of `lines` ledger lines spread over `productCount` products, dated so that they are CLAIMABLE. */
function bigClaim(): Claim {
  const items: ClaimItem[] = [];
  for (let p = 0; p < productCount; p++) {
    const count = Math.floor(lines / productCount) + (p < lines % productCount ? 1 : 0);
    const evidence: ClaimedEvidence[] = [];
    for (let i = 0; i < count; i++) {
      const date = addDays('2025-04-17', i % 30);
      evidence.push({
        eventKey: `ledger:${p}:${i}`,
        type: 'LOST',
        date,
        units: 1 + (i % 3),
        state: 'CLAIMABLE',
        deadline: addDays(date, 60),
        source: 'LEDGER',
        reference: String(100_000_000_000 + p * 100_000 + i),
        reasonCode: i % 2 === 0 ? 'M' : '5',
        fulfillmentCenter: ['PHX7', 'ONT8', 'LGB3'][i % 3],
        disposition: 'SELLABLE',
      });
    }
    const units = evidence.reduce((sum, line) => sum + line.units, 0);
    items.push({
      product: {
        sku: `SKU-BENCH-${String(p).padStart(5, '0')}`,
        fnsku: `X00${String(p).padStart(7, '0')}`,
        asin: `B0${String(p).padStart(8, '0')}`,
        title: `Bench product ${p} — ceramic mug, 350 ml, blue`,
      },
      units,
      reimbursable: { amount: new Decimal('12.99').times(units), currency: 'USD' },
      expectedPayout: { amount: new Decimal('5.10').times(units), currency: 'USD' },
      payoutBasis: 'MANUFACTURING_COST',
      evidence,
    });
  }
  return { type: 'LOST', sellerName: 'Bench Seller', items };
}

/** Peak resident set and heap while `work` runs, sampled every 20 ms. */
async function measured<T>(work: () => Promise<T>) {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await work();
    const elapsed = performance.now() - started;
    sample();
    return { result, elapsed, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

const claim = bigClaim();
const evidenceLines = claim.items.reduce((sum, item) => sum + item.evidence.length, 0);
global.gc?.();
const before = process.memoryUsage();
console.log(
  `claim: ${evidenceLines} evidence lines, ${claim.items.length} products; before: rss ${mb(before.rss)}, heap ${mb(before.heapUsed)}`,
);

const first = await measured(() => claimWorkbook({ claim, region: 'NA', asOfDay, amazonCaseId: '1234567890' }));
console.log(
  `first run: ${first.elapsed.toFixed(0)} ms, peak rss ${mb(first.peakRss)} (+${mb(first.peakRss - before.rss)}), peak heap ${mb(first.peakHeap)} (+${mb(first.peakHeap - before.heapUsed)}), file ${(first.result.byteLength / 1024).toFixed(0)} KiB`,
);

const times: number[] = [];
let peakRss = first.peakRss;
let peakHeap = first.peakHeap;
for (let run = 0; run < runs; run++) {
  const next = await measured(() => claimWorkbook({ claim, region: 'NA', asOfDay, amazonCaseId: '1234567890' }));
  times.push(next.elapsed);
  peakRss = Math.max(peakRss, next.peakRss);
  peakHeap = Math.max(peakHeap, next.peakHeap);
}
times.sort((a, b) => a - b);
if (times.length > 0) {
  console.log(
    `${runs} more runs: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}); peak over all runs: rss ${mb(peakRss)}, heap ${mb(peakHeap)}`,
  );
}

// Not measured: the file read back holds one row per line and per product.
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(first.result as unknown as Parameters<typeof workbook.xlsx.load>[0]);
const evidenceRows = (workbook.getWorksheet('Evidence')?.rowCount ?? 0) - 1;
const summaryRows = (workbook.getWorksheet('Summary')?.rowCount ?? 0) - 1;
const ok = evidenceRows === evidenceLines && summaryRows === claim.items.length;
if (times.length > 0) {
  const median = times[Math.floor(times.length / 2)]!;
  record({
    bench: 'excel',
    measure: `evidence workbook of a ${evidenceLines.toLocaleString('en')}-line claim, median`,
    value: `${median.toFixed(0)} ms, peak RSS ${mb(peakRss)}`,
    goal: '< 1 s, peak RSS < 250 MB',
    met: median < 1000 && peakRss < 250 * 2 ** 20,
  });
}
console.log(`read back: ${evidenceRows} evidence rows, ${summaryRows} summary rows: ${ok ? 'ok' : 'MISMATCH'}`);
if (!ok) process.exitCode = 1;
