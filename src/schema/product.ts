import { builder } from './builder.js';
import { viewerOf } from './context.js';
import { MoneyType, moneyOf } from './money.js';

export const ProductType = builder.prismaObject('Product', {
  description: 'One seller SKU of the account, with what the reports say of it.',
  fields: (t) => ({
    sku: t.exposeString('sku'),
    fnsku: t.exposeString('fnsku', { nullable: true }),
    asin: t.exposeString('asin', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    lastSalePrice: t.field({
      type: MoneyType,
      nullable: true,
      description: "The SKU's latest sale price per unit, from the settlements.",
      resolve: (product) => moneyOf(product.lastSalePrice, product.lastSaleCurrency),
    }),
    purchaseCost: t.field({
      type: MoneyType,
      nullable: true,
      description: 'What a unit cost the seller, from a costs file or setProductCost.',
      resolve: (product) => moneyOf(product.purchaseCost, product.purchaseCurrency),
    }),
  }),
});

builder.queryField('product', (t) =>
  t.prismaField({
    type: 'Product',
    nullable: true,
    args: { sku: t.arg.string({ required: true }), asOf: t.arg({ type: 'DateTime' }) },
    resolve: (query, _root, { sku }, ctx) =>
      ctx.db.prisma.product.findUnique({ ...query, where: { accountId_sku: { accountId: viewerOf(ctx).id, sku } } }),
  }),
);

builder.queryField('products', (t) =>
  t.prismaConnection(
    {
      type: 'Product',
      cursor: 'id',
      description: 'Every product of the account, by SKU; `search` matches SKU, FNSKU, ASIN or title.',
      maxSize: 100,
      defaultSize: 50,
      args: { search: t.arg.string() },
      resolve: (query, _root, { search }, ctx) =>
        ctx.db.prisma.product.findMany({
          ...query,
          where: {
            accountId: viewerOf(ctx).id,
            ...(search
              ? {
                  OR: [
                    { sku: { contains: search, mode: 'insensitive' } },
                    { fnsku: { contains: search, mode: 'insensitive' } },
                    { asin: { contains: search, mode: 'insensitive' } },
                    { title: { contains: search, mode: 'insensitive' } },
                  ],
                }
              : {}),
          },
          orderBy: { id: 'asc' },
        }),
    },
    { name: 'ProductListConnection' },
    { name: 'ProductListEdge' },
  ),
);
