// The order a run takes its steps in. The inbound shipments are paged through Amazon's rate limits (two requests a
// second once a burst of 30 is spent: minutes for a large seller) and use no report: they are fetched beside the
// other feeds, which go on in their order meanwhile. A feed that waits (a report Amazon is making) does not hold up
// those after it: each asks Amazon for its own report, Amazon makes them side by side, and the run comes back at the
// earliest wake-up. What the feeds import is serialised by the import pipeline's account lock, and every import
// recomputes the products it touched when it commits, so the order of their commits changes no number.
import { SYNC_FEEDS, type SyncFeed } from '../domain/sync/windows.js';

/**
 * The feeds that start only once others have ended: the refunds' window starts where the last settlement ends, and
 * what they say of a SKU's channel is completed by every SKU the other feeds showed fulfilled by Amazon (fbaSkus).
 */
const RUNS_AFTER: Partial<Record<SyncFeed, readonly SyncFeed[]>> = {
  REFUNDS: SYNC_FEEDS.slice(0, SYNC_FEEDS.indexOf('REFUNDS')),
};

/** A run or a WAITING step woken this much before its time is taken all the same (timers fire a little early or late). */
export const EARLY_MS = 1000;

export interface LaneStep {
  feed: string;
  status: string;
  wakeAt: Date | null;
}

/** What taking a step came to: when to come back for it, its end (SUCCEEDED or FAILED), or the whole run's end. */
export type Taken = Date | 'ended' | 'stop';

/**
 * Takes the run's steps that are neither SUCCEEDED nor FAILED, in two lanes side by side (the inbound shipments; the
 * other feeds in their order), and answers the earliest wake-up of the steps left waiting, if any. A step waiting
 * for a later time is passed by; `stop` ends both lanes before their next step. Both lanes end before this answers,
 * even when one throws (its error is thrown then): the caller's lease must outlive every request.
 */
export async function runLanes<S extends LaneStep>(
  steps: readonly S[],
  take: (step: S) => Promise<Taken>,
  now: () => Date,
): Promise<Date | undefined> {
  const ended = new Set(
    steps.filter((step) => step.status === 'SUCCEEDED' || step.status === 'FAILED').map((s) => s.feed),
  );
  const inFlight = new Map<string, Promise<unknown>>();
  let stopped = false;
  let wake: Date | undefined;
  const later = (at: Date) => {
    if (!wake || at < wake) wake = at;
  };
  const lane = async (laneSteps: readonly S[]) => {
    for (const step of laneSteps) {
      if (stopped) return;
      if (ended.has(step.feed)) continue;
      const before = RUNS_AFTER[step.feed as SyncFeed] ?? [];
      // Those the other lane is taking are waited for; one left waiting for Amazon brings the run back for both.
      await Promise.all(before.map((feed) => inFlight.get(feed)));
      if (stopped) return;
      if (before.some((feed) => !ended.has(feed))) continue;
      if (step.status === 'WAITING' && step.wakeAt && step.wakeAt.getTime() > now().getTime() + EARLY_MS) {
        later(step.wakeAt);
        continue;
      }
      // The feed is marked ended before anything waiting for it looks.
      const taking = take(step).then((taken) => {
        if (taken instanceof Date) later(taken);
        else ended.add(step.feed);
        if (taken === 'stop') stopped = true;
      });
      inFlight.set(
        step.feed,
        taking.catch(() => {}),
      );
      try {
        await taking;
      } catch (error) {
        stopped = true;
        throw error;
      } finally {
        inFlight.delete(step.feed);
      }
    }
  };
  const lanes = [
    steps.filter((step) => step.feed === 'INBOUND_SHIPMENTS'),
    steps.filter((step) => step.feed !== 'INBOUND_SHIPMENTS'),
  ];
  const settled = await Promise.allSettled(lanes.map(lane));
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return stopped ? undefined : wake;
}
