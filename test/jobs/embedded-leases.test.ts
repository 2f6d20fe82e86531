// Issue 14, L1: on the embedded database no other process can hold a job's lease, so a job a killed process was
// running is taken again as soon as the queue starts, not when its five-minute lease lapses.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_JOBS } from '../../src/jobs/all-jobs.js';
import { DatabaseQueue } from '../../src/jobs/database-queue.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

it.skipIf(process.env.TEST_DATABASE_URL)('takes over at start-up a job left RUNNING by a dead process', async () => {
  const { db } = server.database;
  expect(db.kind).toBe('embedded');
  // The job a process was running when it was killed: its lease runs for minutes more.
  const [left] = await db.sql.query<{ id: number }>(
    `INSERT INTO job (name, payload, max_attempts, status, attempts, locked_by, locked_until)
     VALUES ('refresh-windows', '{}'::jsonb, 3, 'RUNNING', 1, 'dead-host:4242:abc', now() + interval '5 minutes')
     RETURNING id`,
  );
  const queue = new DatabaseQueue({
    db,
    clock: server.clock,
    events: server.events,
    log: createLogger('silent', { pretty: false }),
    jobs: ALL_JOBS,
  });
  queue.start();
  try {
    let status = 'RUNNING';
    for (let wait = 0; wait < 150 && status === 'RUNNING'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] = await db.sql.query<{ status: string }>('SELECT status FROM job WHERE id = $1', [left!.id]);
      status = row!.status;
    }
    expect(status).toBe('DONE');
  } finally {
    await queue.stop();
  }
});
