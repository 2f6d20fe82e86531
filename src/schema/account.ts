import { GraphQLError } from 'graphql';
import { REGIONS, VALUATIONS } from '../domain/types.js';
import type { Account } from '../generated/prisma/client.js';
import { createAccount } from '../store/accounts.js';
import { builder } from './builder.js';
import { type Context, unauthenticated, viewerOf } from './context.js';

export const RegionEnum = builder.enumType('Region', {
  values: REGIONS,
  description: "Amazon's marketplace region: North America, Europe, Far East.",
});

export const ValuationEnum = builder.enumType('Valuation', {
  values: VALUATIONS,
  description: 'How a missing unit is valued: its latest sale price, or the purchase cost the seller gave.',
});

export const AccountType = builder.prismaObject('Account', {
  description: "A seller's account: everything a token opens belongs to one.",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    region: t.expose('region', { type: RegionEnum }),
    valuation: t.expose('valuation', { type: ValuationEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'Account',
    description: "The account of the request's token.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.account.findUniqueOrThrow({ ...query, where: { id: viewerOf(ctx).id } }),
  }),
);

const CreateAccountPayload = builder.objectRef<{ account: Account; token: string }>('CreateAccountPayload').implement({
  fields: (t) => ({
    account: t.field({ type: AccountType, resolve: (payload) => payload.account }),
    token: t.exposeString('token', {
      description: 'The account token. It is shown this once: Reclaim keeps only its hash.',
    }),
  }),
});

function requireAdmin(ctx: Context): void {
  if (!ctx.config.adminToken)
    throw unauthenticated('Admin operations are disabled: set RECLAIM_ADMIN_TOKEN to enable them');
  if (!ctx.isAdmin)
    throw unauthenticated('createAccount needs the admin token: Authorization: Bearer $RECLAIM_ADMIN_TOKEN');
}

builder.mutationField('createAccount', (t) =>
  t.field({
    type: CreateAccountPayload,
    description: 'Creates a seller account and its first token. Needs the admin token.',
    args: {
      name: t.arg.string({ required: true }),
      region: t.arg({ type: RegionEnum, required: true }),
    },
    resolve: async (_root, { name, region }, ctx) => {
      requireAdmin(ctx);
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 200) {
        throw new GraphQLError('name must be 1 to 200 characters', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const { account, token } = await createAccount(ctx.db, { name: trimmed, region });
      ctx.log.info({ accountId: account.id }, 'account created');
      return { account, token };
    },
  }),
);
