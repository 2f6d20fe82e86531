// Per-request loaders: lists resolve their rows' fields in one query per field, whatever the page size
// (the DataLoader pattern: batch the keys of one tick, answer in key order).
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { dayOf } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import type { ProductSummary } from '../domain/summary.js';
import type { MissingType } from '../domain/types.js';
import type { Account, Product } from '../generated/prisma/client.js';
import { accountPolicy } from '../store/accounts.js';
import { type Evidence, evidenceOf, summariesOf, type ViewOptions } from '../store/missing-view.js';

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
    type: view.type,
  });
  const requireAccount = () => {
    if (!account) throw new Error('loaders need an account');
    return account;
  };
  const cacheKeyFn = (node: ProductNode) => `${node.product.id}|${viewKey(node)}`;
  return {
    policy: () => policyOf(requireAccount()),
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
