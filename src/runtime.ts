// Opens what a Reclaim process runs on: configuration, logger, clock, and the database (migrated).
import path from 'node:path';
import { type Clock, systemClock } from './clock.js';
import { type Config, readConfig } from './config.js';
import { type Database, openEmbedded, openPostgres, postgresSchemaOf } from './db/database.js';
import { lockDataDirectory } from './db/lock.js';
import { migrate } from './db/migrate.js';
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

export async function openDatabase(
  config: Config,
  log: Logger,
  purpose: string,
): Promise<{ db: Database; release: () => void }> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl);
    const applied = await migrate(db, postgresSchemaOf(config.databaseUrl));
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
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

export async function openRuntime(
  purpose: string,
  options: { logLevel?: string; pretty?: boolean } = {},
): Promise<Runtime> {
  const config = readConfig();
  const log = createLogger(options.logLevel ?? config.logLevel, { pretty: options.pretty });
  const clock = systemClock(config.now);
  const { db, release } = await openDatabase(config, log, purpose);
  const events = createEvents(config.redisUrl);
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
