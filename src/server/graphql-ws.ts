// GraphQL over WebSocket (graphql-ws) on /graphql: yoga's envelop runs every operation, so HTTP and WebSocket share
// the plugins and the context factory; the token is checked when the socket opens and again for each operation.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { isAsyncIterable, mapAsyncIterator } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Authenticate, Authentication } from './auth.js';
import { resultForTheWire, sentOnSocket, wireError } from './live-events.js';
import type { RevocationSweep } from './revocation.js';
import type { ReclaimYoga } from './yoga.js';

interface Enveloped {
  execute(args: unknown): unknown;
  subscribe(args: unknown): unknown;
}

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}

function forTheWire(result: unknown): unknown {
  if (isAsyncIterable(result)) return mapAsyncIterator(result as AsyncIterable<ExecutionResult>, resultForTheWire);
  return resultForTheWire(result as ExecutionResult);
}

export interface GraphqlWsDependencies {
  server: Server;
  yoga: ReclaimYoga;
  authenticate: Authenticate;
  revocations: RevocationSweep;
}

/** Serves graphql-ws on the server's /graphql upgrades; `dispose()` closes every socket. */
export function serveGraphqlWs({ server, yoga, authenticate, revocations }: GraphqlWsDependencies) {
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  /** The socket and id of each operation graphql-ws runs, by the arguments onSubscribe gave it. */
  const subscriptionsOnSockets = new WeakMap<object, { socket: WebSocket; id: string }>();
  return useServer<Record<string, unknown>, { auth?: Authentication }>(
    {
      // onSubscribe puts yoga's enveloped execute and subscribe in rootValue: HTTP and WebSocket share the plugins.
      execute: async (args) => forTheWire(await (args.rootValue as Enveloped).execute(args)) as never,
      // A stream's results go straight to the socket, each shared result serialised once (live-events.ts).
      subscribe: async (args) => {
        const result = await (args.rootValue as Enveloped).subscribe(args);
        const wire = subscriptionsOnSockets.get(args);
        if (!wire || !isAsyncIterable(result)) return forTheWire(result) as never;
        return sentOnSocket(result as AsyncIterable<ExecutionResult>, wire.socket, wire.id) as never;
      },
      onConnect: async (ctx) => {
        try {
          ctx.extra.auth = await authenticate(authorizationOf(ctx.connectionParams));
        } catch {
          ctx.extra.socket.close(4401, 'Unauthorized');
          return false;
        }
        const { tokenHash } = ctx.extra.auth;
        if (tokenHash) {
          const socket = ctx.extra.socket;
          socket.once(
            'close',
            revocations.track(tokenHash, () => socket.close(4401, 'Token revoked')),
          );
        }
        return true;
      },
      onSubscribe: async (ctx, id, params) => {
        // Every operation checks its token again: one revoked since the socket opened is refused at once.
        try {
          ctx.extra.auth = await authenticate(authorizationOf(ctx.connectionParams));
        } catch (error) {
          ctx.extra.socket.close(4401, 'Token revoked');
          return [
            wireError(error instanceof GraphQLError ? error : new GraphQLError('The token could not be checked')),
          ];
        }
        const {
          schema: enveloped,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          auth: ctx.extra.auth,
          requestId: `ws-${randomUUID()}`,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (error) {
          // A syntax or token-limit error ends this operation, not the socket with every other subscription on it.
          if (error instanceof GraphQLError) return [wireError(error)];
          throw error;
        }
        const args = {
          schema: enveloped,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors.map(wireError);
        subscriptionsOnSockets.set(args, { socket: ctx.extra.socket, id });
        return args as never;
      },
    },
    wsServer,
    // Keep-alive: pings every 12 s, so proxies do not close idle subscriptions.
    12_000,
  );
}
