// docs/rules.md section 4: from the gross events of one product and type to its missing pool.
import type { MissingEvent, Offset } from './missing-events.js';
import { oldestFirst } from './missing-events.js';

/** What takes units out of the events besides cases: found units and unattributed reimbursements. */
export interface Consumption {
  /** Units that offset the events of their date or before, oldest first (LOST: found units). */
  offsets: readonly Offset[];
  /** Unattributed reimbursement lines of this type, reversals negative; orderId for those naming an order. */
  reimbursements: ReadonlyArray<{ units: number; orderId?: string }>;
}

/** A unit count still missing from one event, with the event it comes from. */
export interface PoolLot {
  event: MissingEvent;
  units: number;
}

/**
 * The missing pool of one product and type (docs/rules.md section 4), in this order:
 * 1. Found units offset the units missing at their date, oldest first; more found than missing then resolves
 *    everything and is not carried forward as credit against units lost later. A unit found after a case claimed
 *    its event is one of the claimed units: the case may be paid less, the other events are untouched.
 * 2. Units claimed by cases leave the pool (they left it when their case was opened).
 * 3. Unattributed reimbursements, net of reversals, consume the units still in the pool oldest first; one naming an
 *    order (UNRETURNED) consumes that order's event first. Amazon pays after the fact, so their dates do not limit
 *    what they pay for. They come after the claims because a payment that outgrows its case leaves its rest
 *    unattributed (docs/rules.md section 3): that rest pays for units still missing, not for units a case already holds,
 *    or paid units would be shown as missing and claimed again. (A reimbursement from before a case was opened gives
 *    the same pool either way: the case claimed what that payment had left.)
 * Each remaining unit keeps the date of its event.
 */
export function missingPool(
  events: readonly MissingEvent[],
  consumption: Consumption,
  claimedByEvent: ReadonlyMap<string, number>,
): PoolLot[] {
  const lots = [...events].sort(oldestFirst).map((event) => ({ event, units: event.units }));

  for (const offset of [...consumption.offsets].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    consumeOldestFirst(
      lots.filter((lot) => lot.event.date <= offset.date),
      offset.units,
    );
  }

  for (const lot of lots) lot.units = Math.max(0, lot.units - (claimedByEvent.get(lot.event.key) ?? 0));

  const byOrder = new Map<string, number>();
  let reimbursed = 0;
  for (const { units, orderId } of consumption.reimbursements) {
    if (orderId) byOrder.set(orderId, (byOrder.get(orderId) ?? 0) + units);
    else reimbursed += units;
  }
  for (const [orderId, units] of byOrder) {
    // What the order's event cannot take consumes the others, like any reimbursement.
    reimbursed += consumeOldestFirst(
      lots.filter((lot) => lot.event.orderId === orderId),
      units,
    );
  }
  // A net reversal (its original line is not in the data) cannot make units missing again.
  consumeOldestFirst(lots, Math.max(0, reimbursed));

  return lots.filter((lot) => lot.units > 0);
}

/** Takes up to `units` from the lots in their order; returns what none of them could take. */
function consumeOldestFirst(lots: PoolLot[], units: number): number {
  let left = units;
  for (const lot of lots) {
    if (left <= 0) break;
    const taken = Math.min(left, lot.units);
    lot.units -= taken;
    left -= taken;
  }
  return left;
}
