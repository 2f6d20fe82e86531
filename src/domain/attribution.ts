// docs/rules.md sections 3 and 5: which reimbursement lines pay which case items, and what that makes of each case
// (auto-close when everything claimed is paid, reopen on a reversal, the seller's own close).
import { dayOf } from './calendar.js';
import { closeByUser } from './case-rules.js';
import { Decimal, type Money, sumByCurrency } from './money.js';
import type { MissingType } from './types.js';

export type CaseStatus = 'OPEN' | 'REIMBURSED' | 'CLOSED';
export type ClosedBy = 'USER' | 'REIMBURSEMENT';

export interface CaseToAttribute {
  id: number;
  amazonCaseId: string;
  type: MissingType;
  openedAt: Date;
  /** When the seller closed it, if they did. */
  closedByUserAt?: Date;
  items: ReadonlyArray<{ id: number; productId: number; claimedUnits: number }>;
}

export interface LineToAttribute {
  key: string;
  productId: number;
  reimbursementId: string;
  /** The case-id column: set when the seller asked for the payment. */
  caseId?: string;
  approvalDate: Date;
  /** The type the line pays (a reversal: its original's); undefined for lines Reclaim ignores. */
  type?: MissingType;
  /** Negative for reversals. */
  units: number;
  amount: Decimal;
  currency: string;
  /** For a reversal: the reimbursement-id of the original line. */
  reversalOf?: string;
}

/** A part of a line paid to a case item. */
export interface Share {
  itemId: number;
  units: number;
  amount: Decimal;
  currency: string;
}

export interface CaseOutcome {
  status: CaseStatus;
  closedAt?: Date;
  closedBy?: ClosedBy;
}

export interface Attribution {
  /** The shares of each line attributed to a case item (lines with none are unattributed). */
  shares: Map<string, Share[]>;
  cases: Map<number, CaseOutcome>;
  /** Units and money received by each item. */
  items: Map<number, { reimbursedUnits: number; reimbursed: Money[] }>;
  /** Lines that name a case which holds no item of their SKU: left unattributed, worth a log line. */
  unmatched: LineToAttribute[];
}

function proportion(amount: Decimal, part: number, whole: number): Decimal {
  return whole === 0 ? new Decimal(0) : amount.times(part).dividedBy(whole);
}

/**
 * Attributes lines to case items in approval-date order (docs/rules.md section 3):
 * 1. a line whose case-id is a case's Amazon case ID belongs to that case's item of its SKU;
 * 2. a line without case-id belongs to the item of its product and type in an OPEN case opened on or before the
 *    day it was approved, as far as the item still waits for units; the rest of the line stays unattributed;
 * and reversals belong where their original line belongs. Cases become REIMBURSED when every item has its claimed
 * units, OPEN again when a reversal takes an auto-closed case below them; a case the seller closed stays closed.
 */
export function attribute(cases: readonly CaseToAttribute[], lines: readonly LineToAttribute[]): Attribution {
  const outcomes = new Map<number, CaseOutcome>(cases.map((c) => [c.id, { status: 'OPEN' }]));
  const received = new Map<number, number>();
  const caseOfItem = new Map<number, CaseToAttribute>();
  for (const c of cases) for (const item of c.items) caseOfItem.set(item.id, c);
  const byAmazonId = new Map(cases.map((c) => [c.amazonCaseId, c]));
  const shares = new Map<string, Share[]>();
  const sharesOfReimbursement = new Map<string, Share[][]>();
  const unmatched: LineToAttribute[] = [];

  const complete = (c: CaseToAttribute) => c.items.every((item) => (received.get(item.id) ?? 0) >= item.claimedUnits);
  const settle = (c: CaseToAttribute, at: Date) => {
    const outcome = outcomes.get(c.id)!;
    if (outcome.status === 'OPEN' && complete(c))
      outcomes.set(c.id, { status: 'REIMBURSED', closedAt: at, closedBy: 'REIMBURSEMENT' });
    else if (outcome.closedBy === 'REIMBURSEMENT' && !complete(c)) outcomes.set(c.id, { status: 'OPEN' });
    else if (
      outcome.closedBy === 'USER' &&
      outcome.status === 'CLOSED' &&
      c.items.some((item) => (received.get(item.id) ?? 0) > 0)
    ) {
      outcomes.set(c.id, { ...outcome, status: 'REIMBURSED' });
    }
  };
  const give = (line: LineToAttribute, itemId: number, units: number) => {
    const share = { itemId, units, amount: proportion(line.amount, units, line.units), currency: line.currency };
    shares.set(line.key, [...(shares.get(line.key) ?? []), share]);
    received.set(itemId, (received.get(itemId) ?? 0) + units);
    return share;
  };

  // The seller's closes happen in time among the payments: a payment approved after it no longer finds the case open.
  type Step = { at: Date; line?: LineToAttribute; close?: CaseToAttribute };
  const steps: Step[] = [
    ...lines.map((line) => ({ at: line.approvalDate, line })),
    ...cases.flatMap((c) => (c.closedByUserAt ? [{ at: c.closedByUserAt, close: c }] : [])),
  ];
  steps.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      (a.close ? 1 : 0) - (b.close ? 1 : 0) ||
      (a.line?.key ?? '').localeCompare(b.line?.key ?? ''),
  );

  for (const step of steps) {
    if (step.close) {
      const paid = step.close.items.some((item) => (received.get(item.id) ?? 0) > 0);
      const closed = closeByUser({ id: step.close.id, status: outcomes.get(step.close.id)!.status }, paid);
      // Auto-closed before the seller's close took its place: the close changes nothing.
      if (closed.ok) outcomes.set(step.close.id, { status: closed.status, closedAt: step.at, closedBy: 'USER' });
      continue;
    }
    const line = step.line!;
    if (!line.type) continue;
    const given: Share[] = [];
    if (line.reversalOf) {
      // Undo the shares of the original line, the most recent first, as far as the reversal goes.
      let left = -line.units;
      for (const originalShares of [
        ...(sharesOfReimbursement.get(`${line.reversalOf}|${line.productId}`) ?? []),
      ].reverse()) {
        for (const share of [...originalShares].reverse()) {
          if (left <= 0) break;
          const taken = Math.min(left, share.units);
          if (taken <= 0) continue;
          given.push(give(line, share.itemId, -taken));
          left -= taken;
        }
      }
    } else if (line.caseId) {
      const named = byAmazonId.get(line.caseId);
      const item = named?.items.find((candidate) => candidate.productId === line.productId);
      if (item) given.push(give(line, item.id, line.units));
      else if (named) unmatched.push(line);
    } else if (line.units > 0) {
      const day = dayOf(line.approvalDate);
      for (const c of cases) {
        if (c.type !== line.type || outcomes.get(c.id)!.status !== 'OPEN' || day < dayOf(c.openedAt)) continue;
        const item = c.items.find((candidate) => candidate.productId === line.productId);
        if (!item) continue;
        const pending = item.claimedUnits - (received.get(item.id) ?? 0);
        if (pending > 0) given.push(give(line, item.id, Math.min(pending, line.units)));
        break;
      }
    }
    if (given.length > 0 && !line.reversalOf) {
      // One reimbursement-id spans the lines of several SKUs: a reversal undoes the original line of its own SKU.
      const original = `${line.reimbursementId}|${line.productId}`;
      sharesOfReimbursement.set(original, [...(sharesOfReimbursement.get(original) ?? []), given]);
    }
    for (const itemId of new Set(given.map((share) => share.itemId)))
      settle(caseOfItem.get(itemId)!, line.approvalDate);
  }

  const items = new Map<number, { reimbursedUnits: number; reimbursed: Money[] }>();
  for (const c of cases) for (const item of c.items) items.set(item.id, { reimbursedUnits: 0, reimbursed: [] });
  const money = new Map<number, Money[]>();
  for (const lineShares of shares.values()) {
    for (const share of lineShares) {
      items.get(share.itemId)!.reimbursedUnits += share.units;
      money.set(share.itemId, [...(money.get(share.itemId) ?? []), { amount: share.amount, currency: share.currency }]);
    }
  }
  for (const [itemId, amounts] of money) items.get(itemId)!.reimbursed = sumByCurrency(amounts);
  return { shares, cases: outcomes, items, unmatched };
}
