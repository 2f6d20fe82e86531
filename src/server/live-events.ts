// Fan-out near the wire (issue 16): an event reaching many subscribers of one account is resolved once per selection,
// with loaders made for that event alone, and every such subscriber is sent the same result. Each subscriber still
// subscribes on its own: its token, its account and its arguments decide which events reach it (the root field's
// `subscribe` runs per subscriber), so sharing never crosses accounts.
import { ServerResponse } from 'node:http';
import { Readable, type Writable } from 'node:stream';
import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  print,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { WebSocket } from 'ws';
import type { Context } from '../schema/context.js';
import { createLoaders } from '../schema/loaders.js';

/**
 * A pubsub hands every listener of a topic the same message object (in process, and per Redis message): the results
 * of one event hang on it, and go with it.
 */
const resultsOfEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function resolveOnce(event: unknown, key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return run();
  let results = resultsOfEvent.get(event);
  if (!results) {
    results = new Map();
    resultsOfEvent.set(event, results);
  }
  let result = results.get(key);
  if (!result) {
    result = run();
    results.set(key, result);
  }
  return result;
}

/** Who may share a resolution, and of what: the audience (account, links' origin) and the operation with its values. */
function selectionKey(args: ExecutionArgs, ctx: Context): string {
  return JSON.stringify([ctx.audience, args.operationName ?? null, print(args.document), args.variableValues ?? {}]);
}

/**
 * A subscriber's events, each resolved: one `then` per event. Yoga's `mapAsyncIterator` handles values that may or
 * may not be promises through several closures and promise-like objects per event, which at 1,000 subscribers of one
 * event was a measurable part of its fan-out. A failed resolution ends the events (their `return()`), then fails.
 */
function resolvedEach(
  events: AsyncIterator<unknown>,
  resolve: (event: unknown) => Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const done: IteratorResult<ExecutionResult> = { value: undefined, done: true };
  const failed = async (error: unknown): Promise<never> => {
    await events.return?.();
    throw error;
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () =>
      events
        .next()
        .then((next): IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>> =>
          next.done ? done : resolve(next.value).then((value) => ({ value, done: false }), failed),
        ),
    return: async () => {
      await events.return?.();
      return done;
    },
    throw: failed,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function useEventsResolvedOnce(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const ctx = args.contextValue as Context;
        const key = selectionKey(args, ctx);
        return resolvedEach(stream[Symbol.asyncIterator](), (event) =>
          resolveOnce(event, key, async () =>
            // A context of the event's own: loaders made now read the state this event is about, never an earlier
            // event's cached rows.
            execute({
              ...args,
              rootValue: event,
              contextValue: { ...ctx, loaders: createLoaders(ctx.db, ctx.account) },
            }),
          ),
        );
      });
    },
  };
}

/**
 * An error as the wire shows it, over either transport, as yoga's own serialiser does: HTTP's status and headers
 * (`extensions.http`) and yoga's `unexpected` flag are the server's business.
 */
export function wireError(error: GraphQLError): GraphQLError {
  if (!error.extensions?.http && !error.extensions?.unexpected) return error;
  const { http: _http, unexpected: _unexpected, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

export function resultForTheWire(result: ExecutionResult): ExecutionResult {
  const { errors, extensions } = result;
  const internalError = errors?.some((error) => error.extensions?.http || error.extensions?.unexpected);
  if (!internalError && !extensions?.http) return result;
  const { http: _http, ...kept } = extensions ?? {};
  return {
    ...result,
    ...(errors && { errors: errors.map(wireError) }),
    extensions: Object.keys(kept).length > 0 ? kept : undefined,
  };
}

const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** `make` of a shared result, made once for it and kept as long as the result lives. */
function oncePerResult<T>(make: (result: ExecutionResult) => T): (result: ExecutionResult) => T {
  const made = new WeakMap<ExecutionResult, T>();
  return (result) => {
    let value = made.get(result);
    if (value === undefined) {
      value = make(result);
      made.set(result, value);
    }
    return value;
  };
}

/** A result as text, once: every subscriber a shared result reaches is sent the same string. */
const textOf = oncePerResult((result) => JSON.stringify(resultForTheWire(result)));

/**
 * A graphql-ws subscription's results written to its socket as they come, each a `next` message around the shared
 * text of its result; graphql-ws itself would build, check and serialise the message anew for every subscriber and
 * wait for each write. What graphql-ws is handed never yields: it ends when the results end (graphql-ws then sends
 * `complete`), fails with them (graphql-ws sends `error`), and its `return()` (the client's `complete`, the socket's
 * close) ends the results.
 */
export function sentOnSocket(
  results: AsyncIterable<ExecutionResult>,
  socket: WebSocket,
  id: string,
): AsyncIterableIterator<never> & { return(): Promise<IteratorResult<never, undefined>> } {
  const upstream = results[Symbol.asyncIterator]();
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  const done = { value: undefined, done: true } as const;
  let delivering: Promise<IteratorResult<never, undefined>> | undefined;
  const deliver = async () => {
    for (let next = await upstream.next(); !next.done; next = await upstream.next()) {
      if (socket.readyState !== socket.OPEN) {
        await upstream.return?.();
        break;
      }
      const message = `${head}${textOf(next.value)}}`;
      // A client that stops reading holds its messages here, not in the server's memory: past the limit, this
      // subscription waits for its socket, and its pubsub queue ends it if it falls further behind.
      if (socket.bufferedAmount < MAX_BUFFERED_BYTES) socket.send(message);
      else await new Promise<void>((resolve) => socket.send(message, () => resolve()));
    }
    return done;
  };
  const iterator = {
    // Started by graphql-ws's first `next()`, once it has recorded the subscription (it may drop one before).
    next: () => {
      delivering ??= deliver();
      return delivering;
    },
    async return() {
      await upstream.return?.();
      return done;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** A result as one Server-Sent Event, once: every SSE subscriber a shared result reaches is sent the same bytes. */
const eventOf = oncePerResult((result) => Buffer.from(`event: next\ndata: ${textOf(result)}\n\n`));

/** The bytes of one HTTP/1.1 chunk holding `data`. */
function httpChunk(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${data.byteLength.toString(16)}\r\n`, 'latin1'), data, CRLF]);
}

const CRLF = Buffer.from('\r\n', 'latin1');

/** A result's event as one chunk of a chunked HTTP body, once, as eventOf. */
const chunkOf = oncePerResult((result) => httpChunk(eventOf(result)));

/**
 * The socket under a plain node:http response whose headers are sent and whose body goes in chunks: an event written
 * there as a chunk already framed is one socket write. Written to the response, it is four (the chunk's size, a line
 * end, the event, a line end), corked until the next tick, for each subscriber of each event. Anything else (another
 * kind of destination, a response whose writing someone wraps) is written to as it is.
 */
function chunkedSocket(destination: Writable): Writable | undefined {
  if (!(destination instanceof ServerResponse) || destination.write !== ServerResponse.prototype.write)
    return undefined;
  const chunked = (destination as ServerResponse & { chunkedEncoding?: boolean }).chunkedEncoding === true;
  const socket = destination.socket;
  return destination.headersSent && chunked && socket && !socket.destroyed ? socket : undefined;
}

/** A comment line: it keeps proxies from closing an idle stream, and makes browsers that wait for a body open it. */
const PING = Buffer.from(':\n\n');
const PING_CHUNK = httpChunk(PING);
const COMPLETE = Buffer.from('event: complete\ndata:\n\n');
const PING_EVERY_MS = 12_000;

/**
 * A subscription's results as a Server-Sent Events body, in the format of yoga's own (a ping first and every 12 s,
 * `next` events, `complete` at the end), with less work per subscriber: each shared result's bytes are made once, and
 * piped (as the HTTP adapter does with a Node stream body) they are written straight to the response. Yoga's own
 * builds a web stream, and serialises and encodes every result anew for every subscriber: SSE ran at twice bare
 * `ws`'s latency at 100 subscribers. Read rather than piped, it is an ordinary stream of the same bytes.
 * Backpressure: a client that stops reading stops the pulls, and its pubsub queue ends the subscription if it falls
 * further behind, which ends the response. Destroying the stream (the HTTP adapter does when the response closes) ends
 * the subscription.
 */
export class EventStream extends Readable {
  readonly #upstream: AsyncIterator<ExecutionResult>;
  #started = false;
  #pulling = false;
  #ended = false;
  #pings?: NodeJS.Timeout;
  /** Ends the wait for a full destination to drain, when this stream is destroyed instead. */
  #released?: () => void;

  constructor(results: AsyncIterable<ExecutionResult>) {
    super();
    this.#upstream = results[Symbol.asyncIterator]();
  }

  #pingEvery(ping: () => void) {
    this.#pings = setInterval(ping, PING_EVERY_MS);
    this.#pings.unref();
  }

  override _read() {
    if (!this.#started) {
      this.#started = true;
      this.#pingEvery(() => {
        if (!this.#ended && this.readableLength === 0) this.push(PING);
      });
      this.push(PING);
      return;
    }
    if (this.#pulling || this.#ended) return;
    this.#pulling = true;
    this.#upstream.next().then(
      (next) => {
        this.#pulling = false;
        if (this.#ended) return;
        if (next.done) {
          this.#end();
          this.push(COMPLETE);
          this.push(null);
        } else this.push(eventOf(next.value));
      },
      (error: unknown) => this.destroy(asError(error)),
    );
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    // An HTTP response is a writable of the old kind (not `instanceof Writable`): what is needed here is its buffer.
    if (this.#started || typeof (destination as { writableLength?: unknown }).writableLength !== 'number')
      return super.pipe(destination, options);
    this.#started = true;
    const writable = destination as unknown as Writable;
    // A subscription that fails (its queue fell too far behind) ends its response, as a web stream's error does; an
    // 'error' on this stream would have no listener in the HTTP adapter, and would end the process.
    this.#writeTo(writable, options?.end ?? true).catch((error: unknown) => {
      writable.destroy(asError(error));
      this.destroy();
    });
    return destination;
  }

  async #writeTo(destination: Writable, end: boolean) {
    // The first write sends the response's headers.
    destination.write(PING);
    const socket = chunkedSocket(destination);
    const target = socket ?? destination;
    const [ping, bytesOf] = socket ? [PING_CHUNK, chunkOf] : [PING, eventOf];
    this.#pingEvery(() => {
      if (!this.#ended && target.writableLength === 0) target.write(ping);
    });
    for (let next = await this.#upstream.next(); !next.done; next = await this.#upstream.next()) {
      if (this.#ended) return;
      if (!target.write(bytesOf(next.value))) {
        await new Promise<void>((resolve) => {
          // Destroyed while waiting, this stream takes its listener off a destination that may live on.
          this.#released = () => {
            target.off('drain', resolve);
            resolve();
          };
          target.once('drain', resolve);
        });
        this.#released = undefined;
      }
    }
    if (this.#ended) return;
    this.#end();
    if (end) destination.end(COMPLETE);
    else destination.write(COMPLETE);
  }

  #end() {
    this.#ended = true;
    clearInterval(this.#pings);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    this.#end();
    this.#released?.();
    Promise.resolve(this.#upstream.return?.()).then(
      () => callback(error),
      () => callback(error),
    );
  }
}

const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  Connection: 'keep-alive',
  'Cache-Control': 'no-cache',
  'Content-Encoding': 'none',
};

/**
 * Serves a subscription's Server-Sent Events as an `EventStream`. Yoga has chosen a processor before this plugin's
 * hook runs (its own hook comes first); for a stream of results it only has two, SSE and `multipart/mixed`, so a
 * stream whose request does not accept multipart is yoga's SSE, and is taken over here. Anything else (a single result
 * over SSE, multipart) stays with yoga.
 */
export function useSharedEventStreams(): Plugin {
  return {
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      if (!resultProcessor || !isAsyncIterable(result)) return;
      if ((request.headers.get('accept') ?? '').toLowerCase().includes('multipart/mixed')) return;
      setResultProcessor(
        (results, fetchAPI) =>
          new fetchAPI.Response(new EventStream(results as AsyncIterable<ExecutionResult>) as unknown as BodyInit, {
            status: 200,
            headers: EVENT_STREAM_HEADERS,
          }),
        'text/event-stream',
      );
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
