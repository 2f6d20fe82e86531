// `reclaim token create --account ACCOUNT [--label L]`: a new token for an account, printed once. ACCOUNT is a token
// of the account (it makes one for itself), or the account's id or name (as the admin: RECLAIM_ADMIN_TOKEN, the
// token a running embedded server made, or, with no server in between, access to the database itself).
import { InvalidArgumentError } from 'commander';
import type { Actor } from '../accounts/tokens.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { asAdmin } from './admin.js';
import { withRuntime } from './direct.js';
import { isAccountToken, printLine } from './options.js';
import { type Remote, request } from './remote.js';
import { targetOf } from './target.js';

const CreateToken = `mutation CreateToken($label: String, $account: String) {
  createToken(label: $label, account: $account) {
    __typename
    ... on CreateTokenSuccess { token apiToken { id label } }
    ... on Error { code message }
  }
}`;

type CreateTokenAnswer = {
  createToken:
    | { __typename: 'CreateTokenSuccess'; token: string; apiToken: { id: string; label: string | null } }
    | { __typename: string; code: ErrorCode; message: string };
};

export async function tokenCreate(options: { account?: string; label?: string; url?: string }) {
  const account = options.account ?? process.env.RECLAIM_TOKEN;
  if (!account) {
    throw new InvalidArgumentError('give the account with --account: its id or name (admin), or one of its tokens');
  }
  const byToken = isAccountToken(account);
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const remote: Remote = byToken
      ? { url: target.url, token: account, why: target.why }
      : asAdmin(target, 'token create --account <name or id>');
    const { createToken } = await request<CreateTokenAnswer>(remote, CreateToken, {
      label: options.label ?? null,
      account: byToken ? null : account,
    });
    if (!('token' in createToken)) throw new DomainError(createToken.code, createToken.message);
    printLine({ tokenId: createToken.apiToken.id, label: createToken.apiToken.label, token: createToken.token });
    return;
  }
  const [{ issueToken }, { accountForToken }] = await Promise.all([
    import('../accounts/tokens.js'),
    import('../store/accounts.js'),
  ]);
  await withRuntime('reclaim token create', async ({ db }) => {
    let actor: Actor = 'admin';
    if (byToken) {
      const found = await accountForToken(db, account);
      if (!found) throw new InvalidArgumentError('the account token is unknown or was revoked');
      actor = { accountId: found.id };
    }
    const { apiToken, token } = await issueToken(db, actor, {
      label: options.label,
      account: byToken ? null : account,
    });
    printLine({ tokenId: String(apiToken.id), label: apiToken.label, token });
  });
}
