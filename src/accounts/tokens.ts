// Adding and revoking an account's tokens, as the GraphQL API and the CLI (on the database itself) both do it.
// Who acts decides what may be named: an account acts on its own tokens only; the admin names the account.

import type { Database } from '../db/database.js';
import { DomainError } from '../domain/errors.js';
import { accountsNamed } from '../store/accounts.js';
import { type ApiTokenView, createToken, revokeToken, tokenAccountId } from '../store/tokens.js';

/** The account's own token, or the admin's (RECLAIM_ADMIN_TOKEN, or database access for the CLI). */
export type Actor = { accountId: number } | 'admin';

const MAX_LABEL = 100;

function labelOf(label: string | null | undefined): string | null {
  if (label === null || label === undefined) return null;
  const trimmed = label.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new DomainError('INVALID_INPUT', 'label: control characters are not allowed');
  }
  if (trimmed.length > MAX_LABEL) throw new DomainError('INVALID_INPUT', `label: at most ${MAX_LABEL} characters`);
  return trimmed || null;
}

/** A token id as the API gives it: a positive whole number written plainly. */
export function tokenIdOf(id: string): number {
  if (!/^[1-9]\d{0,15}$/.test(id))
    throw new DomainError('INVALID_INPUT', `id: ${JSON.stringify(id)} is not a token id`);
  return Number(id);
}

/** The one account an admin names by id or exact name. */
export async function accountNamedByAdmin(db: Database, account: string): Promise<number> {
  const found = await accountsNamed(db, account.trim());
  if (found.length === 0)
    throw new DomainError('NOT_FOUND', `account: no account has the id or name ${JSON.stringify(account)}`);
  if (found.length > 1) {
    throw new DomainError(
      'AMBIGUOUS_ACCOUNT',
      `account: ${found.length} accounts are named ${JSON.stringify(account)} (ids ${found.map((one) => one.id).join(', ')}): give the id`,
    );
  }
  return found[0]!.id;
}

/** A new token for the actor's account, or, for the admin, for the account it names. The token is shown once. */
export async function issueToken(
  db: Database,
  actor: Actor,
  input: { label?: string | null; account?: string | null },
): Promise<{ apiToken: ApiTokenView; token: string }> {
  const label = labelOf(input.label);
  let accountId: number;
  if (actor === 'admin') {
    if (!input.account)
      throw new DomainError('INVALID_INPUT', 'account: the admin token must name the account (its id or name)');
    accountId = await accountNamedByAdmin(db, input.account);
  } else {
    if (input.account) {
      throw new DomainError(
        'FORBIDDEN',
        "account: only the admin token names an account; an account's token makes tokens for itself",
      );
    }
    accountId = actor.accountId;
  }
  return createToken(db, { accountId, label });
}

/**
 * Revokes a token: an account's own only (another account's is NOT_FOUND, as if it did not exist), any for the
 * admin. Revoking twice keeps the first instant.
 */
export async function withdrawToken(
  db: Database,
  actor: Actor,
  input: { id: string; at: Date },
): Promise<ApiTokenView> {
  const id = tokenIdOf(input.id);
  const accountId = actor === 'admin' ? await tokenAccountId(db, id) : actor.accountId;
  const revoked = accountId === undefined ? undefined : await revokeToken(db, { accountId, id, at: input.at });
  if (!revoked) throw new DomainError('NOT_FOUND', `id: no token ${id}`);
  return revoked;
}
