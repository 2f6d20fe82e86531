// Opens what a Reclaim process runs on: configuration, logger, clock, and the database (migrated).
import path from 'node:path';
import { type Clock, systemClock } from './clock.js';
import { type Config, readConfig } from './config.js';
import { type Database, openEmbedded, openPostgres, postgresSchemaOf } from './db/database.js';
import { lockDataDirectory } from './db/lock.js';
import { migrate } from './db/migrate.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import { createEvents, type Events } from './events.js';
import { createLogger, type Logger } from './logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  /** Subscriptions' events: in process, or through Redis with REDIS_URL. */
  events: Events;
  close(): Promise<void>;
}

/** The waits between attempts to reach PostgreSQL at start-up: doubling from half a second up to 15 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** (attempt - 1));
}

async function openMigratedPostgres(url: string, log: Logger, waitForDatabase: boolean): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    const db = await openPostgres(url);
    try {
      const applied = await migrate(db, postgresSchemaOf(url));
      if (applied.length) log.info({ migrations: applied }, 'migrations applied');
      return db;
    } catch (error) {
      await db.close().catch(() => {});
      if (!waitForDatabase || !isDatabaseUnavailable(error)) throw error;
      const retryInMs = reconnectDelayMs(attempt);
      // The URL may hold a password: only the host and port are logged.
      const { host } = new URL(url);
      log.warn({ attempt, retryInMs, host, reason: (error as Error).message }, 'the database is unreachable: retrying');
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

export async function openDatabase(
  config: Config,
  log: Logger,
  purpose: string,
  options: { waitForDatabase?: boolean } = {},
): Promise<{ db: Database; release: () => void }> {
  if (config.databaseUrl) {
    const db = await openMigratedPostgres(config.databaseUrl, log, options.waitForDatabase ?? false);
    return { db, release: () => {} };
  }
  const release = lockDataDirectory(config.dataDir, purpose);
  try {
    const db = await openEmbedded(path.join(config.dataDir, 'pglite'));
    const applied = await migrate(db);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    return { db, release };
  } catch (error) {
    release();
    throw error;
  }
}

export interface RuntimeOptions {
  logLevel?: string;
  pretty?: boolean;
  /**
   * Services (serve, worker) wait for an unreachable PostgreSQL, retrying with backoff, as they would after a
   * database restart; one-off commands fail at once instead.
   */
  waitForDatabase?: boolean;
  /** Runs once configuration and logger exist, before the database is opened (serve starts answering /healthz). */
  beforeDatabase?: (config: Config, log: Logger) => Promise<void>;
}

export async function openRuntime(purpose: string, options: RuntimeOptions = {}): Promise<Runtime> {
  const config = readConfig();
  const log = createLogger(options.logLevel ?? config.logLevel, { pretty: options.pretty });
  const clock = systemClock(config.now);
  await options.beforeDatabase?.(config, log);
  const { db, release } = await openDatabase(config, log, purpose, { waitForDatabase: options.waitForDatabase });
  const events = createEvents(config.redisUrl, config.redisPrefix);
  return {
    config,
    log,
    clock,
    db,
    events,
    async close() {
      await events.close();
      await db.close();
      release();
    },
  };
}
