// The vocabulary of a case's changes (docs/rules.md section 5, History): what the use cases return, the audit log
// records and the caseUpdated subscription is told, and the plain JSON a message carries between processes.
import type { CaseStatus, ClosedBy } from './attribution.js';
import type { Decimal } from './money.js';

export type CaseEventKind = 'OPENED' | 'REIMBURSEMENT_RECEIVED' | 'REIMBURSED' | 'CLOSED' | 'REOPENED' | 'DELETED';

/** Who made a change, as the audit log says it: the seller, or the attribution of imported payments. */
export type CaseActor = 'user' | 'system';

/** A reimbursement line's share that paid an item of a case. */
export interface AttributedLine {
  reimbursementId: string;
  approvalDate: Date;
  reason: string;
  sku: string;
  units: number;
  amount: Decimal;
  currency: string;
  caseItemId: number;
}

/**
 * What of a case changes with payments, as it was right after one change: one import can pay a case twice (one
 * unit, then the rest), and a subscriber must see each step's numbers, not the last step's read later.
 */
export interface CaseState {
  status: CaseStatus;
  closedAt: Date | null;
  closedBy: ClosedBy | null;
  items: Array<{ id: number; reimbursedUnits: number }>;
  /** In approval order, as `Case.reimbursements` lists them. */
  reimbursements: AttributedLine[];
}

/** A change of a case, for the audit log and the caseUpdated subscription. */
export interface CaseEvent {
  kind: CaseEventKind;
  caseId: number;
  at: Date;
  /** The case right after the change; absent when it is the state committed with the change (a read tells it). */
  state?: CaseState;
}

/** The event a change of status is, when the attribution of payments made it. */
export function kindOfStatusChange(status: CaseStatus): CaseEventKind {
  return status === 'OPEN' ? 'REOPENED' : status === 'REIMBURSED' ? 'REIMBURSED' : 'CLOSED';
}

/** A CaseEvent as the `case:updated` topic carries it. */
export interface CaseUpdatedMessage {
  kind: CaseEventKind;
  caseId: number;
  /** ISO instant. */
  at: string;
  /** The case's payments and status right after this change (CaseState, as JSON). */
  state?: CaseStateMessage;
}

export interface CaseStateMessage {
  status: CaseStatus;
  closedAt: string | null;
  closedBy: ClosedBy | null;
  items: Array<{ id: number; reimbursedUnits: number }>;
  reimbursements: Array<{
    reimbursementId: string;
    approvalDate: string;
    reason: string;
    sku: string;
    units: number;
    /** Decimal, as text. */
    amount: string;
    currency: string;
    caseItemId: number;
  }>;
}

export function caseUpdatedMessage(event: CaseEvent): CaseUpdatedMessage {
  return {
    kind: event.kind,
    caseId: event.caseId,
    at: event.at.toISOString(),
    ...(event.state ? { state: caseStateMessage(event.state) } : {}),
  };
}

function caseStateMessage(state: CaseState): CaseStateMessage {
  return {
    status: state.status,
    closedAt: state.closedAt?.toISOString() ?? null,
    closedBy: state.closedBy,
    items: state.items,
    reimbursements: state.reimbursements.map((line) => ({
      ...line,
      approvalDate: line.approvalDate.toISOString(),
      amount: line.amount.toString(),
    })),
  };
}
