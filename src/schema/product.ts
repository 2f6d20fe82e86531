import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/errors.js';
import { describeReason } from '../domain/ledger-reasons.js';
import type { RemovalQuantities } from '../domain/missing-events.js';
import { PAYOUT_BASES } from '../domain/payout.js';
import type { ProductSummary, TypeSummary } from '../domain/summary.js';
import { MISSING_TYPES } from '../domain/types.js';
import { WINDOW_STATES } from '../domain/windows.js';
import type { Product } from '../generated/prisma/client.js';
import {
  countMissingProducts,
  type Evidence,
  type ListPosition,
  missingProducts,
  unitValueOf,
} from '../store/missing-view.js';
import { builder } from './builder.js';
import { asOfOf, type Context, viewerOf } from './context.js';
import { resultOf, resultUnion } from './errors.js';
import type { ProductNode } from './loaders.js';
import { MoneyInput, MoneyType, moneyFromInput, moneyOf } from './money.js';
import { pageSize } from './pagination.js';

export const MissingTypeEnum = builder.enumType('MissingType', {
  values: MISSING_TYPES,
  description: 'LOST and DAMAGED in a warehouse, INBOUND (received short), UNRETURNED (refunded, never returned).',
});

export const WindowStateEnum = builder.enumType('WindowState', {
  values: WINDOW_STATES,
  description:
    'WAITING: too early to claim; CLAIMABLE: claim now; EXPIRED: the deadline passed (docs/rules.md section 4).',
});

export const PayoutBasisEnum = builder.enumType('PayoutBasis', {
  values: PAYOUT_BASES,
  description:
    "Why Amazon's current policy pays what expectedPayout says (docs/rules.md section 9): MANUFACTURING_COST (the seller's cost, the policy since 10 March 2025 for units lost before an order), COST_UNKNOWN (that policy, but no cost is on file: upload the costs file), SALE_PRICE (paid before the cost-basis date), ORDER_PRICE_LESS_FEES (an unreturned refund: the order's price less its fees), ORDER_PRICE_FEES_UNKNOWN (the refunded price; the order's fees are not imported).",
});

const payoutDescription =
  "What Amazon's current policy would pay for the missing units (docs/rules.md section 9); null when no unit of it is priced (COST_UNKNOWN).";

const claimableDescription =
  'The part of reimbursable that CLAIMABLE units are worth: what a claim can ask for today (the rest is WAITING).';

const MissingByType = builder.objectRef<TypeSummary>('MissingByType').implement({
  description: "A product's numbers for one type of missing units.",
  fields: (t) => ({
    type: t.expose('type', { type: MissingTypeEnum }),
    missingUnits: t.exposeInt('missingUnits', { description: 'WAITING and CLAIMABLE units.' }),
    claimableUnits: t.exposeInt('claimableUnits'),
    claimedUnits: t.exposeInt('claimedUnits', { description: 'Units of OPEN cases still waiting for payment.' }),
    expiredUnits: t.exposeInt('expiredUnits'),
    nextDeadline: t.field({ type: 'Date', nullable: true, resolve: (row) => row.nextDeadline ?? null }),
    reimbursable: t.field({ type: MoneyType, nullable: true, resolve: (row) => row.reimbursable }),
    claimableReimbursable: t.field({
      type: MoneyType,
      nullable: true,
      description: claimableDescription,
      resolve: (row) => row.claimableReimbursable,
    }),
    expectedPayout: t.field({
      type: MoneyType,
      nullable: true,
      description: payoutDescription,
      resolve: (row) => row.expectedPayout,
    }),
    payoutBasis: t.field({ type: PayoutBasisEnum, nullable: true, resolve: (row) => row.payoutBasis }),
  }),
});

const RemovalQuantitiesType = builder.objectRef<RemovalQuantities>('RemovalQuantities').implement({
  description:
    'The quantities behind REMOVAL units (docs/rules.md section 10): requested, cancelled, disposed and shipped for a removal order; shipped and received for a shipment.',
  fields: (t) => ({
    requested: t.int({ nullable: true, resolve: (q) => q.requested ?? null }),
    cancelled: t.int({ nullable: true, resolve: (q) => q.cancelled ?? null }),
    disposed: t.int({ nullable: true, resolve: (q) => q.disposed ?? null }),
    shipped: t.exposeInt('shipped'),
    received: t.int({ nullable: true, resolve: (q) => q.received ?? null }),
  }),
});

export const EvidenceType = builder.objectRef<Evidence>('Evidence').implement({
  description: 'Units of the missing pool and the event they come from: a ledger row, a shipment, a refund.',
  fields: (t) => ({
    type: t.expose('type', { type: MissingTypeEnum }),
    date: t.field({
      type: 'Date',
      description: 'The day of the event (the wait and the deadline count from it).',
      resolve: (evidence) => evidence.date,
    }),
    units: t.exposeInt('units'),
    state: t.expose('state', { type: WindowStateEnum }),
    deadline: t.field({ type: 'Date', resolve: (evidence) => evidence.deadline }),
    source: t.exposeString('source', {
      description: 'LEDGER, SHIPMENT, REFUND, REMOVAL_ORDER or REMOVAL_SHIPMENT.',
    }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'The ledger Reference ID, the shipment ID or the order ID (REMOVAL: the removal order ID).',
    }),
    reasonCode: t.exposeString('reasonCode', { nullable: true, description: "The ledger adjustment's reason code." }),
    reasonMeaning: t.string({
      nullable: true,
      resolve: (evidence) => (evidence.reasonCode ? (describeReason(evidence.reasonCode) ?? null) : null),
    }),
    fulfillmentCenter: t.exposeString('fulfillmentCenter', { nullable: true }),
    disposition: t.exposeString('disposition', { nullable: true }),
    reconciledQuantity: t.exposeInt('reconciledQuantity', {
      nullable: true,
      description: "The ledger row's Reconciled Quantity: Amazon's own count of the units it found or paid.",
    }),
    unreconciledQuantity: t.exposeInt('unreconciledQuantity', {
      nullable: true,
      description: "The ledger row's Unreconciled Quantity.",
    }),
    amazonReconciled: t.exposeBoolean('amazonReconciled', {
      description:
        'Amazon says it settled this ledger event (fully reconciled) while Reclaim counts its units missing: check before claiming.',
    }),
    trackingNumber: t.exposeString('trackingNumber', {
      nullable: true,
      description: 'REMOVAL lost in transit: the tracking number of the removal shipment.',
    }),
    carrier: t.exposeString('carrier', { nullable: true, description: 'REMOVAL lost in transit: the carrier.' }),
    removal: t.field({
      type: RemovalQuantitiesType,
      nullable: true,
      description: 'REMOVAL: the quantities of the removal order, or of the shipment and its receipt.',
      resolve: (evidence) => evidence.removal,
    }),
  }),
});

/**
 * A field of the product's row: at once when the list that gave the product computed it (no promise per field, which
 * is most of a page's execution), else through the loader (one query for all the products of a page).
 */
function fromSummary<T>(pick: (summary: ProductSummary) => T) {
  return (node: ProductNode, _args: unknown, ctx: Context): T | Promise<T> =>
    node.summary ? pick(node.summary) : ctx.loaders.summary.load(node).then(pick);
}

export const ProductType = builder.objectRef<ProductNode>('Product').implement({
  description:
    'One seller SKU of the account: what the reports say of it, and what Amazon owes for it on a day (the asOf of the field that gave the product, else today).',
  fields: (t) => ({
    sku: t.string({ resolve: ({ product }) => product.sku }),
    fnsku: t.string({ nullable: true, resolve: ({ product }) => product.fnsku }),
    asin: t.string({ nullable: true, resolve: ({ product }) => product.asin }),
    title: t.string({ nullable: true, resolve: ({ product }) => product.title }),
    lastSalePrice: t.field({
      type: MoneyType,
      nullable: true,
      description: "The SKU's latest sale price per unit, from the settlements.",
      resolve: ({ product }) => moneyOf(product.lastSalePrice, product.lastSaleCurrency),
    }),
    purchaseCost: t.field({
      type: MoneyType,
      nullable: true,
      description: 'What a unit cost the seller, from a costs file or setProductCost.',
      resolve: ({ product }) => moneyOf(product.purchaseCost, product.purchaseCurrency),
    }),
    unitValue: t.field({
      type: MoneyType,
      nullable: true,
      description: "What one missing unit is worth, by the account's valuation setting.",
      resolve: ({ product }, _args, ctx) => unitValueOf(product, viewerOf(ctx).valuation),
    }),
    missingUnits: t.int({ resolve: fromSummary((summary) => summary.missingUnits) }),
    claimableUnits: t.int({ resolve: fromSummary((summary) => summary.claimableUnits) }),
    claimedUnits: t.int({ resolve: fromSummary((summary) => summary.claimedUnits) }),
    expiredUnits: t.int({ resolve: fromSummary((summary) => summary.expiredUnits) }),
    nextDeadline: t.field({
      type: 'Date',
      nullable: true,
      resolve: fromSummary((summary) => summary.nextDeadline ?? null),
    }),
    reimbursable: t.field({
      type: MoneyType,
      nullable: true,
      resolve: fromSummary((summary) => summary.reimbursable),
    }),
    claimableReimbursable: t.field({
      type: MoneyType,
      nullable: true,
      description: claimableDescription,
      resolve: fromSummary((summary) => summary.claimableReimbursable),
    }),
    expectedPayout: t.field({
      type: MoneyType,
      nullable: true,
      description: payoutDescription,
      resolve: fromSummary((summary) => summary.expectedPayout),
    }),
    payoutBasis: t.field({
      type: PayoutBasisEnum,
      nullable: true,
      description: 'The basis of most of the missing units.',
      resolve: fromSummary((summary) => summary.payoutBasis),
    }),
    byType: t.field({
      type: [MissingByType],
      resolve: fromSummary((summary) => summary.byType),
    }),
    // By the model's name: the Case type (case.ts) itself refers to Product.
    cases: t.prismaField({
      type: ['Case'],
      description: 'The cases holding the product, newest first.',
      resolve: (_query, node, _args, ctx) => ctx.loaders.casesOfProduct.load(node.product.id),
    }),
    evidence: t.field({
      type: [EvidenceType],
      args: { type: t.arg({ type: MissingTypeEnum }) },
      description: 'The events behind the missing units, oldest first.',
      resolve: async (node, { type }, ctx) => {
        const evidence = await ctx.loaders.evidence.load(node);
        return type ? evidence.filter((row) => row.type === type) : evidence;
      },
    }),
  }),
});

function productNode(ctx: Context, product: Product, asOf: Date | null | undefined): ProductNode {
  return { product, asOf: asOfOf(ctx, asOf) };
}

builder.queryField('product', (t) =>
  t.field({
    type: ProductType,
    nullable: true,
    args: { sku: t.arg.string({ required: true }), asOf: t.arg({ type: 'DateTime' }) },
    resolve: async (_root, { sku, asOf }, ctx) => {
      const product = await ctx.db.prisma.product.findUnique({
        where: { accountId_sku: { accountId: viewerOf(ctx).id, sku } },
      });
      return product ? productNode(ctx, product, asOf) : null;
    },
  }),
);

function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.nextDeadline, position.sku])).toString('base64url');
}

function decodeCursor(cursor: string): ListPosition {
  try {
    const [nextDeadline, sku] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string | null,
      string,
    ];
    if ((nextDeadline === null || /^\d{4}-\d{2}-\d{2}$/.test(nextDeadline)) && typeof sku === 'string') {
      return { nextDeadline, sku };
    }
  } catch {}
  throw new GraphQLError('after is not a cursor of this list', { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.queryField('missingProducts', (t) =>
  t.connection(
    {
      type: ProductType,
      description:
        'The products with units missing, claimed or expired, the most urgent first: earliest next deadline, then the others by SKU. With `type`, the numbers of that type only.',
      args: { asOf: t.arg({ type: 'DateTime' }), type: t.arg({ type: MissingTypeEnum }) },
      resolve: async (_root, args, ctx) => {
        viewerOf(ctx);
        const asOf = asOfOf(ctx, args.asOf);
        const type = args.type ?? undefined;
        const options = await ctx.loaders.viewOptions({ asOf, type });
        const { rows, hasNextPage } = await missingProducts(ctx.db, options, {
          first: pageSize(args.first, 50),
          after: args.after ? decodeCursor(args.after) : undefined,
        });
        const edges = rows.map(({ product, summary }) => ({
          cursor: encodeCursor({ nextDeadline: summary.nextDeadline ?? null, sku: product.sku }),
          node: { product, asOf, type, summary } satisfies ProductNode,
        }));
        return {
          edges,
          // Counted only when asked: a page alone costs no count.
          totalCount: () => countMissingProducts(ctx.db, options),
          pageInfo: {
            hasNextPage,
            hasPreviousPage: args.after !== null && args.after !== undefined,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    {
      name: 'ProductConnection',
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many products the list holds in all (with `type`, those with units of that type).',
          resolve: (connection) => connection.totalCount(),
        }),
      }),
    },
    { name: 'ProductEdge' },
  ),
);

builder.queryField('products', (t) =>
  t.connection(
    {
      type: ProductType,
      description:
        'Every product of the account, in the order Reclaim first saw them; `search` matches SKU, FNSKU, ASIN or title.',
      args: { search: t.arg.string(), asOf: t.arg({ type: 'DateTime' }) },
      resolve: async (_root, args, ctx) => {
        const account = viewerOf(ctx);
        const first = pageSize(args.first, 50);
        const afterText = args.after ? Buffer.from(args.after, 'base64url').toString('utf8') : '0';
        const afterId = /^\d{1,15}$/.test(afterText) ? Number(afterText) : Number.NaN;
        if (!Number.isInteger(afterId)) {
          throw new GraphQLError('after is not a cursor of this list', { extensions: { code: 'BAD_USER_INPUT' } });
        }
        // Searched for as typed: LIKE's wildcards (and its escape character) are escaped, so "%" finds a literal %.
        const search = args.search?.trim().replace(/[\\%_]/g, (character) => `\\${character}`);
        const products = await ctx.db.prisma.product.findMany({
          where: {
            accountId: account.id,
            id: { gt: afterId },
            ...(search
              ? {
                  OR: ['sku', 'fnsku', 'asin', 'title'].map((field) => ({
                    [field]: { contains: search, mode: 'insensitive' as const },
                  })),
                }
              : {}),
          },
          orderBy: { id: 'asc' },
          take: first + 1,
        });
        const edges = products.slice(0, first).map((product) => ({
          cursor: Buffer.from(String(product.id)).toString('base64url'),
          node: productNode(ctx, product, args.asOf),
        }));
        return {
          edges,
          pageInfo: {
            hasNextPage: products.length > first,
            hasPreviousPage: afterId > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    { name: 'ProductListConnection' },
    { name: 'ProductListEdge' },
  ),
);

const SetProductCostSuccess = builder.objectRef<{ product: ProductNode }>('SetProductCostSuccess').implement({
  fields: (t) => ({ product: t.field({ type: ProductType, resolve: (success) => success.product }) }),
});

builder.mutationField('setProductCost', (t) =>
  t.field({
    type: resultUnion('SetProductCostResult', SetProductCostSuccess),
    description: 'Sets what a unit of the product cost the seller. Codes: NOT_FOUND, INVALID_INPUT.',
    args: { sku: t.arg.string({ required: true }), cost: t.arg({ type: MoneyInput, required: true }) },
    resolve: (_root, { sku, cost }, ctx) =>
      resultOf(async () => {
        const account = viewerOf(ctx);
        const money = moneyFromInput(cost, 'cost');
        const found = await ctx.db.prisma.product.findUnique({
          where: { accountId_sku: { accountId: account.id, sku } },
        });
        if (!found) throw new DomainError('NOT_FOUND', `There is no product with SKU ${sku} in this account`);
        const product = await ctx.db.prisma.product.update({
          where: { id: found.id },
          data: { purchaseCost: money.amount.toString(), purchaseCurrency: money.currency },
        });
        return { product: productNode(ctx, product, undefined) };
      }),
  }),
);
