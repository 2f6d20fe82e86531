// The Server-Sent Events body of a subscription (src/server/live-events.ts, EventStream): the bytes yoga's own SSE
// writes, each shared result made into bytes once, an ended subscription when the response goes, and a client that
// stops reading ended rather than buffered; on an HTTP response, one socket write per event.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { getSSEProcessor, mapAsyncIterator } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createEvents, type Events } from '../../src/events.js';
import { EventStream } from '../../src/server/live-events.js';

const RESULTS: ExecutionResult[] = [
  { data: { caseUpdated: { kind: 'OPENED', caseId: '1', case: { id: '1', status: 'OPEN' } } } },
  { data: { caseUpdated: { kind: 'CLOSED', caseId: '1', case: null } } },
  {
    data: null,
    errors: [
      new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } }),
      new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true } }),
    ],
  },
];

async function* resultsOf(results: ExecutionResult[]) {
  yield* results;
}

/** The events of an SSE body, without its pings (comment lines, sent at the start and then on a timer). */
function eventsOf(text: string): string[] {
  return text.split('\n\n').filter((event) => event !== ':');
}

/**
 * A destination that keeps what it is written, as an HTTP response does. Stalled, it holds every write's callback,
 * as a socket whose client stopped reading, until `resume()`.
 */
function destination({ stalled = false } = {}) {
  const chunks: Buffer[] = [];
  const held: Array<() => void> = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (stalled) held.push(callback);
      else callback();
    },
  });
  const resume = () => {
    stalled = false;
    for (const callback of held.splice(0)) callback();
  };
  return { chunks, sink, resume };
}

/** What a server subscription to `missingChanged` yields: the pubsub's messages mapped to results. */
function missingChanged(events: Events) {
  return mapAsyncIterator(events.subscribe('missing:changed', 1), (message) => ({ data: { missingChanged: message } }));
}

const CHANGE = { skus: ['SKU-MUG-01'], at: '2025-06-15T00:00:00.000Z' };

/** Counts `return()` on a stream of results, as the pubsub's subscription ends. */
function counted(results: AsyncIterable<ExecutionResult>) {
  const upstream = results[Symbol.asyncIterator]();
  const state = { returned: 0 };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => upstream.next(),
    async return() {
      state.returned++;
      await upstream.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { iterator, state };
}

describe('the Server-Sent Events of a subscription', () => {
  it("writes the bytes yoga's own SSE writes, internals of errors left out, whether read or piped", async () => {
    const yogas = await new Response(
      (await getSSEProcessor()(resultsOf(RESULTS), globalThis as never, 'text/event-stream')).body,
    ).text();
    const read = Buffer.concat(await new EventStream(resultsOf(RESULTS)).toArray()).toString();
    const piped = destination();
    new EventStream(resultsOf(RESULTS)).pipe(piped.sink);
    await once(piped.sink, 'finish');

    expect(eventsOf(read)).toEqual(eventsOf(yogas));
    expect(eventsOf(Buffer.concat(piped.chunks).toString())).toEqual(eventsOf(yogas));
    expect(read.startsWith(':\n\n')).toBe(true);
    expect(eventsOf(read)).toEqual([
      `event: next\ndata: ${JSON.stringify(RESULTS[0])}`,
      `event: next\ndata: ${JSON.stringify(RESULTS[1])}`,
      'event: next\ndata: {"data":null,"errors":[' +
        '{"message":"Too many requests","extensions":{"code":"RATE_LIMITED"}},' +
        '{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
      'event: complete\ndata:',
      '',
    ]);
  });

  it('sends every subscriber of a shared result the same bytes, made once', async () => {
    const [first, second] = [destination(), destination()];
    new EventStream(resultsOf(RESULTS)).pipe(first.sink);
    new EventStream(resultsOf(RESULTS)).pipe(second.sink);
    await Promise.all([once(first.sink, 'finish'), once(second.sink, 'finish')]);
    // A ping, the three results, `complete`: each result is one buffer, the same object for both.
    expect(first.chunks).toHaveLength(5);
    for (const index of [1, 2, 3]) expect(first.chunks[index]).toBe(second.chunks[index]);
  });

  it('ends its subscription when it is destroyed, as when the response closes', async () => {
    const events = createEvents();
    const { iterator, state } = counted(missingChanged(events));
    const piped = destination();
    const stream = new EventStream(iterator);
    stream.pipe(piped.sink);
    // The subscription listens from the stream's first pull, which piping makes at once.
    await new Promise((resolve) => setImmediate(resolve));
    events.publish('missing:changed', 1, CHANGE);
    await expect.poll(() => piped.chunks.length).toBe(2);
    stream.destroy();
    await once(stream, 'close');
    expect(state.returned).toBe(1);
    events.publish('missing:changed', 1, CHANGE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(piped.chunks).toHaveLength(2);
  });

  it('takes its drain listener off a full destination when it is destroyed while waiting for it', async () => {
    const events = createEvents();
    const piped = destination({ stalled: true });
    const before = piped.sink.listenerCount('drain');
    const stream = new EventStream(missingChanged(events));
    stream.pipe(piped.sink);
    await new Promise((resolve) => setImmediate(resolve));
    for (let index = 0; index < 20; index++) events.publish('missing:changed', 1, CHANGE);
    await expect.poll(() => piped.sink.listenerCount('drain')).toBe(before + 1);
    stream.destroy();
    await expect.poll(() => stream.closed).toBe(true);
    expect(piped.sink.listenerCount('drain')).toBe(before);
  });

  it('writes no more than its destination takes to a client that stops reading, and ends it 1,024 events behind', async () => {
    const events = createEvents();
    const piped = destination({ stalled: true });
    const { iterator, state } = counted(missingChanged(events));
    const stream = new EventStream(iterator);
    stream.pipe(piped.sink);
    const failed = once(piped.sink, 'error');
    await new Promise((resolve) => setImmediate(resolve));
    for (let index = 0; index < 3000; index++) events.publish('missing:changed', 1, CHANGE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Held by the destination: the events up to its 1 KiB and one more, not the thousands published.
    const event = Buffer.byteLength(`event: next\ndata: ${JSON.stringify({ data: { missingChanged: CHANGE } })}\n\n`);
    expect(piped.sink.writableLength).toBeGreaterThan(0);
    expect(piped.sink.writableLength).toBeLessThanOrEqual(1024 + event);
    // When the client reads again, it is given what its subscription kept; then its response is ended with the
    // reason (an HTTP response closes its connection), and the stream itself fails nothing that has no listener.
    piped.resume();
    const [error] = await failed;
    expect(String(error)).toMatch(/fell 1024 messages behind and was ended/);
    expect(piped.chunks.length).toBeGreaterThan(1024);
    expect(piped.chunks.length).toBeLessThan(1100);
    await expect.poll(() => stream.closed).toBe(true);
    expect(stream.errored).toBeNull();
    expect(state.returned).toBe(1);
  });

  it('writes each event to a chunked HTTP response as one framed chunk on its socket, a body any client reads', async () => {
    const yogas = await new Response(
      (await getSSEProcessor()(resultsOf(RESULTS), globalThis as never, 'text/event-stream')).body,
    ).text();
    const socketWrites: Record<string, number> = {};
    const server = http.createServer((request, response) => {
      // Counted per response: the stream's writes to the response's socket.
      const socket = response.socket!;
      const write = socket.write;
      let writes = 0;
      socket.write = function (this: typeof socket, ...args: Parameters<typeof write>) {
        writes++;
        return write.apply(this, args);
      } as typeof write;
      response.on('finish', () => {
        socketWrites[request.url!] = writes;
        socket.write = write;
      });
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      new EventStream(resultsOf(request.url === '/none' ? [] : RESULTS)).pipe(response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const { port } = server.address() as AddressInfo;
      const sockets = new Set<unknown>();
      // One after the other on one kept-alive connection: each body ends where HTTP says it does, and the
      // connection serves on.
      const bodies: Record<string, string> = {};
      for (const path of ['/', '/none']) {
        const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
          http.get({ port, host: '127.0.0.1', path, agent }, resolve).on('error', reject),
        );
        sockets.add(response.socket);
        expect(response.headers['transfer-encoding']).toBe('chunked');
        bodies[path] = Buffer.concat(await response.toArray()).toString();
      }
      expect(sockets.size).toBe(1);
      expect(eventsOf(bodies['/']!)).toEqual(eventsOf(yogas));
      expect(eventsOf(bodies['/none']!)).toEqual(['event: complete\ndata:', '']);
      // Written to the response, an event was four writes to its socket (its size, a line end, itself, a line end).
      expect(socketWrites['/']! - socketWrites['/none']!).toBe(RESULTS.length);
    } finally {
      agent.destroy();
      server.close();
    }
  });
});
