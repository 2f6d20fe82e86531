// A subscriber over a real graphql-ws connection (or Server-Sent Events), collecting what it receives.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentString } from '../gql/graphql.js';

export interface Subscriber<T> {
  received: T[];
  /** Resolves when `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

function collector<T>() {
  const received: T[] = [];
  const waiters: Array<() => void> = [];
  return {
    received,
    push(value: T) {
      received.push(value);
      for (const waiter of waiters.splice(0)) waiter();
    },
    waitFor(count: number, timeoutMs = 15_000): Promise<T[]> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} messages, got ${JSON.stringify(received)}`)),
          timeoutMs,
        );
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

/** Waits for `listening`, failing at once if the subscription was refused, and loudly if it never listens. */
async function listened(listening: Promise<void>, refused: Promise<never>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the subscription never listened')), 20_000);
  });
  try {
    await Promise.race([listening, refused, never]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Subscribes over graphql-ws; resolves once `listening` does: the server's word that the subscription listens
 * (TestServer.nextSubscription, or support/listening.ts's redisListens for a server in another process), taken
 * before subscribing. graphql-ws acknowledges no subscription, and an event sent before then is not heard.
 */
export async function subscribeWs<R, V>(
  url: string,
  token: string,
  document: TypedDocumentString<R, V>,
  variables: V,
  listening: Promise<void>,
): Promise<Subscriber<R>> {
  const messages = collector<R>();
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`closed: ${JSON.stringify(event)}`)));
  });
  let refuse: (error: unknown) => void = () => {};
  const refused = new Promise<never>((_, reject) => {
    refuse = (error) => reject(new Error(`subscription refused: ${JSON.stringify(error)}`));
  });
  refused.catch(() => {});
  const dispose = client.subscribe<R>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (value) => messages.push(value.data as R),
      error: (error) => refuse(error),
      complete: () => {},
    },
  );
  await listened(listening, refused);
  return {
    received: messages.received,
    waitFor: messages.waitFor,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

/** Subscribes over Server-Sent Events (POST with Accept: text/event-stream); resolves once `listening` does. */
export async function subscribeSse<R, V>(
  url: string,
  token: string,
  document: TypedDocumentString<R, V>,
  variables: V,
  listening: Promise<void>,
): Promise<Subscriber<R> & { ended: Promise<void>; headers: Headers }> {
  const messages = collector<R>();
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE refused: ${response.status} ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  // Resolves when the server ends the stream (or the client aborts it).
  const ended = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (data) messages.push((JSON.parse(data) as { data: R }).data);
      }
    }
  })();
  const endedFirst = ended.then((): never => {
    throw new Error('the event stream ended before it listened');
  });
  endedFirst.catch(() => {});
  await listened(listening, endedFirst);
  return {
    received: messages.received,
    waitFor: messages.waitFor,
    ended,
    headers: response.headers,
    async close() {
      controller.abort();
    },
  };
}
