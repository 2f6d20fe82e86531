// Issue 14, F1: the body limits count the bytes actually read, whether the client declares a length or streams the
// body in chunks: 413 as soon as the limit is passed, and the connection closed so the rest is never read.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { answersWithinASecond } from './support.js';

let server: TestServer;
let other: string;

beforeAll(async () => {
  server = await startServer({ maxUploadBytes: 2 * 1024 * 1024 });
  other = await server.account('Bystander', 'NA');
});
afterAll(() => server?.close());

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * Streams a body with `transfer-encoding: chunked` (no length) until the server answers or `maxBytes` were sent;
 * returns the status and how much was sent before the answer came.
 */
function streamUntilAnswered(
  headers: Record<string, string>,
  prefix: string,
  maxBytes: number,
  whileSending: () => Promise<void>,
): Promise<{ status: number; sent: number; body: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let checked: Promise<void> | undefined;
    const req = request(`${server.url}/graphql`, { method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        Promise.resolve(checked).then(() => resolve({ status: res.statusCode ?? 0, sent, body }), reject);
      });
    });
    // The server closes the connection once it has answered: the writes that follow may fail, which is the point.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write(prefix);
    sent += prefix.length;
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += CHUNK.length;
        if (sent > 4 * 1024 * 1024 && !checked) checked = whileSending();
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('F1: a body is limited by the bytes read', () => {
  it('refuses a chunked JSON body over 1 MiB with 413 before reading it all', async () => {
    const answer = await streamUntilAnswered(
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      '{"query":"{ serverTime }","variables":{"x":"',
      400 * 1024 * 1024,
      () => answersWithinASecond(server, other),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    // Socket buffers on both sides hold a few MiB; the 400 MiB were never sent.
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
    await answersWithinASecond(server, other);
  });

  it('refuses a chunked multipart upload over the upload limit with 413', async () => {
    const boundary = 'reclaim-boundary';
    const operations = JSON.stringify({
      query: 'mutation ($file: File!) { importReport(file: $file) { __typename } }',
      variables: { file: null },
    });
    const prefix = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="ledger.tsv"\r\n\r\n`,
    ].join('');
    const token = await server.account('Uploader', 'NA');
    const answer = await streamUntilAnswered(
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
        authorization: `Bearer ${token}`,
        'x-graphql-yoga-csrf': '1',
      },
      prefix,
      400 * 1024 * 1024,
      () => answersWithinASecond(server, other),
    );
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
    const [imports] = await server.database.db.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM import',
    );
    expect(imports?.count).toBe(0);
    await answersWithinASecond(server, other);
  });

  it('still answers a body within the limit, chunked', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ query: '{ serverTime }', variables: { x: 'y'.repeat(900 * 1024) } })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
  });
});
