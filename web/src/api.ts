// Reclaim's public GraphQL API, as any client would use it: queries and mutations over HTTP with the bearer token,
// uploads with the multipart request specification, subscriptions over graphql-ws. The token lives in this tab's
// session storage only.
import { type Client, createClient } from 'graphql-ws';

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

export async function request<T>(query: string, variables: Record<string, unknown> = {}, token = savedToken()) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return answer<T>(response);
}

/** Sends a file (multipart request), reporting the bytes sent; resolves with the mutation's data. */
export function upload<T>(
  query: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
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
      answer<T>(new Response(xhr.responseText, { status: xhr.status })).then(resolve, reject);
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
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => void {
  return ws().subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.data) onData(value.data as T);
      },
      error: () => {},
      complete: () => {},
    },
  );
}
