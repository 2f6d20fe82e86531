// Document URLs carry a short-lived HMAC signature bound to the account, so that a browser can download them with a
// plain click (no Authorization header), and nobody else can, nor anybody after they expire.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';

/** The default lifetime of a document link. */
export const DOCUMENT_LINK_SECONDS = 15 * 60;

function signature(secret: string, accountId: number, path: string, expires: number): string {
  return createHmac('sha256', secret).update(`${accountId}\n${path}\n${expires}`).digest('base64url');
}

/** `path?account=…&expires=…&signature=…`, valid until `expiresAt`. */
export function signDocumentPath(secret: string, accountId: number, path: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({ account: String(accountId), expires: String(expires) });
  query.set('signature', signature(secret, accountId, path, expires));
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${query}`;
}

export type Verdict = { ok: true; accountId: number; path: string } | { ok: false; reason: 'forged' | 'expired' };

/** Checks a signed document URL (path and query as received); `path` is the URL without the signing parameters. */
export function verifyDocumentUrl(secret: string, url: URL, now: Date): Verdict {
  const params = new URLSearchParams(url.search);
  const accountId = Number(params.get('account'));
  const expires = Number(params.get('expires'));
  const given = params.get('signature') ?? '';
  params.delete('account');
  params.delete('expires');
  params.delete('signature');
  const rest = params.toString();
  const path = `${url.pathname}${rest ? `?${rest}` : ''}`;
  if (!Number.isInteger(accountId) || !Number.isInteger(expires)) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(signature(secret, accountId, path, expires));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'forged' };
  if (expires * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, accountId, path };
}

/**
 * The signing secret: RECLAIM_DOCUMENT_SECRET when set; else one made once and kept in the database, which every
 * server process of the installation then shares.
 */
export async function documentSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.sql.execute(
    "INSERT INTO secret (name, value) VALUES ('document-signing', $1) ON CONFLICT (name) DO NOTHING",
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.sql.query<{ value: string }>("SELECT value FROM secret WHERE name = 'document-signing'");
  return row!.value;
}
