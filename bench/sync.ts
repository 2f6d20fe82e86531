// npm run bench:sync — a generated seller fetched from a fake Selling Partner API (the tests' fake, on 127.0.0.1:
// gzip documents, report windows, pages) by one sync, against the same files imported directly: the ratio is what
// the sync costs over the import pipeline itself (the requests, the polling, gunzip, the JSON of shipments).
// A second sync (all duplicates) is timed too. Options: PRODUCTS (default 2000), LEDGER_ROWS (default 100000).
import { randomBytes } from 'node:crypto';
import { systemClock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import { generateDemo } from '../src/demo/generate.js';
import { createEvents } from '../src/events.js';
import { importNow } from '../src/jobs/inline.js';
import { syncToTheEnd } from '../src/jobs/sync-to-the-end.js';
import { createLogger } from '../src/logger.js';
import { createAccount } from '../src/store/accounts.js';
import { saveConnection } from '../src/store/amazon.js';
import { FakeSellingPartnerApi, MARKETPLACE_US } from '../test/support/fake-sp-api.js';
import { benchDatabases, memorySampler, record } from './common.js';

const products = Number(process.env.PRODUCTS ?? 2000);
const ledgerRows = Number(process.env.LEDGER_ROWS ?? 100_000);
const asOf = new Date('2025-06-15T00:00:00Z');

async function textOf(file: { chunks(): AsyncIterable<string> | Iterable<string> }) {
  const parts: string[] = [];
  for await (const chunk of file.chunks()) parts.push(chunk);
  return parts.join('');
}

const files = generateDemo({ products, ledgerRows, asOf });
const texts = new Map(await Promise.all(files.map(async (file) => [file.kind, await textOf(file)] as const)));
const rowsOf = (kind: string) => (texts.get(kind as never) ?? '').split('\n').length - 2;
console.log(
  `A generated seller of ${products.toLocaleString('en')} SKUs: ledger ${rowsOf('LEDGER').toLocaleString('en')} rows, settlement ${rowsOf('SETTLEMENT').toLocaleString('en')}, shipments ${rowsOf('INBOUND_SHIPMENTS').toLocaleString('en')}, returns ${rowsOf('CUSTOMER_RETURNS').toLocaleString('en')}, reimbursements ${rowsOf('REIMBURSEMENTS').toLocaleString('en')}.`,
);

const fake = await new FakeSellingPartnerApi(texts.get('INBOUND_SHIPMENTS')).start();
fake.texts = {
  GET_LEDGER_DETAIL_VIEW_DATA: texts.get('LEDGER') as string,
  GET_FBA_REIMBURSEMENTS_DATA: texts.get('REIMBURSEMENTS') as string,
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: texts.get('CUSTOMER_RETURNS') as string,
};
fake.settlementReports = [
  { reportId: '1', createdTime: '2025-06-14T00:00:00Z', text: texts.get('SETTLEMENT') as string },
];
// Amazon's default of one report a minute would make this a benchmark of waiting.
fake.grantedRates = { createReport: 5, getReportDocument: 5, getReports: 5 };
// Pages of 100, as Amazon's lists go (the tests use pages of one).
fake.pageSize = 100;

const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'silent', { pretty: false });
const clock = systemClock(asOf);
const amazon: Config['amazon'] = {
  secretKey: randomBytes(32),
  lwaUrl: `${fake.url}/auth/o2/token`,
  spApiUrl: fake.url,
  syncEveryHours: 24,
  lookbackDays: 45,
  historyDays: 540,
};
const config = { amazon, maxUploadBytes: 4096 * 2 ** 20 } as Config;
const seconds = (since: number) => (performance.now() - since) / 1000;

for await (const bench of benchDatabases()) {
  const events = createEvents();
  const deps = { db: bench.db, clock, events, log, config };
  // Baseline: the files imported directly, in the sync's order, the purchase costs first in both.
  const direct = await createAccount(bench.db, { name: 'Direct', region: 'NA' });
  const synced = await createAccount(bench.db, { name: 'Synced', region: 'NA' });
  for (const account of [direct.account, synced.account]) {
    await importNow(
      deps,
      { accountId: account.id, fileName: 'costs.tsv', kind: 'PRODUCT_COSTS' },
      (async function* () {
        yield Buffer.from(texts.get('PRODUCT_COSTS') as string);
      })(),
      { maxBytes: config.maxUploadBytes },
    );
  }
  let started = performance.now();
  for (const kind of ['INBOUND_SHIPMENTS', 'LEDGER', 'REIMBURSEMENTS', 'CUSTOMER_RETURNS', 'SETTLEMENT'] as const) {
    const outcome = await importNow(
      deps,
      { accountId: direct.account.id, fileName: `${kind}.tsv`, kind },
      (async function* () {
        yield Buffer.from(texts.get(kind) as string);
      })(),
      { maxBytes: config.maxUploadBytes },
    );
    if (!outcome.ok) throw new Error(`${kind}: ${outcome.message}`);
  }
  const directSeconds = seconds(started);

  await saveConnection(
    bench.db,
    amazon.secretKey as Buffer,
    {
      accountId: synced.account.id,
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret, refreshToken: fake.refreshToken },
      marketplaceIds: [MARKETPLACE_US],
      syncEveryHours: 24,
    },
    new Date(),
  );
  for (const pass of ['first sync', 'second sync (all duplicates)']) {
    const memory = memorySampler();
    started = performance.now();
    const feeds: string[] = [];
    const run = await syncToTheEnd(deps, synced.account.id, (feed) =>
      feeds.push(`${feed.feed} ${feed.rows.toLocaleString('en')} rows, ${feed.inserted.toLocaleString('en')} new`),
    );
    const took = seconds(started);
    const peak = memory.stop();
    if (run.status !== 'SUCCEEDED') throw new Error(`the sync ${run.status}: ${run.error}`);
    console.log(`${bench.name}, ${pass}: ${took.toFixed(1)} s (${feeds.join('; ')}); peak RSS ${peak.peakRssMb} MB`);
    if (pass === 'first sync') {
      console.log(
        `${bench.name}, the same files imported directly: ${directSeconds.toFixed(1)} s → the sync runs at ${(directSeconds / took).toFixed(2)} of the import pipeline's speed`,
      );
      record({
        bench: 'sync',
        measure: `first sync, ${bench.name}`,
        value: `${took.toFixed(1)} s`,
        baseline: `the same files imported directly ${directSeconds.toFixed(1)} s`,
        ratio: directSeconds / took,
        goal: "≥ 0.5 of the import pipeline's speed",
        met: directSeconds / took >= 0.5,
      });
    }
  }
  await events.close();
  await bench.close();
}
await fake.close();
