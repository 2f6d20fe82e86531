// Issue 14, I: cross-origin calls only from the configured sites, and a refused operation is a 400 whatever the
// client accepts (docs/deploy.md, "What protects a public endpoint").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { answersWithinASecond } from './support.js';

let server: TestServer;
let token: string;
let other: string;

beforeAll(async () => {
  server = await startServer({ cors: { origins: ['https://app.example.com'], credentials: false } });
  token = await server.account('Edges', 'NA');
  other = await server.account('Bystander', 'NA');
});
afterAll(() => server?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('I: CORS for the configured origins only', () => {
  it('gives no CORS header to another origin, and no credentials to any unless configured', async () => {
    const evil = await post({ query: '{ serverTime }' }, { origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const app = await post({ query: '{ serverTime }' }, { origin: 'https://app.example.com' });
    expect(app.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(app.headers.get('access-control-allow-credentials')).toBeNull();
    await answersWithinASecond(server, other);
  });

  it('allows credentials when configured', async () => {
    const trusting = await startServer({ cors: { origins: ['https://app.example.com'], credentials: true } });
    try {
      const app = await fetch(`${trusting.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://app.example.com' },
        body: JSON.stringify({ query: '{ serverTime }' }),
      });
      expect(app.headers.get('access-control-allow-credentials')).toBe('true');
      const evil = await fetch(`${trusting.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ query: '{ serverTime }' }),
      });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await trusting.close();
    }
  });
});

describe('I: refused operations answer 400 to plain application/json clients', () => {
  for (const [what, query] of [
    ['an unknown field', '{ viewr { name } }'],
    ['a syntax error', '{ viewer { name '],
    ['a wrong argument type', '{ product(sku: 1) { sku } }'],
  ]) {
    it(`refuses ${what} with 400`, async () => {
      for (const accept of [undefined, 'application/json', 'application/graphql-response+json']) {
        const answer = await post({ query }, accept ? { accept } : {});
        expect(answer.status, accept).toBe(400);
        expect(((await answer.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
      }
      await answersWithinASecond(server, other);
    });
  }
});
