// npm run bench:ingest — imports a generated 1,000,000-row inventory ledger through the import pipeline (the one the
// CLI and the GraphQL upload use) and prints rows per second and peak memory.
// Options: ROWS (default 1000000), PRODUCTS (default 20000).

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { systemClock } from '../src/clock.js';
import { generateDemo } from '../src/demo/generate.js';
import { createEvents } from '../src/events.js';
import { importNow } from '../src/jobs/inline.js';
import { createLogger } from '../src/logger.js';
import { createAccount } from '../src/store/accounts.js';
import { benchDatabases, memorySampler } from './common.js';

const rows = Number(process.env.ROWS ?? 1_000_000);
const products = Number(process.env.PRODUCTS ?? 20_000);
const asOf = new Date('2025-06-15T00:00:00Z');
const ledger = generateDemo({ products, ledgerRows: rows, asOf }).find((file) => file.kind === 'LEDGER')!;

// The file is written first, so that the import is timed as a seller's would be: from a file, not from the generator.
const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-ingest-'));
const file = path.join(dir, 'ledger.tsv');
const generated = performance.now();
const out = createWriteStream(file);
for await (const text of ledger.chunks()) {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
out.end();
await finished(out);
console.log(
  `Generated ${((await stat(file)).size / 2 ** 20).toFixed(0)} MB of ledger in ${((performance.now() - generated) / 1000).toFixed(1)} s.`,
);

function bytes() {
  return createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
}

console.log(
  `Importing a generated ledger of about ${rows.toLocaleString('en')} rows (${products.toLocaleString('en')} SKUs).`,
);
for await (const bench of benchDatabases()) {
  const { account } = await createAccount(bench.db, { name: 'Bench', region: 'NA' });
  for (const pass of ['first import', 'same file again (all duplicates)']) {
    const memory = memorySampler();
    const started = performance.now();
    const outcome = await importNow(
      {
        db: bench.db,
        clock: systemClock(asOf),
        events: createEvents(),
        log: createLogger('silent', { pretty: false }),
      },
      { accountId: account.id, fileName: 'bench-ledger.tsv' },
      bytes(),
      { maxBytes: 4096 * 2 ** 20 },
    );
    const seconds = (performance.now() - started) / 1000;
    const { peakRssMb, peakHeapMb } = memory.stop();
    if (!outcome.ok) throw new Error(outcome.message);
    console.log(
      `${bench.name}, ${pass}: ${outcome.rows.toLocaleString('en')} rows (${outcome.counts.inserted.toLocaleString('en')} new) in ${seconds.toFixed(1)} s = ${Math.round(outcome.rows / seconds).toLocaleString('en')} rows/s; peak RSS ${peakRssMb} MB (embedded database included), peak JS heap ${peakHeapMb} MB`,
    );
  }
  await bench.close();
}
await rm(dir, { recursive: true, force: true });
