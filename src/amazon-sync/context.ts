// What a sync runs with. The sync job (src/jobs, the layer above) gives it, with the import pipeline's job side: a
// sync reads its documents in through the same process-import work a queued import does.
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { ReportKind } from '../domain/types.js';
import type { Events } from '../events.js';
import type { Logger } from '../logger.js';

export interface SyncContext {
  db: Database;
  /** The business "now": a run's asOf (the day its windows end), which RECLAIM_NOW and tests fix. */
  clock: Clock;
  /**
   * Wall-clock time: leases, wake-ups and the next sync are compared with the database's now() (connectionsToWake),
   * so they are never taken from the business clock.
   */
  realNow(): Date;
  events: Events;
  log: Logger;
  config?: Config;
  imports: SyncImports;
}

/** What the sync asks of the jobs that read imports in and tell subscribers. */
export interface SyncImports {
  /** Reads an import in, its numbers settled, and tells subscribers (the process-import job, run here). */
  process(importId: number): Promise<void>;
  /** Settles once the imports of a step whose slices were read in with their numbers deferred. */
  settleSlices(step: {
    importIds: number[];
    accountId: number;
    kind: ReportKind;
    rows: number;
    inserted: number;
  }): Promise<void>;
  /** Recomputes the account's stale products and tells which have new numbers. */
  refreshAndAnnounce(accountId: number): Promise<void>;
}
