// What a claim holds: the CLAIMABLE units of each product at asOf, oldest first, with the evidence behind them
// (RULES.md section 5: opening a case claims every CLAIMABLE unit of the type).
import type { Day } from '../calendar.js';
import type { Money } from '../money.js';
import type { MissingType } from '../types.js';
import type { WindowState } from '../windows.js';

export interface ClaimedEvidence {
  /** The event the units come from (see MissingLot.eventKey): the pool takes claimed units out of it. */
  eventKey: string;
  type: MissingType;
  date: Day;
  units: number;
  /** The window state on the day of the claim: a claim takes CLAIMABLE units only. */
  state: WindowState;
  deadline: Day;
  source: string;
  reference?: string;
  reasonCode?: string;
  fulfillmentCenter?: string;
  disposition?: string;
}

export interface ClaimProduct {
  sku: string;
  fnsku?: string;
  asin?: string;
  title?: string;
}

export interface ClaimItem {
  product: ClaimProduct;
  units: number;
  /** units × unit value; null when no value is known. */
  reimbursable: Money | null;
  evidence: ClaimedEvidence[];
}

export interface Claim {
  type: MissingType;
  sellerName: string;
  items: ClaimItem[];
}

export function claimUnits(claim: Pick<Claim, 'items'>): number {
  return claim.items.reduce((sum, item) => sum + item.units, 0);
}

/** The first and last event days of a claim's evidence, and its earliest deadline. */
export function claimDates(evidence: readonly ClaimedEvidence[]): { from?: Day; to?: Day; deadline?: Day } {
  const days = evidence.map((line) => line.date).sort();
  const deadlines = evidence.map((line) => line.deadline).sort();
  return { from: days[0], to: days.at(-1), deadline: deadlines[0] };
}
