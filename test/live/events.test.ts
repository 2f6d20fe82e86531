// The subscribers of one topic share one listener of the events' target (src/events.ts): each still gets every
// message from its first next() until its return(), a subscriber leaving takes nothing from the others, and on Redis
// the topic's channel is subscribed while, and only while, the topic has a subscriber.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvents, type Events, type ImportProgressMessage } from '../../src/events.js';
import { requireRedis } from '../support/services.js';

const opened: Events[] = [];
afterAll(() => Promise.all(opened.map((events) => events.close())));

const progress = (rowsRead: number): ImportProgressMessage => ({ id: 7, status: 'RUNNING', rowsRead });

/** The next message of each subscription, or 'none' when nothing comes within `ms`. */
function nextOf(subscriptions: Array<ReturnType<Events['subscribe']>>, ms = 200) {
  return Promise.all(
    subscriptions.map((subscription) =>
      Promise.race([
        subscription.next().then((next) => (next.done ? 'done' : (next.value as ImportProgressMessage).rowsRead)),
        new Promise((resolve) => setTimeout(() => resolve('none'), ms)),
      ]),
    ),
  );
}

async function channelSubscribers(url: string, channel: string): Promise<number> {
  const client = new Redis(url);
  try {
    const [, count] = (await client.pubsub('NUMSUB', channel)) as [string, number];
    return Number(count);
  } finally {
    client.disconnect();
  }
}

async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the subscribers of one topic', () => {
  it('each get every message, and one leaving takes nothing from the others', async () => {
    const events = createEvents();
    opened.push(events);
    const [first, second, third] = [1, 2, 3].map(() => events.subscribe('import:progress', 7));
    // Listening from the first next(): the pending next() of each is the one the message resolves.
    const pending = nextOf([first!, second!, third!]);
    events.publish('import:progress', 7, progress(1));
    expect(await pending).toEqual([1, 1, 1]);
    await second!.return();
    const after = nextOf([first!, second!, third!]);
    events.publish('import:progress', 7, progress(2));
    expect(await after).toEqual([2, 'done', 2]);
    await first!.return();
    await third!.return();
    // All gone, then a newcomer: the topic is listened to again.
    const again = events.subscribe('import:progress', 7);
    const fresh = nextOf([again]);
    events.publish('import:progress', 7, progress(3));
    expect(await fresh).toEqual([3]);
    // Another key of the topic is another topic.
    const elsewhere = nextOf([again]);
    events.publish('import:progress', 8, progress(4));
    expect(await elsewhere).toEqual(['none']);
    await again.return();
  });

  it('on Redis, keep the channel subscribed while one of them remains, and no longer', async () => {
    const url = await requireRedis();
    const prefix = `test-events-${process.pid}-${Date.now()}`;
    const channel = `${prefix}:import:progress:7`;
    const events = createEvents(url, prefix);
    opened.push(events);
    const [first, second] = [1, 2].map(() => events.subscribe('import:progress', 7));
    const pending = nextOf([first!, second!], 10_000);
    await eventually(async () => (await channelSubscribers(url, channel)) === 1, `${channel} subscribed`);
    events.publish('import:progress', 7, progress(1));
    expect(await pending).toEqual([1, 1]);
    await first!.return();
    const after = nextOf([second!], 10_000);
    events.publish('import:progress', 7, progress(2));
    expect(await after).toEqual([2]);
    expect(await channelSubscribers(url, channel)).toBe(1);
    await second!.return();
    await eventually(async () => (await channelSubscribers(url, channel)) === 0, `${channel} unsubscribed`);
  });
});
