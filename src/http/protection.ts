// What a public GraphQL endpoint needs besides its schema: limits on the shape of operations (parsed and validated
// before anything runs), per-account rate limits of mutations and imports, request ids in logs and responses, and
// errors that say "the database is unreachable" instead of a masked "Unexpected error".
import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, getOperationAST, Kind, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Context } from '../schema/context.js';

/**
 * The shape limits. The deepest query a client needs (cases → items → product → byType) is 7 levels; GraphiQL's
 * introspection is exempt from depth and cost. The cost grows by 1.5× per level (graphql-armor's default): a full
 * missingProducts page with its per-type numbers costs about 8,000. An alias bomb (1,000 copies of a field) fails the
 * alias or token limit before any resolver runs.
 */
export const OPERATION_LIMITS = { depth: 12, aliases: 30, tokens: 1_000, cost: 25_000 } as const;

/**
 * The limits' rules throw by default, which turns a refusal into an execution error (HTTP 200); reported instead,
 * it is a validation error like any other (400), without the misleading "Syntax Error" prefix.
 */
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

export function operationLimitPlugins(config: Config): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: OPERATION_LIMITS.depth, flattenFragments: true, ...reportAsValidationError },
      maxAliases: { n: OPERATION_LIMITS.aliases, ...reportAsValidationError },
      // Counted while parsing, before there is a validation context: a parse error (400).
      maxTokens: { n: OPERATION_LIMITS.tokens, exposeLimits: true },
      costLimit: { maxCost: OPERATION_LIMITS.cost, flattenFragments: true, ...reportAsValidationError },
      maxDirectives: { n: 50, ...reportAsValidationError },
      // Suggestions ("Did you mean …?") reveal the schema: off wherever introspection is.
      blockFieldSuggestion: { enabled: !config.introspection },
    }) as Plugin,
  ];
  if (!config.introspection) plugins.push(useNoIntrospection());
  plugins.push(useValidationErrorStatus());
  return plugins;
}

/**
 * Introspection refused on every transport. yoga's own plugin decides per HTTP request, so that a graphql-ws operation
 * (which has none) was answered; this rule runs wherever an operation is validated.
 */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * A refused operation is the client's fault: 400 for every validation error, the limits' included (yoga marks only
 * the errors of graphql-js's own rules).
 */
function useValidationErrorStatus(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0 || result.every((error) => error.extensions?.http)) return;
        setResult(
          result.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: {
                  code: 'GRAPHQL_VALIDATION_FAILED',
                  ...error.extensions,
                  http: { status: 400 },
                },
              }),
          ),
        );
      };
    },
  };
}

export interface RateLimiters {
  mutations: RateLimiterMemory | RateLimiterRedis;
  imports: RateLimiterMemory | RateLimiterRedis;
}

/** Counters shared by every server process through Redis when there is one; per process otherwise. */
export function createRateLimiters(config: Config, redis?: Redis): RateLimiters {
  const limiter = (name: string, points: number, duration: number) => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    if (!redis) return memory;
    // While Redis is unreachable, each process counts on its own rather than refusing every mutation.
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rate:${name}`,
      points,
      duration,
      insuranceLimiter: memory,
    });
  };
  return {
    mutations: limiter('mutations', config.rateLimits.mutationsPerMinute, 60),
    imports: limiter('imports', config.rateLimits.importsPerHour, 3600),
  };
}

function rateLimited(what: string, rejection: RateLimiterRes): GraphQLError {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new GraphQLError(`Too many ${what} for this account: try again in ${seconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: { status: 429, headers: { 'retry-after': String(seconds) } },
    },
  });
}

/**
 * Mutations (and, among them, imports, which cost far more) are counted per account, whichever of its tokens
 * or transports (HTTP, graphql-ws) carries them. Queries are not limited here: they are bounded by the shape limits.
 */
export function useRateLimits(limiters: RateLimiters): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const ctx = args.contextValue as unknown as Context;
      const key = ctx.account ? `account:${ctx.account.id}` : ctx.isAdmin ? 'admin' : undefined;
      if (!key) return;
      const imports = operation.selectionSet.selections.filter(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === 'importReport',
      ).length;
      try {
        await limiters.mutations.consume(key, 1);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        setResultAndStopExecution({ errors: [rateLimited('changes', rejection)] });
        return;
      }
      if (imports === 0) return;
      try {
        await limiters.imports.consume(key, imports);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        setResultAndStopExecution({ errors: [rateLimited('imports', rejection)] });
      }
    },
  };
}

const requestIds = new WeakMap<Request, string>();

/** A caller's own id (a load balancer's, say) is kept when it looks like one; otherwise a new one. */
function requestIdFrom(header: string | null): string {
  return header && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
}

/** Every request gets an id: in each of its log lines, and in the `x-request-id` header of its response. */
export function useRequestId(): Plugin {
  return {
    onRequest({ request }) {
      requestIds.set(request, requestIdFrom(request.headers.get('x-request-id')));
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
  };
}

export function requestIdOf(request: Request | undefined): string {
  return (request && requestIds.get(request)) ?? randomUUID();
}

/**
 * The original of every error a client sees masked is logged with the request's logger (so with its request id):
 * the client gets "Unexpected error." and the id, the operator the cause.
 */
export function useErrorLogging(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!('errors' in result) || !result.errors) return;
          const ctx = args.contextValue as unknown as Context;
          for (const error of result.errors) {
            const original = error.originalError;
            if (!original || original instanceof GraphQLError) continue;
            ctx.log.error({ err: original, path: error.path?.join('.') }, 'resolver failed');
          }
        },
      };
    },
  };
}

/** Masks unexpected errors as yoga does, except a lost database, which clients may retry and should be told of. */
export function maskErrorSaying(error: unknown, message: string, isDev?: boolean): Error {
  if (isDatabaseUnavailable(error)) {
    return new GraphQLError('The database is unreachable at the moment: try again shortly', {
      extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
    });
  }
  return maskError(error, message, isDev);
}
