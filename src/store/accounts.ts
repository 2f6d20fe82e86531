// Accounts and their bearer tokens. A token is shown once, when it is made; the database keeps only its SHA-256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import { type Policy, policyOf } from '../domain/policy.js';
import type { Region } from '../domain/types.js';
import type { Account } from '../generated/prisma/client.js';

const TOKEN_PREFIX = 'rcl_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function createAccount(
  db: Database,
  input: { name: string; region: Region; label?: string },
): Promise<{ account: Account; token: string }> {
  const token = newToken();
  const account = await db.prisma.account.create({
    data: {
      name: input.name,
      region: input.region,
      tokens: { create: { hash: hashToken(token), label: input.label } },
    },
  });
  return { account, token };
}

/** The account a bearer token opens, or undefined for an unknown or revoked token. */
export async function accountForToken(db: Database, token: string): Promise<Account | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const found = await db.prisma.apiToken.findUnique({ where: { hash: hashToken(token) }, include: { account: true } });
  if (!found || found.revokedAt) return undefined;
  return found.account;
}

/** Reads `Bearer <token>` from an Authorization header (or graphql-ws connection parameter). */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The account's windows: those it set, the defaults of its region for the others (RULES.md section 7). */
export async function accountPolicy(db: Database, account: Pick<Account, 'id' | 'region'>): Promise<Policy> {
  const overrides = await db.prisma.accountPolicy.findMany({ where: { accountId: account.id } });
  return policyOf(account.region, overrides);
}
