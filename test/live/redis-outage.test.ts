// Redis going away while `reclaim serve` runs on PostgreSQL + Redis: the process stays up, an import sent during
// the outage is queued and runs once Redis is back, and a dashboard's open subscription hears events again without
// reconnecting. Redis is reached through a proxy the test cuts and restores; the real Redis is never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import { MissingChangesDocument } from '../gql/graphql.js';
import { redisListens } from '../support/listening.js';
import {
  type ProcessDatabase,
  processDatabase,
  type ReclaimServer,
  runReclaim,
  startReclaim,
} from '../support/process.js';
import { type CuttableProxy, cuttableProxy } from '../support/proxy.js';
import { SAMPLES_AS_OF, uploadSample } from '../support/server.js';
import { requirePostgres, requireRedis } from '../support/services.js';
import { type Subscriber, subscribeWs } from './subscriber.js';

let database: ProcessDatabase;
let proxy: CuttableProxy;
let server: ReclaimServer | undefined;
let subscriber: Subscriber<{ missingChanged: { skus: string[] } }> | undefined;

beforeAll(async () => {
  const redis = new URL(await requireRedis());
  proxy = await cuttableProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  database = await processDatabase({ postgres: await requirePostgres(), redis: `redis://127.0.0.1:${proxy.port}` });
});
afterAll(async () => {
  await subscriber?.close();
  await server?.stop();
  await proxy?.close();
  await database?.close();
});

describe('Redis unreachable while serving', () => {
  it('queues the import sent meanwhile, runs it when Redis is back, and the open subscription hears it', async () => {
    server = await startReclaim(['serve'], { ...database.env, RECLAIM_NOW: SAMPLES_AS_OF });
    const created = await runReclaim(['account', 'create', '--name', 'Redis Seller', '--region', 'NA'], database.env);
    expect(created.code, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };
    subscriber = await subscribeWs(
      server.url,
      token,
      MissingChangesDocument,
      {},
      redisListens(database.env, 'missing:changed'),
    );

    const before = await uploadSample(server, token, 'ledger.tsv');
    expect(before.data?.importReport).toMatchObject({ import: { status: 'SUCCEEDED' } });
    await subscriber.waitFor(1);

    await proxy.cut();
    // Queries need no Redis.
    const read = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ imports { edges { node { fileName status } } } }' }),
    });
    expect(read.status).toBe(200);
    const during = uploadSample(server, token, 'inbound-shipments.tsv');
    // Redis stays away until the server has stored the file: its import is QUEUED, waiting for the queue.
    const db = await openPostgres(database.env.DATABASE_URL!, { poolSize: 1 });
    try {
      await expect
        .poll(
          async () =>
            (
              await db.sql.query<{ status: string }>('SELECT status::text AS status FROM import WHERE file_name = $1', [
                'inbound-shipments.tsv',
              ])
            ).map((row) => row.status),
          { timeout: 30_000, interval: 100 },
        )
        .toEqual(['QUEUED']);
    } finally {
      await db.close();
    }
    await proxy.restore();

    const after = await during;
    expect(after.status).toBe(200);
    expect(after.data?.importReport).toMatchObject({
      import: { fileName: 'inbound-shipments.tsv', status: 'SUCCEEDED' },
    });
    const events = await subscriber.waitFor(2, 30_000);
    expect(events[1]?.missingChanged.skus.length).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
  });
});
