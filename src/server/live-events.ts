// Fan-out near the wire (issue 16): an event reaching many subscribers of one account is resolved once per selection,
// with loaders made for that event alone, and every such subscriber is sent the same result. Each subscriber still
// subscribes on its own: its token, its account and its arguments decide which events reach it (the root field's
// `subscribe` runs per subscriber), so sharing never crosses accounts.
import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute, print } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
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

export function useEventsResolvedOnce(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const ctx = args.contextValue as Context;
        const key = selectionKey(args, ctx);
        return mapAsyncIterator(stream, (event) =>
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

const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** A result as text, once: every subscriber a shared result reaches is sent the same string. */
const textOfResult = new WeakMap<ExecutionResult, string>();

function textOf(result: ExecutionResult, forTheWire: (result: ExecutionResult) => ExecutionResult): string {
  let text = textOfResult.get(result);
  if (text === undefined) {
    text = JSON.stringify(forTheWire(result));
    textOfResult.set(result, text);
  }
  return text;
}

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
  forTheWire: (result: ExecutionResult) => ExecutionResult,
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
      const message = `${head}${textOf(next.value, forTheWire)}}`;
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
