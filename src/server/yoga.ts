// GraphQL over HTTP and SSE (yoga): the schema behind the protections (body, operation and rate limits, CSRF,
// CORS), errors masked, and each operation's context built from its token.
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type ExecutionArgs, GraphQLError, getOperationAST, getVariableValues } from 'graphql';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { schema } from '../schema/index.js';
import type { Authenticate, Authentication } from './auth.js';
import { type ContextFor, originOf } from './context.js';
import { useEventsResolvedOnce, useSharedEventStreams } from './live-events.js';
import { usePersistedQueries } from './persisted-queries.js';
import {
  createRateLimiters,
  maskErrorSaying,
  operationLimitPlugins,
  type RateLimiters,
  requestIdOf,
  useBatchShape,
  useBodyLimits,
  useErrorLogging,
  useRateLimits,
  useRequestId,
  useTextArguments,
} from './protection.js';
import { ResponseCache, useResponseCache } from './response-cache.js';

export interface RateLimiting {
  limiters: RateLimiters;
  /** Resolves once the counters' Redis answers, or once it is known not to (see rateLimiting). */
  ready(): Promise<void>;
  close(): void;
}

/**
 * A request a browser form could send cross-site (multipart, GET) must carry one of these, which no form can set:
 * yoga's own, Apollo Client's, and the operation name Apollo iOS and Apollo Kotlin send with every request (the
 * three Apollo Server accepts).
 */
const PREFLIGHT_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** How long a starting server waits for the rate limits' Redis before it counts on its own. */
const LIMITER_REDIS_WAIT_MS = 5_000;

/**
 * Rate limits are counted in Redis when there is one, so that several processes share them; the client does not
 * queue commands while Redis is away, so the in-memory insurance counts meanwhile. The server waits for the
 * connection before it listens: the first requests of a server that did not were counted in memory while it
 * connected, so that the first minute's limit was split between two counters (a batch of five changes against a
 * limit of three let four through).
 */
export function rateLimiting(config: Config, log: Logger): RateLimiting {
  const limiterRedis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  limiterRedis?.on('error', (error) => log.debug({ err: error }, 'rate-limit Redis unavailable'));
  return {
    limiters: createRateLimiters(config, limiterRedis),
    async ready() {
      if (!limiterRedis || limiterRedis.status === 'ready') return;
      // Rejects at the first connection error too: a Redis that refuses is not waited for.
      await once(limiterRedis, 'ready', { signal: AbortSignal.timeout(LIMITER_REDIS_WAIT_MS) }).catch(
        (error: unknown) =>
          log.warn(
            { err: error },
            'Redis did not answer the rate limits: this process counts them on its own until it does',
          ),
      );
    },
    close: () => limiterRedis?.disconnect(),
  };
}

/**
 * Queries run compiled (graphql-jit: a page of 50 products executes in about a millisecond less than with graphql-js).
 * Variables that do not coerce stay with graphql-js, whose refusal is the contract's (400 with its message), as do
 * mutations and subscriptions (useEventsResolvedOnce executes each event's result through graphql-js).
 */
function compiledQuery(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'query') return false;
  const definitions = operation.variableDefinitions ?? [];
  return definitions.length === 0 || !getVariableValues(args.schema, definitions, args.variableValues ?? {}).errors;
}

/** Operations in one batched request: BatchHttpLink's default batch. More are refused with 413. */
export const MAX_BATCHED_OPERATIONS = 10;

export interface YogaDependencies {
  config: Config;
  log: Logger;
  limiters: RateLimiters;
  authenticate: Authenticate;
  contextFor: ContextFor;
}

export function createReclaimYoga({ config, log, limiters, authenticate, contextFor }: YogaDependencies) {
  return createYoga<{ req?: IncomingMessage; res?: ServerResponse; auth?: Authentication }>({
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
        allowedHeaders: ['authorization', 'content-type', ...PREFLIGHT_HEADERS],
        exposedHeaders: ['x-request-id', 'retry-after'],
      };
    },
    plugins: [
      useRequestId(),
      useBodyLimits(config.maxUploadBytes),
      useBatchShape(),
      useCSRFPrevention({ requestHeaders: [...PREFLIGHT_HEADERS] }),
      // Before anything reads the operation's text: a hash alone becomes the text it stands for.
      usePersistedQueries(),
      ...operationLimitPlugins(config),
      useTextArguments(),
      useRateLimits(limiters),
      useErrorLogging(),
      useEventsResolvedOnce(),
      useSharedEventStreams(),
      useGraphQlJit({}, { enableIf: compiledQuery }),
      ...(config.responseCacheBytes > 0 ? [useResponseCache(new ResponseCache(config.responseCacheBytes))] : []),
    ],
    // Yoga's cap is one size for every body: useBodyLimits holds operations and uploads to their own.
    maxRequestBodySize: false,
    // A JSON array of operations answered by an array of results, as Apollo's BatchHttpLink and graphql-request's
    // batchRequests send them. Each operation passes every limit on its own (rate limits count each one); the body's
    // limit is the whole array's.
    batching: { limit: MAX_BATCHED_OPERATIONS },
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
}

export type ReclaimYoga = ReturnType<typeof createReclaimYoga>;
