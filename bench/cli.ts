// npm run bench:cli: how fast `reclaim` answers (docs/api.md, Command line): `reclaim --help`, and `reclaim import` of the
// six sample files through a running embedded server (goals: under 0.5 s and under 3 s). Load is printed beside.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startReclaim } from '../test/support/process.js';
import { SAMPLE_FILES, SAMPLES } from '../test/support/server.js';
import { record } from './common.js';

const BIN = path.resolve(import.meta.dirname, '../bin/reclaim.js');
execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build.mjs')]);

function timed(args: string[], env: Record<string, string>): { seconds: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`reclaim ${args[0]} failed: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-bench-cli-'));
const env = { RECLAIM_DATA_DIR: dir, LOG_LEVEL: 'warn' };
try {
  const help = Array.from({ length: 5 }, () => timed(['--help'], env).seconds);
  // The floor of any command: Node itself starting and exiting.
  const bare = Array.from({ length: 5 }, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    return (performance.now() - start) / 1000;
  });
  const server = await startReclaim(['serve'], { RECLAIM_DATA_DIR: dir });
  try {
    const imports: number[] = [];
    for (let run = 0; run < 3; run++) {
      const created = timed(['account', 'create', '--name', `Bench ${run}`, '--region', 'NA'], env);
      const token = JSON.parse(created.stdout).token as string;
      const files = SAMPLE_FILES.map((file) => path.join(SAMPLES, file));
      imports.push(timed(['import', ...files, '--account', token], env).seconds);
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    console.log(
      `reclaim --help: median ${median(help).toFixed(2)} s of ${help.map((s) => s.toFixed(2)).join(', ')}; node -e '' ${median(bare).toFixed(2)} s`,
    );
    console.log(
      `reclaim import (six samples, through the server): median ${median(imports).toFixed(2)} s of ${imports.map((s) => s.toFixed(2)).join(', ')}`,
    );
    record({
      bench: 'cli',
      measure: '`reclaim --help`, median of 5',
      value: `${median(help).toFixed(2)} s`,
      baseline: `\`node -e ''\` ${median(bare).toFixed(2)} s`,
      ratio: median(help) / median(bare),
      goal: '< 0.5 s',
      met: median(help) < 0.5,
    });
    record({
      bench: 'cli',
      measure: '`reclaim import` of the six samples through a running server, median of 3',
      value: `${median(imports).toFixed(2)} s`,
      goal: '< 3 s',
      met: median(imports) < 3,
    });
  } finally {
    await server.stop();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
