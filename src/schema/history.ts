// The account's history by month: what went missing, was claimed, was reimbursed and expired (docs/api.md).
import { GraphQLError } from 'graphql';
import { addDays } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import {
  bucketHistory,
  type HistoryMonth,
  type HistoryRange,
  type HistoryValues,
  historyRange,
} from '../domain/history.js';
import { historyFacts } from '../store/history.js';
import { builder } from './builder.js';
import { asOfOf, viewerOf } from './context.js';
import { MoneyType } from './money.js';
import { MissingTypeEnum } from './product.js';

const HistoryValuesType = builder.objectRef<HistoryValues>('HistoryValues').implement({
  description:
    "The value of a month's units in one currency: missing, claimed and expired units at the product's unit value (the one its row shows today), reimbursed at what Amazon paid.",
  fields: (t) => ({
    currency: t.exposeString('currency'),
    missing: t.field({ type: MoneyType, resolve: (values) => values.missing }),
    claimed: t.field({ type: MoneyType, resolve: (values) => values.claimed }),
    reimbursed: t.field({ type: MoneyType, resolve: (values) => values.reimbursed }),
    expired: t.field({ type: MoneyType, resolve: (values) => values.expired }),
  }),
});

const HistoryMonthType = builder.objectRef<HistoryMonth>('HistoryMonth').implement({
  description: 'One calendar month (UTC) of the history.',
  fields: (t) => ({
    month: t.field({ type: 'Date', description: 'The first day of the month.', resolve: (month) => month.month }),
    missingUnits: t.exposeInt('missingUnits', {
      description:
        'Units found missing by events of this month (docs/rules.md section 1, by event day): before found units, payments and cases.',
    }),
    claimedUnits: t.exposeInt('claimedUnits', { description: 'Units claimed by the cases opened this month.' }),
    reimbursedUnits: t.exposeInt('reimbursedUnits', {
      description:
        'Units of the reimbursement lines approved this month, whether a case asked for them or not; reversals subtract in the month they were approved.',
    }),
    expiredUnits: t.exposeInt('expiredUnits', {
      description:
        'Units whose last day to claim was in this month and had passed on asOf, neither claimed nor paid: money lost by waiting.',
    }),
    values: t.field({
      type: [HistoryValuesType],
      description:
        'The value of these units per currency; units of a product with no known value are in the units only.',
      resolve: (month) => month.values,
    }),
  }),
});

const HistoryType = builder.objectRef<{ range: HistoryRange; months: HistoryMonth[] }>('History').implement({
  description: "The account's units missing, claimed, reimbursed and expired, month by month.",
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'The first day of the first month.', resolve: (h) => h.range.first }),
    to: t.field({
      type: 'Date',
      description: 'The last day of the last month.',
      resolve: (h) => addDays(h.range.end, -1),
    }),
    months: t.field({ type: [HistoryMonthType], description: 'Every month, oldest first.', resolve: (h) => h.months }),
  }),
});

builder.queryField('history', (t) =>
  t.field({
    type: HistoryType,
    description:
      "The account's history by month, from the month of `from` to the month of `to` (both included, 36 months at most). Without `to`, up to asOf's month; without `from`, the 12 months that end there. `type` keeps the numbers of one type.",
    args: {
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
      type: t.arg({ type: MissingTypeEnum }),
      asOf: t.arg({
        type: 'DateTime',
        description: 'What counts as expired: deadlines before its day. Now by default.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const account = viewerOf(ctx);
      let range: HistoryRange;
      try {
        range = historyRange(asOfOf(ctx, args.asOf), args.from, args.to);
      } catch (error) {
        if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
        throw error;
      }
      const facts = await historyFacts(ctx.db, range, {
        accountId: account.id,
        valuation: account.valuation,
        type: args.type ?? undefined,
      });
      return { range, months: bucketHistory(range, facts) };
    },
  }),
);
