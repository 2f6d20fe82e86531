import { GraphQLError } from 'graphql';
import { sumByCurrency } from '../domain/money.js';
import { defaultPolicy, validateWindows, WINDOW_KINDS, windowKey } from '../domain/policy.js';
import type { Totals } from '../domain/summary.js';
import { type MissingType, REGIONS, VALUATIONS } from '../domain/types.js';
import type { Account } from '../generated/prisma/client.js';
import { accountCostBasisDay, accountPolicy, createAccount } from '../store/accounts.js';
import { reimbursedByCases } from '../store/case-totals.js';
import { applyPolicy } from '../store/missing-pool.js';
import { accountTotals } from '../store/missing-view.js';
import { builder } from './builder.js';
import { asOfOf, type Context, unauthenticated, viewerOf } from './context.js';
import { resultOf, resultUnion } from './errors.js';
import { DescriptionLanguageEnum } from './language.js';
import { MoneyType } from './money.js';
import { MissingTypeEnum } from './product.js';
import { underpaidOf } from './underpaid.js';

export const RegionEnum = builder.enumType('Region', {
  values: REGIONS,
  description: "Amazon's marketplace region: North America, Europe, Far East.",
});

export const ValuationEnum = builder.enumType('Valuation', {
  values: VALUATIONS,
  description: 'How a missing unit is valued: its latest sale price, or the purchase cost the seller gave.',
});

// What the cases received and what the reimbursement lines fall short of are computed only when asked for: the
// underpaid lines price every reimbursement line of the account, which a client reading the units need not wait for.
const TotalsType = builder.objectRef<Totals>('Totals').implement({
  description: "The account's numbers on a day: the sums of its products' rows, and what its cases brought back.",
  fields: (t) => ({
    missingUnits: t.exposeInt('missingUnits'),
    claimableUnits: t.exposeInt('claimableUnits'),
    claimedUnits: t.exposeInt('claimedUnits'),
    expiredUnits: t.exposeInt('expiredUnits'),
    reimbursable: t.field({
      type: [MoneyType],
      resolve: (totals) => totals.reimbursable,
      description: 'Per currency.',
    }),
    reimbursed: t.field({
      type: [MoneyType],
      resolve: (_totals, _args, ctx) => reimbursedByCases(ctx.db, viewerOf(ctx).id),
      description: 'What the cases received, per currency.',
    }),
    expectedPayout: t.field({
      type: [MoneyType],
      resolve: (totals) => totals.expectedPayout,
      description:
        "What Amazon's current policy would pay for every missing unit, per currency (docs/rules.md section 9).",
    }),
    underpaid: t.field({
      type: [MoneyType],
      resolve: async (_totals, _args, ctx) => sumByCurrency((await underpaidOf(ctx)).map((line) => line.underpaidBy)),
      description: 'How much the underpaid reimbursement lines fall short of that policy, per currency.',
    }),
  }),
});

const PolicyWindow = builder
  .objectRef<{ type: MissingType; inTransit: boolean; waitDays: number; deadlineDays: number; isDefault: boolean }>(
    'PolicyWindow',
  )
  .implement({
    description:
      'When units of a type can be claimed: from waitDays to deadlineDays after their event (docs/rules.md section 7). REMOVAL has two windows (section 10): units lost in transit (inTransit) and the others.',
    fields: (t) => ({
      type: t.expose('type', { type: MissingTypeEnum }),
      inTransit: t.exposeBoolean('inTransit', {
        description: 'REMOVAL only: the window of units lost in transit, counted from the shipment date.',
      }),
      waitDays: t.exposeInt('waitDays'),
      deadlineDays: t.exposeInt('deadlineDays'),
      isDefault: t.exposeBoolean('isDefault', { description: "Whether it is the region's default." }),
    }),
  });

export const AccountType = builder.prismaObject('Account', {
  description: "A seller's account: everything a token opens belongs to one.",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    region: t.expose('region', { type: RegionEnum }),
    valuation: t.expose('valuation', { type: ValuationEnum }),
    descriptionLanguage: t.expose('descriptionLanguage', {
      type: DescriptionLanguageEnum,
      description: 'The language of case descriptions: EU accounts choose one, other regions write English.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    costBasisDate: t.field({
      type: 'Date',
      description:
        "From this day Amazon pays units lost or damaged before a customer order at their manufacturing cost (docs/rules.md section 9): the account's own, else its region's (NA and EU 2025-03-10, FE 2025-03-11).",
      resolve: (account) => accountCostBasisDay(account),
    }),
    costBasisDateIsDefault: t.boolean({
      description: "Whether costBasisDate is the region's.",
      resolve: (account) => account.costBasisDate === null,
    }),
    totals: t.field({
      type: TotalsType,
      args: { asOf: t.arg({ type: 'DateTime' }) },
      resolve: async (_account, { asOf }, ctx) => {
        const options = await ctx.loaders.viewOptions({ asOf: asOfOf(ctx, asOf) });
        return accountTotals(ctx.db, options);
      },
    }),
    policy: t.field({
      type: [PolicyWindow],
      description: 'The windows of each type: those the account set, the defaults of its region for the others.',
      resolve: async (account, _args, ctx) => {
        const policy = await ctx.loaders.policy();
        const defaults = defaultPolicy(account.region);
        return WINDOW_KINDS.map((kind) => ({
          ...windowKey(kind),
          ...policy[kind],
          isDefault:
            policy[kind].waitDays === defaults[kind].waitDays &&
            policy[kind].deadlineDays === defaults[kind].deadlineDays,
        }));
      },
    }),
  }),
});

const PolicyInput = builder.inputType('PolicyInput', {
  fields: (t) => ({
    type: t.field({ type: MissingTypeEnum, required: true }),
    inTransit: t.boolean({
      defaultValue: false,
      description: 'REMOVAL only: set the window of units lost in transit rather than that of the others.',
    }),
    waitDays: t.int({ required: true, description: 'From 0 to 365, no more than deadlineDays.' }),
    deadlineDays: t.int({ required: true, description: 'From 0 to 365.' }),
  }),
});

const SettingsInput = builder.inputType('SettingsInput', {
  fields: (t) => ({
    region: t.field({ type: RegionEnum }),
    valuation: t.field({ type: ValuationEnum }),
    descriptionLanguage: t.field({ type: DescriptionLanguageEnum, description: 'Used by EU accounts.' }),
    policy: t.field({
      type: [PolicyInput],
      description: 'Windows to set, per type; the types not given keep theirs.',
    }),
    costBasisDate: t.field({
      type: 'Date',
      description:
        "The first day of Amazon's manufacturing-cost policy for this account (docs/rules.md section 9); null gives back the region's.",
    }),
  }),
});

const UpdateSettingsSuccess = builder.objectRef<{ account: Account }>('UpdateSettingsSuccess').implement({
  fields: (t) => ({ account: t.field({ type: AccountType, resolve: (success) => success.account }) }),
});

builder.mutationField('updateSettings', (t) =>
  t.field({
    type: resultUnion('UpdateSettingsResult', UpdateSettingsSuccess),
    description: "Changes the account's region, valuation, claim windows and cost-basis date. Codes: INVALID_POLICY.",
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      resultOf(async () => {
        const account = viewerOf(ctx);
        const windows = input.policy ?? [];
        validateWindows(windows);
        const updated = await ctx.db.prisma.$transaction(async (tx) => {
          for (const { type, inTransit: given, waitDays, deadlineDays } of windows) {
            const inTransit = given ?? false;
            await tx.accountPolicy.upsert({
              where: { accountId_type_inTransit: { accountId: account.id, type, inTransit } },
              create: { accountId: account.id, type, inTransit, waitDays, deadlineDays },
              update: { waitDays, deadlineDays },
            });
          }
          return tx.account.update({
            where: { id: account.id },
            data: {
              region: input.region ?? undefined,
              valuation: input.valuation ?? undefined,
              descriptionLanguage: input.descriptionLanguage ?? undefined,
              costBasisDate:
                input.costBasisDate === undefined
                  ? undefined
                  : input.costBasisDate === null
                    ? null
                    : new Date(`${input.costBasisDate}T00:00:00Z`),
            },
          });
        });
        // The stored lots are dated with the windows: a new policy (or region) dates them anew.
        // Read before the transaction: on the embedded database a transaction holds the only connection.
        const policy = await accountPolicy(ctx.db, updated);
        await ctx.db.transaction((sql) => applyPolicy(sql, account.id, policy));
        ctx.log.info({ settings: input }, 'settings updated');
        return { account: updated };
      }),
  }),
);

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'Account',
    description: "The account of the request's token.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.account.findUniqueOrThrow({ ...query, where: { id: viewerOf(ctx).id } }),
  }),
);

builder.queryField('serverTime', (t) =>
  t.field({
    type: 'DateTime',
    description:
      "The server's now (the clock, or RECLAIM_NOW in demos): what the numbers are for when asOf is not given, and what a dashboard counts the days to a deadline from.",
    resolve: (_root, _args, ctx) => ctx.clock.now(),
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
