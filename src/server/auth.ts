// Who a request speaks for: no token (anonymous), the operator's admin token, or an account's token. HTTP asks for
// each request, graphql-ws when the socket opens and again for each operation.
import { GraphQLError } from 'graphql';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Account } from '../generated/prisma/client.js';
import { accountAndSnapshotForToken, bearerToken, hashToken, sameSecret } from '../store/accounts.js';

export interface Authentication {
  account: Account | null;
  isAdmin: boolean;
  /** The SHA-256 of an account's token: what a revocation names. */
  tokenHash?: string;
  /**
   * Names the committed data as the account was read (src/server/response-cache.ts): on the embedded database its
   * data version (Database.dataVersion) just before, on PostgreSQL the snapshot of the statement that read it.
   */
  dataVersion?: string;
}

/** The embedded database's data version (Database.dataVersion) as Authentication.dataVersion names it. */
export function counterVersion(counter: number | undefined): string | undefined {
  return counter === undefined ? undefined : `counter ${counter}`;
}

/** Throws an UNAUTHENTICATED GraphQLError (status 401) for a malformed, unknown or revoked token. */
export type Authenticate = (authorization: string | null | undefined) => Promise<Authentication>;

export function authenticator(config: Pick<Config, 'adminToken'>, db: Database): Authenticate {
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (authorization && !token) {
      throw new GraphQLError('The Authorization header must be "Bearer <token>"', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    if (!token) return { account: null, isAdmin: false };
    if (config.adminToken && sameSecret(token, config.adminToken)) return { account: null, isAdmin: true };
    const counter = db.dataVersion?.();
    const found = await accountAndSnapshotForToken(db, token);
    if (!found) {
      throw new GraphQLError('The token is unknown or was revoked', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const dataVersion = db.kind === 'postgres' ? `snapshot ${found.snapshot}` : counterVersion(counter);
    return { account: found.account, isAdmin: false, tokenHash: hashToken(token), dataVersion };
  };
}

/** The hash of an account's bearer token (none for the admin token, which no revocation names). */
export function accountTokenHash(config: Pick<Config, 'adminToken'>, authorization: string | undefined) {
  const token = bearerToken(authorization);
  if (!token || (config.adminToken && sameSecret(token, config.adminToken))) return undefined;
  return hashToken(token);
}
