// Several installations (and the test files of the Redis pass) share one Redis: each hears only the events of its
// own RECLAIM_REDIS_PREFIX, although their account and import ids are the same small numbers.
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

/** The messages of one topic that arrive within `ms`. */
async function heard(events: Events, ms: number, publish: () => Promise<void>) {
  const received: unknown[] = [];
  const iterator = events.subscribe('import:progress', 1)[Symbol.asyncIterator]();
  const reading = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(next.value);
  })();
  // Redis confirms a SUBSCRIBE asynchronously: give it a moment before publishing.
  await new Promise((resolve) => setTimeout(resolve, 200));
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
      heard(sameInstallation, 500, async () => publisher.publish('import:progress', 1, message)),
      heard(otherInstallation, 500, async () => {}),
    ]);
    expect(same).toEqual([message]);
    expect(other).toEqual([]);
  });
});
