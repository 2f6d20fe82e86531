// Per-request loaders: lists resolve their rows' fields in one query per field, whatever the page size
// (the DataLoader pattern: batch the keys of one tick, answer in key order).
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { dayOf } from '../domain/calendar.js';
import { Decimal, type Money } from '../domain/money.js';
import type { Policy } from '../domain/policy.js';
import type { ProductSummary } from '../domain/summary.js';
import type { MissingType } from '../domain/types.js';
import type { Account, Case, CaseItem, Product } from '../generated/prisma/client.js';
import { accountCostBasisDay, accountPolicy } from '../store/accounts.js';
import { paidLinesOf } from '../store/cases.js';
import { type Evidence, evidenceOf, summariesOf, type ViewOptions } from '../store/missing-view.js';
import type { UnderpaidLine } from '../store/underpaid.js';

/** A product as a GraphQL field sees it: with the day its numbers are for, and the type a list was filtered by. */
export interface ProductNode {
  product: Product;
  asOf: Date;
  type?: MissingType;
  /** Given when the list that holds the product computed it already. */
  summary?: ProductSummary;
}

function viewKey(node: ProductNode): string {
  return `${dayOf(node.asOf)}|${node.type ?? ''}`;
}

/** Groups a batch of nodes by asOf day and type, answers each group with one call, and returns in key order. */
function byView<T>(
  load: (options: { asOf: Date; type?: MissingType }, nodes: ProductNode[]) => Promise<Map<number, T>>,
) {
  return async (nodes: readonly ProductNode[]): Promise<T[]> => {
    const groups = new Map<string, ProductNode[]>();
    for (const node of nodes) groups.set(viewKey(node), [...(groups.get(viewKey(node)) ?? []), node]);
    const answers = new Map<string, Map<number, T>>();
    for (const [key, group] of groups)
      answers.set(key, await load({ asOf: group[0]!.asOf, type: group[0]!.type }, group));
    return nodes.map((node) => answers.get(viewKey(node))!.get(node.product.id)!);
  };
}

/** A reimbursement line's share that paid an item of a case. */
export interface AttributedLine {
  reimbursementId: string;
  approvalDate: Date;
  reason: string;
  sku: string;
  units: number;
  amount: Money;
  caseItemId: number;
}

export function createLoaders(db: Database, account: Account | null) {
  let policy: Promise<Policy> | undefined;
  const policyOf = (owner: Account) => {
    policy ??= accountPolicy(db, owner);
    return policy;
  };
  const viewOptions = async (owner: Account, view: { asOf: Date; type?: MissingType }): Promise<ViewOptions> => ({
    accountId: owner.id,
    asOfDay: dayOf(view.asOf),
    valuation: owner.valuation,
    costBasisDay: accountCostBasisDay(owner),
    type: view.type,
  });
  let underpaid: Promise<UnderpaidLine[]> | undefined;
  const requireAccount = () => {
    if (!account) throw new Error('loaders need an account');
    return account;
  };
  const cacheKeyFn = (node: ProductNode) => `${node.product.id}|${viewKey(node)}`;
  return {
    product: new DataLoader<number, Product>(async (ids) => {
      const products = await db.prisma.product.findMany({
        where: { id: { in: [...ids] }, accountId: requireAccount().id },
      });
      const byId = new Map(products.map((product) => [product.id, product]));
      return ids.map((id) => byId.get(id) ?? new Error(`product ${id} not found`));
    }),
    /** The lines attributed to each case, in approval order. */
    attributions: new DataLoader<number, AttributedLine[]>(async (caseIds) => {
      const lines = await paidLinesOf(db, requireAccount().id, caseIds);
      return caseIds.map((caseId) =>
        lines
          .filter((line) => line.caseId === caseId)
          .map(({ caseId: _case, amount, currency, ...line }) => ({
            ...line,
            amount: { amount: new Decimal(amount), currency },
          })),
      );
    }),
    /** The cases (not deleted) holding each product, newest first. */
    casesOfProduct: new DataLoader<number, Array<Case & { items: CaseItem[] }>>(async (productIds) => {
      const cases = await db.prisma.case.findMany({
        where: {
          accountId: requireAccount().id,
          deletedAt: null,
          items: { some: { productId: { in: [...productIds] } } },
        },
        include: { items: true },
        orderBy: { id: 'desc' },
      });
      return productIds.map((id) => cases.filter((c) => c.items.some((item) => item.productId === id)));
    }),
    /**
     * Units received by case items as a subscription event tells them (subscription.ts), over what the rows say now:
     * filled for one event's own loaders, empty otherwise.
     */
    reimbursedUnitsOfItem: new Map<number, number>(),
    policy: () => policyOf(requireAccount()),
    /** The account's underpaid lines, computed once per request whoever asks first. */
    underpaid: (load: () => Promise<UnderpaidLine[]>) => {
      underpaid ??= load();
      return underpaid;
    },
    viewOptions: (view: { asOf: Date; type?: MissingType }) => viewOptions(requireAccount(), view),
    summary: new DataLoader<ProductNode, ProductSummary, string>(
      byView(async (view, nodes) =>
        summariesOf(
          db,
          await viewOptions(requireAccount(), view),
          nodes.map((node) => node.product),
        ),
      ),
      { cacheKeyFn },
    ),
    evidence: new DataLoader<ProductNode, Evidence[], string>(
      byView(async (view, nodes) =>
        evidenceOf(
          db,
          await viewOptions(requireAccount(), view),
          nodes.map((node) => node.product.id),
        ),
      ),
      { cacheKeyFn },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
