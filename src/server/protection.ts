// What a public GraphQL endpoint needs besides its schema: limits on the shape of operations (parsed and validated
// before anything runs), per-account rate limits of mutations and imports, request ids in logs and responses, and
// errors that say "the database is unreachable" instead of a masked "Unexpected error".
import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  type ArgumentNode,
  GraphQLError,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ValidationContext,
  type ValueNode,
  visit,
} from 'graphql';
import { type GraphQLParams, maskError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Context } from '../schema/context.js';
import { badRequest, parseMultipart } from './uploads.js';

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
 * the errors of graphql-js's own rules), whatever the client accepts. Yoga answers 200 to a client that accepts plain
 * `application/json` (the GraphQL over HTTP specification's SHOULD, for old clients); docs/deploy.md promises 400, so
 * that a proxy's logs and a script's status check see the refusal.
 */
function useValidationErrorStatus(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!single || !('errors' in single) || !single.errors) continue;
        for (const error of single.errors) {
          const http = error.extensions?.http as { spec?: boolean; status?: number } | undefined;
          if (http?.spec && http.status === 400) http.spec = false;
        }
      }
    },
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

/** A GraphQL operation with its variables; uploads are multipart and may be much larger. */
export const MAX_OPERATION_BYTES = 1024 * 1024;
/** The operations and map parts of a multipart upload, besides the file. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

function bodyTooLarge(maxUploadBytes: number): GraphQLError {
  return new GraphQLError(
    `Request body too large: at most ${MAX_OPERATION_BYTES / 1024} KiB, or ${maxUploadBytes / 2 ** 20} MiB for a file upload (multipart)`,
    // The client may still be sending: closing the connection stops it, rather than reading the rest for nothing.
    { extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } } },
  );
}

/**
 * Bodies are counted as they stream, declared length or not (chunked): the request fails with 413 as soon as it
 * passes its limit, 1 MiB for an operation and the upload limit for multipart. Yoga's own limit is one size for all.
 * Multipart bodies are read by parseMultipart, which writes each file to a temporary file as it arrives (yoga's
 * parser would hold it in memory); those files are removed once the response is out.
 */
export function useBodyLimits(maxUploadBytes: number): Plugin {
  const uploads = new WeakMap<Request, () => Promise<void>>();
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const contentType = request.headers.get('content-type') ?? '';
      const multipart = contentType.toLowerCase().startsWith('multipart/form-data');
      const limit = multipart ? maxUploadBytes + MULTIPART_OVERHEAD_BYTES : MAX_OPERATION_BYTES;
      const declared = request.headers.get('content-length');
      if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw bodyTooLarge(maxUploadBytes);
      const body = request.body;
      if (!requestParser || !body) return;
      // A native stream needs the native TransformStream (graphql-yoga#4583).
      const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
      let read = 0;
      const counted = body.pipeThrough(
        new Transform({
          transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>) {
            read += chunk.byteLength;
            if (read > limit) controller.error(bodyTooLarge(maxUploadBytes));
            else controller.enqueue(chunk);
          },
        }),
      );
      if (multipart && request.method === 'POST') {
        setRequestParser(async () => {
          try {
            // A file a little over the limit reaches the import, which refuses it as an INVALID_FILE result with
            // the limit; past the body's own limit it is refused here, while it streams.
            const parsed = await parseMultipart(counted as unknown as AsyncIterable<Uint8Array>, contentType, {
              fileBytes: limit,
              fieldBytes: MULTIPART_OVERHEAD_BYTES,
              tooLarge: () => bodyTooLarge(maxUploadBytes),
            });
            uploads.set(request, parsed.dispose);
            return parsed.params as GraphQLParams;
          } catch (error) {
            throw read > limit ? bodyTooLarge(maxUploadBytes) : error;
          }
        });
        return;
      }
      const parse = requestParser;
      const limited = new fetchAPI.Request(request.url, {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        body: counted,
        duplex: 'half',
      } as RequestInit);
      setRequestParser(async () => {
        try {
          return await parse(limited);
        } catch (error) {
          throw read > limit ? bodyTooLarge(maxUploadBytes) : error;
        }
      });
    },
    async onResponse({ request }) {
      const dispose = uploads.get(request);
      if (!dispose) return;
      uploads.delete(request);
      await dispose();
    },
  };
}

// C0 and C1 control characters but tab, line feed and carriage return (free text may hold those). PostgreSQL cannot
// store NUL in text at all; the others would be stored and shown as garbage, or break a TSV export.
function controlCharacterOf(text: string): number | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
      return code;
    }
  }
  return undefined;
}

/** The first string inside a value (nested lists and input objects) that holds a control character, with its path. */
function controlCharacterIn(value: unknown, path: string): { path: string; code: number } | undefined {
  if (typeof value === 'string') {
    const code = controlCharacterOf(value);
    return code === undefined ? undefined : { path, code };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlCharacterIn(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = controlCharacterIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** A literal argument as plain data, with its variables filled in. */
function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((item) => argumentValue(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, argumentValue(field.value, variables)]));
    default:
      return undefined;
  }
}

function controlCharacterError(field: string, found: { path: string; code: number }): GraphQLError {
  const character = `U+${found.code.toString(16).toUpperCase().padStart(4, '0')}`;
  return new GraphQLError(
    `Argument ${found.path} of ${field} holds a control character (${character}): send text without it`,
    { extensions: { code: 'INVALID_INPUT', argument: found.path, http: { status: 400 } } },
  );
}

/**
 * A batch (an array of operations: yoga.ts, batching) holds at least one operation, and each is an object. Yoga answers
 * `[]` with `[]`, and `[1, 2]` with 200 and an error for each element: a malformed body is a 400, as for one operation.
 */
export function useBatchShape(): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult)) return;
          if (requestParserResult.length === 0) throw badRequest('A batch of operations holds at least one operation');
          const index = requestParserResult.findIndex(
            (params: unknown) => typeof params !== 'object' || params === null || Array.isArray(params),
          );
          if (index !== -1) {
            throw badRequest(`Operation ${index + 1} of the batch is not an object ({ "query": "…", "variables": … })`);
          }
        },
      };
    },
  };
}

/**
 * Text arguments may not hold control characters (NUL above all), in any field, over any transport: refused before
 * anything runs, naming the argument, instead of a database error masked as "Unexpected error.".
 */
export function useTextArguments(): Plugin {
  const check = (args: { document: unknown; variableValues?: unknown }): GraphQLError | undefined => {
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    let refused: GraphQLError | undefined;
    visit(args.document as Parameters<typeof visit>[0], {
      Field(field) {
        for (const argument of field.arguments ?? ([] as readonly ArgumentNode[])) {
          const found = controlCharacterIn(argumentValue(argument.value, variables), argument.name.value);
          if (found) {
            refused ??= controlCharacterError(field.name.value, found);
            return false;
          }
        }
        return undefined;
      },
    });
    return refused;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
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
