// npm run bench:ingest — imports a generated 1,000,000-row inventory ledger through the import pipeline (the one the
// CLI and the GraphQL upload use) and prints rows per second and peak memory: as Amazon's tab-separated file, the
// same file again (all duplicates), the same rows as Seller Central's CSV (every cell quoted), and as an Excel
// workbook. Goal: the CSV within 1.3x of the TSV's time (the workbook is reported as it is).
// The first import is compared with its floor: the same rows COPYed straight into the ledger table, in the same run.
// Options: ROWS (default 1000000), PRODUCTS (default 20000), SHAPES (default "tsv,csv,xlsx").

import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { systemClock } from '../src/clock.js';
import { copyFields } from '../src/db/copy-text.js';
import type { Database } from '../src/db/database.js';
import { generateDemo } from '../src/demo/generate.js';
import { createEvents } from '../src/events.js';
import { readFileToStore } from '../src/ingest/file-chunks.js';
import { importNow } from '../src/jobs/inline.js';
import { createLogger } from '../src/logger.js';
import { createAccount } from '../src/store/accounts.js';
import { benchDatabases, memorySampler, record } from './common.js';

const rows = Number(process.env.ROWS ?? 1_000_000);
const products = Number(process.env.PRODUCTS ?? 20_000);
const asOf = new Date('2025-06-15T00:00:00Z');
// The files are made by a process of their own, and each database is measured in a process of its own: an import's
// peak memory is then its own, not the generator's leftovers (about 200 MB of its heap stayed resident in the process
// that imports) nor the other database's (the embedded one's memory is not all given back when it closes).
const preparing = process.env.RECLAIM_BENCH_INGEST_DIR;
const measuring = process.env.RECLAIM_BENCH_INGEST_FILES;
const dir = preparing ?? measuring ?? (await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-ingest-')));
const file = path.join(dir, 'ledger.tsv');
const csvFile = path.join(dir, 'ledger.csv');
const xlsxFile = path.join(dir, 'ledger.xlsx');
const shapes = (process.env.SHAPES ?? 'tsv,csv,xlsx').split(',');
if (preparing) {
  await prepareFiles();
  process.exit(0);
}
if (!measuring) {
  const child = (env: Record<string, string>) =>
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    }).status;
  try {
    const prepared = child({ RECLAIM_BENCH_INGEST_DIR: dir });
    if (prepared !== 0) throw new Error(`preparing the files failed (${prepared})`);
    const databases = [
      ...(process.env.BENCH_SKIP_EMBEDDED === '1' ? [] : [{ BENCH_SKIP_EMBEDDED: '0', DATABASE_URL: '' }]),
      ...(process.env.DATABASE_URL ? [{ BENCH_SKIP_EMBEDDED: '1', DATABASE_URL: process.env.DATABASE_URL }] : []),
    ];
    for (const database of databases) {
      const measured = child({ ...database, RECLAIM_BENCH_INGEST_FILES: dir });
      if (measured !== 0) throw new Error(`the import benchmark failed (${measured})`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

async function* tsvRows(): AsyncGenerator<string[]> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line) yield line.split('\t');
  }
}

async function writeText(target: string, lines: AsyncIterable<string>) {
  const stream = createWriteStream(target);
  for await (const line of lines) {
    if (!stream.write(line)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  stream.end();
  await finished(stream);
}

/**
 * Writes the ledger (from the generator, so that the import is timed as a seller's would be: from a file), and the
 * same rows as Seller Central's CSV (every cell quoted, commas, CRLF) and as a workbook.
 */
async function prepareFiles() {
  const ledger = generateDemo({ products, ledgerRows: rows, asOf }).find((file) => file.kind === 'LEDGER')!;

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
  if (shapes.includes('csv')) {
    const started = performance.now();
    await writeText(
      csvFile,
      (async function* () {
        for await (const row of tsvRows()) yield `"${row.join('","')}"\r\n`;
      })(),
    );
    console.log(`Wrote it as quoted CSV in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }

  // The workbook: dates as dates, quantities as numbers (streaming writer).
  if (shapes.includes('xlsx')) {
    const started = performance.now();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile, useSharedStrings: true });
    const sheet = book.addWorksheet('Sheet1');
    let header = true;
    for await (const row of tsvRows()) {
      if (header) {
        sheet.addRow(row).commit();
        header = false;
        continue;
      }
      const [month, day, year] = row[0]!.split('/').map(Number) as [number, number, number];
      const cells: ExcelJS.CellValue[] = [...row];
      cells[0] = new Date(Date.UTC(year, month - 1, day));
      for (const column of [7, 12, 13]) if (row[column]) cells[column] = Number(row[column]);
      const added = sheet.addRow(cells);
      added.getCell(1).numFmt = 'mm/dd/yyyy';
      added.commit();
    }
    sheet.commit();
    await book.commit();
    console.log(
      `Wrote it as an Excel workbook (${((await stat(xlsxFile)).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
}

function bytes(from: string) {
  return readFileToStore(from);
}

/**
 * The import's floor on this database: its ledger rows COPYed again, straight into the ledger table (a new account,
 * so that every key is new), in COPYs of the import's size and in one transaction that is rolled back. No file is
 * stored or read, no row parsed, no product resolved, nothing recomputed: what is left is the table's own cost (its
 * primary key and detection index) and COPY's. The rows are read out first, their time not counted.
 */
async function copyFloor(db: Database, accountId: number): Promise<{ rows: number; seconds: number }> {
  const columns = (
    await db.sql.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_name = 'ledger_entry' AND table_schema = current_schema() ORDER BY ordinal_position`,
    )
  ).map((column) => column.name);
  const { account } = await createAccount(db, { name: 'Bench floor', region: 'NA' });
  const chunks: string[] = [];
  let rows = 0;
  let after: { key: string; occurrence: number } | undefined;
  for (;;) {
    const page = await db.sql.query<{ values: Array<string | null>; key: string; occurrence: number }>(
      `SELECT ARRAY[${columns.map((column) => (column === 'account_id' ? '$1::text' : `${column}::text`)).join(', ')}] AS values,
              row_key::text AS key, occurrence
       FROM ledger_entry WHERE account_id = $2 ${after ? 'AND (row_key, occurrence) > ($3::uuid, $4::smallint)' : ''}
       ORDER BY row_key, occurrence LIMIT ${FLOOR_COPY_ROWS}`,
      [account.id, accountId, ...(after ? [after.key, after.occurrence] : [])],
    );
    if (page.length === 0) break;
    chunks.push(page.map((row) => `${copyFields(row.values)}\n`).join(''));
    rows += page.length;
    after = page[page.length - 1]!;
  }
  const started = performance.now();
  await db.transaction(
    async (sql) => {
      for (const chunk of chunks) await sql.copyFrom('ledger_entry', columns, chunk);
    },
    () => false,
  );
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** The rows of one COPY of the import (src/ingest/writers.ts, COPY_ROWS). */
const FLOOR_COPY_ROWS = 5_000;

console.log(
  `Importing a generated ledger of about ${rows.toLocaleString('en')} rows (${products.toLocaleString('en')} SKUs).`,
);
for await (const bench of benchDatabases()) {
  const passes = [
    { shape: 'tsv', name: 'first import', from: file, fileName: 'bench-ledger.tsv', account: 'TSV' },
    {
      shape: 'tsv',
      name: 'same file again (all duplicates)',
      from: file,
      fileName: 'bench-ledger.tsv',
      account: 'TSV',
    },
    { shape: 'csv', name: 'quoted CSV, new account', from: csvFile, fileName: 'bench-ledger.csv', account: 'CSV' },
    { shape: 'xlsx', name: 'xlsx, new account', from: xlsxFile, fileName: 'bench-ledger.xlsx', account: 'XLSX' },
  ].filter((pass) => shapes.includes(pass.shape));
  const accounts = new Map<string, number>();
  const seconds = new Map<string, number>();
  let firstImport: { accountId: number; rows: number; rate: number; peakRssMb: number; memoryGoal: number } | undefined;
  for (const pass of passes) {
    if (!accounts.has(pass.account)) {
      const { account } = await createAccount(bench.db, { name: `Bench ${pass.account}`, region: 'NA' });
      accounts.set(pass.account, account.id);
    }
    const memory = memorySampler();
    const started = performance.now();
    const outcome = await importNow(
      {
        db: bench.db,
        clock: systemClock(asOf),
        events: createEvents(),
        log: createLogger('silent', { pretty: false }),
      },
      { accountId: accounts.get(pass.account)!, fileName: pass.fileName },
      bytes(pass.from),
      { maxBytes: 4096 * 2 ** 20 },
    );
    const took = (performance.now() - started) / 1000;
    seconds.set(pass.name, took);
    const { peakRssMb, peakHeapMb } = memory.stop();
    if (!outcome.ok) throw new Error(outcome.message);
    const ratio = pass.shape === 'tsv' ? '' : ` = ${(took / seconds.get('first import')!).toFixed(2)}x the TSV's time`;
    console.log(
      `${bench.name}, ${pass.name}: ${outcome.rows.toLocaleString('en')} rows (${outcome.counts.inserted.toLocaleString('en')} new) in ${took.toFixed(1)} s = ${Math.round(outcome.rows / took).toLocaleString('en')} rows/s${ratio}; peak RSS ${peakRssMb} MB (embedded database included), peak JS heap ${peakHeapMb} MB`,
    );
    const rate = outcome.rows / took;
    const memoryGoal = bench.name.startsWith('embedded') ? 400 : 250;
    if (pass.name === 'first import') {
      firstImport = { accountId: accounts.get(pass.account)!, rows: outcome.rows, rate, peakRssMb, memoryGoal };
    } else if (pass.name.startsWith('same file again')) {
      record({
        bench: 'ingest',
        measure: `the same file again (all duplicates), ${bench.name}`,
        value: `${Math.round(rate).toLocaleString('en')} rows/s`,
        goal: '≥ 200,000 rows/s',
        met: rate >= 200_000,
      });
    } else {
      record({
        bench: 'ingest',
        measure: `${pass.name}, ${bench.name}`,
        value: `${Math.round(rate).toLocaleString('en')} rows/s`,
        baseline: `the TSV's first import ${took.toFixed(1)} s vs ${seconds.get('first import')!.toFixed(1)} s`,
        ratio: took / seconds.get('first import')!,
        goal: pass.shape === 'csv' ? "≤ 1.3× the TSV's time" : 'reported as it is',
        met: pass.shape === 'csv' ? took / seconds.get('first import')! <= 1.3 : true,
      });
    }
  }
  if (firstImport) {
    // Measured last: the rows' COPY text is held whole in memory, which would count in the passes' peaks.
    const floor = await copyFloor(bench.db, firstImport.accountId);
    console.log(
      `${bench.name}, the same rows COPYed straight into the ledger table (its key and index), nothing read or computed: ${floor.rows.toLocaleString('en')} rows in ${floor.seconds.toFixed(1)} s = ${Math.round(floor.rows / floor.seconds).toLocaleString('en')} rows/s`,
    );
    const floorRate = floor.rows / floor.seconds;
    record({
      bench: 'ingest',
      measure: `first import of a ${firstImport.rows.toLocaleString('en')}-row ledger, ${bench.name}`,
      value: `${Math.round(firstImport.rate).toLocaleString('en')} rows/s, peak RSS ${firstImport.peakRssMb} MB`,
      baseline: `the same rows COPYed straight into the table ${Math.round(floorRate).toLocaleString('en')} rows/s`,
      ratio: firstImport.rate / floorRate,
      goal: `≥ 100,000 rows/s, < ${firstImport.memoryGoal} MB`,
      met: firstImport.rate >= 100_000 && firstImport.peakRssMb < firstImport.memoryGoal,
    });
  }
  await bench.close();
}
