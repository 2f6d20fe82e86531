// Reclaim's public GraphQL API, as any client would use it: queries and mutations over HTTP with the bearer token,
// uploads with the multipart request specification, subscriptions over graphql-ws. The token lives in this tab's
// session storage only.
import { type Client, createClient } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql.js';

/** A document typed by GraphQL Code Generator (web/src/gql): its result and variables come from the schema. */
export type Document<Result, Variables> = TypedDocumentString<Result, Variables>;

const TOKEN_KEY = 'reclaim.token';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  wsClient?.dispose();
  wsClient = undefined;
}

let unauthorized: () => void = () => {};
/** What to do when the server refuses the token (it was revoked, or mistyped): back to the token form. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorShape[] } | null;
  const first = body?.errors?.[0];
  if (first?.extensions?.code === 'UNAUTHENTICATED' || response.status === 401) {
    unauthorized();
    throw new ApiError(first?.message ?? 'The token was refused', 'UNAUTHENTICATED', 401);
  }
  if (first || !body?.data) {
    throw new ApiError(
      first?.message ?? `The server answered ${response.status}`,
      first?.extensions?.code,
      response.status,
    );
  }
  return body.data;
}

/** The message of a mutation's answer when it is one of the contract's errors (`... on Error { code message }`). */
export function refusalOf(answer: object): string | undefined {
  return 'message' in answer && typeof answer.message === 'string' ? answer.message : undefined;
}

export async function request<Result, Variables>(
  document: Document<Result, Variables>,
  variables: Variables,
  token = savedToken(),
): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return answer<Result>(response);
}

/** Sends a file (multipart request), reporting the bytes sent; resolves with the mutation's data. */
export function upload<Result, Variables extends { file: File }>(
  document: Document<Result, Variables>,
  file: File,
  onProgress: (sent: number, total: number) => void,
  variables: Omit<Variables, 'file'>,
): Promise<Result> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: document.toString(), variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  // XMLHttpRequest, not fetch: only it reports upload progress.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('authorization', `Bearer ${savedToken() ?? ''}`);
    xhr.setRequestHeader('x-graphql-yoga-csrf', 'reclaim-dashboard');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total);
    xhr.onerror = () => reject(new ApiError('The upload failed: the server could not be reached'));
    xhr.onload = () => {
      answer<Result>(new Response(xhr.responseText, { status: xhr.status })).then(resolve, reject);
    };
    xhr.send(form);
  });
}

let wsClient: Client | undefined;
let reconnected: () => void = () => {};

/**
 * What to do when the socket comes back after a loss (a server restart, a network change): what happened meanwhile
 * was not heard, so the views read again.
 */
export function onReconnected(handler: () => void): void {
  reconnected = handler;
}

function ws(): Client {
  let connectedBefore = false;
  wsClient ??= createClient({
    on: {
      connected: () => {
        if (connectedBefore) reconnected();
        connectedBefore = true;
      },
    },
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${savedToken() ?? ''}` }),
    // A dashboard stays open for days: reconnect for as long as it takes, and resubscribe.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    lazy: true,
  });
  return wsClient;
}

/** Subscribes for as long as the returned function is not called. */
export function subscribe<Result, Variables extends Record<string, unknown>>(
  document: Document<Result, Variables>,
  variables: Variables,
  onData: (data: Result) => void,
): () => void {
  return ws().subscribe<Result>(
    { query: document.toString(), variables },
    {
      next: (value) => {
        if (value.data) onData(value.data);
      },
      error: () => {},
      complete: () => {},
    },
  );
}
