// An account's bearer tokens beyond the one its creation gave: listed, added and revoked by the seller (or the admin).
// The database keeps only each token's SHA-256 (see accounts.ts); a token is shown once, when it is made.
import type { Database } from '../db/database.js';
import type { ApiToken } from '../generated/prisma/client.js';
import { hashToken, newToken } from './accounts.js';

/** What a client may see of a token: never its hash. */
export type ApiTokenView = Pick<ApiToken, 'id' | 'accountId' | 'label' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>;

const view = {
  id: true,
  accountId: true,
  label: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function createToken(
  db: Database,
  input: { accountId: number; label?: string | null },
): Promise<{ apiToken: ApiTokenView; token: string }> {
  const token = newToken();
  const apiToken = await db.prisma.apiToken.create({
    data: { accountId: input.accountId, hash: hashToken(token), label: input.label ?? null },
    select: view,
  });
  return { apiToken, token };
}

/** The account's tokens, newest first, revoked ones included (a seller sees what was revoked and when). */
export async function listTokens(db: Database, accountId: number): Promise<ApiTokenView[]> {
  return db.prisma.apiToken.findMany({ where: { accountId }, orderBy: { id: 'desc' }, select: view });
}

/**
 * Revokes one of the account's tokens. Undefined when the account has no such token (another account's token is
 * "not found" too: ids are not secrets, but they must not tell what exists elsewhere). Revoking twice keeps the
 * first instant.
 */
export async function revokeToken(
  db: Database,
  input: { accountId: number; id: number; at: Date },
): Promise<ApiTokenView | undefined> {
  const found = await db.prisma.apiToken.findFirst({ where: { id: input.id, accountId: input.accountId } });
  if (!found) return undefined;
  if (found.revokedAt) return db.prisma.apiToken.findUniqueOrThrow({ where: { id: found.id }, select: view });
  return db.prisma.apiToken.update({ where: { id: found.id }, data: { revokedAt: input.at }, select: view });
}

/** The hashes among `hashes` that no longer open an account (revoked, or their account deleted). */
export async function revokedAmong(db: Database, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const live = await db.sql.query<{ hash: string }>(
    'SELECT hash FROM api_token WHERE hash = ANY($1::text[]) AND revoked_at IS NULL',
    [hashes],
  );
  const open = new Set(live.map((row) => row.hash));
  return new Set(hashes.filter((hash) => !open.has(hash)));
}

/** The account a token belongs to, revoked or not; undefined when there is no such token. */
export async function tokenAccountId(db: Database, id: number): Promise<number | undefined> {
  const found = await db.prisma.apiToken.findUnique({ where: { id }, select: { accountId: true } });
  return found?.accountId;
}
