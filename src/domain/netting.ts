// RULES.md section 4: from the gross events of one product and type to its missing pool.
import type { MissingEvent } from './missing-events.js';
import { oldestFirst } from './missing-events.js';

/** What takes units out of the events besides cases: found units and unattributed reimbursements. */
export interface Consumption {
  /** Units that offset the events oldest first (LOST: found units). */
  offsets: number;
  /** Unattributed reimbursement lines of this type, reversals negative; orderId for those naming an order. */
  reimbursements: ReadonlyArray<{ units: number; orderId?: string }>;
}

/** A unit count still missing from one event, with the event it comes from. */
export interface PoolLot {
  event: MissingEvent;
  units: number;
}

/**
 * The missing pool of one product and type. Units claimed by cases are out of the pool: they leave the events they
 * were claimed from. A reimbursement naming an order (UNRETURNED) consumes that order's event first; then found
 * units and the net reimbursed units consume the rest oldest first. Consumption beyond the events is not carried
 * forward as credit. Each remaining unit keeps the date of its event.
 */
export function missingPool(
  events: readonly MissingEvent[],
  consumption: Consumption,
  claimedByEvent: ReadonlyMap<string, number>,
): PoolLot[] {
  const lots = [...events]
    .sort(oldestFirst)
    .map((event) => ({ event, units: Math.max(0, event.units - (claimedByEvent.get(event.key) ?? 0)) }));

  const byOrder = new Map<string, number>();
  let reimbursed = 0;
  for (const { units, orderId } of consumption.reimbursements) {
    if (orderId) byOrder.set(orderId, (byOrder.get(orderId) ?? 0) + units);
    else reimbursed += units;
  }
  for (const [orderId, units] of byOrder) {
    let left = units;
    for (const lot of lots) {
      if (left <= 0) break;
      if (lot.event.orderId !== orderId) continue;
      const taken = Math.min(left, lot.units);
      lot.units -= taken;
      left -= taken;
    }
    // What the order's event could not take consumes the others, like any reimbursement.
    reimbursed += left;
  }
  // A net reversal (its original line is not in the data) cannot make units missing again.
  consumeOldestFirst(lots, consumption.offsets + Math.max(0, reimbursed));
  return lots.filter((lot) => lot.units > 0);
}

function consumeOldestFirst(lots: PoolLot[], units: number): void {
  let left = units;
  for (const lot of lots) {
    if (left <= 0) return;
    const taken = Math.min(left, lot.units);
    lot.units -= taken;
    left -= taken;
  }
}
