// What changes, told to subscribers: typed topics keyed by account (or import), in process by default, through Redis
// with REDIS_URL so that every server process hears every other's events. Messages are plain JSON and carry ids
// (subscription resolvers read the rows again), and what a later read could no longer tell: a case's payments at
// the step of an import that the event is about.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { CaseUpdatedMessage } from './domain/case-events.js';

export type { CaseStateMessage, CaseUpdatedMessage } from './domain/case-events.js';

export interface MissingChangedMessage {
  skus: string[];
  at: string;
}

export interface ImportProgressMessage {
  id: number;
  status: string;
  rowsRead: number;
}

export interface DeadlineApproachingMessage {
  sku: string;
  type: string;
  units: number;
  deadline: string;
}

export interface SyncStatusMessage {
  /** The run that changed, when one did (a connection's change has none). */
  runId?: number;
  at: string;
}

export type Topics = {
  'case:updated': [accountId: number, message: CaseUpdatedMessage];
  'missing:changed': [accountId: number, message: MissingChangedMessage];
  'import:progress': [importId: number, message: ImportProgressMessage];
  'deadline:approaching': [accountId: number, message: DeadlineApproachingMessage];
  'sync:status': [accountId: number, message: SyncStatusMessage];
};

type TopicKey = keyof Topics;

export interface Subscription<T> extends AsyncIterableIterator<T, undefined> {
  return(): Promise<IteratorResult<T, undefined>>;
  throw(error: unknown): Promise<IteratorResult<T, undefined>>;
}

export interface Events {
  publish<T extends TopicKey>(topic: T, key: Topics[T][0], message: Topics[T][1]): void;
  /** The messages of one topic and key, from the first `next()` on (as a pubsub's repeater would), until `return()`. */
  subscribe<T extends TopicKey>(topic: T, key: Topics[T][0]): Subscription<Topics[T][1]>;
  close(): Promise<void>;
}

/** How far a subscriber may fall behind before it is dropped: a socket that no longer reads must not grow the heap. */
const MAX_QUEUED = 1024;

/**
 * One subscriber's queue, fed by the target's listener. A pubsub's repeater costs several promises per message and
 * subscriber; a thousand dashboards of one seller make that the bulk of an event's fan-out, so the queue is plain.
 * Every listener is handed the same message object (what live-events.ts shares one resolution on).
 */
function listen<T>(target: Listeners, topic: string): Subscription<T> {
  const queued: T[] = [];
  let waiting: { resolve(result: IteratorResult<T, undefined>): void; reject(error: Error): void } | undefined;
  let state: 'idle' | 'listening' | 'done' = 'idle';
  let failure: Error | undefined;
  const listener = (value: T) => {
    if (waiting) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve({ value, done: false });
    } else if (queued.length < MAX_QUEUED) {
      queued.push(value);
    } else {
      failure = new Error(`This subscription fell ${MAX_QUEUED} messages behind and was ended`);
      stop();
    }
  };
  const stop = () => {
    if (state === 'listening') target.remove(topic, listener as (message: unknown) => void);
    state = 'done';
    if (!failure) queued.length = 0;
    waiting?.resolve({ value: undefined, done: true });
    waiting = undefined;
  };
  const iterator: Subscription<T> = {
    next() {
      if (state === 'idle') {
        state = 'listening';
        target.add(topic, listener as (message: unknown) => void);
      }
      if (queued.length > 0) return Promise.resolve({ value: queued.shift() as T, done: false });
      if (failure) {
        const error = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (state === 'done') return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    async return() {
      failure = undefined;
      stop();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      failure = undefined;
      stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * The subscribers of each topic, behind one listener of the target per topic: the target (Node's EventTarget, or the
 * Redis one) then calls one function per event, not one per subscriber (EventTarget's dispatch costs about a
 * microsecond per listener, which a thousand dashboards of one seller pay on every event). Redis subscribes to a
 * topic's channel while the topic has a subscriber, as it did with one listener each.
 */
interface Listeners {
  add(topic: string, listener: (message: unknown) => void): void;
  remove(topic: string, listener: (message: unknown) => void): void;
}

function listenersOn(target: EventTarget): Listeners {
  const topics = new Map<string, { listeners: Set<(message: unknown) => void>; dispatch: (event: Event) => void }>();
  return {
    add(topic, listener) {
      let entry = topics.get(topic);
      if (!entry) {
        const listeners = new Set<(message: unknown) => void>();
        const dispatch = (event: Event) => {
          const message = (event as CustomEvent).detail;
          for (const each of listeners) each(message);
        };
        entry = { listeners, dispatch };
        topics.set(topic, entry);
        target.addEventListener(topic, dispatch);
      }
      entry.listeners.add(listener);
    },
    remove(topic, listener) {
      const entry = topics.get(topic);
      if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
      topics.delete(topic);
      target.removeEventListener(topic, entry.dispatch);
    },
  };
}

function eventsOn(target: EventTarget, close: () => Promise<void>): Events {
  const listeners = listenersOn(target);
  return {
    publish(topic, key, message) {
      target.dispatchEvent(new CustomEvent(`${topic}:${key}`, { detail: message }));
    },
    subscribe: (topic, key) => listen(listeners, `${topic}:${key}`),
    close,
  };
}

/**
 * Channels on a shared Redis are named `<prefix>:<topic>:<key>`: several installations (or test runs) on one Redis
 * hear only their own events, though their account and import ids are the same numbers.
 */
function prefixedTarget(target: EventTarget, prefix: string): EventTarget {
  return {
    addEventListener: (type, listener, options) => target.addEventListener(`${prefix}:${type}`, listener, options),
    removeEventListener: (type, listener, options) =>
      target.removeEventListener(`${prefix}:${type}`, listener, options),
    dispatchEvent: (event) =>
      target.dispatchEvent(new CustomEvent(`${prefix}:${event.type}`, { detail: (event as CustomEvent).detail })),
  };
}

export function createEvents(redisUrl?: string, prefix = 'reclaim'): Events {
  if (!redisUrl) {
    return eventsOn(new EventTarget(), async () => {});
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  // No ready check on the subscriber: a SUBSCRIBE sent while ioredis still waited for its INFO answer was lost now and
  // then (a new server's first subscriber never heard a thing); a subscriber connection needs no INFO.
  const subscribeClient = new Redis(redisUrl, {
    lazyConnect: false,
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
  });
  // Without listeners, a lost connection would be an unhandled 'error' event; ioredis reconnects by itself.
  for (const client of [publishClient, subscribeClient]) client.on('error', () => {});
  const eventTarget = prefixedTarget(
    createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient }) as unknown as EventTarget,
    prefix,
  );
  return eventsOn(eventTarget, async () => {
    await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
  });
}
