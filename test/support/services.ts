// PostgreSQL and Redis for the tests that need them whatever the pass (the scale-out tests): reached on 127.0.0.1,
// started with the machine's commands when they are down, and a loud failure, never a skip, when they cannot be had.
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

const run = promisify(exec);

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main start';
const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function ensure(name: string, answers: () => Promise<boolean>, start: string): Promise<void> {
  if (await answers()) return;
  let output = '';
  try {
    const result = await run(start, { timeout: 60_000 });
    output = `${result.stdout}${result.stderr}`;
  } catch (error) {
    output = String((error as Error).message);
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    if (await answers()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `${name} is needed by this test and is not reachable; starting it with \`${start}\` failed:\n${output}`,
  );
}

/** The PostgreSQL server URL (TEST_DATABASE_URL, or the machine's own), running. */
export async function requirePostgres(): Promise<string> {
  await ensure(`PostgreSQL (${new URL(POSTGRES_URL).host})`, postgresAnswers, START_POSTGRES);
  return POSTGRES_URL;
}

/** The Redis URL (TEST_REDIS_URL, or the machine's own), running. */
export async function requireRedis(): Promise<string> {
  await ensure(`Redis (${new URL(REDIS_URL).host})`, redisAnswers, START_REDIS);
  return REDIS_URL;
}
