// npm run bench: every benchmark in turn, each in its own process (one's memory and caches do not weigh on the next),
// then one table: each measure beside what it is read against in the same run, and the goal. Absolute figures move
// with the machine's load; the ratios much less, which is why each benchmark measures its own baseline.
// Usage: npm run bench [-- --only ingest,load --write results.txt]; DATABASE_URL adds the PostgreSQL runs.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResult } from './common.js';

const BENCHMARKS = ['ingest', 'detect', 'load', 'live', 'excel', 'web', 'sync', 'cli'] as const;

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: BENCHMARKS.join(',') },
    write: { type: 'string' },
  },
});
const chosen = values.only.split(',').map((name) => name.trim());
const unknown = chosen.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose among ${BENCHMARKS.join(', ')}.`);
  process.exit(2);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

function run(name: string, resultsFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_RESULTS: resultsFile },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-all-'));
const resultsFile = path.join(dir, 'results.jsonl');
const startedAt = new Date();
const loadBefore = loadAverage();
const failed: string[] = [];
try {
  for (const name of chosen) {
    console.log(`\n=== npm run bench:${name} (load average ${loadAverage()})`);
    const started = performance.now();
    const code = await run(name, resultsFile);
    console.log(
      `=== bench:${name} ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    if (code !== 0) failed.push(name);
  }
  const results: BenchResult[] = (await readFile(resultsFile, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchResult);

  const header = ['benchmark', 'measure', 'value', 'in-run baseline', 'ratio', 'goal', 'met'];
  const rows = results.map((result) => [
    result.bench,
    result.measure,
    result.value,
    result.baseline ?? '—',
    result.ratio === undefined ? '—' : `${result.ratio.toFixed(result.ratio < 10 ? 2 : 0)}×`,
    result.goal,
    result.met ? 'yes' : '**no**',
  ]);
  for (const name of failed) rows.push([name, 'the benchmark failed', '—', '—', '—', '—', '**no**']);
  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const text = [
    `Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; load average ${loadBefore} before, ${loadAverage()} after.`,
    '',
    table,
    '',
  ].join('\n');
  console.log(`\n${text}`);
  if (values.write) {
    await writeFile(values.write, `# Benchmarks: the last run of \`npm run bench\`\n\n${text}`);
    console.log(`Written to ${values.write}.`);
  }
  if (failed.length > 0) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
