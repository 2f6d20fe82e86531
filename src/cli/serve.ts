// `reclaim serve`: the GraphQL server and, unless --no-worker, the background jobs (docs/api.md, Command line).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { removeServerAddress, writeServerAddress } from '../db/server-address.js';
import { createQueue, scheduleJobs } from '../jobs/queue.js';
import { openRuntime } from '../runtime.js';
import { buildApp } from '../server/app.js';
import { newToken } from '../store/accounts.js';
import { processLifecycle } from './lifecycle.js';

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

/** What `npm start` prints on a database that already holds accounts: the demo's token was shown once, long ago. */
function newTokenHint(accounts: Array<{ id: number; name: string }>, more: number): string {
  const named = accounts.map((account) => `  ${account.id}  ${account.name}`).join('\n');
  return (
    `\nThe database already holds ${accounts.length + more} account${accounts.length + more > 1 ? 's' : ''}:\n${named}${more ? `\n  … and ${more} more` : ''}\n` +
    'Their tokens were shown once, when made. For a new token (the commands go through this server while it runs):\n' +
    '  npx reclaim token create --account <name or id> [--label L]\n' +
    'or, with a token of the account: npx reclaim token create --account rcl_…\n\n'
  );
}

export async function serve(options: { seedDemoIfEmpty?: boolean; worker: boolean }) {
  // Signals are heard from the first instant: a SIGTERM during start-up stops the server once it is up, cleanly.
  const lifecycle = processLifecycle('every');
  // The port is taken at once, so that a load balancer sees 503 (not a refused connection) while the database is
  // still unreachable; the app takes the server over once the database is ready.
  let server: Server | undefined;
  const runtime = await openRuntime('reclaim serve', {
    waitForDatabase: true,
    beforeDatabase: async (config, startLog) => {
      lifecycle.waitForDatabase((signal) => startLog.info({ signal }, 'stopped before the database was reached'));
      server = await listenWhileStarting(config, () => lifecycle.phase === 'waiting-for-database');
      const address = server.address() as AddressInfo;
      startLog.info({ url: `${urlOf(address)}/graphql` }, 'Reclaim is starting: waiting for the database');
    },
  });
  lifecycle.databaseReached();
  const { log, db } = runtime;
  const embedded = !runtime.config.databaseUrl;
  // On the embedded database the other `reclaim` commands come through this server: without RECLAIM_ADMIN_TOKEN it
  // makes one for this run, kept beside the lock for the user alone (`account create`, `token create`).
  const madeAdminToken = embedded && !runtime.config.adminToken ? newToken() : undefined;
  const config = madeAdminToken ? { ...runtime.config, adminToken: madeAdminToken } : runtime.config;
  const queue = await createQueue(runtime);
  let demoToken: string | undefined;
  const accounts = await db.prisma.account.count();
  if (options.seedDemoIfEmpty && accounts === 0) {
    log.info('the database is empty: loading the demo account');
    // The generator is loaded only for an empty database, not by every start.
    const { loadDemo } = await import('../demo/load.js');
    const demo = await loadDemo(runtime, {});
    demoToken = demo.token;
  }
  const app = buildApp({ ...runtime, config, jobs: queue, server });
  const address = await app.start();
  const url = urlOf(address);
  if (embedded) writeServerAddress(config.dataDir, { pid: process.pid, url, adminToken: madeAdminToken });
  let stopSchedule = () => {};
  if (options.worker) {
    queue.start();
    stopSchedule = await scheduleJobs(queue, runtime);
  }
  await lifecycle.running(async (signal) => {
    log.info({ signal }, 'stopping: finishing running requests and jobs');
    if (embedded) removeServerAddress(config.dataDir);
    stopSchedule();
    await app.stop();
    await queue.stop();
    await runtime.close();
    log.info('stopped');
    log.flush?.();
    process.exit(0);
  });
  if (lifecycle.phase === 'stopping') return;

  log.info({ url: `${url}/graphql`, database: db.kind }, 'Reclaim is listening');
  if (demoToken) {
    // Printed, not logged: the token is a secret and log lines may be shipped elsewhere.
    process.stdout.write(
      `\nDemo account ready. Its token (shown once): ${demoToken}\n` +
        `Open the dashboard, signed in:\n  ${url}/#token=${demoToken}\n` +
        `Open GraphiQL with the Authorization header filled in:\n  ${url}/graphql#token=${demoToken}\n\n`,
    );
  } else if (options.seedDemoIfEmpty && accounts > 0) {
    const shown = await db.prisma.account.findMany({
      select: { id: true, name: true },
      orderBy: { id: 'asc' },
      take: 5,
    });
    process.stdout.write(newTokenHint(shown, accounts - shown.length));
  }
}
