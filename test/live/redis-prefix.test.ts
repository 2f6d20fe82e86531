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

/** Reads the messages of import 1's progress as they arrive; `waitFor` resolves once `count` have (or fails). */
function reader(events: Events) {
  const received: unknown[] = [];
  const iterator = events.subscribe('import:progress', 1)[Symbol.asyncIterator]();
  const reading = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(next.value);
  })();
  return {
    received,
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${JSON.stringify(received)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    async close() {
      await iterator.return?.();
      await reading;
    },
  };
}

describe('Redis channel prefix', () => {
  it('delivers across processes of one installation, not to another installation', async () => {
    const prefix = `test-prefix-${process.pid}-${Date.now()}`;
    const [publisher, sameInstallation, otherInstallation, otherPublisher] = await Promise.all([
      events(prefix),
      events(prefix),
      events(`${prefix}-other`),
      events(`${prefix}-other`),
    ]);
    const same = reader(sameInstallation);
    const other = reader(otherInstallation);
    // Redis confirms a SUBSCRIBE asynchronously (late on a busy machine): publish once it counts both subscribers.
    await subscribed(`${prefix}:import:progress:1`);
    await subscribed(`${prefix}-other:import:progress:1`);
    const message = { id: 1, status: 'SUCCEEDED', rowsRead: 12 };
    publisher.publish('import:progress', 1, message);
    expect(await same.waitFor(1)).toEqual([message]);
    // Redis delivers to a subscriber in the order it ran the PUBLISHes: the other installation's own message,
    // published after the first one was delivered, is the first it hears unless it heard the first one too.
    const marker = { id: 1, status: 'RUNNING', rowsRead: 0 };
    otherPublisher.publish('import:progress', 1, marker);
    expect(await other.waitFor(1)).toEqual([marker]);
    await Promise.all([same.close(), other.close()]);
    expect(same.received).toEqual([message]);
  });
});
