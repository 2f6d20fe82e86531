import { GraphQLError } from 'graphql';
import { closeCase } from '../cases/close-case.js';
import { deleteCase } from '../cases/delete-case.js';
import { openCase } from '../cases/open-case.js';
import { pendingUnits } from '../domain/claims/claim.js';
import { caseLogUrl } from '../domain/claims/seller-central.js';
import { sumByCurrency } from '../domain/money.js';
import type { Case } from '../generated/prisma/client.js';
import { builder } from './builder.js';
import { asOfOf, type Context, viewerOf } from './context.js';
import { ErrorResult, resultOf, resultUnion } from './errors.js';
import { MoneyType } from './money.js';
import { checkPageArguments, MAX_PAGE } from './pagination.js';
import { MissingTypeEnum, ProductType } from './product.js';
import { strictId } from './scalars.js';

export const CaseStatusEnum = builder.enumType('CaseStatus', {
  values: ['OPEN', 'REIMBURSED', 'CLOSED'] as const,
  description: 'OPEN: waiting for payment (yellow); REIMBURSED: paid (green); CLOSED: closed unpaid (grey).',
});

export const ReimbursementType = builder
  .objectRef<{
    reimbursementId: string;
    approvalDate: Date;
    reason: string;
    sku: string;
    units: number;
    amount: { amount: import('../domain/money.js').Decimal; currency: string };
    caseItemId: number;
  }>('Reimbursement')
  .implement({
    description: 'A reimbursement line, or the part of it that paid a case item.',
    fields: (t) => ({
      reimbursementId: t.exposeString('reimbursementId'),
      approvalDate: t.expose('approvalDate', { type: 'DateTime' }),
      reason: t.exposeString('reason'),
      sku: t.exposeString('sku'),
      units: t.exposeInt('units', { description: 'Negative for a reversal.' }),
      amount: t.field({ type: MoneyType, resolve: (line) => line.amount }),
    }),
  });

/** Signed links to the documents of a case, valid for a short while. */
function documentUrl(ctx: Context, path: string): Promise<string> {
  return ctx.documents.link(path);
}

builder.prismaObject('CaseAudit', {
  name: 'CaseChange',
  description: 'A change of a case, from its audit log.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor', {
      description: 'user (the account) or system (attribution of imported reimbursements).',
    }),
    action: t.exposeString('action', {
      description: 'OPENED, REIMBURSEMENT_RECEIVED, REIMBURSED, CLOSED, REOPENED or DELETED.',
    }),
    details: t.string({ description: 'What changed, as JSON.', resolve: (change) => JSON.stringify(change.details) }),
  }),
});

function reimbursedUnitsOf(item: { id: number; reimbursedUnits: number }, ctx: Context): number {
  return ctx.loaders.reimbursedUnitsOfItem.get(item.id) ?? item.reimbursedUnits;
}

export const CaseItemType = builder.prismaObject('CaseItem', {
  description: 'One product of a case: what was claimed for it, and what Amazon paid.',
  fields: (t) => ({
    product: t.field({
      type: ProductType,
      resolve: async (item, _args, ctx) => ({
        product: await ctx.loaders.product.load(item.productId),
        asOf: ctx.clock.now(),
      }),
    }),
    claimedUnits: t.exposeInt('claimedUnits'),
    reimbursedUnits: t.int({ resolve: (item, _args, ctx) => reimbursedUnitsOf(item, ctx) }),
    pendingUnits: t.int({
      resolve: (item, _args, ctx) =>
        pendingUnits({ claimedUnits: item.claimedUnits, reimbursedUnits: reimbursedUnitsOf(item, ctx) }),
    }),
    reimbursed: t.field({
      type: [MoneyType],
      resolve: async (item, _args, ctx) =>
        sumByCurrency(
          (await ctx.loaders.attributions.load(item.caseId))
            .filter((line) => line.caseItemId === item.id)
            .map((line) => line.amount),
        ),
    }),
    documentUrl: t.string({
      description: "This product's part of the Excel evidence, as it was attached when the case was opened.",
      resolve: (item, _args, ctx) => documentUrl(ctx, `/documents/cases/${item.caseId}/items/${item.id}`),
    }),
  }),
});

function totalsOf(items: ReadonlyArray<{ claimedUnits: number; reimbursedUnits: number }>) {
  const claimed = items.reduce((sum, item) => sum + item.claimedUnits, 0);
  const reimbursed = items.reduce((sum, item) => sum + item.reimbursedUnits, 0);
  const pending = items.reduce((sum, item) => sum + pendingUnits(item), 0);
  return { claimed, reimbursed, pending };
}

const ITEMS_IN_ORDER = { orderBy: { id: 'asc' } } as const;

export const CaseType = builder.prismaObject('Case', {
  description: 'A claim opened in Seller Central, followed until Amazon pays it (docs/rules.md section 5).',
  fields: (t) => ({
    id: t.exposeID('id'),
    amazonCaseId: t.exposeString('amazonCaseId'),
    type: t.expose('type', { type: MissingTypeEnum }),
    status: t.expose('status', { type: CaseStatusEnum }),
    // The items as `items` lists them: a selection of both loads them once.
    claimedUnits: t.int({ select: { items: ITEMS_IN_ORDER }, resolve: (c) => totalsOf(c.items).claimed }),
    reimbursedUnits: t.int({ select: { items: ITEMS_IN_ORDER }, resolve: (c) => totalsOf(c.items).reimbursed }),
    pendingUnits: t.int({ select: { items: ITEMS_IN_ORDER }, resolve: (c) => totalsOf(c.items).pending }),
    reimbursed: t.field({
      type: [MoneyType],
      resolve: async (c, _args, ctx) =>
        sumByCurrency((await ctx.loaders.attributions.load(c.id)).map((line) => line.amount)),
    }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    closedBy: t.exposeString('closedBy', {
      nullable: true,
      description: 'USER when the seller closed it, REIMBURSEMENT when the payments completed it.',
    }),
    description: t.exposeString('description', { description: 'The text pasted into the case, as it was at opening.' }),
    documentUrl: t.string({
      description: 'The Excel evidence attached to the case, as it was at opening (a signed link, valid 15 minutes).',
      resolve: (c, _args, ctx) => documentUrl(ctx, `/documents/cases/${c.id}`),
    }),
    caseLogUrl: t.string({
      description: "The case in Seller Central's case log.",
      resolve: (c, _args, ctx) => caseLogUrl(viewerOf(ctx).region, c.amazonCaseId),
    }),
    items: t.relation('items', { query: ITEMS_IN_ORDER }),
    history: t.relation('audit', {
      description: 'Every change of the case, oldest first: who (user or system), when, what.',
      query: { orderBy: { id: 'asc' } },
    }),
    reimbursements: t.field({
      type: [ReimbursementType],
      description: 'The reimbursement lines attributed to the case (docs/rules.md section 3), in approval order.',
      resolve: (c, _args, ctx) => ctx.loaders.attributions.load(c.id),
    }),
  }),
});

function caseIdOf(id: string): number {
  const number = strictId(id);
  if (number === undefined) {
    throw new GraphQLError(`${JSON.stringify(id)} is not a case id`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return number;
}

builder.queryField('case', (t) =>
  t.prismaField({
    type: 'Case',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.prisma.case.findFirst({
        ...query,
        where: { id: caseIdOf(id), accountId: viewerOf(ctx).id, deletedAt: null },
      }),
  }),
);

builder.queryField('cases', (t) =>
  t.prismaConnection(
    {
      type: 'Case',
      cursor: 'id',
      description: "The account's cases, newest first; `status` keeps those in that state.",
      defaultSize: 50,
      args: { status: t.arg({ type: CaseStatusEnum }) },
      maxSize: MAX_PAGE,
      resolve: (query, _root, args, ctx) => {
        checkPageArguments(args);
        return ctx.db.prisma.case.findMany({
          ...query,
          where: { accountId: viewerOf(ctx).id, deletedAt: null, ...(args.status ? { status: args.status } : {}) },
          orderBy: { id: 'desc' },
        });
      },
    },
    { name: 'CaseConnection' },
    { name: 'CaseEdge' },
  ),
);

const OpenCaseInput = builder.inputType('OpenCaseInput', {
  fields: (t) => ({
    type: t.field({ type: MissingTypeEnum, required: true }),
    skus: t.stringList({ required: true, description: 'The products of the claim (one or more, of this type).' }),
    amazonCaseId: t.string({ required: true, description: 'The number Seller Central gave the case: 8 to 12 digits.' }),
    asOf: t.field({ type: 'DateTime', description: 'When the case was opened; now by default.' }),
  }),
});

const OpenCaseSuccess = builder.objectRef<{ case: Case }>('OpenCaseSuccess').implement({
  fields: (t) => ({ case: t.field({ type: CaseType, resolve: (success) => success.case }) }),
});

const CloseCaseSuccess = builder.objectRef<{ case: Case }>('CloseCaseSuccess').implement({
  fields: (t) => ({ case: t.field({ type: CaseType, resolve: (success) => success.case }) }),
});

const DeleteCaseSuccess = builder.objectRef<{ deletedCaseId: number }>('DeleteCaseSuccess').implement({
  fields: (t) => ({ deletedCaseId: t.exposeID('deletedCaseId') }),
});

async function caseById(ctx: Context, id: number): Promise<Case> {
  return ctx.db.prisma.case.findUniqueOrThrow({ where: { id } });
}

builder.mutationField('openCase', (t) =>
  t.field({
    type: resultUnion('OpenCaseResult', OpenCaseSuccess),
    description:
      'Saves a case opened in Seller Central: it claims every CLAIMABLE unit of the type of each product. Codes, in the order they are checked: INVALID_CASE_ID, DUPLICATE_CASE_ID, NOT_FOUND, CASE_ALREADY_OPEN, NOTHING_TO_CLAIM.',
    args: { input: t.arg({ type: OpenCaseInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      resultOf(async () => {
        const opened = await openCase(ctx, viewerOf(ctx), {
          type: input.type,
          skus: input.skus,
          amazonCaseId: input.amazonCaseId,
          asOf: asOfOf(ctx, input.asOf),
        });
        if (!opened.ok) return ErrorResult.of(opened);
        return { case: await caseById(ctx, opened.caseId) };
      }),
  }),
);

builder.mutationField('closeCase', (t) =>
  t.field({
    type: resultUnion('CloseCaseResult', CloseCaseSuccess),
    description:
      'Closes an OPEN case: REIMBURSED if it received any reimbursement, else CLOSED; its pending units are written off. Codes: NOT_FOUND, CASE_NOT_OPEN.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      resultOf(async () => {
        const caseId = caseIdOf(id);
        const closed = await closeCase(ctx, viewerOf(ctx), caseId, ctx.clock.now());
        if (!closed.ok) return ErrorResult.of(closed);
        return { case: await caseById(ctx, caseId) };
      }),
  }),
);

builder.mutationField('deleteCase', (t) =>
  t.field({
    type: resultUnion('DeleteCaseResult', DeleteCaseSuccess),
    description:
      'Deletes a case, as if it had never been opened: its units go back to the missing pool and its reimbursements are netted again. Code: NOT_FOUND.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      resultOf(async () => {
        const caseId = caseIdOf(id);
        const deleted = await deleteCase(ctx, viewerOf(ctx), caseId, ctx.clock.now());
        if (!deleted.ok) return ErrorResult.of(deleted);
        return { deletedCaseId: caseId };
      }),
  }),
);
