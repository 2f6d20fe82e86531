// Reclaim as a seller runs it: `bin/reclaim.js` in child processes, on a database of the test's own (a temporary
// data directory, or a schema of TEST_DATABASE_URL) and, with TEST_REDIS_URL, on Redis.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openTestDatabase } from './database.js';
import { TEMPLATE_PATH } from './template.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/reclaim.js');

// PGlite's WebAssembly compiled by Liftoff alone: a process that lives seconds spends half its CPU having TurboFan
// recompile the hot functions of the database's start (account create: 4.5 s of CPU, 2.1 s with this; the demo
// 8.6 s, 4.9 s). Only how V8 generates code differs, not what the command does.
const NODE_FLAGS = ['--liftoff-only'];

export interface ProcessDatabase {
  /** The environment that points a process at this database (and at Redis, in the Redis pass). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The pass's own servers: TEST_DATABASE_URL and TEST_REDIS_URL, else the embedded database. */
export function passServers(): { postgres?: string; redis?: string } {
  return { postgres: process.env.TEST_DATABASE_URL, redis: process.env.TEST_REDIS_URL };
}

/**
 * A database for child processes, by default the pass's own (passServers); a scale-out test names its servers.
 * An embedded data directory starts as a copy of the migrated template (global-setup.ts): creating one takes a child
 * seconds, and a command finds it migrated as it would after its first run. With `{ empty: true }` the directory is
 * empty: the first process creates and migrates the database, as on a seller's first start. On PostgreSQL the
 * schema is migrated, as it is for a second server of an installation.
 */
export async function processDatabase(
  servers: { postgres?: string; redis?: string } = passServers(),
  options: { empty?: boolean } = {},
): Promise<ProcessDatabase> {
  const redis: Record<string, string> = servers.redis
    ? { REDIS_URL: servers.redis, RECLAIM_REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}` }
    : {};
  if (servers.postgres) {
    const database = await openTestDatabase(servers.postgres);
    return {
      env: { DATABASE_URL: database.url as string, ...redis },
      close: () => database.close(),
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-process-'));
  if (!options.empty) {
    // The template is a tarball of a data directory (PGlite's dumpDataDir), unpacked where runtime.ts opens it.
    const pglite = path.join(dir, 'pglite');
    await mkdir(pglite);
    await promisify(execFile)('tar', ['-xzf', TEMPLATE_PATH, '-C', pglite]);
  }
  return {
    env: { RECLAIM_DATA_DIR: dir, ...redis },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  // The child must not inherit the test run's settings by accident: only what the test gives it.
  const {
    DATABASE_URL: _database,
    REDIS_URL: _redis,
    RECLAIM_NOW: _now,
    RECLAIM_DATA_DIR: _dir,
    ...inherited
  } = process.env;
  return { ...inherited, LOG_LEVEL: 'info', ...env };
}

/** Runs a `reclaim` command to its end. */
export function runReclaim(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], {
      env: environment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface LogLine {
  msg?: string;
  level?: number;
  [key: string]: unknown;
}

export interface ReclaimServer {
  url: string;
  child: ChildProcess;
  /** Every JSON log line so far. */
  logs: LogLine[];
  /** What the process printed that is not a log line (for the person who started it). */
  output(): string;
  /** Resolves with the printed text once it matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /**
   * Sends a signal and waits for the process to end; resolves with its exit code, or the name of the signal that
   * ended it (a process that handles SIGTERM exits 0; SIGKILL gives 'SIGKILL').
   */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** What the process wrote to stderr so far. */
  stderr(): string;
}

const READY = (line: LogLine) => line.msg === 'Reclaim is listening' || line.msg === 'Reclaim worker is running';

/**
 * Starts `reclaim serve` (or `reclaim worker`) and waits until it is ready, or until the log line `ready` matches (a
 * server waiting for its database announces its URL before it is ready).
 */
export async function startReclaim(
  args: string[],
  env: Record<string, string>,
  ready: (line: LogLine) => boolean = READY,
): Promise<ReclaimServer> {
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...args], {
    env: environment({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  let stderr = '';
  let buffered = '';
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.startsWith('{')) {
        printed += `${text}\n`;
        continue;
      }
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const waiter of waiters) {
        if (waiter.match(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 120_000) => {
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const waiter = { match, resolve };
      waiters.add(waiter);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `no such log line within ${timeoutMs} ms; stderr:\n${stderr}\nlogs:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`,
          ),
        );
      }, timeoutMs);
      void exited.then((code) => {
        if (!waiters.has(waiter)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        reject(new Error(`reclaim ${args.join(' ')} exited (${code}) first; stderr:\n${stderr}`));
      });
      const settle = waiter.resolve;
      waiter.resolve = (line) => {
        clearTimeout(timer);
        settle(line);
      };
    });
  };

  const readyLine = await waitForLog(ready);
  const url = typeof readyLine.url === 'string' ? readyLine.url.replace(/\/graphql$/, '') : '';
  return {
    url,
    child,
    logs,
    output: () => printed,
    stderr: () => stderr,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(printed)) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`the output never matched ${pattern}:\n${printed}\nstderr:\n${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return printed;
    },
    waitForLog,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
