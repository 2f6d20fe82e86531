// An account's bearer tokens: listed on the account, added and revoked by the seller, or by the admin for a named
// account (the CLI's `reclaim token create --account ACCOUNT` beside a running server).
import { type Actor, issueToken, withdrawToken } from '../accounts/tokens.js';
import type { ApiTokenView } from '../store/tokens.js';
import { builder } from './builder.js';
import { type Context, unauthenticated, viewerOf } from './context.js';
import { resultOf, resultUnion } from './errors.js';

export const ApiTokenType = builder.objectRef<ApiTokenView>('ApiToken').implement({
  description: 'A bearer token of the account. Only its hash is kept: the token itself is shown once, when made.',
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label', { nullable: true, description: 'What the seller called it (a script, a laptop).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set once revoked: the token opens nothing since.',
    }),
  }),
});

builder.prismaObjectField('Account', 'tokens', (t) =>
  t.field({
    type: [ApiTokenType],
    description: "The account's tokens, newest first, revoked ones included.",
    select: { tokens: { orderBy: { id: 'desc' } } },
    resolve: (account) => account.tokens,
  }),
);

/** Who the request acts as: its account, or the admin token. */
function actorOf(ctx: Context): Actor {
  if (ctx.isAdmin) return 'admin';
  return { accountId: viewerOf(ctx).id };
}

const CreateTokenSuccess = builder
  .objectRef<{ apiToken: ApiTokenView; token: string }>('CreateTokenSuccess')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', { description: 'The new token, shown this once: Reclaim keeps only its hash.' }),
      apiToken: t.field({ type: ApiTokenType, resolve: (success) => success.apiToken }),
    }),
  });

builder.mutationField('createToken', (t) =>
  t.field({
    type: resultUnion('CreateTokenResult', CreateTokenSuccess),
    description:
      "Adds a token to the account. With the admin token, `account` names the account (its id or exact name). Codes: INVALID_INPUT, NOT_FOUND, AMBIGUOUS_ACCOUNT (two accounts share the name: give the id), FORBIDDEN (an account's token naming an account).",
    args: {
      label: t.arg.string({ description: 'At most 100 characters.' }),
      account: t.arg.string({
        description: "Admin token only: the account's id, or its name when no account has that id.",
      }),
    },
    resolve: (_root, { label, account }, ctx) =>
      resultOf(async () => {
        if (!ctx.isAdmin && !ctx.account) throw unauthenticated();
        const created = await issueToken(ctx.db, actorOf(ctx), { label, account });
        ctx.log.info({ accountId: created.apiToken.accountId, tokenId: created.apiToken.id }, 'token created');
        return created;
      }),
  }),
);

const RevokeTokenSuccess = builder.objectRef<{ apiToken: ApiTokenView }>('RevokeTokenSuccess').implement({
  fields: (t) => ({ apiToken: t.field({ type: ApiTokenType, resolve: (success) => success.apiToken }) }),
});

builder.mutationField('revokeToken', (t) =>
  t.field({
    type: resultUnion('RevokeTokenResult', RevokeTokenSuccess),
    description:
      "Revokes one of the account's tokens (the admin token: any account's): it opens nothing from then on. Another account's token is NOT_FOUND. Codes: INVALID_INPUT, NOT_FOUND.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      resultOf(async () => {
        if (!ctx.isAdmin && !ctx.account) throw unauthenticated();
        const apiToken = await withdrawToken(ctx.db, actorOf(ctx), { id: String(id), at: ctx.clock.now() });
        ctx.log.info({ accountId: apiToken.accountId, tokenId: apiToken.id }, 'token revoked');
        return { apiToken };
      }),
  }),
);
