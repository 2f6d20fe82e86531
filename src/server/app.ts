// The HTTP server: GraphQL over HTTP, SSE and graphql-ws on /graphql, GraphiQL in a browser, /healthz.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, isAsyncIterable, mapAsyncIterator, type YogaInitialContext } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { documentSecret, signDocumentPath } from '../documents/signing.js';
import type { Events } from '../events.js';
import type { Account } from '../generated/prisma/client.js';
import { announceCaseEvents } from '../jobs/announce.js';
import type { JobEnqueuer } from '../jobs/kit.js';
import type { Logger } from '../logger.js';
import type { Context } from '../schema/context.js';
import { unauthenticated } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { createLoaders } from '../schema/loaders.js';
import { accountForToken, bearerToken, hashToken, sameSecret } from '../store/accounts.js';
import { serveDocument } from './documents.js';
import { serveGraphiQL } from './graphiql.js';
import { sentOnSocket, useEventsResolvedOnce } from './live-events.js';
import {
  createRateLimiters,
  maskErrorSaying,
  operationLimitPlugins,
  requestIdOf,
  useBodyLimits,
  useErrorLogging,
  useRateLimits,
  useRequestId,
  useTextArguments,
} from './protection.js';
import { startRevocationSweep } from './revocation.js';
import { removeAbandonedUploads } from './uploads.js';
import { serveWeb } from './web.js';

export interface AppDependencies {
  config: Config;
  db: Database;
  log: Logger;
  clock: Clock;
  events: Events;
  /** Where requests put work (imports): a queue that this process, or another, runs. */
  jobs: JobEnqueuer;
  /**
   * A server already listening (`reclaim serve` answers /healthz with 503 while it waits for the database): the app
   * takes over its requests. Otherwise the app makes its own.
   */
  server?: Server;
}

export interface App {
  server: Server;
  /** Listens on the configured host and port (0 picks a free one) and returns the address. */
  start(): Promise<AddressInfo>;
  /**
   * Stops accepting, lets running requests finish (for up to `graceMs`), then closes what is left (subscriptions,
   * SSE streams). The database stays open for the caller.
   */
  stop(graceMs?: number): Promise<void>;
  /** Runs a request without a socket (tests). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/** The origin a client reached this server at, for absolute links (RECLAIM_PUBLIC_URL overrides it). */
function originOf(host: string | null | undefined, url: string): string {
  if (host && /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(host)) return `http://${host}`;
  return new URL(url).origin;
}

interface Enveloped {
  execute(args: unknown): unknown;
  subscribe(args: unknown): unknown;
}

interface Authentication {
  account: Account | null;
  isAdmin: boolean;
  /** The SHA-256 of an account's token: what a revocation names. */
  tokenHash?: string;
}

function acceptsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').toLowerCase().includes('text/event-stream');
}

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}

/** An error as a socket shows it: HTTP's status and headers mean nothing there (yoga drops them over HTTP). */
function wireError(error: GraphQLError): GraphQLError {
  if (!error.extensions?.http) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

function resultForTheWire(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => error.extensions?.http)) return result;
  return { ...result, errors: result.errors.map(wireError) };
}

function forTheWire(result: unknown): unknown {
  if (isAsyncIterable(result)) return mapAsyncIterator(result as AsyncIterable<ExecutionResult>, resultForTheWire);
  return resultForTheWire(result as ExecutionResult);
}

export function buildApp({ config, db, log, clock, events, jobs, server: listening }: AppDependencies): App {
  async function authenticate(authorization: string | null | undefined): Promise<Authentication> {
    const token = bearerToken(authorization);
    if (authorization && !token) {
      throw new GraphQLError('The Authorization header must be "Bearer <token>"', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    if (!token) return { account: null, isAdmin: false };
    if (config.adminToken && sameSecret(token, config.adminToken)) return { account: null, isAdmin: true };
    const account = await accountForToken(db, token);
    if (!account) {
      throw new GraphQLError('The token is unknown or was revoked', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    return { account, isAdmin: false, tokenHash: hashToken(token) };
  }

  let secret: Promise<string> | undefined;
  const documentKey = () => {
    secret ??= documentSecret(db, config.documentSecret);
    return secret;
  };

  function contextFor(auth: Authentication, origin: string, requestId: string): Context {
    const base = config.publicUrl ?? origin;
    return {
      db,
      config,
      clock,
      log: log.child(auth.account ? { requestId, accountId: auth.account.id } : { requestId }),
      account: auth.account,
      isAdmin: auth.isAdmin,
      loaders: createLoaders(db, auth.account),
      audience: JSON.stringify([auth.account?.id ?? null, auth.isAdmin, base]),
      documents: {
        async link(path) {
          if (!auth.account) throw unauthenticated();
          const expires = new Date(clock.now().getTime() + config.documentLinkSeconds * 1000);
          return `${base}${signDocumentPath(await documentKey(), auth.account.id, path, expires)}`;
        },
      },
      events,
      jobs,
      publishCaseEvents: async (changes) => {
        if (auth.account) await announceCaseEvents({ events }, auth.account.id, changes);
      },
      publishMissingChanged: (skus) => {
        if (auth.account && skus.length > 0) {
          events.publish('missing:changed', auth.account.id, { skus: [...skus].sort(), at: clock.now().toISOString() });
        }
      },
    };
  }

  // Rate limits are counted in Redis when there is one, so that several processes share them; the client does not
  // queue commands while Redis is away, so the in-memory insurance counts meanwhile.
  const limiterRedis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  limiterRedis?.on('error', (error) => log.debug({ err: error }, 'rate-limit Redis unavailable'));
  const limiters = createRateLimiters(config, limiterRedis);

  const yoga = createYoga<{ req?: IncomingMessage; res?: ServerResponse; auth?: Authentication }>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: {
      debug: (...args) => log.debug({ yoga: args }, 'yoga'),
      info: (...args) => log.info({ yoga: args }, 'yoga'),
      warn: (...args) => log.warn({ yoga: args }, 'yoga'),
      error: (...args) => log.error({ yoga: args }, 'yoga'),
    },
    // GraphiQL is served before yoga (serveGraphiQL), compressed.
    graphiql: false,
    maskedErrors: { maskError: maskErrorSaying },
    // Yoga's default reflects any Origin with credentials: only the configured sites may call from a browser.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !config.cors.origins.includes(origin)) return false;
      return {
        origin: [origin],
        credentials: config.cors.credentials,
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf', 'apollo-require-preflight'],
        exposedHeaders: ['x-request-id', 'retry-after'],
      };
    },
    plugins: [
      useRequestId(),
      useBodyLimits(config.maxUploadBytes),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] }),
      ...operationLimitPlugins(config),
      useTextArguments(),
      useRateLimits(limiters),
      useErrorLogging(),
      useEventsResolvedOnce(),
    ],
    // Yoga's cap is one size for every body: useBodyLimits holds operations and uploads to their own.
    maxRequestBodySize: false,
    // HTTP requests bring `request`; graphql-ws subscriptions bring the upgrade request as `req`, authenticated
    // already in onConnect.
    context: async (
      initial: Partial<YogaInitialContext> & { auth?: Authentication; req?: IncomingMessage; requestId?: string },
    ) => {
      const requestId = initial.requestId ?? requestIdOf(initial.request);
      const auth =
        initial.auth ??
        (await authenticate(initial.request?.headers.get('authorization')).catch((error: unknown) => {
          // A refused token is the client's business; anything else (the database is gone) is the operator's.
          if (!(error instanceof GraphQLError)) log.error({ err: error, requestId }, 'request failed');
          throw error;
        }));
      const host = initial.request?.headers.get('host') ?? initial.req?.headers.host;
      return contextFor(
        auth,
        originOf(host, initial.request?.url ?? `http://${config.host}:${config.port}`),
        requestId,
      );
    },
  });

  const revocations = startRevocationSweep(db, log);
  const server = listening ?? createServer();
  server.removeAllListeners('request');
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      const healthy = await db.sql.query('SELECT 1').then(
        () => true,
        () => false,
      );
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', database: db.kind }));
      return;
    }
    if (req.url?.startsWith('/documents/')) {
      await serveDocument(req, res, { db, clock, log, secret: documentKey }).catch((error: unknown) => {
        log.error({ err: error }, 'document failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (await serveWeb(req, res)) return;
    if (config.graphiql && (await serveGraphiQL(req, res))) return;
    if (req.url === '/' || req.url === '') {
      // The dashboard is built at install time (npm ci); without it, GraphiQL is the way in.
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    // A Server-Sent Events stream lives as long as its subscription: it ends when its token is revoked.
    const token = bearerToken(req.headers.authorization);
    if (token && !(config.adminToken && sameSecret(token, config.adminToken)) && acceptsEventStream(req)) {
      res.once(
        'close',
        revocations.track(hashToken(token), () => res.destroy()),
      );
    }
    await yoga.requestListener(req, res);
  });

  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  /** The socket and id of each operation graphql-ws runs, by the arguments onSubscribe gave it. */
  const subscriptionsOnSockets = new WeakMap<object, { socket: WebSocket; id: string }>();
  const wsDisposable = useServer<Record<string, unknown>, { auth?: Authentication }>(
    {
      // onSubscribe puts yoga's enveloped execute and subscribe in rootValue: HTTP and WebSocket share the plugins.
      execute: async (args) => forTheWire(await (args.rootValue as Enveloped).execute(args)) as never,
      // A stream's results go straight to the socket, each shared result serialised once (live-events.ts).
      subscribe: async (args) => {
        const result = await (args.rootValue as Enveloped).subscribe(args);
        const wire = subscriptionsOnSockets.get(args);
        if (!wire || !isAsyncIterable(result)) return forTheWire(result) as never;
        return sentOnSocket(result as AsyncIterable<ExecutionResult>, wire.socket, wire.id, resultForTheWire) as never;
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

  return {
    server,
    fetch: async (input, init) => yoga.fetch(input as URL, init ?? {}),
    start: () =>
      new Promise((resolve, reject) => {
        removeAbandonedUploads().catch((error: unknown) => log.warn({ err: error }, 'abandoned uploads not removed'));
        if (server.listening) return resolve(server.address() as AddressInfo);
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    async stop(graceMs = 10_000) {
      revocations.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await wsDisposable.dispose();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      limiterRedis?.disconnect();
    },
  };
}
