// What the jobs tell subscribers after the work they committed.
import { type CaseEvent, caseUpdatedMessage } from '../domain/case-events.js';
import { caseSnapshots } from '../store/cases.js';
import { refreshStaleProducts } from '../store/missing-pool.js';
import type { JobContext } from './kit.js';

/**
 * Tells the account's subscribers of its cases' changes, each message with the case as it is once they are committed
 * (one read for them all, here, rather than one per event in every process a message reaches).
 */
export async function announceCaseEvents(
  ctx: Pick<JobContext, 'events' | 'db'>,
  accountId: number,
  events: readonly CaseEvent[],
) {
  if (events.length === 0) return;
  const snapshots = await caseSnapshots(ctx.db, accountId, [...new Set(events.map((event) => event.caseId))]);
  for (const event of events) {
    ctx.events.publish('case:updated', accountId, caseUpdatedMessage(event, snapshots.get(event.caseId)));
  }
}

/** Recomputes the account's stale products and tells which SKUs have new numbers. */
export async function refreshAndAnnounce(ctx: Pick<JobContext, 'db' | 'events' | 'clock'>, accountId: number) {
  const refreshed = await refreshStaleProducts(ctx.db, accountId);
  await announceProducts(ctx, accountId, refreshed);
}

export async function announceProducts(
  ctx: Pick<JobContext, 'db' | 'events' | 'clock'>,
  accountId: number,
  productIds: readonly number[],
) {
  if (productIds.length === 0) return;
  const products = await ctx.db.sql.query<{ sku: string }>(
    'SELECT sku FROM product WHERE account_id = $1 AND id = ANY($2::int[]) ORDER BY sku',
    [accountId, [...productIds]],
  );
  ctx.events.publish('missing:changed', accountId, {
    skus: products.map((product) => product.sku),
    at: ctx.clock.now().toISOString(),
  });
}
