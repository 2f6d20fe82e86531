// The dashboard (web/, built by Vite at install time) served by the same server: `GET /` is the page, `/assets/…`
// its hashed, immutable files. Nothing is fetched from elsewhere at run time.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CompressedBody } from './compressed.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// The page talks only to this server (HTTP and WebSocket); the signed document links must not leak as referrers.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

async function fileOf(urlPath: string): Promise<{ file: string; size: number; modified: number } | undefined> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath.slice(1));
  const file = path.resolve(WEB_DIST, relative);
  // Nothing outside the built folder, whatever the path says.
  if (!file.startsWith(`${WEB_DIST}${path.sep}`)) return undefined;
  const found = await stat(file).catch(() => undefined);
  return found?.isFile() ? { file, size: found.size, modified: found.mtimeMs } : undefined;
}

// The built files are small (under 100 KB together): each is read and compressed once, again only if rebuilt.
const bodies = new Map<string, { modified: number; size: number; body: CompressedBody }>();

async function bodyOf(found: { file: string; size: number; modified: number }): Promise<CompressedBody> {
  const kept = bodies.get(found.file);
  if (kept && kept.modified === found.modified && kept.size === found.size) return kept.body;
  const contentType = TYPES[path.extname(found.file)] ?? 'application/octet-stream';
  const body = new CompressedBody(await readFile(found.file), contentType);
  bodies.set(found.file, { modified: found.modified, size: found.size, body });
  return body;
}

/** Serves the dashboard's files; false when the request is not for one of them (or the page was not built). */
export async function serveWeb(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
  if (urlPath !== '/' && !urlPath.startsWith('/assets/') && urlPath !== '/favicon.svg') return false;
  const found = await fileOf(urlPath).catch(() => undefined);
  if (!found) return false;
  const immutable = urlPath.startsWith('/assets/');
  await (await bodyOf(found)).send(req, res, {
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...PAGE_HEADERS,
  });
  return true;
}
