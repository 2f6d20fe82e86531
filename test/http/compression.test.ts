// GraphiQL and the dashboard's files go compressed to a browser that accepts it, HEAD is answered like GET without
// a body, and GraphiQL keeps the token it was given for the tab only (sessionStorage), as the dashboard does.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/server/compressed.js';
import { startServer, type TestServer } from '../support/server.js';

const CHROMIUM = '/usr/bin/chromium';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(method: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('compression', () => {
  it('chooses brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });

  it('sends GraphiQL gzipped, a fraction of its size', async () => {
    const plain = await raw('GET', '/graphql', BROWSER);
    const zipped = await raw('GET', '/graphql', { ...BROWSER, 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(plain.body.toString()).toMatch(/Reclaim GraphiQL/);
  });

  it('sends GraphiQL with brotli when the browser accepts it', async () => {
    const answer = await raw('GET', '/graphql', { ...BROWSER, 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(answer.body).toString()).toMatch(/Reclaim GraphiQL/);
  });

  it('answers HEAD on GraphiQL and on the dashboard with the headers of GET and no body', async () => {
    for (const path of ['/graphql', '/']) {
      const get = await raw('GET', path, { ...BROWSER, 'accept-encoding': 'gzip' });
      const head = await raw('HEAD', path, { ...BROWSER, 'accept-encoding': 'gzip' });
      expect(head.status, path).toBe(200);
      expect(head.body.length, path).toBe(0);
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      expect(head.headers['content-length'], path).toBe(get.headers['content-length']);
    }
  });

  it("sends the dashboard's script compressed", async () => {
    const page = (await raw('GET', '/', BROWSER)).body.toString();
    const script = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script, 'the page names its script').toBeDefined();
    const plain = await raw('GET', script as string, {});
    const zipped = await raw('GET', script as string, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toMatch(/immutable/);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('still answers GraphQL requests on /graphql', async () => {
    const answer = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

/** Debian's Chromium; fails saying what to install when it is missing. */
function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

describe('GraphiQL in a browser', () => {
  it('keeps the token of its link in the tab only, never in localStorage', async () => {
    const token = await server.account('GraphiQL Seller', 'NA');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/graphql#token=${token}`);
      // The headers editor shows the token from the link; GraphiQL saves its tabs as soon as they are set up.
      await page.getByText('Headers', { exact: true }).first().click();
      await page.waitForFunction((token) => document.body.innerText.includes(token), token, { timeout: 30_000 });
      await page.waitForFunction(() => Object.keys(sessionStorage).some((key) => key.startsWith('graphiql:')), null, {
        timeout: 30_000,
      });
      const stored = await page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
      }));
      expect(stored.local).not.toContain(token);
      expect(stored.local).not.toContain('graphiql:tabState');
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('runs a query on a phone with its response below the editors, as wide as them; side by side on a desktop', async () => {
    const token = await server.account('GraphiQL Phone Seller', 'NA');
    const browser = await launchChromium();
    try {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        const page = await browser.newPage({ viewport });
        await page.goto(`${server.url}/graphql#token=${token}`);
        // The default query asks for the viewer; its headers come from the link once the editors are set up.
        await page.waitForFunction(
          (token) => document.querySelector('.graphiql-editors')?.textContent?.includes(token.slice(0, 12)),
          token,
          { timeout: 30_000 },
        );
        await page.locator('.graphiql-execute-button').click();
        await page.waitForFunction(
          () => /"viewer"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
          null,
          {
            timeout: 30_000,
          },
        );
        const boxes = await page.evaluate(() => {
          const box = (selector: string) => {
            const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
            return { x, y, width, height };
          };
          return {
            editors: box('.graphiql-editors'),
            response: box('.graphiql-response'),
            overflow: document.documentElement.scrollWidth - window.innerWidth,
          };
        });
        const { editors, response } = boxes;
        expect(boxes.overflow, `${viewport.width} px: nothing wider than the screen`).toBe(0);
        if (viewport.width < 640) {
          expect(response.y, 'the response starts below the editors').toBeGreaterThanOrEqual(
            editors.y + editors.height - 1,
          );
          expect(response.width, 'the response is as wide as the editors').toBeGreaterThanOrEqual(editors.width - 1);
          expect(response.height, 'the response has room for lines').toBeGreaterThan(viewport.height / 3);
        } else {
          expect(response.x, 'the response beside the editors').toBeGreaterThanOrEqual(editors.x + editors.width);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 90_000);
});
