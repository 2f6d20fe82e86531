// Reimbursement lines Amazon paid below its own policy (docs/rules.md section 9): the list a seller works through to ask
// Amazon to review the amounts.
import { GraphQLError } from 'graphql';
import { descriptionLanguageOf } from '../domain/claims/description.js';
import { guidanceLanguageOf, newCaseUrl } from '../domain/claims/seller-central.js';
import { describeUnderpaid, reviewGuidance } from '../domain/claims/underpaid.js';
import { accountCostBasisDay } from '../store/accounts.js';
import { reviewOf, type UnderpaidLine, underpaidDocumentPath, underpaidLines } from '../store/underpaid.js';
import { builder } from './builder.js';
import { type Context, viewerOf } from './context.js';
import { DescriptionLanguageEnum } from './language.js';
import { MoneyType } from './money.js';
import { pageSize } from './pagination.js';
import { MissingTypeEnum, PayoutBasisEnum, ProductType } from './product.js';

/** The account's underpaid lines, once per request (the list and the totals share them). */
export function underpaidOf(ctx: Context): Promise<UnderpaidLine[]> {
  const account = viewerOf(ctx);
  return ctx.loaders.underpaid(() => underpaidLines(ctx.db, account, accountCostBasisDay(account)));
}

const UnderpaidReimbursementType = builder.objectRef<UnderpaidLine>('UnderpaidReimbursement').implement({
  description:
    'A reimbursement line Amazon paid below 95% of what its current policy pays per unit (docs/rules.md section 9): ask Amazon to review the amount, showing the expected payout and its basis.',
  fields: (t) => ({
    reimbursementId: t.exposeString('reimbursementId'),
    approvalDate: t.expose('approvalDate', { type: 'DateTime' }),
    product: t.field({
      type: ProductType,
      resolve: async (line, _args, ctx) => ({
        product: await ctx.loaders.product.load(line.productId),
        asOf: ctx.clock.now(),
      }),
    }),
    type: t.field({ type: MissingTypeEnum, resolve: (line) => line.type }),
    cashUnits: t.exposeInt('cashUnits', { description: 'Units paid in money (quantity-reimbursed-cash).' }),
    amountPerUnit: t.field({ type: MoneyType, resolve: (line) => line.amountPerUnit }),
    expectedPerUnit: t.field({
      type: MoneyType,
      description: 'What the policy in force on the approval day pays per unit.',
      resolve: (line) => line.expectedPerUnit,
    }),
    basis: t.field({ type: PayoutBasisEnum, resolve: (line) => line.basis }),
    underpaidBy: t.field({
      type: MoneyType,
      description: '(expectedPerUnit − amountPerUnit) × cashUnits.',
      resolve: (line) => line.underpaidBy,
    }),
    description: t.string({
      description:
        "The text to paste into the Seller Central case that asks Amazon to review the amount: the line, what Amazon paid, the expected payout and its basis, the shortfall. In the account's description language unless `language` names another.",
      args: { language: t.arg({ type: DescriptionLanguageEnum }) },
      resolve: async (line, args, ctx) => {
        const account = viewerOf(ctx);
        const product = await ctx.loaders.product.load(line.productId);
        return describeUnderpaid(
          reviewOf(line, product, account.name),
          args.language ?? descriptionLanguageOf(account),
        );
      },
    }),
    documentUrl: t.string({
      description:
        'The Excel evidence of the line: the line, its expected payout and basis, the cost or order rows it comes from (a signed link, valid 15 minutes).',
      resolve: (line, _args, ctx) => ctx.documents.link(underpaidDocumentPath(line)),
    }),
    sellerCentralUrl: t.string({
      description: 'Where to open the case asking for the review.',
      resolve: (_line, _args, ctx) => newCaseUrl(viewerOf(ctx).region),
    }),
    guidance: t.stringList({
      description:
        'Which options to pick in Seller Central to ask for the review: in French for `language: FR`, else in English.',
      args: { language: t.arg({ type: DescriptionLanguageEnum }) },
      resolve: (line, args) => reviewGuidance(line.reimbursementId, line.basis, guidanceLanguageOf(args.language)),
    }),
  }),
});

function offsetOf(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(Buffer.from(after, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 1)
    throw new GraphQLError('after is not a cursor of this list', { extensions: { code: 'BAD_USER_INPUT' } });
  return offset;
}

const cursorOf = (position: number) => Buffer.from(String(position)).toString('base64url');

builder.queryField('underpaidReimbursements', (t) =>
  t.connection(
    {
      type: UnderpaidReimbursementType,
      description: 'The reimbursement lines Amazon paid below its own policy, the most money first.',
      resolve: async (_root, args, ctx) => {
        const lines = await underpaidOf(ctx);
        const start = offsetOf(args.after);
        const page = lines.slice(start, start + pageSize(args.first, 50));
        const edges = page.map((node, index) => ({ node, cursor: cursorOf(start + index + 1) }));
        return {
          edges,
          totalCount: lines.length,
          pageInfo: {
            hasNextPage: start + page.length < lines.length,
            hasPreviousPage: start > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    {
      name: 'UnderpaidReimbursementConnection',
      fields: (t) => ({ totalCount: t.int({ resolve: (connection) => connection.totalCount }) }),
    },
    { name: 'UnderpaidReimbursementEdge' },
  ),
);
