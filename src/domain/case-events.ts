// The vocabulary of a case's changes (docs/rules.md section 5, History): what the use cases return, the audit log
// records and the caseUpdated subscription is told, and the plain JSON a message carries between processes.
import type { CaseStatus, ClosedBy } from './attribution.js';
import type { DescriptionLanguage } from './claims/description.js';
import type { Decimal } from './money.js';
import type { MissingType } from './types.js';

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
  /**
   * The case as it was read right after the change was committed (absent once DELETED): what a subscriber is sent is
   * built from it, in every process the message reaches, without reading the database again.
   */
  snapshot?: CaseSnapshot;
}

/** A case's own columns and its items' as JSON (its Excel evidence and the items' claim lines stay in the database). */
export interface CaseSnapshot {
  id: number;
  accountId: number;
  amazonCaseId: string;
  type: MissingType;
  status: CaseStatus;
  /** ISO instants. */
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  description: string;
  language: DescriptionLanguage;
  deletedAt: string | null;
  createdAt: string;
  /** What paid its items, in approval order. */
  reimbursements: CaseStateMessage['reimbursements'];
  /** By id, as `Case.items` lists them. */
  items: Array<{
    id: number;
    caseId: number;
    accountId: number;
    productId: number;
    type: MissingType;
    claimedUnits: number;
    reimbursedUnits: number;
    open: boolean;
  }>;
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

export function caseUpdatedMessage(event: CaseEvent, snapshot?: CaseSnapshot): CaseUpdatedMessage {
  return {
    kind: event.kind,
    caseId: event.caseId,
    at: event.at.toISOString(),
    ...(event.state ? { state: caseStateMessage(event.state) } : {}),
    ...(snapshot && event.kind !== 'DELETED' ? { snapshot } : {}),
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
