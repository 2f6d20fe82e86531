// The `reclaim` command (API.md, Command line).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { connectAmazon } from './amazon/connect.js';
import { buildApp } from './app.js';
import { type Config, ConfigError } from './config.js';
import { DataDirectoryInUseError } from './db/lock.js';
import { loadDemo } from './demo/load.js';
import { DomainError } from './domain/errors.js';
import { REGIONS, REPORT_KINDS, type Region, type ReportKind } from './domain/types.js';
import { createImports, type ImportOutcome, processImport } from './ingest/run-import.js';
import { inlineJobs } from './jobs/inline.js';
import { processImportJob } from './jobs/process-import.js';
import { createQueue, scheduleJobs } from './jobs/queue.js';
import { syncToTheEnd } from './jobs/sync-amazon.js';
import { openRuntime, type Runtime } from './runtime.js';
import { accountForToken, createAccount } from './store/accounts.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

async function withRuntime<T>(
  purpose: string,
  work: (runtime: Runtime) => Promise<T>,
  options?: { logLevel?: string },
) {
  const runtime = await openRuntime(purpose, options);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

function urlOf(address: AddressInfo): string {
  return `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
}

/**
 * Answers every request with 503 until the app is ready: /healthz says "starting", GraphQL a retryable error that
 * says what start-up waits for (the database, or the demo account being loaded).
 */
function listenWhileStarting(config: Config, waitingForDatabase: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
    const health = req.url === '/healthz' || req.url?.startsWith('/healthz?');
    const error = waitingForDatabase()
      ? {
          message: 'Reclaim is starting: the database is not reachable yet, try again shortly',
          code: 'DATABASE_UNAVAILABLE',
        }
      : { message: 'Reclaim is starting: the demo account is being loaded, try again shortly', code: 'STARTING' };
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
    res.end(
      JSON.stringify(
        health
          ? { status: 'starting', database: config.databaseUrl ? 'postgres' : 'embedded' }
          : { errors: [{ message: error.message, extensions: { code: error.code } }] },
      ),
    );
    req.resume();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function serve(options: { seedDemoIfEmpty?: boolean; worker: boolean }) {
  // Signals are heard from the first instant: a SIGTERM during start-up stops the server once it is up, cleanly.
  let stopRequested: string | undefined;
  let waitingForDatabase = true;
  let stop = async (signal: string) => {
    stopRequested = signal;
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // The port is taken at once, so that a load balancer sees 503 (not a refused connection) while the database is
  // still unreachable; the app takes the server over once the database is ready.
  let server: Server | undefined;
  const runtime = await openRuntime('reclaim serve', {
    waitForDatabase: true,
    beforeDatabase: async (config, startLog) => {
      server = await listenWhileStarting(config, () => waitingForDatabase);
      const address = server.address() as AddressInfo;
      startLog.info({ url: `${urlOf(address)}/graphql` }, 'Reclaim is starting: waiting for the database');
      stop = async (signal: string) => {
        stopRequested = signal;
        if (waitingForDatabase) {
          startLog.info({ signal }, 'stopped before the database was reached');
          process.exit(0);
        }
      };
    },
  });
  waitingForDatabase = false;
  const { log, db } = runtime;
  const queue = createQueue(runtime);
  let demoToken: string | undefined;
  if (options.seedDemoIfEmpty && (await db.prisma.account.count()) === 0) {
    log.info('the database is empty: loading the demo account');
    const demo = await loadDemo(runtime, {});
    demoToken = demo.token;
  }
  const app = buildApp({ ...runtime, jobs: queue, server });
  const address = await app.start();
  let stopSchedule = () => {};
  if (options.worker) {
    queue.start();
    stopSchedule = await scheduleJobs(queue, runtime);
  }
  let stopping = false;
  stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing running requests and jobs');
    stopSchedule();
    await app.stop();
    await queue.stop();
    await runtime.close();
    log.info('stopped');
    log.flush?.();
    process.exit(0);
  };
  if (stopRequested) return stop(stopRequested);

  const url = urlOf(address);
  log.info({ url: `${url}/graphql`, database: db.kind }, 'Reclaim is listening');
  if (demoToken) {
    // Printed, not logged: the token is a secret and log lines may be shipped elsewhere.
    process.stdout.write(
      `\nDemo account ready. Its token (shown once): ${demoToken}\n` +
        `Open the dashboard, signed in:\n  ${url}/#token=${demoToken}\n` +
        `Open GraphiQL with the Authorization header filled in:\n  ${url}/graphql#token=${demoToken}\n\n`,
    );
  }
}

async function worker() {
  let stopRequested: string | undefined;
  let stop = async (signal: string) => {
    stopRequested = signal;
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  const runtime = await openRuntime('reclaim worker', {
    waitForDatabase: true,
    beforeDatabase: async () => {
      // Until the database answers there is nothing to finish: a stop request ends the process at once.
      stop = async () => process.exit(0);
    },
  });
  stop = async (signal: string) => {
    stopRequested = signal;
  };
  const queue = createQueue(runtime);
  queue.start();
  const stopSchedule = await scheduleJobs(queue, runtime);
  stop = async (signal: string) => {
    runtime.log.info({ signal }, 'stopping: finishing the running job');
    stopSchedule();
    await queue.stop();
    await runtime.close();
    process.exit(0);
  };
  if (stopRequested) return stop(stopRequested);
  runtime.log.info(
    { database: runtime.db.kind, queue: runtime.config.redisUrl ? 'redis' : 'database' },
    'Reclaim worker is running',
  );
}

function tokenOf(options: { account?: string }): string {
  const token = options.account ?? process.env.RECLAIM_TOKEN;
  if (!token) throw new InvalidArgumentError('give the account token with --account TOKEN (or RECLAIM_TOKEN)');
  return token;
}

async function importFiles(files: string[], options: { account?: string; kind?: ReportKind; shipmentId?: string }) {
  const token = tokenOf(options);
  const failed = await withRuntime(
    'reclaim import',
    async (runtime) => {
      const { db, config, clock, log } = runtime;
      const account = await accountForToken(db, token);
      if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
      const bars = process.stderr.isTTY
        ? new cliProgress.MultiBar(
            {
              format: ' {bar} {percentage}% | {file} | {phase} {value}/{total}',
              hideCursor: true,
              clearOnComplete: false,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let failures = 0;
      for (const file of files) {
        const size = (await stat(file)).size;
        const bar = bars?.create(size, 0, { file: path.basename(file), phase: 'bytes' });
        let stored = 0;
        async function* read() {
          for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
            stored += (chunk as Buffer).byteLength;
            bar?.update(stored);
            yield chunk as Buffer;
          }
        }
        const created = await createImports(
          db,
          { accountId: account.id, fileName: path.basename(file), kind: options.kind, shipmentId: options.shipmentId },
          read(),
          {
            maxBytes: config.maxUploadBytes,
            now: () => clock.now(),
          },
        );
        const outcomes: Array<{ entry?: string; result: ImportOutcome }> = [];
        if (!created.ok) outcomes.push({ result: created });
        for (const { importId, fileName } of created.ok ? created.imports : []) {
          // Rows are counted as they are read; the total is the file's size over the size of its first rows.
          bar?.setTotal(1);
          bar?.update(0, { phase: 'rows' });
          const outcome = await processImport(db, importId, {
            now: () => clock.now(),
            log,
            onProgress: (rows) => {
              bar?.setTotal(Math.max(rows, bar.getTotal()));
              bar?.update(rows);
            },
          });
          // What a queued import does next: attribution of reimbursements, the products' numbers, and the events
          // that tell dashboards (through Redis, with REDIS_URL) what changed.
          if (outcome.ok) {
            bar?.update(outcome.rows, { phase: 'updating the numbers' });
            await inlineJobs(runtime).enqueue(processImportJob, { importId });
          }
          // A file of a ZIP archive is named by its path inside.
          const entry = fileName === path.basename(file) ? undefined : fileName.slice(path.basename(file).length + 1);
          outcomes.push({ entry, result: outcome });
        }
        bar?.stop();
        for (const { entry, result } of outcomes) {
          if (!result.ok) failures++;
          process.stdout.write(
            `${JSON.stringify(
              result.ok
                ? {
                    file,
                    ...(entry ? { entry } : {}),
                    importId: String(result.importId),
                    status: 'SUCCEEDED',
                    kind: result.kind,
                    rows: result.rows,
                    inserted: result.counts.inserted,
                    updated: result.counts.updated,
                    duplicates: result.counts.duplicates,
                  }
                : {
                    file,
                    ...(entry ? { entry } : {}),
                    importId: result.importId === undefined ? null : String(result.importId),
                    status: 'FAILED',
                    code: result.code,
                    message: result.message,
                    errors: result.problems,
                  },
            )}\n`,
          );
        }
      }
      bars?.stop();
      return failures;
    },
    { logLevel: 'warn' },
  );
  if (failed > 0) process.exitCode = 1;
}

/** A secret from the environment, else one line of standard input: never from an argument (ps, shell history). */
async function secretFrom(variable: string, what: string): Promise<string> {
  const value = process.env[variable];
  if (value) return value;
  if (process.stdin.isTTY) process.stderr.write(`${what} (or set ${variable}): `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    if (line.trim()) return line.trim();
  }
  throw new InvalidArgumentError(`${what} is missing: set ${variable}, or give it on standard input`);
}

async function connectCommand(options: {
  account?: string;
  clientId: string;
  marketplace: string[];
  everyHours?: number;
}) {
  const token = tokenOf(options);
  const clientSecret = await secretFrom('RECLAIM_LWA_CLIENT_SECRET', 'LWA client secret');
  const refreshToken = await secretFrom('RECLAIM_LWA_REFRESH_TOKEN', 'refresh token');
  const failed = await withRuntime(
    'reclaim connect',
    async (runtime) => {
      const account = await accountForToken(runtime.db, token);
      if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
      // The first sync is queued for the server's workers (or `reclaim sync`), not run here.
      const queue = createQueue(runtime);
      try {
        const connection = await connectAmazon({ ...runtime, jobs: queue }, account.id, {
          clientId: options.clientId,
          clientSecret,
          refreshToken,
          marketplaceIds: options.marketplace,
          syncEveryHours: options.everyHours,
        });
        process.stdout.write(
          `${JSON.stringify({ connected: true, accountId: String(account.id), marketplaceIds: connection.marketplaceIds, syncEveryHours: connection.syncEveryHours })}\n`,
        );
        return false;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        process.stdout.write(`${JSON.stringify({ connected: false, code: error.code, message: error.message })}\n`);
        return true;
      } finally {
        await queue.stop();
      }
    },
    { logLevel: 'warn' },
  );
  if (failed) process.exitCode = 1;
}

async function syncCommand(options: { account?: string }) {
  const token = tokenOf(options);
  const failed = await withRuntime(
    'reclaim sync',
    async (runtime) => {
      const account = await accountForToken(runtime.db, token);
      if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
      const run = await syncToTheEnd(runtime, account.id, (feed) => process.stdout.write(`${JSON.stringify(feed)}\n`));
      process.stdout.write(`${JSON.stringify(run)}\n`);
      return run.status !== 'SUCCEEDED';
    },
    { logLevel: 'warn' },
  );
  if (failed) process.exitCode = 1;
}

async function createAccountCommand(options: { name: string; region: Region }) {
  await withRuntime(
    'reclaim account create',
    async ({ db }) => {
      const { account, token } = await createAccount(db, { name: options.name, region: options.region });
      process.stdout.write(`${JSON.stringify({ accountId: String(account.id), token })}\n`);
    },
    { logLevel: 'warn' },
  );
}

async function demoCommand(options: { products?: number; ledgerRows?: number; seed?: number }) {
  await withRuntime(
    'reclaim demo',
    async (runtime) => {
      const demo = await loadDemo(runtime, options);
      process.stdout.write(`${JSON.stringify({ accountId: String(demo.accountId), token: demo.token })}\n`);
    },
    { logLevel: 'warn' },
  );
}

const program = new Command()
  .name('reclaim')
  .description('Reclaim: finds what Amazon owes a seller and follows each claim until it is paid.')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the GraphQL server (configuration: see README, Configuration)')
  .option('--seed-demo-if-empty', 'load the demo account first when the database holds no account (npm start)')
  .option('--no-worker', 'serve requests only: queued work (imports…) is left to `reclaim worker` processes')
  .action(serve);

program
  .command('worker')
  .description('run background jobs only, no HTTP (several servers and workers share PostgreSQL and Redis)')
  .action(worker);

program
  .command('import')
  .description('import Amazon report files into an account (the kind is recognised from each header)')
  .argument(
    '<files...>',
    'report files (ledger, reimbursements, customer returns, settlement, inbound shipments, costs) as .txt/.tsv, .csv, .xlsx, .gz or .zip',
  )
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .addOption(new Option('--kind <kind>', 'read every file as this kind').choices(REPORT_KINDS))
  .option('--shipment-id <id>', 'the inbound shipment of SP-API items that do not name their ShipmentId')
  .action(importFiles);

program
  .command('account')
  .description('manage accounts')
  .command('create')
  .description('create an account and print {"accountId":…,"token":…} (the token is shown once)')
  .requiredOption('--name <name>', "the seller's name")
  .addOption(new Option('--region <region>', "the seller's marketplace region").choices(REGIONS).makeOptionMandatory())
  .action(createAccountCommand);

program
  .command('connect')
  .description(
    'connect an account to the Selling Partner API: the client secret and refresh token come from RECLAIM_LWA_CLIENT_SECRET and RECLAIM_LWA_REFRESH_TOKEN, or standard input',
  )
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .requiredOption('--client-id <id>', "the LWA client id of the seller's application (amzn1.application-oa2-client.…)")
  .requiredOption('--marketplace <ids...>', 'the marketplace ids to fetch, such as ATVPDKIKX0DER')
  .option('--every-hours <hours>', 'how often to sync (default RECLAIM_SYNC_HOURS, 24)', positiveInteger)
  .action(connectCommand);

program
  .command('sync')
  .description("fetch the account's data from the Selling Partner API now, in this process, to the end")
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .action(syncCommand);

program
  .command('demo')
  .description('create a demo account filled with generated, realistic data and print its token')
  .option('--products <count>', 'how many products (default 300)', positiveInteger)
  .option(
    '--ledger-rows <count>',
    'how many inventory ledger rows (default about 20 per product and month)',
    positiveInteger,
  )
  .option('--seed <number>', 'the random seed: the same seed gives the same data', positiveInteger)
  .action(demoCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof InvalidArgumentError
  ) {
    process.stderr.write(`reclaim: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
