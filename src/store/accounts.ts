// Accounts and their bearer tokens. A token is shown once, when it is made; the database keeps only its SHA-256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import { dayOf } from '../domain/calendar.js';
import { costBasisDayOf, type Policy, policyOf } from '../domain/policy.js';
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
  return (await accountAndSnapshotForToken(db, token))?.account;
}

/**
 * The token's account, and PostgreSQL's snapshot of the statement that read it (`pg_current_snapshot()`: which
 * transactions had committed): the response cache's data version on PostgreSQL, read in the same round trip. The
 * embedded database has its own version (Database.dataVersion), and its snapshot would be read as a possible write
 * there (a pg_ function): '' instead.
 */
export async function accountAndSnapshotForToken(
  db: Database,
  token: string,
): Promise<{ account: Account; snapshot: string } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  // Every request asks this: one statement, without the ORM's round trips (a third of a cheap request's time).
  const [found] = await db.sql.query<
    Omit<Account, 'windowsCheckedOn' | 'costBasisDate'> & {
      windowsCheckedOn: string | null;
      costBasisDate: string | null;
      snapshot: string;
    }
  >(
    `SELECT a.id, a.name, a.region, a.valuation, a.description_language AS "descriptionLanguage",
            a.windows_checked_on::text AS "windowsCheckedOn", a.cost_basis_date::text AS "costBasisDate",
            a.created_at AS "createdAt", ${db.kind === 'postgres' ? 'pg_current_snapshot()::text' : "''"} AS snapshot
       FROM api_token t JOIN account a ON a.id = t.account_id
      WHERE t.hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  if (!found) return undefined;
  const { snapshot, ...account } = found;
  return {
    snapshot,
    account: {
      ...account,
      createdAt: new Date(account.createdAt),
      windowsCheckedOn: account.windowsCheckedOn ? new Date(`${account.windowsCheckedOn}T00:00:00Z`) : null,
      costBasisDate: account.costBasisDate ? new Date(`${account.costBasisDate}T00:00:00Z`) : null,
    },
  };
}

/** Reads `Bearer <token>` from an Authorization header (or graphql-ws connection parameter). */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The account's windows: those it set, the defaults of its region for the others (docs/rules.md section 7). */
export async function accountPolicy(db: Database, account: Pick<Account, 'id' | 'region'>): Promise<Policy> {
  const overrides = await db.prisma.accountPolicy.findMany({ where: { accountId: account.id } });
  return policyOf(account.region, overrides);
}

/**
 * The accounts an admin names: by id when the text is one, else by exact name (several accounts may share a name).
 */
export async function accountsNamed(db: Database, idOrName: string): Promise<Account[]> {
  if (/^[1-9]\d{0,15}$/.test(idOrName)) {
    const byId = await db.prisma.account.findUnique({ where: { id: Number(idOrName) } });
    if (byId) return [byId];
  }
  return db.prisma.account.findMany({ where: { name: idOrName }, orderBy: { id: 'asc' } });
}

/** The account's cost-basis day: the one it set, else its region's (docs/rules.md section 9). */
export function accountCostBasisDay(account: Pick<Account, 'region' | 'costBasisDate'>): string {
  return costBasisDayOf(account.region, account.costBasisDate ? dayOf(account.costBasisDate) : null);
}
