// The public GraphQL API as the CLI uses it beside a running server: requests over HTTP, file uploads by the
// multipart request specification, and subscriptions over graphql-ws.

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { InvalidArgumentError } from 'commander';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readFileToStore } from '../ingest/file-chunks.js';

/** A server and the bearer token the command acts with. */
export interface Remote {
  url: string;
  token: string;
  /** Says which server, in messages: `--url`, or the server that holds the database. */
  why: string;
}

/**
 * A refusal of the server (or no server), said in one line; the command exits 2. Thrown, not returned: it ends the
 * command wherever it happens, and the CLI's one handler (cli/main.ts) prints it.
 */
export class RemoteError extends Error {}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function answerOf<T>(remote: Remote, response: Response): Promise<T> {
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new RemoteError(`${remote.url} answered ${response.status} without GraphQL: is it a Reclaim server?`);
  }
  const [error] = answer.errors ?? [];
  if (error) {
    if (error.extensions?.code === 'UNAUTHENTICATED') throw new InvalidArgumentError(tokenRefusal(error.message));
    throw new RemoteError(`${remote.url}: ${error.message}`);
  }
  if (!answer.data) throw new RemoteError(`${remote.url} answered ${response.status} without data`);
  return answer.data;
}

/** The server's words, without echoing the token (it never does; the message is the server's). */
function tokenRefusal(message: string): string {
  return /unknown or was revoked/.test(message) ? 'the account token is unknown or was revoked' : message;
}

async function post(remote: Remote, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${remote.url}/graphql`, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RemoteError(
      `cannot reach ${remote.url} (${remote.why}): ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    );
  }
}

export async function request<T>(remote: Remote, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await post(remote, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${remote.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return answerOf<T>(remote, response);
}

/**
 * Uploads one file as the `file` variable of `query`, streamed from disk (never held whole in memory), calling
 * `onBytes` with the bytes sent so far.
 */
export async function upload<T>(
  remote: Remote,
  query: string,
  variables: Record<string, unknown>,
  file: { path: string; name: string },
  onBytes: (sent: number) => void,
): Promise<T> {
  const boundary = `reclaim-${randomBytes(12).toString('hex')}`;
  const part = (name: string, extra = '') =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n`;
  const fileName = file.name.replace(/["\r\n\\]/g, '_');
  const head = Buffer.from(
    `${part('operations')}Content-Type: application/json\r\n\r\n${JSON.stringify({ query, variables: { ...variables, file: null } })}\r\n` +
      `${part('map')}Content-Type: application/json\r\n\r\n${JSON.stringify({ 0: ['variables.file'] })}\r\n` +
      `${part('0', `; filename="${fileName}"`)}Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    let sent = 0;
    for await (const chunk of readFileToStore(file.path)) {
      sent += (chunk as Buffer).byteLength;
      onBytes(sent);
      yield chunk as Buffer;
    }
    yield tail;
  }
  const response = await post(remote, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${remote.token}`,
      // A CLI is not a browser, but the server asks every multipart request for it (CSRF).
      'x-graphql-yoga-csrf': 'reclaim-cli',
    },
    body: Readable.toWeb(Readable.from(body())) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  return answerOf<T>(remote, response);
}

/** One graphql-ws connection for the command's subscriptions. */
export function subscriptions(remote: Remote) {
  const client = createClient({
    url: `${remote.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${remote.token}` },
    retryAttempts: 0,
  });
  return {
    /** Calls `onEvent` with each event's data until the server ends the stream (or `onEvent` returns true). */
    async follow<T>(query: string, variables: Record<string, unknown>, onEvent: (data: T) => boolean | undefined) {
      const events = client.iterate<T>({ query, variables });
      try {
        for await (const event of events) {
          const [error] = event.errors ?? [];
          if (error) throw new RemoteError(`${remote.url}: ${error.message}`);
          if (event.data && onEvent(event.data as T)) break;
        }
      } catch (error) {
        if (error instanceof RemoteError) throw error;
        // graphql-ws rejects with a CloseEvent, an Error or an array of GraphQL errors.
        const reason =
          (error as { reason?: string }).reason ||
          (error as Error).message ||
          (Array.isArray(error) ? (error[0] as { message?: string })?.message : undefined) ||
          String(error);
        throw new RemoteError(`${remote.url}: the subscription ended: ${reason}`);
      } finally {
        await events.return?.(undefined);
      }
    },
    close: () => client.dispose(),
  };
}
