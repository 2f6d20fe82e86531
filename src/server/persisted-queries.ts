// Automatic persisted queries, the protocol of Apollo Client's persisted-queries link, urql's persistedExchange and
// Apollo Kotlin and iOS: a client sends the SHA-256 of an operation's text instead of the text; the first time, the
// server answers PersistedQueryNotFound and the client sends both, which the server keeps for the next requests. A
// mobile dashboard then sends a few bytes for the page it asks again and again, and can ask it with GET.
//
// Written here rather than taken from @graphql-yoga/plugin-apq: the only version the registry offers (3.6.2) asks for
// @graphql-tools/utils 10 as a peer, against the 11 the code generator needs, and npm refuses the install.
import { createHash } from 'node:crypto';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/**
 * The operations kept, all texts together (a UTF-16 code unit counted as 2 bytes). An application asks a few dozen
 * operations; anyone may register texts (before authentication, as any request may be parsed), so the store is
 * bounded, and a text pushed out costs its client one more round trip, nothing else.
 */
export const PERSISTED_QUERY_STORE_BYTES = 4 * 2 ** 20;

const HASH = /^[0-9a-f]{64}$/i;

interface PersistedQuery {
  version: 1;
  sha256Hash: string;
}

function persistedQueryOf(value: unknown): PersistedQuery {
  const candidate = value as Partial<PersistedQuery> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.version !== 1) {
    throw refusal(
      'PERSISTED_QUERY_VERSION_NOT_SUPPORTED',
      'extensions.persistedQuery must be { "version": 1, "sha256Hash": "…" }: only version 1 is supported',
      400,
    );
  }
  if (typeof candidate.sha256Hash !== 'string' || !HASH.test(candidate.sha256Hash)) {
    throw refusal(
      'PERSISTED_QUERY_INVALID',
      'extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, 64 hexadecimal digits',
      400,
    );
  }
  return { version: 1, sha256Hash: candidate.sha256Hash.toLowerCase() };
}

/**
 * The protocol's messages and codes are what clients test to send the query again: kept as they are. A query not
 * found is answered with 200, as Apollo Server does: Apollo Kotlin and iOS treat any other status as a failure of the
 * transport and would not retry; and never cached (a GET of it will succeed once the text is registered).
 */
function refusal(code: string, message: string, status: number) {
  return createGraphQLError(message, {
    extensions: {
      code,
      http: { status, headers: { 'cache-control': 'private, no-cache, must-revalidate' } },
    },
  });
}

/** What a text and its hash take in the store. */
const storedBytes = (query: string, hash: string) => 2 * (query.length + hash.length);

export function usePersistedQueries(storeBytes = PERSISTED_QUERY_STORE_BYTES): Plugin {
  const texts = new LRUCache<string, string>({ maxSize: storeBytes, sizeCalculation: storedBytes });
  return {
    onParams({ params, setParams }) {
      const extension = params.extensions?.persistedQuery;
      if (extension === undefined) return;
      const { sha256Hash } = persistedQueryOf(extension);
      if (params.query === undefined || params.query === null || params.query === '') {
        const query = texts.get(sha256Hash);
        if (query === undefined) throw refusal('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', 200);
        setParams({ ...params, query });
        return;
      }
      if (createHash('sha256').update(params.query).digest('hex') !== sha256Hash) {
        throw refusal(
          'PERSISTED_QUERY_MISMATCH',
          'PersistedQueryMismatch: sha256Hash is not the hash of the query',
          400,
        );
      }
      // Too large for the store: it is answered, and its client sends the text each time.
      if (storedBytes(params.query, sha256Hash) <= storeBytes) texts.set(sha256Hash, params.query);
    },
  };
}
