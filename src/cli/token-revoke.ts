// `reclaim token revoke ID [--account TOKEN]`: with a token of the account, one of its own tokens; without, any
// token, as the admin (RECLAIM_ADMIN_TOKEN, the token a running embedded server made, or the database itself).
import { InvalidArgumentError } from 'commander';
import type { Actor } from '../accounts/tokens.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { asAdmin } from './admin.js';
import { withRuntime } from './direct.js';
import { printLine } from './options.js';
import { type Remote, request } from './remote.js';
import { targetOf } from './target.js';

const RevokeToken = `mutation RevokeToken($id: ID!) {
  revokeToken(id: $id) {
    __typename
    ... on RevokeTokenSuccess { apiToken { id revokedAt } }
    ... on Error { code message }
  }
}`;

type RevokeTokenAnswer = {
  revokeToken:
    | { __typename: 'RevokeTokenSuccess'; apiToken: { id: string; revokedAt: string } }
    | { __typename: string; code: ErrorCode; message: string };
};

export async function tokenRevoke(id: string, options: { account?: string; url?: string }) {
  const token = options.account ?? process.env.RECLAIM_TOKEN;
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const remote: Remote = token ? { url: target.url, token, why: target.why } : asAdmin(target, 'token revoke');
    const { revokeToken } = await request<RevokeTokenAnswer>(remote, RevokeToken, { id });
    if (!('apiToken' in revokeToken)) throw new DomainError(revokeToken.code, revokeToken.message);
    printLine({ tokenId: revokeToken.apiToken.id, revokedAt: revokeToken.apiToken.revokedAt });
    return;
  }
  const [{ withdrawToken }, { accountForToken }] = await Promise.all([
    import('../accounts/tokens.js'),
    import('../store/accounts.js'),
  ]);
  await withRuntime('reclaim token revoke', async ({ db, clock }) => {
    let actor: Actor = 'admin';
    if (token) {
      const found = await accountForToken(db, token);
      if (!found) throw new InvalidArgumentError('the account token is unknown or was revoked');
      actor = { accountId: found.id };
    }
    const revoked = await withdrawToken(db, actor, { id, at: clock.now() });
    printLine({ tokenId: String(revoked.id), revokedAt: revoked.revokedAt?.toISOString() });
  });
}
