// The claim wizard (docs/api.md, claimDraft): the Excel file, the description and where to open the case.

import { GraphQLError } from 'graphql';
import { claimOf, claimProducts } from '../cases/claim.js';
import { dayOf } from '../domain/calendar.js';
import { type Claim, claimPayout, claimUnits } from '../domain/claims/claim.js';
import { describeClaim, descriptionLanguageOf } from '../domain/claims/description.js';
import { guidance, guidanceLanguageOf, newCaseUrl } from '../domain/claims/seller-central.js';
import { sumByCurrency } from '../domain/money.js';
import type { MissingType } from '../domain/types.js';
import type { Product } from '../generated/prisma/client.js';
import { builder } from './builder.js';
import { asOfOf, viewerOf } from './context.js';
import { DescriptionLanguageEnum } from './language.js';
import { MoneyType } from './money.js';
import { EvidenceType, MissingTypeEnum, PayoutBasisEnum, ProductType } from './product.js';

interface ClaimDraftShape {
  claim: Claim;
  products: Product[];
  asOf: Date;
  documentUrl: string;
  description: string;
  sellerCentralUrl: string;
  type: MissingType;
}

type ClaimItemShape = { product: Product; asOf: Date; item: Claim['items'][number] };

function evidenceOf(item: Claim['items'][number]) {
  return item.evidence.map((line) => ({
    ...line,
    reference: line.reference ?? null,
    reasonCode: line.reasonCode ?? null,
    fulfillmentCenter: line.fulfillmentCenter ?? null,
    disposition: line.disposition ?? null,
    payout: line.payout ?? null,
    reconciledQuantity: line.reconciledQuantity ?? null,
    unreconciledQuantity: line.unreconciledQuantity ?? null,
    amazonReconciled: line.amazonReconciled ?? false,
    trackingNumber: line.trackingNumber ?? null,
    carrier: line.carrier ?? null,
    removal: line.removal ?? null,
  }));
}

const ClaimItemType = builder.objectRef<ClaimItemShape>('ClaimItem').implement({
  description: 'One product of a claim: its CLAIMABLE units and the evidence behind them.',
  fields: (t) => ({
    product: t.field({ type: ProductType, resolve: ({ product, asOf }) => ({ product, asOf }) }),
    units: t.int({ resolve: ({ item }) => item.units }),
    reimbursable: t.field({ type: MoneyType, nullable: true, resolve: ({ item }) => item.reimbursable }),
    expectedPayout: t.field({ type: MoneyType, nullable: true, resolve: ({ item }) => item.expectedPayout }),
    payoutBasis: t.field({ type: PayoutBasisEnum, nullable: true, resolve: ({ item }) => item.payoutBasis }),
    evidence: t.field({ type: [EvidenceType], resolve: ({ item }) => evidenceOf(item) }),
  }),
});

const ClaimDraftType = builder.objectRef<ClaimDraftShape>('ClaimDraft').implement({
  description:
    'The three steps of a claim: 1. download the Excel evidence (documentUrl); 2. paste the description into the case; 3. open the case at sellerCentralUrl, as guidance says, then save its ID with openCase.',
  fields: (t) => ({
    units: t.int({ resolve: ({ claim }) => claimUnits(claim) }),
    reimbursable: t.field({
      type: MoneyType,
      nullable: true,
      description:
        'What the claim is worth (null when no product of it has a known value; the first currency otherwise).',
      resolve: ({ claim }) =>
        sumByCurrency(claim.items.flatMap((item) => (item.reimbursable ? [item.reimbursable] : [])))[0] ?? null,
    }),
    expectedPayout: t.field({
      type: MoneyType,
      nullable: true,
      description:
        "What Amazon's current policy would pay for the claimed units (docs/rules.md section 9); null when none of them is priced.",
      resolve: ({ claim }) => claimPayout(claim).expectedPayout,
    }),
    payoutBasis: t.field({
      type: PayoutBasisEnum,
      nullable: true,
      description: 'The basis of most of the claimed units.',
      resolve: ({ claim }) => claimPayout(claim).payoutBasis,
    }),
    evidence: t.field({ type: [EvidenceType], resolve: ({ claim }) => claim.items.flatMap(evidenceOf) }),
    items: t.field({
      type: [ClaimItemType],
      resolve: ({ claim, products, asOf }) =>
        claim.items.map((item, index) => ({ item, product: products[index]!, asOf })),
    }),
    documentUrl: t.exposeString('documentUrl', {
      description: 'The Excel evidence (a signed link, valid 15 minutes).',
    }),
    description: t.exposeString('description'),
    sellerCentralUrl: t.exposeString('sellerCentralUrl'),
    guidance: t.stringList({
      description:
        'Which options to pick in Seller Central, step by step: in French for `language: FR`, else in English (the language of the dashboard, not of the description).',
      args: { language: t.arg({ type: DescriptionLanguageEnum }) },
      resolve: (draft, args) => guidance(draft.type, guidanceLanguageOf(args.language)),
    }),
  }),
});

builder.queryField('claimDraft', (t) =>
  t.field({
    type: ClaimDraftType,
    description: 'A claim of one type for one or more products, as a case would claim it on asOf (now by default).',
    args: {
      type: t.arg({ type: MissingTypeEnum, required: true }),
      skus: t.arg.stringList({ required: true }),
      asOf: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_root, { type, skus, asOf }, ctx) => {
      const account = viewerOf(ctx);
      const when = asOfOf(ctx, asOf);
      const chosen = await claimProducts(ctx.db, account.id, skus);
      if (!chosen.ok) throw new GraphQLError(chosen.message, { extensions: { code: chosen.code } });
      const { products } = chosen;
      const claim = await claimOf(ctx.db, account, type, products, dayOf(when));
      // One `sku` parameter per product: a SKU may hold any character, commas included.
      const query = new URLSearchParams([...products.map((product) => ['sku', product.sku]), ['asOf', dayOf(when)]]);
      return {
        claim,
        products,
        asOf: when,
        documentUrl: await ctx.documents.link(`/documents/claims/${type}?${query}`),
        description: describeClaim(claim, descriptionLanguageOf(account), account.region),
        sellerCentralUrl: newCaseUrl(account.region),
        type,
      };
    },
  }),
);
