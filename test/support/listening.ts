// When a subscription is really listening: the signal a test waits for before it causes the event, instead of a
// pause. A subscription listens from its first `next()` (src/events.ts); with Redis, only once Redis has the channel's
// SUBSCRIBE too, which the server asks for without waiting: that part is polled (PUBSUB NUMSUB), with a deadline.
import { Redis } from 'ioredis';
import type { Events, Subscription, Topics } from '../../src/events.js';

export interface ListeningEvents {
  /** The server's events, passed through, noting when each subscription starts listening. */
  events: Events;
  /**
   * Resolves once the next subscription to `topic` made after this call listens. Take it before sending the
   * subscribe message: `subscribeWs(url, token, document, {}, server.nextSubscription('case:updated'))`.
   */
  nextSubscription(topic: keyof Topics): Promise<void>;
  close(): Promise<void>;
}

const DEADLINE_MS = 15_000;

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function redisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  return client;
}

export function listeningEvents(events: Events, redis?: { url: string; prefix: string }): ListeningEvents {
  const waiting: Array<{ topic: string; resolve(channel: string): void }> = [];
  let client: Redis | undefined;
  const heardByRedis = async (channel: string) => {
    if (!redis) return;
    client ??= redisClient(redis.url);
    const redisClientNow = client;
    await until(`Redis subscribed to ${channel}`, async () => {
      const [, count] = (await redisClientNow.pubsub('NUMSUB', `${redis.prefix}:${channel}`)) as [string, number];
      return Number(count) > 0;
    });
  };
  return {
    events: {
      ...events,
      subscribe(topic, key) {
        const inner = events.subscribe(topic, key);
        let started = false;
        const iterator: Subscription<never> = {
          next() {
            const next = inner.next();
            if (!started) {
              started = true;
              // The inner `next()` has added the listener by now (synchronously).
              const index = waiting.findIndex((waiter) => waiter.topic === topic);
              if (index !== -1) waiting.splice(index, 1)[0]?.resolve(`${topic}:${key}`);
            }
            return next as Promise<IteratorResult<never, undefined>>;
          },
          return: () => inner.return() as Promise<IteratorResult<never, undefined>>,
          throw: (error) => inner.throw(error) as Promise<IteratorResult<never, undefined>>,
          [Symbol.asyncIterator]: () => iterator,
        };
        return iterator;
      },
    },
    nextSubscription(topic) {
      return new Promise<string>((resolve) => waiting.push({ topic, resolve })).then(heardByRedis);
    },
    async close() {
      client?.disconnect();
    },
  };
}

/**
 * For a server in another process on Redis: resolves once Redis has a subscriber of `topic` in this key space (the
 * process's RECLAIM_REDIS_PREFIX), which a test whose process has no other subscriber of that topic can wait for.
 */
export async function redisListens(env: Record<string, string>, topic: string): Promise<void> {
  const url = env.REDIS_URL;
  const prefix = env.RECLAIM_REDIS_PREFIX;
  if (!url || !prefix) throw new Error('redisListens needs REDIS_URL and RECLAIM_REDIS_PREFIX in the environment');
  const client = redisClient(url);
  try {
    await until(`a Redis subscriber of ${prefix}:${topic}`, async () => {
      const channels = (await client.pubsub('CHANNELS', `${prefix}:${topic}:*`)) as string[];
      return channels.length > 0;
    });
  } finally {
    client.disconnect();
  }
}
