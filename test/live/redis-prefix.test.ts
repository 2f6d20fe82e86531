// Several installations (and the test files of the Redis pass) share one Redis: each hears only the events of its
// own RECLAIM_REDIS_PREFIX, although their account and import ids are the same small numbers.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvents, type Events } from '../../src/events.js';
import { requireRedis } from '../support/services.js';

const opened: Events[] = [];
afterAll(() => Promise.all(opened.map((events) => events.close())));

async function events(prefix: string): Promise<Events> {
  const created = createEvents(await requireRedis(), prefix);
  opened.push(created);
  return created;
}

/** Waits until Redis counts a subscriber of the channel. */
async function subscribed(channel: string, timeoutMs = 10_000) {
  const client = new Redis(await requireRedis());
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [, count] = (await client.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) > 0) return;
      if (Date.now() > deadline) throw new Error(`nobody subscribed to ${channel} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    client.disconnect();
  }
}

/** The messages of one topic that arrive within `ms`. */
async function heard(events: Events, ms: number, publish: () => Promise<void>) {
  const received: unknown[] = [];
  const iterator = events.subscribe('import:progress', 1)[Symbol.asyncIterator]();
  const reading = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(next.value);
  })();
  await publish();
  await new Promise((resolve) => setTimeout(resolve, ms));
  await iterator.return?.();
  await reading;
  return received;
}

describe('Redis channel prefix', () => {
  it('delivers across processes of one installation, not to another installation', async () => {
    const prefix = `test-prefix-${process.pid}-${Date.now()}`;
    const [publisher, sameInstallation, otherInstallation] = await Promise.all([
      events(prefix),
      events(prefix),
      events(`${prefix}-other`),
    ]);
    const message = { id: 1, status: 'SUCCEEDED', rowsRead: 12 };
    const [same, other] = await Promise.all([
      heard(sameInstallation, 500, async () => {
        // Redis confirms a SUBSCRIBE asynchronously (late on a busy machine): publish once it counts the subscriber.
        await subscribed(`${prefix}:import:progress:1`);
        publisher.publish('import:progress', 1, message);
      }),
      heard(otherInstallation, 500, async () => {}),
    ]);
    expect(same).toEqual([message]);
    expect(other).toEqual([]);
  });
});
