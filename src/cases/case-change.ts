// What the use cases of a case need from their caller (a request's context, a job's, the CLI's), and the frame of a
// seller's change of one case.
import type { Database, Sql } from '../db/database.js';
import type { CaseEvent } from '../domain/case-events.js';
import type { Refusal } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { lockCases, productsOfCases } from '../store/cases.js';
import { refreshStaleProducts } from '../store/missing-pool.js';
import { type Turn, takeTurn } from './commit-order.js';
import { syncLockedCases } from './sync-cases.js';

export interface CaseDependencies {
  readonly db: Database;
  readonly log: Logger;
  /** Tells the account's subscribers what changed in its cases; called once the change committed. */
  publishCaseEvents(events: readonly CaseEvent[]): void | Promise<void>;
  /** Tells the account's subscribers which products have new numbers. */
  publishMissingChanged(skus: readonly string[]): void;
}

/**
 * A seller's change of one case: its checks, the change and the cases' sync commit together under the account's
 * case lock, so of two changes at once the second sees the first; their events are announced in commit order.
 * A refusal of the checks changes nothing and announces nothing.
 */
export async function changeCase(
  deps: CaseDependencies,
  accountId: number,
  now: Date,
  change: (sql: Sql) => Promise<CaseEvent | Refusal>,
): Promise<{ ok: true } | Refusal> {
  let turn: Turn | undefined;
  try {
    const outcome = await deps.db.transaction(async (sql) => {
      await lockCases(sql, accountId);
      const changed = await change(sql);
      if ('ok' in changed) return changed;
      const synced = await syncLockedCases(sql, accountId, now);
      const events = [changed, ...synced];
      const products = await productsOfCases(
        sql,
        accountId,
        events.map((event) => event.caseId),
      );
      turn = takeTurn(deps.db, accountId);
      return { events, products };
    });
    if ('ok' in outcome) return outcome;
    await refreshStaleProducts(deps.db, accountId, { awaiting: outcome.products });
    await turn?.ready;
    await deps.publishCaseEvents(outcome.events);
    return { ok: true };
  } finally {
    turn?.release();
  }
}
